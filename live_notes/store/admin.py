"""Looking after the data directory: list, check, repair and purge meetings."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from live_notes.names import is_meeting_id
from live_notes.store import files
from live_notes.store.errors import NewerSchemaError, StoreError, no_meeting
from live_notes.store.loader import load, paths_of
from live_notes.store.lock import MeetingLock, read_holder
from live_notes.store.platform import CURRENT
from live_notes.store.repair import repair as repair_files

if TYPE_CHECKING:
    from datetime import date

    from live_notes.domain.models import Meeting, MeetingStatus


@dataclass
class MeetingSummary:
    """One line of the meeting list.

    Attributes:
        id: The meeting id.
        date: Its date, or None when the file cannot be read.
        body: The body that meets.
        title: The session title.
        status: Where the meeting stands, or None when unreadable.
        lines: Number of committed lines.
        archived: Whether it is archived.
        path: The snapshot file.
        error: Why it cannot be opened, or None when it opens.
        lang: The language of the meeting ("ja", "en"), "" when unreadable.
    """

    id: str
    date: date | None
    body: str
    title: str
    status: MeetingStatus | None
    lines: int
    archived: bool
    path: Path
    error: str | None = None
    lang: str = ""


@dataclass
class CheckReport:
    """What `check` found for one meeting.

    Attributes:
        meeting_id: The meeting.
        ok: True when it opens whole and nothing needs attention.
        findings: What was found, in plain words.
        repaired: What a repair did (empty without ``repair=True``).
    """

    meeting_id: str
    ok: bool
    findings: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)


def meeting_ids(data_dir: Path) -> list[str]:
    """The ids of the meetings in a data directory, sorted."""
    return scan_folder(data_dir)[0]


_ARCHIVE_MARK = b'"format": "live-notes-archive"'


def scan_folder(data_dir: Path) -> tuple[list[str], list[str]]:
    """(meeting ids, odd entries skipped) of a data directory.

    Only regular files count (checked with lstat, never opened, so a FIFO named
    ``X.json`` cannot hang the listing); a name that is no valid id, a folder,
    a link or an exported archive is skipped and reported in plain words.
    """
    try:
        names = os.listdir(data_dir)
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        raise files.cannot_read(data_dir, exc) from exc
    ids: set[str] = set()
    odd: list[str] = []
    for name in sorted(names):
        suffix = next((s for s in (files.SNAPSHOT, files.JOURNAL) if name.endswith(s)), None)
        if suffix is None:
            continue
        shown = ascii(name)[1:-1] if not name.isprintable() else name
        if not is_meeting_id(name[: -len(suffix)]):
            odd.append(f"skipped {shown}: its name is not a meeting id")
            continue
        try:
            info = os.lstat(data_dir / name)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            odd.append(f"skipped {shown}: {_kind(info.st_mode)}, not a meeting file")
            continue
        if suffix == files.SNAPSHOT and _is_archive(data_dir / name):
            odd.append(f"skipped {shown}: an exported archive, not a meeting (import it)")
            continue
        ids.add(name[: -len(suffix)])
    return sorted(ids), odd


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    return "a special file"


def _is_archive(path: Path) -> bool:
    """Whether a ``.json`` file is an export archive (its ``format`` key comes first)."""
    try:
        fd = files.open_existing(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        head = os.read(fd, 256)
    except OSError:
        return False
    finally:
        os.close(fd)
    return _ARCHIVE_MARK in head and not head.startswith(b'{"meeting":')


def list_meetings(data_dir: Path) -> list[MeetingSummary]:
    """Every meeting of the directory; a damaged one is listed with its error, never skipped."""
    data_dir = Path(data_dir)
    summaries = []
    for meeting_id in meeting_ids(data_dir):
        path = paths_of(data_dir, meeting_id)["snapshot"]
        try:
            meeting = load(data_dir, meeting_id).meeting
        except StoreError as exc:
            summaries.append(
                MeetingSummary(meeting_id, None, "", "", None, 0, False, path, str(exc))
            )
            continue
        header = meeting.header
        summaries.append(
            MeetingSummary(
                meeting_id,
                header.date,
                header.body,
                header.title,
                meeting.status,
                len(meeting.utterances),
                meeting.archived,
                path,
                lang=header.lang.value,
            )
        )
    return summaries


def check(data_dir: Path, meeting_id: str | None = None, repair: bool = False) -> list[CheckReport]:
    """Verify every file and journal (or one meeting's); with ``repair``, save what can be saved.

    A repair never changes a damaged file: it is renamed ``….damaged-<time>``
    beside a new file holding what could be read.
    """
    data_dir = Path(data_dir)
    ids = [files.check_id(meeting_id)] if meeting_id else meeting_ids(data_dir)
    if meeting_id and not any(os.path.lexists(p) for p in paths_of(data_dir, meeting_id).values()):
        raise no_meeting(meeting_id, data_dir)
    return [_check_one(data_dir, one, repair) for one in ids]


def _check_one(data_dir: Path, meeting_id: str, repair: bool) -> CheckReport:
    report = CheckReport(meeting_id, ok=True)
    paths = paths_of(data_dir, meeting_id)
    holder_alive = _lock_state(paths["lock"], report)
    _check_modes(data_dir, meeting_id, report, repair and not holder_alive)
    try:
        loaded = load(data_dir, meeting_id)
        report.findings += loaded.recovered
        damaged = bool(loaded.recovered)
        report.findings += _unplaced_lines(loaded.meeting)
    except NewerSchemaError as exc:
        report.findings.append(str(exc))
        report.ok = False
        return report
    except StoreError as exc:
        report.findings.append(str(exc))
        damaged = True
    if not damaged:
        # Being open in the app, or left locked by a crash, is no fault: the lock
        # is taken over on the next open. Anything else found is.
        report.ok = all(f.startswith((_OPEN_BY, _LEFT_BY)) for f in report.findings)
        return report
    report.ok = False
    if repair and holder_alive:
        report.findings.append("not repaired: the meeting is open for writing; close it first")
    elif repair:
        findings, repaired = repair_files(data_dir, meeting_id)
        report.findings += findings
        report.repaired += repaired
    return report


_OPEN_BY = "open for writing by"
_LEFT_BY = "a lock left by"


def _unplaced_lines(meeting: Meeting) -> list[str]:
    """Lines whose agenda item is not in the agenda: no export would show them."""
    known = {item.id for item, _ in meeting.iter_items()}
    lost: dict[str, int] = {}
    for line in meeting.utterances:
        if line.item_id not in known:
            lost[line.item_id] = lost.get(line.item_id, 0) + 1
    return [
        f"{count} line(s) on agenda item {item!r}, which is not in the agenda: no export shows them"
        for item, count in sorted(lost.items())
    ]


def _lock_state(lock: Path, report: CheckReport) -> bool:
    """Report the lock file; True when a live process holds it (or it cannot be told)."""
    try:
        os.lstat(lock)
    except OSError:
        return False
    holder = read_holder(lock)
    who = holder.describe() if holder else "an unknown process"
    try:
        fd = files.open_existing(lock, os.O_RDONLY)
    except OSError as exc:
        report.findings.append(f"the lock file cannot be used: {files.describe_os_error(exc)}")
        return True
    try:
        free = CURRENT.lock(fd)
    except OSError:
        free = holder is None or not CURRENT.pid_alive(holder.pid)
    finally:
        os.close(fd)  # closing drops a lock we may have taken
    if not free:
        report.findings.append(f"{_OPEN_BY} {who}")
        return True
    if holder is not None and holder.host and holder.host != socket.gethostname():
        # Locks do not always reach across computers (network folders): it may be open there.
        report.findings.append(
            f"{_OPEN_BY} {who}, on another computer: whether it is still open "
            "cannot be told from here; close it there first"
        )
        return True
    report.findings.append(f"{_LEFT_BY} {who}, which has ended; the next open takes it over")
    return False


def _check_modes(data_dir: Path, meeting_id: str, report: CheckReport, fix: bool) -> None:
    """Files must be 0600: they hold personal information. Temporaries are leftovers."""
    for path in files.side_files(data_dir, meeting_id):
        if ".tmp-" in path.name:
            report.findings.append(f"{path.name} is left over from an interrupted save (unused)")
            if fix:
                os.unlink(path)
                report.repaired.append(f"removed {path.name}")
    for path in [*paths_of(data_dir, meeting_id).values(), *files.side_files(data_dir, meeting_id)]:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        mode = stat.S_IMODE(info.st_mode)
        if not stat.S_ISREG(info.st_mode):
            report.findings.append(f"{path.name} is {_kind(info.st_mode)}, not a regular file")
            report.ok = False
            continue
        if mode & 0o077 and not CURRENT.windows:
            report.findings.append(f"{path.name} can be read by others (mode {mode:o})")
            if fix:
                os.chmod(path, files.FILE_MODE)
                report.repaired.append(f"{path.name} made private (mode 600)")


def purge(data_dir: Path, meeting_id: str) -> list[Path]:
    """Remove a meeting's files: snapshot, journal, draft, backups, side files, lock and
    recording (``ID.audio/``).

    The names are removed; the disk may still hold copies of the bytes (SSDs and
    journaling file systems keep old blocks), which no program can promise to wipe.

    Raises:
        LockedError: the meeting is open for writing elsewhere.
    """
    data_dir = Path(data_dir)
    paths = paths_of(data_dir, files.check_id(meeting_id))
    audio = data_dir / f"{meeting_id}.audio"
    if (
        not any(os.path.lexists(p) for p in paths.values())
        and not files.side_files(data_dir, meeting_id)
        and not os.path.lexists(audio)
    ):
        raise no_meeting(meeting_id, data_dir)
    lock = MeetingLock(paths["lock"], meeting_id)
    lock.acquire()
    removed = []
    try:
        targets = [path for role, path in paths.items() if role != "lock"]
        for path in [*targets, *files.side_files(data_dir, meeting_id)]:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
                removed.append(path)
        removed += _remove_versions(data_dir, meeting_id)
        removed += _remove_audio(data_dir, meeting_id)
    finally:
        lock.release()
    if not os.path.lexists(paths["lock"]):
        removed.append(paths["lock"])
    with contextlib.suppress(OSError):
        files.fsync_dir(data_dir)
    return removed


def _remove_versions(data_dir: Path, meeting_id: str) -> list[Path]:
    """Remove the circulated versions kept beside a meeting (``ID.versions/``)."""
    from live_notes.store.versions import version_numbers, versions_dir

    folder = versions_dir(data_dir, meeting_id)
    removed = []
    for number in version_numbers(data_dir, meeting_id):
        path = folder / f"{number}.json"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
            removed.append(path)
    with contextlib.suppress(OSError):
        os.rmdir(folder)
    return removed


def _remove_audio(data_dir: Path, meeting_id: str) -> list[Path]:
    """Remove the meeting's recording (``ID.audio/``: its segments, then the folder)."""
    folder = data_dir / f"{meeting_id}.audio"
    if not folder.is_dir() or folder.is_symlink():
        return []
    removed = []
    for name in sorted(os.listdir(folder)):
        path = folder / name
        if path.is_file() and not path.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
                removed.append(path)
    with contextlib.suppress(OSError):
        os.rmdir(folder)
        removed.append(folder)
    return removed
