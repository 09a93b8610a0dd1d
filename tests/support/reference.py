"""The reference meeting as a clerk types it on the real clock, into a meeting on disk."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from live_notes.domain.session import Session
from live_notes.sample import SAMPLE_JA, FakeClock, Step, run_steps, sample_meeting
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

LATE_OPEN = "09:32"
LATE_CLOSE = "17:10"


def late_steps() -> list[Step]:
    """The Japanese sample with Ctrl+O pressed two minutes late and Ctrl+C (close) only
    when the clerk tidied up in the evening."""
    steps = list(SAMPLE_JA)
    opened = steps.index(("open",))
    assert steps[opened - 1] == ("at", "09:30")
    steps[opened - 1] = ("at", LATE_OPEN)
    closed = steps.index(("close",))
    steps[closed - 1] = ("at", LATE_CLOSE)
    return steps


def typed_late(data_dir: Path) -> str:
    """Save the late-typed reference meeting in `data_dir`; returns its id."""
    meeting = sample_meeting("ja")
    with MeetingStore.create(data_dir, meeting) as store:
        clock = FakeClock(datetime.combine(meeting.header.date, time(9, 0)))
        session = Session(store.meeting, sink=store.append, clock=clock)
        run_steps(session, late_steps())
        return store.meeting.id
