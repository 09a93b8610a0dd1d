"""One writer per meeting: ``<id>.lock``, held with flock for the writer's lifetime.

The lock file is created with O_CREAT|O_EXCL and holds ``{pid, host, since}`` so a
refusal can name the holder. The kernel's flock on an open descriptor is what
really decides: it disappears with the process, so a lock file left by a killed
or crashed writer is taken over (its flock is free). Where flock is not
supported (some network file systems) a lock whose pid is no longer alive on
this host is taken over instead.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import socket
from datetime import datetime
from typing import TYPE_CHECKING

from live_notes.store.errors import LockedError, LockInfo, StoreError
from live_notes.store.files import describe_os_error, fsync_dir, open_private, write_all

if TYPE_CHECKING:
    from pathlib import Path


def read_holder(path: Path) -> LockInfo | None:
    """The holder recorded in a lock file, or None if it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
        return LockInfo(pid=int(data["pid"]), host=str(data.get("host", "")), since=since)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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

    def acquire(self) -> None:
        """Take the lock, or raise LockedError naming the holder."""
        for _ in range(5):
            fd = self._open()
            if self._flock(fd):
                # The file may have been removed by a holder closing between our
                # open and our flock: then we hold a lock on a dead inode. Retry.
                try:
                    same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
                except FileNotFoundError:
                    same = False
                if same:
                    try:
                        self._write_info(fd)
                    except OSError as exc:
                        with contextlib.suppress(OSError):
                            os.unlink(self.path)
                        os.close(fd)
                        raise StoreError(
                            f"Cannot write the lock file {self.path}: {describe_os_error(exc)}. "
                            "Nothing was changed."
                        ) from exc
                    self._fd = fd
                    return
                os.close(fd)
                continue
            holder = read_holder(self.path) or LockInfo(0, "", None)
            os.close(fd)
            raise LockedError(self.meeting_id, holder)
        raise StoreError(f"Could not take the lock {self.path}: it keeps changing. Try again.")

    def _open(self) -> int:
        try:
            fd = open_private(self.path, os.O_RDWR | os.O_EXCL)
        except FileExistsError:
            try:
                return os.open(self.path, os.O_RDWR)
            except FileNotFoundError:
                return open_private(self.path, os.O_RDWR)
            except OSError as exc:
                raise StoreError(
                    f"Cannot open the lock file {self.path}: {describe_os_error(exc)}."
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
        """Whether this process now holds the flock."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                raise
        # No flock here: judge by the recorded holder.
        holder = read_holder(self.path)
        if holder is None or holder.host != self.info.host:
            return holder is None
        return not _pid_alive(holder.pid) or holder.pid == os.getpid()

    def _write_info(self, fd: int) -> None:
        data = {
            "pid": self.info.pid,
            "host": self.info.host,
            "since": self.info.since.isoformat() if self.info.since else None,
        }
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        write_all(fd, json.dumps(data).encode())
        os.fsync(fd)

    def release(self) -> None:
        """Remove the lock file and drop the flock."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None
