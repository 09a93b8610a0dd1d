"""One writer per meeting: ``<id>.lock``, locked by the OS for the writer's lifetime.

The lock file is created with O_CREAT|O_EXCL, never through a link, and holds
``{pid, host, since}`` from byte 1 on, so a refusal can name the holder (on
Windows byte 0 is the locked one and cannot be read by others). The OS lock on
an open descriptor (flock on POSIX, LockFileEx on Windows, both through
filelock's `lock_descriptor`) is what really decides: it disappears with the
process, so a lock file left by a killed or crashed writer is taken over. Where
the file system has no locks (some network shares) a lock whose pid is no
longer alive on this host is taken over instead.

A holder checks on every append that the lock file is still the one it locked
(`still_held`): a lock file deleted by hand would otherwise let a second
writer in without either knowing.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
from datetime import datetime
from typing import TYPE_CHECKING

from live_notes.store.errors import LockedError, LockInfo, StoreError
from live_notes.store.files import (
    describe_os_error,
    fsync_dir,
    open_existing,
    open_private,
    sync,
    write_all,
)
from live_notes.store.platform import CURRENT

if TYPE_CHECKING:
    from pathlib import Path


def _read_lock_file(path: Path) -> bytes:
    fd = open_existing(path, os.O_RDONLY)
    try:
        try:
            return os.read(fd, 4096)
        except OSError:  # Windows: byte 0 is locked by the holder
            os.lseek(fd, 1, os.SEEK_SET)
            return os.read(fd, 4096)
    finally:
        os.close(fd)


def read_holder(path: Path) -> LockInfo | None:
    """The holder recorded in a lock file, or None if it cannot be read."""
    try:
        data = json.loads(_read_lock_file(path).decode("utf-8").strip())
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
        return LockInfo(pid=int(data["pid"]), host=str(data.get("host", "")), since=since)
    except (OSError, ValueError, KeyError, TypeError):
        return None


class MeetingLock:
    """The write lock of one meeting.

    Attributes:
        path: The lock file.
        info: What this process wrote into it.
    """

    def __init__(self, path: Path, meeting_id: str) -> None:
        self.path = path
        self.meeting_id = meeting_id
        self.info = LockInfo(
            os.getpid(), socket.gethostname(), datetime.now().replace(microsecond=0)
        )
        self._fd: int | None = None
        self._identity: tuple[int, int] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise LockedError naming the holder."""
        for _ in range(5):
            fd = self._open()
            if self._flock(fd):
                # The file may have been removed by a holder closing between our
                # open and our flock: then we hold a lock on a dead inode. Retry.
                info = os.fstat(fd)
                identity = (info.st_dev, info.st_ino)
                same = self._current_identity() == identity
                if same:
                    try:
                        self._write_info(fd)
                    except OSError as exc:
                        with contextlib.suppress(OSError):
                            os.unlink(self.path)
                        os.close(fd)
                        raise StoreError(
                            f"Cannot write the lock file {self.path}: {describe_os_error(exc)}. "
                            "Nothing was changed.",
                            f"ロックファイル {self.path} を書けません"
                            f"({describe_os_error(exc, 'ja')})。何も変更していません。",
                        ) from exc
                    self._fd = fd
                    self._identity = identity
                    return
                os.close(fd)
                continue
            holder = read_holder(self.path) or LockInfo(0, "", None)
            os.close(fd)
            raise LockedError(self.meeting_id, holder)
        raise StoreError(
            f"Could not take the lock {self.path}: it keeps changing. Try again.",
            f"ロック {self.path} を取得できません(変化し続けています)。もう一度試してください。",
        )

    def _open(self) -> int:
        try:
            fd = open_private(self.path, os.O_RDWR | os.O_EXCL)
        except FileExistsError:
            try:
                return open_existing(self.path, os.O_RDWR)
            except FileNotFoundError:
                return open_private(self.path, os.O_RDWR)
            except OSError as exc:
                raise StoreError(
                    f"Cannot open the lock file {self.path}: {describe_os_error(exc)}.",
                    f"ロックファイル {self.path} を開けません({describe_os_error(exc, 'ja')})。",
                ) from exc
        except OSError as exc:
            raise StoreError(
                f"Cannot create the lock file {self.path}: {describe_os_error(exc)}. "
                "Nothing was changed: make the data directory writable, "
                "or open the meeting read-only.",
                f"ロックファイル {self.path} を作れません({describe_os_error(exc, 'ja')})。"
                "何も変更していません。データフォルダを書き込めるようにするか、"
                "読み取り専用で開いてください。",
            ) from exc
        fsync_dir(self.path.parent)
        return fd

    def _flock(self, fd: int) -> bool:
        """Whether this process now holds the OS lock."""
        try:
            return CURRENT.lock(fd)
        except OSError as exc:
            if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                raise
        # No flock here: judge by the recorded holder.
        holder = read_holder(self.path)
        if holder is None or holder.host != self.info.host:
            return holder is None
        return not CURRENT.pid_alive(holder.pid) or holder.pid == os.getpid()

    def _write_info(self, fd: int) -> None:
        data = {
            "pid": self.info.pid,
            "host": self.info.host,
            "since": self.info.since.isoformat() if self.info.since else None,
        }
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        write_all(fd, b"\n" + json.dumps(data).encode() + b"\n")
        sync(fd)

    def _current_identity(self) -> tuple[int, int] | None:
        try:
            info = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def still_held(self) -> bool:
        """Whether the lock file on disk is still the one this object locked.

        False when it was deleted (by hand, or with the data folder) or replaced:
        another writer may then have taken the meeting. One stat, no read.
        """
        return self._fd is not None and self._current_identity() == self._identity

    def release(self) -> None:
        """Remove the lock file (if it is still ours) and drop the OS lock."""
        if self._fd is None:
            return
        ours = self.still_held()
        if ours and CURRENT.remove_while_open():
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self._fd)
        if ours and not CURRENT.remove_while_open():
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self._fd = None
        self._identity = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None
