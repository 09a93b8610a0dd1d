"""The store: every change on disk before it is shown, and every file that opens again.

Design. Per meeting, in the data directory:

- ``<id>.json`` — the snapshot: a TinyDB document (table ``meeting``, doc 1) with
  ``schema_version``, ``journal_base`` and the whole Meeting as JSON, UTF-8 with
  Japanese left readable. It is only ever replaced whole (temporary file, fsync,
  rename, fsync of the directory), so a crash leaves the old or the new one.
- ``<id>.journal`` — append-only, one line per change after ``journal_base``,
  each with a sequence number and a CRC-32. Committing a line is one write and
  one fsync of about 300 bytes, whatever the size of the meeting: that is what
  keeps commits under 5 ms at 10,000 lines, where TinyDB's own storage rewrites
  the whole file on every insert (tens of milliseconds) and can leave it cut
  in half by a kill. On load the snapshot is read and the journal replayed;
  a damaged last line is a change that was never acknowledged and is dropped
  (its bytes kept aside), while damage before sound lines is refused.
- Compaction folds the journal into a new snapshot when a meeting is closed,
  and when one is opened with a long journal; never on the commit path. The
  previous snapshot stays as ``<id>.json.bak`` and the folded journal as
  ``<id>.journal.bak``: from them a snapshot damaged later (a bad disk block,
  an editor) is rebuilt whole by ``check(repair=True)``.
- ``<id>.lock`` — one writer: O_EXCL creation plus an OS lock (flock, or
  LockFileEx on Windows, through filelock), so a lock left by a killed process is
  taken over and a live holder is named in the refusal. The writer also holds
  its journal with flock, and checks on every change that the lock file and the
  journal are still the ones it opened (a lock or a folder deleted by hand stops
  it with a clear message; `MeetingStore.save_elsewhere` saves the meeting in
  another folder). A journal begins with a line naming its meeting.
- ``<id>.draft`` — the line being typed, replaced atomically on keystrokes.

Files are 0600 and directories the store creates 0700; every file is opened
without following links and must be a regular file (see `platform`). A file from a newer
schema or a damaged one is refused and never written; `check` reports, and
``check(repair=True)`` saves what can be read into a new file, keeping the
damaged one beside it, renamed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from live_notes.store.admin import (
        CheckReport,
        MeetingSummary,
        check,
        list_meetings,
        meeting_ids,
        purge,
        scan_folder,
    )
    from live_notes.store.errors import (
        CorruptError,
        LockedError,
        LockInfo,
        NewerSchemaError,
        StoreError,
    )
    from live_notes.store.loader import load
    from live_notes.store.meeting_store import COMPACT_ON_OPEN, MeetingStore
    from live_notes.store.repair import salvage

# Names are imported on first use: the live screen comes up (and takes keys) before
# the store's modules, pydantic and the meeting model are loaded.
_HOME = {
    **dict.fromkeys(
        (
            "CheckReport",
            "MeetingSummary",
            "check",
            "list_meetings",
            "meeting_ids",
            "purge",
            "scan_folder",
        ),
        "admin",
    ),
    **dict.fromkeys(
        ("CorruptError", "LockedError", "LockInfo", "NewerSchemaError", "StoreError"), "errors"
    ),
    "load": "loader",
    "COMPACT_ON_OPEN": "meeting_store",
    "MeetingStore": "meeting_store",
    "salvage": "repair",
}


def __getattr__(name: str) -> Any:
    """The store's public names, each imported from its module when first asked for."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "COMPACT_ON_OPEN",
    "CheckReport",
    "CorruptError",
    "LockInfo",
    "LockedError",
    "MeetingStore",
    "MeetingSummary",
    "NewerSchemaError",
    "StoreError",
    "check",
    "list_meetings",
    "load",
    "meeting_ids",
    "purge",
    "salvage",
    "scan_folder",
]
