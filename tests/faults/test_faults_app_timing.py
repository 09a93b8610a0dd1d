"""The real app's timing claims, under tmux: the draft on disk within 0.5 s of typing,
a kill just after Enter keeps the line, and keys typed before the first frame work.

- The docs promise the line being typed reaches disk at most 0.5 s after it
  changed (the first change of a session included).
- A kill 1 ms after Enter, after a 0.9 s pause, must leave the line saved or
  kept as the draft.
- A long line, wrapped over several rows of the entry, is kept whole by a kill
  after a pause and offered back whole, every row of it on screen.
- Keys typed while the app starts arrive while the terminal is still in its
  cooked mode, which turns Enter into a line feed (Ctrl+J): the lines must still
  be committed one by one, not merged in the entry.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest
from support.crash_writer import new_meeting

from faults.app_kill import entry_row, ready, shown_tags
from faults.support import record, rounds
from faults.tmux_app import TmuxApp, tmux_available
from live_notes.store import MeetingStore
from live_notes.store.loader import paths_of

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(not tmux_available(), reason="needs tmux")

PROMISE = 0.5
"""Seconds within which the docs promise the draft is on disk."""


def stored_lines(data: Path, meeting_id: str) -> list[str]:
    return [u.text for u in MeetingStore.open(data, meeting_id, readonly=True).meeting.utterances]


def _start(tmp_path: Path, name: str) -> tuple[TmuxApp, Path, str]:
    data = tmp_path / "data"
    meeting_id = new_meeting(data) if not data.exists() else next(data.glob("*.json")).stem
    harness = TmuxApp(tmp_path, env={"LIVE_NOTES_CONFIG_DIR": str(tmp_path / "config")})
    harness.start("--data-dir", str(data), "open", meeting_id, name=name)
    return harness, data, meeting_id


def _on_disk(path: Path, text: str, timeout: float = 3.0) -> float:
    """Seconds until `path` holds `text` (polled every 2 ms), or `timeout`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if path.read_text(encoding="utf-8") == text:
                break
        except FileNotFoundError:
            pass
        time.sleep(0.002)
    return time.monotonic() - start


def test_the_draft_reaches_disk_within_half_a_second(tmp_path: Path) -> None:
    harness, data, meeting_id = _start(tmp_path, "draft")
    draft = paths_of(data, meeting_id)["draft"]
    delays: list[float] = []
    try:
        assert harness.wait_for(ready, timeout=20) is not None
        for n in range(rounds(4, 12)):
            line = f"k{n:03d}x00 下書きの行"
            harness.text(line)  # returns once tmux has written the keys to the terminal
            delays.append(_on_disk(draft, line))
            harness.keys("Enter")
            assert harness.wait_for(lambda r, n=n: f"k{n:03d}x00" in shown_tags(r), timeout=5)
            time.sleep(0.3 + 0.2 * (n % 4))  # land anywhere in a would-be timer interval
    finally:
        harness.stop()
    late = [d for d in delays if d > PROMISE]
    record(
        "Draft on disk within 0.5 s",
        "a line typed after a pause; time until the draft file holds it",
        rounds=len(delays),
        later_than_half_a_second=len(late),
        slowest_ms=round(max(delays) * 1000),
    )
    assert not late, f"draft delays (s): {[round(d, 3) for d in delays]}"


def test_a_kill_just_after_enter_keeps_the_line(tmp_path: Path) -> None:
    lost = 0
    total = rounds(4, 16)
    for n in range(total):
        harness, data, meeting_id = _start(tmp_path, f"k{n}")
        line = f"k{n:03d}x00 確定直後の行"
        try:
            assert harness.wait_for(ready, timeout=20) is not None
            harness.text(line)
            assert harness.wait_for(lambda r, line=line: line in entry_row(r), timeout=5)
            time.sleep(0.9)
            harness.keys("Enter")
            time.sleep(0.001)
            harness.kill9()
            time.sleep(0.2)
        finally:
            harness.stop()
        store = MeetingStore.open(data, meeting_id, readonly=True)
        saved = [u.text for u in store.meeting.utterances]
        if line not in saved and store.load_draft() != line:
            lost += 1
        if store.load_draft():  # the clerk drops what is offered back: the next round is clean
            with MeetingStore.open(data, meeting_id) as writer:
                writer.save_draft("")
    record(
        "Kill 1 ms after Enter",
        "a line typed, a 0.9 s pause, Enter, SIGKILL 1 ms later",
        rounds=total,
        lost=lost,
    )
    assert lost == 0


LONG = (
    "全国銀行協会との契約について、当市としてはどのような手続きで締結に至ったのか、"
    "また個人情報の取扱いに関する条項がどのように定められているのか、担当課の見解を伺いたい。"
    "さらに、契約の更新時期と費用の内訳についても説明を求めます。"
)
"""A question of 118 characters: three rows of the entry at 120 columns."""


def test_a_long_wrapped_line_is_kept_whole_by_a_kill_and_offered_back(tmp_path: Path) -> None:
    total = rounds(2, 6)
    lost = not_shown = 0
    harness, data, meeting_id = _start(tmp_path, "w")
    try:
        for n in range(total):
            if n:
                harness.start("--data-dir", str(data), "open", meeting_id, name=f"w{n}")
            line = f"k{n:03d}x00{LONG}"
            assert harness.wait_for(ready, timeout=20) is not None
            harness.text(line)
            rows = harness.wait_for(lambda r, line=line: line in entry_row(r), timeout=5)
            assert rows is not None and line[:10] in rows[-4], "\n".join(harness.screen())
            time.sleep(0.9)  # a pause: the draft is written
            harness.kill9()
            with MeetingStore.open(data, meeting_id, readonly=True) as store:
                lost += store.load_draft() != line
            harness.start("--data-dir", str(data), "open", meeting_id, name=f"w{n}b")
            assert harness.wait_for(ready, timeout=20) is not None
            back = harness.wait_for(lambda r, line=line: line in entry_row(r), timeout=5)
            not_shown += back is None
            harness.keys("C-u")  # the clerk drops it: the next round starts clean
            harness.wait_for(lambda r: "k0" not in entry_row(r), timeout=3)
            time.sleep(0.6)  # the cleared entry is kept as the draft too
            harness.kill9()
    finally:
        harness.stop()
    record(
        "Long line kept by a kill",
        "a 126-character line typed (three rows of the entry), a 0.9 s pause, SIGKILL, restart",
        rounds=total,
        lost=lost,
        not_offered_back_whole=not_shown,
    )
    assert (lost, not_shown) == (0, 0)


def test_lines_typed_before_the_first_frame_are_committed(tmp_path: Path) -> None:
    harness, data, meeting_id = _start(tmp_path, "early")
    lines = ["k000x00 起動中の一行目", "k000x01 起動中の二行目"]
    try:
        for line in lines:  # at once: the app is still starting, the terminal cooked
            harness.text(line)
            harness.keys("Enter")
        assert harness.wait_for(ready, timeout=20) is not None
        harness.wait_for(lambda r: "k000x01" in shown_tags(r), timeout=5)
        rows = harness.screen()
    finally:
        harness.stop()
    got = stored_lines(data, meeting_id)
    record(
        "Keys before the first frame",
        "two lines and Enter typed while the app starts",
        rounds=1,
        lost=len([line for line in lines if line not in got]),
    )
    assert got == lines, "\n".join(rows)
