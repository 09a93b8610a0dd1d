"""Saving what can be read from a damaged meeting, into a new file beside the old one."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from live_notes.domain.events import CHANGE_ADAPTER, apply
from live_notes.domain.models import Meeting
from live_notes.store import files
from live_notes.store.errors import CorruptError, NewerSchemaError, StoreError
from live_notes.store.journal import Entry, scan
from live_notes.store.loader import paths_of
from live_notes.store.lock import MeetingLock
from live_notes.store.snapshot import read_record, read_snapshot, write_snapshot

if TYPE_CHECKING:
    from pathlib import Path


def repair(data_dir: Path, meeting_id: str) -> tuple[list[str], list[str]]:
    """Save what can be read into a new snapshot, the damaged files kept renamed beside it.

    Returns:
        (findings, repaired): what could not be done, and what was done.
    """
    meeting, notes = salvage(data_dir, meeting_id)
    if meeting is None:
        return [
            *notes,
            "nothing could be saved automatically; the files were left as they are",
        ], []
    done: list[str] = []
    paths = paths_of(data_dir, meeting_id)
    lock = MeetingLock(paths["lock"], meeting_id)
    lock.acquire()
    try:
        for role in ("snapshot", "journal"):
            if paths[role].exists():
                kept = files.side_name(paths[role], "damaged")
                os.rename(paths[role], kept)
                done.append(f"kept the original {paths[role].name} as {kept.name}")
        files.fsync_dir(data_dir)
        meeting.id = meeting_id
        write_snapshot(paths["snapshot"], meeting, 0)
    finally:
        lock.release()
    return [], [
        *done,
        *notes,
        f"saved {len(meeting.utterances)} lines into a new {paths['snapshot'].name}",
    ]


def salvage(data_dir: Path, meeting_id: str) -> tuple[Meeting | None, list[str]]:
    """The most of a damaged meeting that can be read, and what was left out (nothing written).

    In order of preference: the snapshot with the journal replayed; the previous
    snapshot with both journals replayed, when no change is missing between
    them; what can be read of the snapshot; the previous snapshot with gaps.
    """
    paths = paths_of(data_dir, meeting_id)
    notes: list[str] = []
    for role in ("snapshot", "backup"):
        with contextlib.suppress(StoreError, OSError):
            if role == "backup" and not paths[role].exists():
                continue
            try:
                meeting, base = read_snapshot(paths[role])
            except NewerSchemaError:
                return None, ["a newer version wrote it"]
            replay_notes, gaps = _replay(meeting, base, paths)
            if role == "snapshot" or not gaps:
                if role == "backup":
                    notes.append(f"rebuilt from the previous snapshot {paths[role].name}")
                return meeting, notes + replay_notes
    reason = _problem(paths["snapshot"])
    partial = _partial(paths["snapshot"], notes)
    if partial is not None:
        replay_notes, _ = _replay(partial, _base_of(paths["snapshot"]), paths)
        return partial, notes + replay_notes
    notes.append(f"{paths['snapshot'].name}: {reason}")
    with contextlib.suppress(StoreError, OSError):
        meeting, base = read_snapshot(paths["backup"])
        replay_notes, _ = _replay(meeting, base, paths)
        notes.append(f"rebuilt from the previous snapshot {paths['backup'].name}")
        return meeting, notes + replay_notes
    return None, notes


def _replay(meeting: Meeting, base: int, paths: dict[str, Path]) -> tuple[list[str], bool]:
    """Apply every readable journal change after `base`; (notes, whether some were missing)."""
    notes: list[str] = []
    scans = []
    for role in ("journal_backup", "journal"):
        try:
            scans.append(scan(paths[role].read_bytes()))
        except OSError:
            continue
    entries = sorted({e.seq: e for found in scans for e in found.entries}.values(), key=_seq)
    expected, skipped, gaps = base + 1, 0, False
    for entry in entries:
        if entry.seq <= base:
            continue
        if entry.seq != expected:
            notes.append(f"changes #{expected} to #{entry.seq - 1} were missing")
            gaps = True
        expected = entry.seq + 1
        try:
            apply(meeting, CHANGE_ADAPTER.validate_json(entry.payload))
        except (ValueError, ValidationError):
            skipped += 1
    if skipped:
        notes.append(f"left out {skipped} journal change(s) that could not be read or applied")
    bad = sum(len(found.damaged) + (1 if found.tail else 0) for found in scans)
    if bad:
        notes.append(f"left out {bad} damaged journal line(s)")
    return notes, gaps


def _problem(path: Path) -> str:
    try:
        read_snapshot(path)
    except CorruptError as exc:
        return exc.reason
    except (StoreError, OSError) as exc:
        return str(exc)
    return "unknown"


def _base_of(path: Path) -> int:
    try:
        return int(read_record(path)["journal_base"])
    except (StoreError, OSError):
        return 0


def _seq(entry: Entry) -> int:
    return entry.seq


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
