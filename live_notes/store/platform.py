"""What differs between Linux, macOS and Windows, in one place.

Nothing else in live-notes imports ``fcntl`` or ``msvcrt`` or looks at
``sys.platform``: it asks `CURRENT` (a `System`) instead.

- Locking: ``filelock.lock_descriptor`` on a descriptor the store opened itself,
  so the lock file keeps the holder's record (flock on POSIX; ``LockFileEx`` on
  byte 0 on Windows, which is why the record starts at byte 1).
- Durable append: ``fsync``; on macOS ``fcntl(F_FULLFSYNC)``, because macOS's
  fsync leaves the data in the drive's cache. A file system that refuses
  F_FULLFSYNC (some network shares) gets fsync.
- Durable rename: ``os.replace`` then an fsync of the directory on POSIX. Windows
  has no way to open a directory for fsync from Python; ``os.replace`` there is
  ``MoveFileExW(MOVEFILE_REPLACE_EXISTING)`` and NTFS logs the rename in its own
  journal, so after a power cut the name points at the old file or the new one,
  each whole (the new one's bytes were flushed before the rename).
- No-follow opens: ``O_NOFOLLOW`` on POSIX; on Windows, which has no such flag,
  an ``lstat`` first and a refusal of symbolic links and other reparse points.
  On both, anything that is not a regular file (a FIFO, a folder) is refused.
- Privacy: files 0600 and folders 0700 on POSIX; on Windows the data folder
  belongs inside the user's profile folder, which only its owner can read: a
  folder elsewhere gets a warning.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType

FILE_MODE = 0o600
DIR_MODE = 0o700
_REPARSE_POINT = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT


class NotRegularFileError(OSError):
    """A store file that is a symbolic link, a folder, a FIFO or a device: refused."""


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class System:
    """The platform's primitives. `CURRENT` is this machine's; tests build others.

    Attributes:
        name: ``sys.platform`` of the platform (``linux``, ``darwin``, ``win32``).
        fcntl: The fcntl module, or None where there is none (Windows).
    """

    def __init__(self, name: str, fcntl: Any = None) -> None:
        self.name = name
        self.fcntl = fcntl
        self.windows = name == "win32"
        self.macos = name == "darwin"

    # -- durability ------------------------------------------------------------------

    def sync_file(self, fd: int) -> None:
        """Make what was written to `fd` durable (F_FULLFSYNC where the platform has it)."""
        full = getattr(self.fcntl, "F_FULLFSYNC", None) if self.macos else None
        if full is not None:
            try:
                self.fcntl.fcntl(fd, full)
                return
            except OSError:
                pass  # not supported by this file system: fsync is the best there is
        os.fsync(fd)

    def sync_dir(self, path: Path) -> None:
        """Make a rename or a new name in a folder durable (nothing to do on Windows)."""
        if self.windows:
            return  # see the module's docstring: NTFS logs the rename itself
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    # -- opening ---------------------------------------------------------------------

    def open_file(self, path: Path, flags: int, mode: int = FILE_MODE) -> int:
        """Open a store file without following links; refuse anything but a regular file.

        A new file is created with `mode` (0600), forced with fchmod where the
        platform has it. Raises NotRegularFileError for a link, FIFO, folder or device.
        """
        flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        if self.windows:
            self._refuse_reparse_point(path)
        else:
            # O_NONBLOCK: a FIFO planted under a store name must not hang the open.
            flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags, mode)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.EMLINK, errno.ENXIO):
                raise NotRegularFileError(
                    exc.errno, "not a regular file (a link or a pipe)", str(path)
                ) from None
            raise
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise NotRegularFileError(errno.EINVAL, "not a regular file", str(path))
            if not self.windows and flags & os.O_NONBLOCK:
                _set_blocking(fd)
            if flags & os.O_CREAT:
                self.make_private(fd)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _refuse_reparse_point(self, path: Path) -> None:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        attributes = getattr(info, "st_file_attributes", 0)
        if stat.S_ISLNK(info.st_mode) or attributes & _REPARSE_POINT:
            raise NotRegularFileError(errno.ELOOP, "a link, not a regular file", str(path))

    def make_private(self, fd: int) -> None:
        """Owner-only access to an open file (0600); on Windows the profile folder's ACL."""
        if not self.windows:
            os.fchmod(fd, FILE_MODE)

    def privacy_warnings(self, folder: Path) -> list[str]:
        """Why others might read or plant files in `folder`; empty when it is private."""
        try:
            info = os.stat(folder)
        except OSError:
            return []
        if self.windows:
            home = Path(os.environ.get("USERPROFILE") or Path.home())
            try:
                Path(folder).resolve().relative_to(home.resolve())
            except ValueError:
                return [
                    f"the data folder {folder} is outside your profile folder {home}: "
                    "other users of this computer may be able to read it"
                ]
            return []
        warnings = []
        if info.st_mode & 0o022:
            warnings.append(
                f"the data folder {folder} can be written by others "
                f"(mode {stat.S_IMODE(info.st_mode):o}): run chmod 700 on it"
            )
        if info.st_uid != os.getuid():  # type: ignore[attr-defined,unused-ignore]
            warnings.append(f"the data folder {folder} belongs to another user")
        return warnings

    # -- locking ---------------------------------------------------------------------

    def lock(self, fd: int) -> bool:
        """Try to lock an open file without waiting; whether it is now ours.

        Raises OSError (ENOSYS, EOPNOTSUPP, ENOLCK) where the file system has no locks.
        """
        import filelock

        return filelock.lock_descriptor(fd, blocking=False)

    def lock_advisory(self, fd: int) -> bool:
        """Lock a file others must still be able to read (the journal); whether it is ours.

        POSIX only: there the lock is advisory and readers are not held up. Windows'
        locks would stop readers, and Windows refuses to delete a file another
        program has open, so there is nothing to guard: True. True as well where the
        file system has no locks.
        """
        if self.windows:
            return True
        try:
            return self.lock(fd)
        except OSError:
            return True

    def pid_alive(self, pid: int) -> bool:
        """Whether a process of this computer still runs (True when it cannot be told)."""
        if self.windows:
            return True  # os.kill(pid, 0) would stop it there: assume it is alive
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True

    def remove_while_open(self) -> bool:
        """Whether an open file can be unlinked (not on Windows: close it first)."""
        return not self.windows


def _set_blocking(fd: int) -> None:
    with contextlib.suppress(OSError, AttributeError):
        os.set_blocking(fd, True)


CURRENT = System(sys.platform, _optional("fcntl"))
"""This machine's primitives."""
