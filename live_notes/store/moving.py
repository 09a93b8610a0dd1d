"""Saving an open meeting into another folder, when its own was taken away."""

from __future__ import annotations

import os
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


def move_to(folder: Path, meeting: Meeting, last_seq: int) -> Moved:
    """Write `meeting` (with every change up to `last_seq`) into `folder`, locked, journal open.

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
    try:
        write_snapshot(paths["snapshot"], meeting, last_seq)
        files.write_atomic(paths["backup"], files.read_file(paths["snapshot"]))
        fd = files.open_private(paths["journal"], os.O_WRONLY | os.O_APPEND)
        CURRENT.lock_advisory(fd)
        files.fsync_dir(folder)
    except OSError as exc:
        lock.release()
        raise StoreError(
            f"The meeting could not be saved in {folder}: {files.describe_os_error(exc)}.",
            f"{folder} に会議を保存できませんでした({files.describe_os_error(exc, 'ja')})。",
            code="store.save_elsewhere_failed",
            params=params,
        ) from exc
    return Moved(folder, paths, lock, fd)
