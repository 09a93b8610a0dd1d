"""What is done to whole meetings, in one place for the command line and the screens:
creating one from a plan (or the sample plan), archiving one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from live_notes.store import MeetingStore


def read_plan(path: Path | str | None, lang: str = "ja") -> tuple[str, str]:
    """(text, source name) of a plan file; with no path, of the sample plan in `lang`.

    Raises:
        OSError, UnicodeDecodeError: the file cannot be read as UTF-8 text.
    """
    if path is None:
        from live_notes.resources import sample_plan

        plan = sample_plan(lang)
        return plan.read_text(encoding="utf-8"), plan.name
    path = Path(path).expanduser()
    return path.read_text(encoding="utf-8"), str(path)


def create_meeting(
    data_dir: Path, text: str, source: str, default_role_set: str | None = None
) -> MeetingStore:
    """A new meeting from the text of a plan, saved in data_dir; its store, open.

    Raises:
        PlanError: the plan has mistakes; nothing was created.
        StoreError: it could not be saved.
    """
    from live_notes.domain.plan import parse_plan
    from live_notes.store import MeetingStore

    meeting = parse_plan(text, source, default_role_set)
    return MeetingStore.create(data_dir, meeting)


def set_archived(
    data_dir: Path, meeting_id: str, archived: bool, open_store: MeetingStore | None = None
) -> None:
    """Archive a meeting (hidden from the list) or bring it back; saved before this returns.

    `open_store`: the store this process holds open, written through when it is that
    meeting's (another open would be refused by its lock).

    Raises:
        StoreError: it could not be saved (or the meeting is held by another live-notes).
    """
    from live_notes.domain.events import MarkSet
    from live_notes.store import MeetingStore

    change = MarkSet(name="archived", value=archived)
    if open_store is not None and open_store.meeting.id == meeting_id:
        open_store.record(change)
        return
    with MeetingStore.open(data_dir, meeting_id) as store:
        store.record(change)
