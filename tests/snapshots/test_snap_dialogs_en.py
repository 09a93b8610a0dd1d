"""SVG snapshots of the attendance screen and the decision dialog in English, at 120×40.

Same set-up as test_snap_live.py (frozen clock, config kept out, no blinking cursor).
"""

from __future__ import annotations

from pathlib import Path

from support.snap import SIZE, app_midway, settle

from live_notes.sample import SAMPLE_EN


def test_attendance_en(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F9 after a late arrival: one absent, one late with the time, the audience of three."""
    app = app_midway(tmp_path, "en", SAMPLE_EN.index(("mark", "brennan", "late")) + 1)
    assert snap_compare(
        app, press=["f9", "down", "down", "down"], terminal_size=SIZE, run_before=settle
    )


def test_decision_en(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+N in the roof item: outcome 2 chosen, the conditions being typed."""
    app = app_midway(tmp_path, "en", SAMPLE_EN.index(("at", "19:10")))
    press = ["ctrl+n", "2", "tab", *"the work being done by October"]
    assert snap_compare(app, press=press, terminal_size=SIZE, run_before=settle)
