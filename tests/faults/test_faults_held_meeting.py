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
        assert "read-only" not in err
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
