"""`MeetingStore`: one meeting on disk, a snapshot plus a journal, one writer at a time."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from live_notes.domain.events import CHANGE_ADAPTER, Change, apply
from live_notes.names import MAX_ID_LENGTH
from live_notes.store import files
from live_notes.store.errors import LockedError, StoreError, no_meeting, writer_stopped
from live_notes.store.journal import Scan, encode_line, header_line
from live_notes.store.loader import Loaded, load, paths_of, taken
from live_notes.store.lock import MeetingLock
from live_notes.store.platform import CURRENT
from live_notes.store.snapshot import write_snapshot

if TYPE_CHECKING:
    from types import TracebackType

    from live_notes.domain.models import Meeting

COMPACT_ON_OPEN = 2000
"""Journal lines beyond which opening folds the journal into the snapshot."""


class MeetingStore:
    """One meeting on disk: the snapshot, the journal, the write lock and the draft line.

    Use it with a live session so every change is durable before it is shown::

        store = MeetingStore.open(data_dir, meeting_id)
        session = Session(store.meeting, sink=store.append)

    The session applies each change to ``store.meeting`` after `append` returns;
    the store itself never applies changes (see `record` for callers without a
    session). Call `compact` and `close` from the thread that applies changes.

    Attributes:
        meeting: The loaded, current meeting.
        recovered: What loading had to drop or skip; empty normally.
        readonly: Opened without the lock; `append` is refused.
        data_dir: The directory of the meeting's files.
    """

    def __init__(self, data_dir: Path, loaded: Loaded, lock: MeetingLock | None) -> None:
        self.data_dir = data_dir
        self.meeting = loaded.meeting
        self.recovered = list(loaded.recovered)
        self.readonly = lock is None
        self._lock = lock
        self._paths = paths_of(data_dir, loaded.meeting.id)
        self._seq = loaded.last_seq
        self._pending = loaded.pending
        self._size = loaded.scan.good_end
        self._fd: int | None = None
        self._dirty_tail = False
        self._stopped: StoreError | None = None
        self._mutex = threading.Lock()

    # -- opening -------------------------------------------------------------------

    @classmethod
    def create(cls, data_dir: Path, meeting: Meeting) -> MeetingStore:
        """Save a new meeting and open it for writing.

        If a meeting with ``meeting.id`` exists, the id gets a suffix (-2, -3, …)
        and ``meeting.id`` is updated.
        """
        data_dir = Path(data_dir)
        base_id = files.check_id(meeting.id)
        prepare_dir(data_dir)
        for number in range(1, 1000):
            suffix = "" if number == 1 else f"-{number}"
            candidate = base_id[: MAX_ID_LENGTH - len(suffix)] + suffix
            paths = paths_of(data_dir, candidate)
            if taken(data_dir, candidate):
                continue  # a meeting, or what a repair or a crash left of one
            lock = MeetingLock(paths["lock"], candidate)
            try:
                lock.acquire()
            except LockedError:
                continue  # someone is creating this one right now
            if os.path.lexists(paths["snapshot"]):
                lock.release()
                continue
            try:
                meeting.id = candidate
                write_snapshot(paths["snapshot"], meeting, 0)
                files.write_atomic(paths["backup"], files.read_file(paths["snapshot"]))
                store = cls(data_dir, Loaded(meeting, 0, 0, 0, Scan()), lock)
                store._open_journal()
            except OSError as exc:
                for role in ("snapshot", "journal", "backup"):
                    with contextlib.suppress(OSError):
                        os.unlink(paths[role])
                lock.release()
                meeting.id = base_id
                raise StoreError(
                    f"The meeting could not be saved in {data_dir}: "
                    f"{files.describe_os_error(exc)}. Nothing was created.",
                    f"{data_dir} に会議を保存できませんでした"
                    f"({files.describe_os_error(exc, 'ja')})。何も作成していません。",
                ) from exc
            return store
        raise StoreError(
            f"Too many meetings named {base_id} in {data_dir}.",
            f"{data_dir} に {base_id} という名前の会議が多すぎます。",
        )

    @classmethod
    def open(cls, data_dir: Path, meeting_id: str, readonly: bool = False) -> MeetingStore:
        """Open a meeting; for writing unless ``readonly``.

        Raises:
            LockedError: another process writes it.
            NewerSchemaError: a newer version wrote it (nothing is written).
            CorruptError: it cannot be read (nothing is written).
            StoreError: it does not exist, or the directory cannot be used.
        """
        data_dir = Path(data_dir)
        files.check_id(meeting_id)
        if readonly:
            return cls(data_dir, load(data_dir, meeting_id), None)
        paths = paths_of(data_dir, meeting_id)
        if not os.path.lexists(paths["snapshot"]) and not os.path.lexists(paths["journal"]):
            raise no_meeting(meeting_id, data_dir)
        lock = MeetingLock(paths["lock"], meeting_id)
        lock.acquire()
        claimed: int | None = None
        try:
            claimed = claim_journal(paths["journal"], meeting_id, data_dir)
            loaded = load(data_dir, meeting_id)
            store = cls(data_dir, loaded, lock)
            store._cut_torn_tail(loaded.scan)
            store._open_journal(claimed)
            claimed = None
            if loaded.pending > COMPACT_ON_OPEN:
                with contextlib.suppress(StoreError):
                    store.compact()  # a failure leaves the journal whole: still safe
        except OSError as exc:
            _close(claimed)
            lock.release()
            raise StoreError(
                f"Meeting {meeting_id} could not be opened for writing: "
                f"{files.describe_os_error(exc)}. Nothing was changed.",
                f"会議 {meeting_id} を書き込み用に開けませんでした"
                f"({files.describe_os_error(exc, 'ja')})。何も変更していません。",
            ) from exc
        except BaseException:
            _close(claimed)
            lock.release()
            raise
        return store

    def _cut_torn_tail(self, journal: Scan) -> None:
        """Keep a torn tail aside (never thrown away), then cut it off the journal."""
        if journal.tail_offset is None:
            return
        aside = files.side_name(self._paths["journal"], "torn")
        files.write_atomic(aside, journal.tail)
        fd = files.open_existing(self._paths["journal"], os.O_WRONLY)
        try:
            os.ftruncate(fd, journal.tail_offset)
            files.sync(fd)
        finally:
            os.close(fd)
        self.recovered[-1] += f"; the bytes are kept in {aside.name}"

    def _open_journal(self, claimed: int | None = None) -> None:
        """Open the journal for appending, held with an OS lock of its own (POSIX).

        The journal's lock outlives a lock file deleted by hand: a second writer
        is refused by it (see `claim_journal`).
        """
        if claimed is None:
            claimed = files.open_private(self._paths["journal"], os.O_WRONLY | os.O_APPEND)
            CURRENT.lock_advisory(claimed)
        self._fd = claimed
        self._size = os.fstat(self._fd).st_size
        files.fsync_dir(self.data_dir)

    # -- writing -------------------------------------------------------------------

    @property
    def last_seq(self) -> int:
        """Sequence number of the last saved change."""
        return self._seq

    @property
    def pending(self) -> int:
        """Journal lines not yet folded into the snapshot."""
        return self._pending

    def _writable(self) -> int:
        if self.readonly:
            raise StoreError(
                f"Meeting {self.meeting.id} is open read-only: nothing can be saved. "
                "Open it for writing to change it.",
                f"会議 {self.meeting.id} は読み取り専用で開いているため保存できません。"
                "変更するには書き込み用に開いてください。",
            )
        if self._stopped is not None:
            raise self._stopped
        if self._fd is None:
            raise StoreError(
                f"Meeting {self.meeting.id} is closed: open it again to write.",
                f"会議 {self.meeting.id} は閉じています。書き込むには開き直してください。",
            )
        return self._fd

    def _check_still_ours(self, fd: int) -> None:
        """Stop (StoreError) when the files are no longer the ones this writer holds.

        Three cheap system calls, no read: the journal still linked, its name still
        on this file, the lock file still ours, its size what this writer wrote.
        """
        info = os.fstat(fd)
        why = None
        if info.st_nlink == 0:
            why = "journal_gone" if self.data_dir.is_dir() else "folder_gone"
        elif self._lock is not None and not self._lock.still_held():
            why = "lock_lost"
        elif _identity(self._paths["journal"]) != (info.st_dev, info.st_ino):
            why = "journal_gone"
        elif info.st_size != self._size and not self._dirty_tail:
            why = "journal_changed"
        if why is not None:
            self._stopped = writer_stopped(self.meeting.id, self.data_dir, why)
            raise self._stopped

    def append(self, change: Change) -> None:
        """Save one change: written and fsynced before this returns.

        Raises:
            StoreError: it could not be saved (disk full, …). The journal is left
                as it was, so calling again once there is room succeeds.
        """
        payload = CHANGE_ADAPTER.dump_json(change, by_alias=True)
        with self._mutex:
            fd = self._writable()
            line = encode_line(self._seq + 1, payload)
            if self._size == 0:  # a new journal starts with the meeting's id
                line = header_line(self.meeting.id) + line
            self._check_still_ours(fd)
            try:
                if self._dirty_tail:
                    # A write of ours that failed or was interrupted left bytes behind.
                    os.ftruncate(fd, self._size)
                    self._dirty_tail = False
                files.write_all(fd, line)
                files.sync(fd)
            except OSError as exc:
                self._undo_partial(fd)
                full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
                advice = "free some space, then" if full else "check the disk, then"
                advice_ja = "空き容量を作ってから" if full else "ディスクを確認してから"
                raise StoreError(
                    f"The change was not saved: {files.describe_os_error(exc)}. "
                    f"Everything before it is safe and the line stays in the entry: "
                    f"{advice} commit it again.",
                    f"変更を保存できませんでした({files.describe_os_error(exc, 'ja')})。"
                    "それより前の内容は無事で、行は入力欄に残っています。"
                    f"{advice_ja}、もう一度確定してください。",
                ) from exc
            except BaseException:
                self._undo_partial(fd)  # interrupted: not acknowledged, so not kept
                raise
            self._size += len(line)
            self._seq += 1
            self._pending += 1

    def _undo_partial(self, fd: int) -> None:
        """Cut a partly written line off, so the journal ends cleanly (else: next append)."""
        try:
            os.ftruncate(fd, self._size)
            files.sync(fd)
            self._dirty_tail = False
        except OSError:
            self._dirty_tail = True

    def record(self, change: Change) -> None:
        """Save a change and apply it to `meeting` (for callers without a Session)."""
        self.append(change)
        apply(self.meeting, change)

    def compact(self) -> None:
        """Fold the journal into the snapshot (written atomically), then start a new journal.

        The previous snapshot is kept as ``<id>.json.bak`` and the folded journal
        as ``<id>.journal.bak``, so a snapshot damaged later can be rebuilt whole.
        A crash at any point leaves a meeting that opens whole: the new snapshot
        records which changes it holds, and older journal lines are skipped.
        """
        with self._mutex:
            self._writable()
            snapshot = self._paths["snapshot"]
            try:
                files.write_atomic(self._paths["backup"], files.read_file(snapshot))
                write_snapshot(snapshot, self.meeting, self._seq)
            except (OSError, ValueError) as exc:
                reason = files.describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
                raise StoreError(
                    f"The meeting could not be compacted: {reason}. "
                    "Nothing was lost: every change is still in the journal.",
                    f"会議ファイルをまとめられませんでした({reason})。"
                    "失われたものはありません。すべての変更はジャーナルに残っています。",
                ) from exc
            self._rotate_journal()

    def _rotate_journal(self) -> None:
        """The journal becomes ``<id>.journal.bak``; appends go to a new, empty one."""
        journal, kept = self._paths["journal"], self._paths["journal_backup"]
        try:
            os.replace(journal, kept)
        except OSError:
            return  # the old lines stay, all skipped on load: still correct
        try:
            fd = files.open_private(journal, os.O_WRONLY | os.O_APPEND)
            CURRENT.lock_advisory(fd)
            files.fsync_dir(self.data_dir)
        except OSError as exc:
            try:
                os.replace(kept, journal)  # keep appending where loading will look
            except OSError:
                self._fd = None  # refuse further writes rather than write where nobody reads
            raise StoreError(
                f"A new journal could not be started: {files.describe_os_error(exc)}. "
                "Nothing was lost.",
                f"新しいジャーナルを始められませんでした"
                f"({files.describe_os_error(exc, 'ja')})。失われたものはありません。",
            ) from exc
        old, self._fd = self._fd, fd
        if old is not None:
            os.close(old)
        self._size = os.fstat(fd).st_size
        self._pending = 0
        self._dirty_tail = False

    # -- the line being typed ------------------------------------------------------

    def save_draft(self, text: str) -> None:
        """Keep the line being typed, so a crash offers it back; "" clears it."""
        self._writable()
        path = self._paths["draft"]
        try:
            if text:
                files.write_atomic(path, text.encode("utf-8"), sync_dir=False)
            else:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
        except OSError as exc:
            raise StoreError(
                f"The line being typed could not be kept: {files.describe_os_error(exc)}.",
                f"入力中の行を控えられませんでした({files.describe_os_error(exc, 'ja')})。",
            ) from exc

    def load_draft(self) -> str:
        """The line that was being typed, or "" when none."""
        try:
            return files.read_file(self._paths["draft"]).decode("utf-8", errors="replace")
        except FileNotFoundError:
            return ""
        except OSError as exc:
            raise StoreError(
                f"The line being typed could not be read back: {files.describe_os_error(exc)}.",
                f"入力中の行を読み戻せませんでした({files.describe_os_error(exc, 'ja')})。",
            ) from exc

    # -- moving --------------------------------------------------------------------

    def save_elsewhere(self, folder: Path) -> Path:
        """Save the meeting as it stands (every saved change) in `folder`, and go on there.

        For when the data folder was deleted, or the lock or journal taken away
        (the StoreError of `append` with code ``store.folder_gone``,
        ``store.journal_gone``, ``store.lock_lost`` or ``store.journal_changed``):
        the snapshot and a new journal are written in `folder` (created 0700),
        the lock is taken there, and the following changes are saved there.
        The recording (``ID.audio``) goes along (copied, fsynced, then the old removed).

        Returns:
            The new snapshot's path.

        Raises:
            StoreError: `folder` already has this meeting, or cannot be written.
        """
        from live_notes.store.moving import move_to

        with self._mutex:
            if self.readonly:
                self._writable()
            moved = move_to(folder, self.meeting, self._seq, self.data_dir)
            old_fd, old_lock = self._fd, self._lock
            self.data_dir, self._paths = moved.folder, moved.paths
            self._lock, self._fd = moved.lock, moved.fd
            self._size = os.fstat(moved.fd).st_size
            self._pending = 0
            self._dirty_tail = False
            self._stopped = None
            self.readonly = False
        if old_fd is not None:
            with contextlib.suppress(OSError):
                os.close(old_fd)
        if old_lock is not None:
            old_lock.release()  # removes the old lock file only if it is still ours
        return moved.paths["snapshot"]

    # -- closing -------------------------------------------------------------------

    def close(self) -> None:
        """Fold the journal into the snapshot if it has anything, and release the lock."""
        if self._fd is not None and self._pending:
            with contextlib.suppress(StoreError):
                self.compact()  # on failure the journal still holds everything
        with self._mutex:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._fd)
                self._fd = None
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> MeetingStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def claim_journal(path: Path, meeting_id: str, data_dir: Path) -> int | None:
    """The existing journal open for appending and locked; None when there is none yet.

    Raises:
        StoreError: another live-notes still holds the journal (its lock file was
            deleted by hand): nothing is read or changed.
    """
    try:
        fd = files.open_existing(path, os.O_WRONLY | os.O_APPEND)
    except FileNotFoundError:
        return None
    if not CURRENT.lock_advisory(fd):
        os.close(fd)
        raise StoreError(
            f"Meeting {meeting_id} is still being written by another live-notes, although "
            "its lock file is gone (deleted by hand?). Nothing was changed: close it there first.",
            f"会議 {meeting_id} は別の live-notes でまだ書き込み中です(ロックファイルは"
            "削除されています)。何も変更していません。先にそちらで閉じてください。",
            code="store.journal_in_use",
            params={"meeting_id": meeting_id, "data_dir": str(data_dir)},
        )
    return fd


def _close(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def prepare_dir(data_dir: Path) -> None:
    """Create the data folder (0700) or say plainly why it cannot be."""
    try:
        files.ensure_dir(data_dir)
    except OSError as exc:
        raise StoreError(
            f"The data directory {data_dir} cannot be created: {files.describe_os_error(exc)}. "
            "Choose another with --data-dir.",
            f"データフォルダ {data_dir} を作れません({files.describe_os_error(exc, 'ja')})。"
            "--data-dir で別のフォルダを指定してください。",
        ) from exc
