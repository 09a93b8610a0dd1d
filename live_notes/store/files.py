"""File-system helpers of the store: names, permissions, atomic replacement.

The notes hold personal information, so every file is created 0600 and every
directory the store creates 0700, set with an explicit chmod so the clerk's
umask does not matter.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import datetime
from typing import TYPE_CHECKING

from live_notes.paths import ensure_private_dir
from live_notes.store.errors import StoreError

if TYPE_CHECKING:
    from pathlib import Path

FILE_MODE = 0o600
ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,120}$")

SNAPSHOT = ".json"
JOURNAL = ".journal"
LOCK = ".lock"
DRAFT = ".draft"
BACKUP = ".json.bak"
JOURNAL_BACKUP = ".journal.bak"
# Side files: temporaries of an atomic write, torn journal tails kept aside,
# damaged originals kept by a repair. Their suffix always ends in digits, so
# they never look like another meeting's snapshot.
_SIDE = re.compile(r"^(?P<id>.+)\.(json|journal|draft)\.(tmp|torn|damaged)-[0-9-]+$")


def check_id(meeting_id: str) -> str:
    """The id, if it is a safe file name; StoreError otherwise."""
    if not ID_PATTERN.match(meeting_id) or meeting_id in (".", ".."):
        raise StoreError(f"{meeting_id!r} is not a meeting id (letters, digits, - _ . only).")
    return meeting_id


def stamp() -> str:
    """A timestamp for side-file names: ``20241112-093100``."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def side_name(path: Path, kind: str) -> Path:
    """A free side-file name beside `path`: ``<name>.<kind>-<time>``, then ``…-2``, ``…-3``."""
    base = f"{path.name}.{kind}-{stamp()}"
    candidate = path.with_name(base)
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{base}-{number}")
    return candidate


def side_files(data_dir: Path, meeting_id: str) -> list[Path]:
    """Temporaries, torn tails and damaged originals that belong to a meeting."""
    found = []
    try:
        names = os.listdir(data_dir)
    except OSError:
        return []
    for name in names:
        match = _SIDE.match(name)
        if match and match["id"] == meeting_id:
            found.append(data_dir / name)
    return sorted(found)


def ensure_dir(path: Path) -> None:
    """Create a directory and its missing parents, each 0700 (umask-independent)."""
    ensure_private_dir(path)
    if not path.is_dir():
        raise StoreError(f"{path} is not a directory: choose another data directory.")


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in a directory durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write fewer than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError("write returned no progress")
        view = view[written:]


def open_private(path: Path, flags: int) -> int:
    """Open (creating 0600 if needed) and force the mode to 0600."""
    fd = os.open(path, flags | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError:
        os.close(fd)
        raise
    return fd


def write_atomic(path: Path, data: bytes, sync_dir: bool = True) -> None:
    """Replace a file's content all at once: temp file, fsync, rename, fsync of the directory.

    A crash leaves either the old content or the new one, never a mix. With
    ``sync_dir=False`` the rename itself may be lost to a power cut, leaving the
    previous content: fine for the draft line, rewritten every few keystrokes.
    """
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    fd = open_private(tmp, os.O_WRONLY | os.O_TRUNC)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def describe_os_error(exc: OSError, lang: str = "en") -> str:
    """An OSError in plain words (disk full, permission, …), in English or Japanese."""
    import errno

    words = {
        errno.ENOSPC: ("the disk is full", "ディスクがいっぱいです"),
        errno.EDQUOT: ("the disk is full", "ディスクの割り当て容量を超えました"),
        errno.EACCES: ("permission denied", "アクセス権がありません"),
        errno.EPERM: ("permission denied", "アクセス権がありません"),
        errno.EROFS: ("the disk is read-only", "ディスクが読み取り専用です"),
        errno.EIO: ("the disk reported an input/output error", "ディスクの入出力エラーです"),
    }
    if exc.errno in words:
        en, ja = words[exc.errno]
        return ja if lang == "ja" else en
    return exc.strerror or str(exc)
