"""File-system helpers of the store: names, permissions, atomic replacement.

The notes hold personal information, so every file is created 0600 and every
directory the store creates 0700, set with an explicit chmod so the clerk's
umask does not matter.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from datetime import datetime
from pathlib import Path

from live_notes.names import meeting_id_problem
from live_notes.paths import ensure_private_dir
from live_notes.store.errors import StoreError
from live_notes.store.platform import CURRENT, FILE_MODE, NotRegularFileError

__all__ = ["FILE_MODE", "NotRegularFileError"]

SNAPSHOT = ".json"
JOURNAL = ".journal"
LOCK = ".lock"
DRAFT = ".draft"
BACKUP = ".json.bak"
JOURNAL_BACKUP = ".journal.bak"
# Side files: temporaries of an atomic write, torn journal tails kept aside,
# damaged originals kept by a repair. Their suffix always ends in digits, so
# they never look like another meeting's snapshot.
_SIDE = re.compile(
    r"(?P<id>.+)\.(json|journal|draft|json\.bak|journal\.bak)\."
    r"(tmp-[A-Za-z0-9_-]+|(torn|damaged)-[0-9-]+)"
)


def check_id(meeting_id: str) -> str:
    """The id, if it is a safe file name on every platform; StoreError otherwise."""
    problem = meeting_id_problem(meeting_id)
    if problem is not None:
        raise StoreError(problem[0], problem[1])
    return meeting_id


def stamp() -> str:
    """A timestamp for side-file names: ``20241112-093100``."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def side_name(path: Path, kind: str) -> Path:
    """A free side-file name beside `path`: ``<name>.<kind>-<time>``, then ``…-2``, ``…-3``."""
    base = f"{path.name}.{kind}-{stamp()}"
    candidate = path.with_name(base)
    number = 1
    while os.path.lexists(candidate):
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
        match = _SIDE.fullmatch(name)
        if match and match["id"] == meeting_id:
            found.append(data_dir / name)
    return sorted(found)


def ensure_dir(path: Path) -> None:
    """Create a directory and its missing parents, each 0700 (umask-independent)."""
    ensure_private_dir(path)
    if not path.is_dir():
        raise StoreError(
            f"{path} is not a directory: choose another data directory.",
            f"{path} はフォルダではありません。別のデータフォルダを選んでください。",
        )


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in a directory durable (see `platform`)."""
    CURRENT.sync_dir(path)


def sync(fd: int) -> None:
    """Make what was written to `fd` durable (F_FULLFSYNC on macOS)."""
    CURRENT.sync_file(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write fewer than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError("write returned no progress")
        view = view[written:]


def open_private(path: Path, flags: int) -> int:
    """Open (creating 0600 if needed) without following links; only a regular file."""
    return CURRENT.open_file(path, flags | os.O_CREAT)


def open_existing(path: Path, flags: int) -> int:
    """Open a file that must exist, without following links; only a regular file."""
    return CURRENT.open_file(path, flags)


def read_file(path: Path) -> bytes:
    """A store file's bytes, read without following links (a FIFO or a folder refused)."""
    fd = open_existing(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


_HEADER = re.compile(r'"header"\s*:\s*')


def header_lang(data_dir: Path, meeting_id: str) -> str | None:
    """The language in a meeting's snapshot header ("ja" or "en"), from the file's first
    bytes, without loading the meeting (nor pydantic); None when it cannot be told so.

    A guess for the screen that comes up while the meeting loads: a change of language
    still in the journal is not seen, nor is a damaged file.
    """
    try:
        fd = open_existing(data_dir / f"{check_id(meeting_id)}{SNAPSHOT}", os.O_RDONLY)
    except (OSError, StoreError):
        return None
    try:
        head = os.read(fd, 1 << 16).decode("utf-8", "ignore")
    except OSError:
        return None
    finally:
        os.close(fd)
    found = _HEADER.search(head)
    try:
        header = json.JSONDecoder().raw_decode(head, found.end())[0] if found else None
    except ValueError:
        return None
    lang = header.get("lang") if isinstance(header, dict) else None
    return lang if lang in ("ja", "en") else None


def write_atomic(path: Path, data: bytes, sync_dir: bool = True) -> None:
    """Replace a file's content all at once: temp file, fsync, rename, fsync of the directory.

    A crash leaves either the old content or the new one, never a mix. With
    ``sync_dir=False`` the rename itself may be lost to a power cut, leaving the
    previous content: fine for the draft line, rewritten every few keystrokes.
    """
    # An unpredictable name, created exclusively (0600, never through a link).
    fd, name = tempfile.mkstemp(prefix=f"{path.name}.tmp-", dir=path.parent)
    tmp = Path(name)
    try:
        try:
            CURRENT.make_private(fd)
            write_all(fd, data)
            sync(fd)
        finally:
            os.close(fd)
        _refuse_link(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def _refuse_link(path: Path) -> None:
    """A rename replaces a link itself, never its target; a folder in the way is refused."""
    with contextlib.suppress(FileNotFoundError):
        if os.path.isdir(path) and not os.path.islink(path):
            raise NotRegularFileError(21, "a folder, not a file", str(path))


def cannot_read(path: object, exc: OSError) -> StoreError:
    """The error for a file or folder that exists but could not be read."""
    return StoreError(
        f"Cannot read {path}: {describe_os_error(exc)}.",
        f"{path} を読めません({describe_os_error(exc, 'ja')})。",
    )


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
        errno.ELOOP: ("it is a link, not a regular file", "通常のファイルではなくリンクです"),
        errno.ENXIO: ("it is a pipe, not a regular file", "通常のファイルではなくパイプです"),
    }
    if isinstance(exc, NotRegularFileError):
        return "通常のファイルではありません" if lang == "ja" else "it is not a regular file"
    if exc.errno in words:
        en, ja = words[exc.errno]
        return ja if lang == "ja" else en
    return exc.strerror or str(exc)
