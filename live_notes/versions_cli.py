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

    from live_notes.domain.models import Meeting


def check_circulate(meeting: Meeting) -> None:
    """Refuse to circulate before the meeting is closed or once it is approved (before
    any file is written)."""
    if meeting.status is not MeetingStatus.CLOSED:
        raise CommandError("not_closed")
    if meeting.locked:
        raise CommandError("record_locked")


def circulate(store: MeetingStore) -> int:
    """Keep the record as the next circulated version and mark it; returns N.

    Called once the draft's file is written: a failed export leaves no version."""
    return circulate_session(Session(store.meeting, sink=store.append), store.data_dir)


def circulate_session(session: Session, data_dir: Path) -> int:
    """Keep the session's record (saved under `data_dir`) as the next circulated version
    and mark it through the session (journalled); returns N. Refused, with nothing kept,
    before the meeting is closed or once it is approved."""
    circulation = Circulation(session, data_dir)
    circulation.check()
    return circulation.mark(circulation.keep(session.meeting))


class Circulation:
    """A draft circulated from the export dialog, in an order that records nothing for a
    file that was not written: `check` before writing (the dialog's key), `keep` once the
    file is written (the export's thread: the version file), then `mark` (the journal, on
    the screen's thread, where the session's other changes are made)."""

    def __init__(self, session: Session, data_dir: Path) -> None:
        self.session = session
        self.data_dir = data_dir

    def check(self) -> None:
        """Refused (CommandError) before closing or once approved."""
        check_circulate(self.session.meeting)

    def keep(self, meeting: Meeting) -> int:
        """Keep `meeting` (the copy just exported) as the next version's file; its N."""
        return save_version(self.data_dir, meeting)

    def mark(self, number: int) -> int:
        """Mark version `number` circulated (journalled); returns it."""
        self.session.mark_circulated(number)
        return number


def _versions(
    data_dir: Path, meeting_id: str, old: int | None, new: int | None
) -> tuple[Meeting, Meeting, str, str]:
    """(before, after, their names): version `old` (default: the last circulated) and
    version `new` (default: the record as it is now)."""
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
        earlier = [n for n in numbers if new is None or n < new]
        old = earlier[-1] if earlier else numbers[0]
    before = load_version(data_dir, meeting_id, old)
    after = current if new is None else load_version(data_dir, meeting_id, new)
    return before, after, f"version {old}", "current" if new is None else f"version {new}"


def diff_text(data_dir: Path, meeting_id: str, old: int | None, new: int | None) -> list[str]:
    """The lines `live-notes diff` prints (see `_versions` for the defaults)."""
    before, after, old_name, new_name = _versions(data_dir, meeting_id, old, new)
    lines = diff_lines(before, after, old_name, new_name)
    shown = "the current record" if new_name == "current" else new_name
    return lines or [f"no change between {old_name} and {shown}"]


def write_redline(
    data_dir: Path, meeting_id: str, old: int | None, new: int | None, out: str
) -> Path:
    """Write the redline (.html or .docx, by the name) of two versions; never over a file."""
    from pathlib import Path

    from live_notes.cli import CliError
    from live_notes.export.redline import redline_docx, redline_html
    from live_notes.store.files import write_atomic

    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".html", ".docx"):
        raise CliError(f"{path}: a redline is .html or .docx")
    if path.exists():
        raise CliError(f"{path} exists already: choose another name")
    before, after, old_name, new_name = _versions(data_dir, meeting_id, old, new)
    render = redline_html if suffix == ".html" else redline_docx
    write_atomic(path, render(before, after, old_name, new_name))
    return path
