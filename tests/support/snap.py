"""The snapshot tests' app: the sample meeting part-way through, frozen clock, no blinking."""

from __future__ import annotations

import asyncio
from datetime import datetime, time
from typing import TYPE_CHECKING

from textual.widgets import Input, TextArea

from live_notes.config import Config
from live_notes.domain.session import Session
from live_notes.sample import SAMPLE_EN, SAMPLE_JA, FakeClock, run_steps, sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.app import LiveNotesApp

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot

SIZE = (120, 40)


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
        for entry in [*screen.query(Input), *screen.query(TextArea)]:
            entry.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()
