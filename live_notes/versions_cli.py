"""`export --circulate` and `live-notes diff`: circulated versions from the shell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.errors import CommandError
from live_notes.domain.models import MeetingStatus
from live_notes.domain.session import Session
from live_notes.domain.versions import diff_lines
from live_notes.store import MeetingStore
from live_notes.store.versions import load_version, save_version, version_numbers

if TYPE_CHECKING:
    from pathlib import Path


def circulate(store: MeetingStore) -> int:
    """Keep the record as the next circulated version and mark it; returns N."""
    meeting = store.meeting
    if meeting.status is not MeetingStatus.CLOSED:
        raise CommandError("not_closed")
    if meeting.locked:
        raise CommandError("record_locked")
    number = save_version(store.data_dir, meeting)
    Session(meeting, sink=store.append).mark_circulated(number)
    return number


def diff_text(data_dir: Path, meeting_id: str, old: int | None, new: int | None) -> list[str]:
    """The lines `live-notes diff` prints: version `old` (default: the last circulated)
    against version `new` (default: the record as it is now)."""
    from live_notes.cli import CliError

    numbers = version_numbers(data_dir, meeting_id)
    with MeetingStore.open(data_dir, meeting_id, readonly=True) as store:
        current = store.meeting
    if old is None:
        if not numbers:
            raise CliError(
                f"{meeting_id} has no circulated version yet "
                "(`live-notes export ID --circulate` keeps one)"
            )
        old = numbers[-1] if new is None or numbers[-1] != new else numbers[-2:][0]
    before = load_version(data_dir, meeting_id, old)
    after = current if new is None else load_version(data_dir, meeting_id, new)
    lines = diff_lines(
        before, after, f"version {old}", "current" if new is None else f"version {new}"
    )
    return lines or [
        f"no change between version {old} and {'the current record' if new is None else f'version {new}'}"
    ]
