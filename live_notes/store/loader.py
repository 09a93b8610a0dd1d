"""Reading a meeting back: the snapshot, then the journal changes after it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import ValidationError

from live_notes.domain.events import CHANGE_ADAPTER, apply
from live_notes.store import files
from live_notes.store.errors import CorruptError, no_meeting
from live_notes.store.journal import Scan, journal_of, scan
from live_notes.store.snapshot import describe_validation, read_snapshot

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.domain.models import Meeting


@dataclass
class Loaded:
    """A meeting read back from its files (see `load`).

    Attributes:
        meeting: The meeting: the snapshot with the journal replayed.
        base: The snapshot's journal base.
        last_seq: The last sequence number on disk (the next append is +1).
        pending: Journal lines beyond the snapshot (what a compaction would fold).
        scan: The journal as read.
        recovered: What had to be dropped or skipped, in words.
    """

    meeting: Meeting
    base: int
    last_seq: int
    pending: int
    scan: Scan
    recovered: list[str] = field(default_factory=list)


def paths_of(data_dir: Path, meeting_id: str) -> dict[str, Path]:
    """The files of a meeting by role.

    ``backup`` is the previous snapshot and ``journal_backup`` the journal lines
    folded into the current one: with them, a damaged snapshot can be rebuilt
    whole (see `salvage`). Loading reads neither.
    """
    suffixes = {
        "snapshot": files.SNAPSHOT,
        "journal": files.JOURNAL,
        "lock": files.LOCK,
        "draft": files.DRAFT,
        "backup": files.BACKUP,
        "journal_backup": files.JOURNAL_BACKUP,
    }
    return {role: data_dir / f"{meeting_id}{suffix}" for role, suffix in suffixes.items()}


def taken(data_dir: Path, meeting_id: str) -> bool:
    """Whether any file of `meeting_id` exists: an id is never reused over leftovers."""
    paths = paths_of(data_dir, meeting_id)
    if any(os.path.lexists(paths[role]) for role in paths if role != "lock"):
        return True
    return bool(files.side_files(data_dir, meeting_id))


def load(data_dir: Path, meeting_id: str) -> Loaded:
    """Read a meeting: the snapshot, then every journal change after its base.

    A damaged tail of the journal (a change cut short by a crash, never
    acknowledged) is left out and reported; damage before sound lines, a gap in
    the sequence or a line this version cannot read raises CorruptError. Nothing
    is written.
    """
    paths = paths_of(data_dir, files.check_id(meeting_id))
    if not os.path.lexists(paths["snapshot"]):
        if os.path.lexists(paths["journal"]):
            raise CorruptError(
                str(paths["snapshot"]), "the file is missing; only its journal is left"
            )
        raise no_meeting(meeting_id, data_dir)
    for _ in range(3):
        # A writer compacting meanwhile replaces the snapshot, then empties the
        # journal: read both again if the snapshot changed under us.
        before = _identity(paths["snapshot"])
        meeting, base = read_snapshot(paths["snapshot"])
        raw = _read_journal(paths["journal"])
        if _identity(paths["snapshot"]) == before:
            break
    if meeting.id != meeting_id:
        # A file copied or renamed by hand: it is the meeting its name says.
        meeting.id = meeting_id
    journal = scan(raw)
    where = str(paths["journal"])
    if journal.damaged:
        number, offset = journal.damaged[0]
        raise CorruptError(
            where, f"line {number} (byte {offset}) is damaged, with changes after it"
        )
    loaded = Loaded(meeting, base, base, 0, journal)
    previous: int | None = None
    for entry in journal.entries:
        if entry.seq == 0:
            owner = journal_of(entry)
            if owner is not None and owner != meeting_id:
                raise CorruptError(
                    where, f"it is the journal of another meeting ({owner}), not of {meeting_id}"
                )
            continue
        if previous is not None and entry.seq != previous + 1:
            raise CorruptError(where, f"changes #{previous + 1} to #{entry.seq - 1} are missing")
        previous = entry.seq
        if entry.seq <= base:
            continue  # already in the snapshot (a compaction was cut short)
        if loaded.pending == 0 and entry.seq != base + 1:
            raise CorruptError(where, f"changes #{base + 1} to #{entry.seq - 1} are missing")
        try:
            change = CHANGE_ADAPTER.validate_json(entry.payload)
        except ValidationError as exc:
            raise CorruptError(
                where,
                f"change #{entry.seq} is not one this version knows "
                f"({describe_validation(exc)}); it may come from a newer version",
            ) from None
        try:
            apply(meeting, change)
        except (ValueError, ValidationError) as exc:
            # The live session could not apply it either, so leaving it out
            # gives back exactly what the clerk saw.
            loaded.recovered.append(f"skipped change #{entry.seq}: it does not fit ({exc})")
        loaded.pending += 1
        loaded.last_seq = entry.seq
    if journal.tail_offset is not None:
        loaded.recovered.append(
            f"dropped a torn journal line at byte {journal.tail_offset} "
            f"({len(journal.tail)} bytes of a change that was never saved whole)"
        )
    return loaded


def _identity(path: Path) -> tuple[int, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _read_journal(path: Path) -> bytes:
    try:
        return files.read_file(path)
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise files.cannot_read(path, exc) from exc
