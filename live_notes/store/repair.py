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
from live_notes.store.meeting_store import claim_journal
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
    try:
        lock.acquire()
        held = claim_journal(paths["journal"], meeting_id, data_dir)
    except StoreError as exc:
        lock.release()
        return [f"not repaired: {exc}", *notes], []
    try:
        meeting.id = meeting_id
        done = _replace_with(paths, meeting, _last_seq(paths))
    except OSError as exc:
        return [
            f"not repaired: {files.describe_os_error(exc)}; the files were left as they are",
            *notes,
        ], []
    finally:
        if held is not None:
            os.close(held)
        lock.release()
    return [], [
        *done,
        *notes,
        f"saved {len(meeting.utterances)} lines into a new {paths['snapshot'].name}",
    ]


def _replace_with(paths: dict[str, Path], meeting: Meeting, base: int) -> list[str]:
    """Put the repaired meeting in place; the damaged files kept under new names.

    The new snapshot is written whole and fsynced first (a full disk stops the
    repair here, with nothing renamed). The originals get their ``damaged`` names
    as extra links before the snapshot is replaced, so at every moment the
    meeting's name holds the old file or the new one. The new snapshot's journal
    base is past every journal line, so a journal left by a crash is skipped.
    """
    ready = files.side_name(paths["snapshot"], "tmp")
    try:
        write_snapshot(ready, meeting, base)
        kept: list[tuple[Path, Path]] = []
        for role in ("snapshot", "journal"):
            if os.path.lexists(paths[role]):
                aside = files.side_name(paths[role], "damaged")
                _keep_copy(paths[role], aside)
                kept.append((paths[role], aside))
        files.fsync_dir(paths["snapshot"].parent)
        os.replace(ready, paths["snapshot"])
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(ready)
        raise
    with contextlib.suppress(FileNotFoundError):
        os.unlink(paths["journal"])
    files.fsync_dir(paths["snapshot"].parent)
    return [f"kept the original {path.name} as {aside.name}" for path, aside in kept]


def _keep_copy(path: Path, aside: Path) -> None:
    """`aside` names the same bytes as `path`: a hard link, or a copy where there are none."""
    try:
        os.link(path, aside)
    except OSError:
        files.write_atomic(aside, files.read_file(path))


def _last_seq(paths: dict[str, Path]) -> int:
    """The highest sequence number of any sound line in the journals (0 when none)."""
    last = 0
    for role in ("journal_backup", "journal"):
        with contextlib.suppress(OSError):
            found = scan(files.read_file(paths[role]))
            last = max([last, *(entry.seq for entry in found.entries)])
    return last


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
            if role == "backup" and not os.path.lexists(paths[role]):
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
            scans.append(scan(files.read_file(paths[role])))
        except OSError:
            continue
    chosen: dict[int, Entry] = {}
    for found in scans:  # the journal after its backup: the later one wins a tie
        for entry in found.entries:
            earlier = chosen.get(entry.seq)
            if entry.seq > 0 and earlier is not None and earlier.payload != entry.payload:
                notes.append(
                    f"change #{entry.seq} was found twice with different content: "
                    "kept the one in the journal; the other stays in the damaged copy"
                )
            chosen[entry.seq] = entry
    entries = sorted(chosen.values(), key=_seq)
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
