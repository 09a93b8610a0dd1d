"""Saving an open meeting into another folder, when its own was taken away.

The meeting's recording (``ID.audio/``) goes with it: each segment is copied and
fsynced into the new folder (0700, files 0600), and only once the meeting is
saved there is the old copy removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from live_notes.store import files
from live_notes.store.errors import StoreError
from live_notes.store.loader import paths_of, taken
from live_notes.store.lock import MeetingLock
from live_notes.store.platform import CURRENT
from live_notes.store.snapshot import write_snapshot

if TYPE_CHECKING:
    from live_notes.domain.models import Meeting


@dataclass
class Moved:
    """The meeting's new home: folder, file paths, the lock held there, the journal open."""

    folder: Path
    paths: dict[str, Path]
    lock: MeetingLock
    fd: int


def _copy_audio(old: Path, new: Path) -> bool:
    """Copy the recording's folder `old` to `new`, each file fsynced; False when there is none."""
    try:
        names = sorted(os.listdir(old))
    except OSError:
        return False
    new.mkdir(mode=0o700, exist_ok=True)
    os.chmod(new, 0o700)
    for name in names:
        if not (old / name).is_file():
            continue
        data = files.read_file(old / name)
        fd = files.open_private(new / name, os.O_WRONLY | os.O_TRUNC)
        try:
            files.write_all(fd, data)
            files.sync(fd)
        finally:
            os.close(fd)
    files.fsync_dir(new)
    return True


def move_to(folder: Path, meeting: Meeting, last_seq: int, old_folder: Path | None = None) -> Moved:
    """Write `meeting` (with every change up to `last_seq`) into `folder`, locked, journal open.

    The recording in `old_folder` (``ID.audio``), if any, is moved along with it.

    Raises:
        StoreError: `folder` already has this meeting, or cannot be written.
    """
    from live_notes.store.meeting_store import prepare_dir

    folder = Path(folder)
    meeting_id = meeting.id
    params: dict[str, object] = {"meeting_id": meeting_id, "data_dir": str(folder)}
    prepare_dir(folder)
    if taken(folder, meeting_id):
        raise StoreError(
            f"{folder} already has a meeting {meeting_id}: choose another folder.",
            f"{folder} にはすでに会議 {meeting_id} があります。別のフォルダを選んでください。",
            code="store.exists_there",
            params=params,
        )
    paths = paths_of(folder, meeting_id)
    lock = MeetingLock(paths["lock"], meeting_id)
    lock.acquire()
    old_audio = None if old_folder is None else Path(old_folder) / f"{meeting_id}.audio"
    new_audio = folder / f"{meeting_id}.audio"
    copied, made = False, not new_audio.exists()
    try:
        copied = (
            old_audio is not None and old_audio != new_audio and _copy_audio(old_audio, new_audio)
        )
        write_snapshot(paths["snapshot"], meeting, last_seq)
        files.write_atomic(paths["backup"], files.read_file(paths["snapshot"]))
        fd = files.open_private(paths["journal"], os.O_WRONLY | os.O_APPEND)
        CURRENT.lock_advisory(fd)
        files.fsync_dir(folder)
    except OSError as exc:
        lock.release()
        if made:
            shutil.rmtree(new_audio, ignore_errors=True)  # the old copy stays whole
        raise StoreError(
            f"The meeting could not be saved in {folder}: {files.describe_os_error(exc)}.",
            f"{folder} に会議を保存できませんでした({files.describe_os_error(exc, 'ja')})。",
            code="store.save_elsewhere_failed",
            params=params,
        ) from exc
    if copied and old_audio is not None:
        with contextlib.suppress(OSError):  # the old copy cannot go: it stays, nothing is lost
            shutil.rmtree(old_audio)
    return Moved(folder, paths, lock, fd)
