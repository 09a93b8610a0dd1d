"""What the store attack tests share: a meeting with lines, and what was saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.plan import parse_plan
from live_notes.domain.session import Session
from live_notes.resources import sample_plan
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path


def sample_meeting(lang: str = "ja"):  # type: ignore[no-untyped-def]
    """The shipped sample plan as a new Meeting."""
    return parse_plan(sample_plan(lang).read_text(encoding="utf-8"), "sample")


def writer_with_lines(data_dir: Path, *lines: str) -> tuple[MeetingStore, Session]:
    """A new sample meeting open for writing, opened, with `lines` committed."""
    store = MeetingStore.create(data_dir, sample_meeting())
    session = Session(store.meeting, sink=store.append)
    session.open()
    for text in lines:
        session.commit_line(text)
    return store, session


def saved_lines(data_dir: Path, meeting_id: str) -> list[str]:
    """The committed lines of a meeting as reading it back gives them."""
    with MeetingStore.open(data_dir, meeting_id, readonly=True) as store:
        return [line.text for line in store.meeting.utterances]
