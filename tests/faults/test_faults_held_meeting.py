"""A second person tries to open a meeting another live-notes is writing.

The refusal must only suggest what exists: no "open it read-only" (there is no
such mode); ``show`` and ``export`` named in it work while the other writer
holds the meeting, and nothing it wrote is touched.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

from faults.support import record, run_cli

if TYPE_CHECKING:
    from pathlib import Path

FAULT = "Opening a meeting another live-notes holds"

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore

    with MeetingStore.open(Path(sys.argv[1]), sys.argv[2]) as store:
        session = Session(store.meeting, sink=store.append)
        session.open()
        session.commit_line("held line")
        print("holding", flush=True)
        sys.stdin.readline()
    """
)


def test_the_refusal_names_what_works_and_it_works(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out, err = run_cli("--data-dir", str(data), "new", "--sample", "en")
    assert code == 0, err
    meeting_id = out.strip()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data), meeting_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        code, out, err = run_cli("--data-dir", str(data), "open", meeting_id)
        assert code == 1 and err.count("\n") == 1, err
        assert f"live-notes open {meeting_id} --read-only" in err
        assert f"live-notes show {meeting_id}" in err and f"live-notes export {meeting_id}" in err
        code, out, err = run_cli("--data-dir", str(data), "show", meeting_id)
        assert code == 0 and "lines:      1" in out, err
        code, out, err = run_cli(
            "--data-dir", str(data), "export", meeting_id, "--format", "txt",
            "--out", str(tmp_path / "held.txt"),
        )  # fmt: skip
        assert code == 0, err
        assert "held line" in (tmp_path / "held.txt").read_text(encoding="utf-8")
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    record(FAULT, "a second open while another process holds the meeting", rounds=1)


async def test_a_held_meeting_is_followed_read_only(tmp_path: Path) -> None:
    from datetime import datetime

    from support.live import until

    from live_notes.config import Config
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore
    from live_notes.tui.app import LiveNotesApp
    from live_notes.tui.screens.follow import FollowScreen

    data = tmp_path / "data"
    code, out, err = run_cli("--data-dir", str(data), "new", "--sample", "en")
    assert code == 0, err
    meeting_id = out.strip()
    writer = MeetingStore.open(data, meeting_id)  # the other live-notes, holding the lock
    session = Session(writer.meeting, sink=writer.append)
    session.open()
    session.commit_line("first line from the clerk")
    clock = lambda: datetime(2024, 11, 11, 14, 0)  # noqa: E731
    app = LiveNotesApp(data, meeting_id, config=Config(ui_lang="en"), clock=clock, read_only=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, FollowScreen)
            assert "first line from the clerk" in "\n".join(screen.lines_view.plain_rows())
            session.commit_line("second line, written meanwhile")
            await until(
                pilot,
                lambda: "second line" in "\n".join(screen.lines_view.plain_rows()),
                limit=5,
            )
            await pilot.press(*"typed here", "enter", "ctrl+f")
            await pilot.pause()
            refused = [m for m in app.said if m.startswith("Read-only")]
            last_seq = writer.last_seq
    finally:
        writer.close()
    with MeetingStore.open(data, meeting_id, readonly=True) as store:
        texts = [u.text for u in store.meeting.utterances]
        seq = store.last_seq
    record(
        "Following a held meeting read-only",
        "open --read-only while another live-notes writes: shown as it grows, typing refused",
        rounds=1,
        changed_by_the_follower=int(seq != last_seq),
    )
    assert texts == ["first line from the clerk", "second line, written meanwhile"]
    assert seq == last_seq
    assert len(refused) == 1  # one plain line, not one per key
