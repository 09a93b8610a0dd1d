"""A session on the Japanese sample plan, with a hand-moved clock and a journal list."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from live_notes.domain.events import CHANGE_ADAPTER, Change, apply
from live_notes.domain.plan import parse_plan
from live_notes.domain.session import Session
from live_notes.resources import sample_plan

if TYPE_CHECKING:
    from live_notes.domain.models import Meeting


class Clock:
    """A clock the test moves by hand (naive: the computer's local time)."""

    def __init__(self) -> None:
        self.now = datetime(2024, 11, 11, 9, 25)

    def __call__(self) -> datetime:
        return self.now

    def at(self, hhmm: str) -> datetime:
        hour, minute = map(int, hhmm.split(":"))
        self.now = self.now.replace(hour=hour, minute=minute)
        return self.now


def plan_meeting() -> Meeting:
    """The Japanese sample as planned (in the computer's zone, as the clock)."""
    return parse_plan(sample_plan("ja").read_text(encoding="utf-8"), "sample")


def new_session(clock: Clock, journal: list[Change]) -> Session:
    """A session whose every change is also appended to `journal`."""
    return Session(plan_meeting(), sink=journal.append, clock=clock)


def replay(journal: list[Change]) -> Meeting:
    """The meeting rebuilt from the plan and the journal alone (through JSON, as stored)."""
    meeting = plan_meeting()
    for change in journal:
        apply(meeting, CHANGE_ADAPTER.validate_json(CHANGE_ADAPTER.dump_json(change)))
    return meeting


def at(hhmm: str) -> datetime:
    """A wall-clock time on the sample's day."""
    hour, minute = map(int, hhmm.split(":"))
    return datetime(2024, 11, 11, hour, minute)
