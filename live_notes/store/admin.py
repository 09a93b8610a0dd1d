"""Looking after the data directory: list, check, repair and purge meetings."""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from live_notes.domain.events import CHANGE_ADAPTER, apply
from live_notes.domain.models import Meeting, MeetingStatus
from live_notes.store import files
from live_notes.store.errors import NewerSchemaError, StoreError
from live_notes.store.journal import scan
from live_notes.store.lock import MeetingLock, read_holder
from live_notes.store.meeting_store import load, paths_of
from live_notes.store.snapshot import read_record, read_snapshot, write_snapshot


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
    try:
        names = os.listdir(data_dir)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(f"Cannot read {data_dir}: {files.describe_os_error(exc)}.") from exc
    ids = set()
    for name in names:
        for suffix in (files.SNAPSHOT, files.JOURNAL):
            if name.endswith(suffix) and files.ID_PATTERN.match(name[: -len(suffix)]):
                ids.add(name[: -len(suffix)])
    return sorted(ids)


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
    if meeting_id and not any(p.exists() for p in paths_of(data_dir, meeting_id).values()):
        raise StoreError(f"There is no meeting {meeting_id} in {data_dir}.")
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
    except NewerSchemaError as exc:
        report.findings.append(str(exc))
        report.ok = False
        return report
    except StoreError as exc:
        report.findings.append(str(exc))
        damaged = True
    if not damaged:
        # Being open in the app is no fault; anything else found is.
        report.ok = all(f.startswith(_OPEN_BY) for f in report.findings)
        return report
    report.ok = False
    if repair and holder_alive:
        report.findings.append("not repaired: the meeting is open for writing; close it first")
    elif repair:
        _repair(data_dir, meeting_id, report)
    return report


_OPEN_BY = "open for writing by"


def _lock_state(lock: Path, report: CheckReport) -> bool:
    """Report the lock file; True when a live process holds it."""
    if not lock.exists():
        return False
    holder = read_holder(lock)
    who = holder.describe() if holder else "an unknown process"
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        report.findings.append(f"{_OPEN_BY} {who}")
        return True
    finally:
        os.close(fd)  # closing drops a flock we may have taken
    report.findings.append(f"a lock left by {who}, which has ended; the next open takes it over")
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
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            report.findings.append(f"{path.name} can be read by others (mode {mode:o})")
            if fix:
                os.chmod(path, files.FILE_MODE)
                report.repaired.append(f"{path.name} made private (mode 600)")


def _repair(data_dir: Path, meeting_id: str, report: CheckReport) -> None:
    meeting, notes = salvage(data_dir, meeting_id)
    if meeting is None:
        report.findings += notes
        report.findings.append(
            "nothing could be saved automatically; the files were left as they are"
        )
        return
    paths = paths_of(data_dir, meeting_id)
    lock = MeetingLock(paths["lock"], meeting_id)
    lock.acquire()
    try:
        suffix = files.stamp()
        for role in ("snapshot", "journal"):
            if paths[role].exists():
                kept = paths[role].with_name(f"{paths[role].name}.damaged-{suffix}")
                os.rename(paths[role], kept)
                report.repaired.append(f"kept the original {paths[role].name} as {kept.name}")
        files.fsync_dir(data_dir)
        meeting.id = meeting_id
        write_snapshot(paths["snapshot"], meeting, 0)
    finally:
        lock.release()
    report.repaired += notes
    report.repaired.append(
        f"saved {len(meeting.utterances)} lines into a new {paths['snapshot'].name}"
    )


def salvage(data_dir: Path, meeting_id: str) -> tuple[Meeting | None, list[str]]:
    """The most of a damaged meeting that can be read, and what was left out (nothing written)."""
    paths = paths_of(data_dir, meeting_id)
    notes: list[str] = []
    meeting: Meeting | None = None
    base = 0
    for role in ("snapshot", "backup"):
        try:
            meeting, base = read_snapshot(paths[role])
        except NewerSchemaError:
            return None, ["a newer version wrote it"]
        except (StoreError, OSError) as exc:
            meeting = _partial(paths[role], notes)
            if meeting is None:
                notes.append(f"{paths[role].name}: {getattr(exc, 'reason', exc)}")
                continue
        if role == "backup":
            notes.append(
                f"used the previous snapshot {paths['backup'].name} "
                "(changes saved after it may be missing)"
            )
        break
    if meeting is None:
        return None, notes
    try:
        raw = paths["journal"].read_bytes()
    except OSError:
        raw = b""
    journal = scan(raw)
    expected, skipped = base + 1, 0
    for entry in journal.entries:
        if entry.seq <= base:
            continue
        if entry.seq != expected:
            notes.append(f"changes #{expected} to #{entry.seq - 1} were missing")
        expected = entry.seq + 1
        try:
            apply(meeting, CHANGE_ADAPTER.validate_json(entry.payload))
        except (ValueError, ValidationError):
            skipped += 1
    if skipped:
        notes.append(f"left out {skipped} journal change(s) that could not be read or applied")
    if journal.damaged or journal.tail:
        bad = len(journal.damaged) + (1 if journal.tail else 0)
        notes.append(f"left out {bad} damaged journal line(s)")
    return meeting, notes


def _partial(path: Path, notes: list[str]) -> Meeting | None:
    """A meeting from a snapshot whose JSON reads but whose content is partly wrong."""
    try:
        raw: Any = dict(read_record(path)["meeting"])
    except (StoreError, OSError):
        return None
    required = {"id", "header", "role_set", "schema_version"}
    for _ in range(3):
        try:
            return Meeting.model_validate(raw)
        except ValidationError as exc:
            bad_lines: set[int] = set()
            for error in exc.errors():
                loc = error["loc"]
                if not loc:
                    return None
                if loc[0] == "utterances" and len(loc) > 1 and isinstance(loc[1], int):
                    bad_lines.add(loc[1])
                elif loc[0] in required:
                    return None
                elif loc[0] in raw:
                    del raw[loc[0]]
                    notes.append(f"reset {loc[0]} of {path.name}: {error['msg'].lower()}")
            if bad_lines:
                raw["utterances"] = [
                    line for i, line in enumerate(raw["utterances"]) if i not in bad_lines
                ]
                notes.append(f"left out {len(bad_lines)} unreadable line(s) of {path.name}")
    return None


def purge(data_dir: Path, meeting_id: str) -> list[Path]:
    """Remove a meeting's files: snapshot, journal, draft, backups, side files and lock.

    The names are removed; the disk may still hold copies of the bytes (SSDs and
    journaling file systems keep old blocks), which no program can promise to wipe.

    Raises:
        LockedError: the meeting is open for writing elsewhere.
    """
    data_dir = Path(data_dir)
    paths = paths_of(data_dir, files.check_id(meeting_id))
    if not any(p.exists() for p in paths.values()) and not files.side_files(data_dir, meeting_id):
        raise StoreError(f"There is no meeting {meeting_id} in {data_dir}.")
    lock = MeetingLock(paths["lock"], meeting_id)
    lock.acquire()
    removed = []
    try:
        targets = [paths[r] for r in ("snapshot", "journal", "draft", "backup")]
        for path in [*targets, *files.side_files(data_dir, meeting_id)]:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
                removed.append(path)
    finally:
        lock.release()
    if not paths["lock"].exists():
        removed.append(paths["lock"])
    with contextlib.suppress(OSError):
        files.fsync_dir(data_dir)
    return removed
