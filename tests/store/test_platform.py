"""The platform module: the real branch on Linux, Windows and macOS by simulation.

A `System` is built with the platform's name and a fake ``fcntl`` (or none), so the
macOS and Windows branches run here; what each promises is in docs/platforms.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from support.store_attacks import writer_with_lines

from live_notes.store import LockedError, MeetingStore, StoreError
from live_notes.store import platform as platform_module
from live_notes.store.lock import MeetingLock, read_holder
from live_notes.store.platform import NotRegularFileError, System


class FakeFcntl:
    """fcntl as macOS has it: F_FULLFSYNC, recorded; refused when `refuse` is set."""

    F_FULLFSYNC = 51

    def __init__(self, refuse: bool = False) -> None:
        self.calls: list[tuple[int, int]] = []
        self.refuse = refuse

    def fcntl(self, fd: int, op: int) -> int:
        self.calls.append((fd, op))
        if self.refuse:
            raise OSError(45, "Operation not supported")
        return 0


def _fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(platform_module.os, "fsync", calls.append)
    return calls


def _sync_a_file(tmp_path: Path, system: System) -> int:
    """Open a file, have `system` make it durable, close it; the descriptor it used."""
    fd = os.open(tmp_path / "f", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        system.sync_file(fd)
    finally:
        os.close(fd)
    return fd


def test_macos_makes_an_append_durable_with_full_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeFcntl()
    fsyncs = _fsyncs(monkeypatch)
    fd = _sync_a_file(tmp_path, System("darwin", fake))
    assert fake.calls == [(fd, FakeFcntl.F_FULLFSYNC)] and fsyncs == []


def test_macos_falls_back_to_fsync_where_full_fsync_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeFcntl(refuse=True)
    fsyncs = _fsyncs(monkeypatch)
    fd = _sync_a_file(tmp_path, System("darwin", fake))
    assert len(fake.calls) == 1 and fsyncs == [fd]


def test_linux_uses_fsync_even_with_an_fcntl_that_has_full_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeFcntl()
    fsyncs = _fsyncs(monkeypatch)
    fd = _sync_a_file(tmp_path, System("linux", fake))
    assert fake.calls == [] and fsyncs == [fd]


def test_windows_has_no_directory_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fsyncs = _fsyncs(monkeypatch)
    System("win32").sync_dir(tmp_path)
    System("linux").sync_dir(tmp_path)
    assert len(fsyncs) == 1  # only the POSIX branch opened and synced the folder


def test_windows_refuses_links_and_reparse_points_by_lstat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows = System("win32")
    outside = tmp_path / "outside"
    outside.write_text("keep", encoding="utf-8")
    link = tmp_path / "m.journal"
    link.symlink_to(outside)
    with pytest.raises(NotRegularFileError):
        windows.open_file(link, os.O_WRONLY | os.O_APPEND)
    junction = tmp_path / "m.draft"
    junction.write_text("", encoding="utf-8")
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_lstat(path, *args, **kwargs)
        if str(path) == str(junction):  # what Windows reports for a junction
            return SimpleNamespace(st_mode=found.st_mode, st_file_attributes=0x400)
        return found

    monkeypatch.setattr(platform_module.os, "lstat", lstat)
    with pytest.raises(NotRegularFileError):
        windows.open_file(junction, os.O_WRONLY)
    assert outside.read_text(encoding="utf-8") == "keep"


def test_windows_warns_about_a_data_folder_outside_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "Users" / "clerk"
    inside = profile / "AppData" / "Local" / "live-notes"
    outside = tmp_path / "shared"
    inside.mkdir(parents=True)
    outside.mkdir()
    monkeypatch.setenv("USERPROFILE", str(profile))
    windows = System("win32")
    assert windows.privacy_warnings(inside) == []
    [warning] = windows.privacy_warnings(outside)
    assert "outside your profile folder" in warning


def test_windows_never_signals_a_process_to_see_if_it_lives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def kill(pid: int, sig: int) -> None:
        raise AssertionError("os.kill(pid, 0) would stop the process on Windows")

    monkeypatch.setattr(platform_module.os, "kill", kill)
    assert System("win32").pid_alive(4242) is True
    assert System("win32").remove_while_open() is False


def test_windows_lock_record_is_read_past_the_locked_first_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows the holder's byte 0 is locked: reading it fails, the record starts at 1."""
    lock = MeetingLock(tmp_path / "m.lock", "m")
    lock.acquire()
    real_read = os.read

    def read(fd: int, size: int) -> bytes:
        if os.lseek(fd, 0, os.SEEK_CUR) == 0:
            raise PermissionError(13, "The process cannot access the file (locked region)")
        return real_read(fd, size)

    monkeypatch.setattr(os, "read", read)
    holder = read_holder(tmp_path / "m.lock")
    monkeypatch.setattr(os, "read", real_read)
    lock.release()
    assert holder is not None and holder.pid == os.getpid()


def test_posix_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "m.json"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError):
        System("linux").open_file(fifo, os.O_RDONLY)


def test_the_lock_goes_through_filelock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import filelock

    calls: list[int] = []

    def busy(fd: int, *, blocking: bool = True, poll_interval: float = 0.05) -> bool:
        calls.append(fd)
        assert blocking is False
        return False

    holder = {"pid": 4242, "host": "clerk-pc", "since": "2024-11-12T09:31:00"}
    (tmp_path / "m.lock").write_text(json.dumps(holder), encoding="utf-8")
    monkeypatch.setattr(filelock, "lock_descriptor", busy)
    with pytest.raises(LockedError) as refused:
        MeetingLock(tmp_path / "m.lock", "m").acquire()
    assert calls and "process 4242 on clerk-pc since 2024-11-12 09:31" in str(refused.value)
    assert json.loads((tmp_path / "m.lock").read_text(encoding="utf-8")) == holder


def test_a_second_writer_is_refused_by_name_and_a_dead_one_taken_over(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, _ = writer_with_lines(data_dir, "委員 一行目")
    meeting_id = store.meeting.id
    with pytest.raises(LockedError) as refused:
        MeetingStore.open(data_dir, meeting_id)
    assert f"process {os.getpid()}" in str(refused.value)
    os.close(store._lock._fd or -1)  # type: ignore[union-attr]  # the holder dies
    store._lock._fd = None  # type: ignore[union-attr]
    os.close(store._fd or -1)
    store._fd = None
    with MeetingStore.open(data_dir, meeting_id) as again:  # taken over
        assert [u.text for u in again.meeting.utterances] == ["委員 一行目"]


IMPORTS = textwrap.dedent(
    """
    import sys
    sys.modules["fcntl"] = None  # as on Windows: importing fcntl fails
    import live_notes.store, live_notes.export, live_notes.tui.app, live_notes.cli
    from live_notes.store import MeetingStore, check, list_meetings
    from live_notes.store import admin, lock, meeting_store, repair
    from live_notes.domain.plan import parse_plan
    from live_notes.domain.session import Session
    from live_notes.resources import sample_plan
    data = sys.argv[1]
    meeting = parse_plan(sample_plan("ja").read_text(encoding="utf-8"), "sample")
    with MeetingStore.create(data, meeting) as store:
        session = Session(store.meeting, sink=store.append)
        session.open()
        session.commit_line("委員 fcntl のない行")
    [report] = check(data)
    print(report.ok, [m.lines for m in list_meetings(data)])
    """
)


def test_everything_imports_and_saves_without_fcntl(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True [1]"


def test_nothing_else_imports_fcntl_or_msvcrt_or_asks_the_platform() -> None:
    import live_notes

    root = os.path.dirname(live_notes.__file__)
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            if not name.endswith(".py") or name == "platform.py":
                continue
            text = Path(folder, name).read_text(encoding="utf-8")
            for word in ("import fcntl", "import msvcrt", "sys.platform"):
                if word in text:
                    found.append(f"{name}: {word}")
    assert found == []


def test_a_store_error_keeps_code_params_and_both_languages(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, session = writer_with_lines(data_dir)
    (data_dir / f"{store.meeting.id}.journal").unlink()
    with pytest.raises(StoreError) as refused:
        session.commit_line("委員 行")
    error = refused.value
    assert error.code == "store.journal_gone"
    assert error.params["meeting_id"] == store.meeting.id
    assert "ジャーナル" in error.message("ja") and "journal" in error.message("en")
    store.close()
