"""SVG snapshots of the live screen and its dialogs, Japanese and English, at 120×40.

The clock is frozen, the clerk's own config is kept out (a tmp config dir and a
default `Config`), notifications are cleared and the cursor does not blink, so
a snapshot only changes when the screen does. Update with
``pytest tests/snapshots/test_snap_live.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from live_notes.config import Config
from live_notes.domain.session import Session
from live_notes.sample import SAMPLE_EN, SAMPLE_JA, FakeClock, run_steps, sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.app import LiveNotesApp

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the clerk's own data and config out."""
    monkeypatch.setenv("LIVE_NOTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))


def app_midway(tmp_path: Path, lang: str, steps: int) -> LiveNotesApp:
    """The sample meeting recorded up to step `steps` of its script, open in the app."""
    meeting = sample_meeting(lang)
    store = MeetingStore.create(tmp_path / "data", meeting)
    clock = FakeClock(datetime.combine(meeting.header.date, time(9, 0)))
    session = Session(store.meeting, sink=store.append, clock=clock)
    run_steps(session, (SAMPLE_JA if lang == "ja" else SAMPLE_EN)[:steps])
    store.close()
    frozen = FakeClock(clock.now.replace(second=0) if clock.now else clock.now)
    return LiveNotesApp(tmp_path / "data", meeting.id, config=Config(), clock=frozen)


async def settle(pilot: Pilot[None]) -> None:
    """No blinking cursor, no toasts: only what the screen itself shows."""
    for _ in range(2000):  # the meeting loads behind the live screen at the start
        if not getattr(pilot.app, "opening", False):
            break
        await asyncio.sleep(0.005)
    for screen in pilot.app.screen_stack:
        for entry in screen.query(Input):
            entry.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()


def test_live_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Japanese sample in item イ, discussion under way, a flagged and an off-record line."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "11:35")))
    assert snap_compare(app, press=[*"次の発言"], terminal_size=SIZE, run_before=settle)


def test_live_en(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """English sample in the roof item, the chair's question and the staff's answers."""
    app = app_midway(tmp_path, "en", SAMPLE_EN.index(("at", "19:10")))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_attendance_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F9 after the roll call: one late arrival with its time, two absent."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "09:48")) + 2)
    assert snap_compare(app, press=["f9", "down", "down"], terminal_size=SIZE, run_before=settle)


def test_decision_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+N in item イ: outcome 2 chosen, the conditions being typed."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "11:35")))
    press = ["ctrl+n", "2", *"記録を残すこと"]
    assert snap_compare(app, press=press, terminal_size=SIZE, run_before=settle)


def test_help_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F1: every key by group, the role keys with the meeting's labels."""
    app = app_midway(tmp_path, "ja", 0)
    assert snap_compare(app, press=["f1"], terminal_size=SIZE, run_before=settle)


def test_help_en(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F1 in English."""
    app = app_midway(tmp_path, "en", 0)
    assert snap_compare(app, press=["f1"], terminal_size=SIZE, run_before=settle)
