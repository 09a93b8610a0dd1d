"""An unwritable data folder, a missing home, a second instance: one plain line, no traceback.

Run as the clerk runs it: the ``live-notes`` script in a subprocess. We run as
root in CI, so permissions alone would not stop a write: an unwritable folder
is a read-only tmpfs (skipped where mounting is not allowed) or a path under a
regular file (always).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support.crash_writer import new_meeting

from faults.app_kill import entry_row, ready
from faults.support import record
from faults.tmux_app import TmuxApp, live_notes_command, tmux_available

if TYPE_CHECKING:
    from collections.abc import Iterator

PLAN = Path(__file__).resolve().parents[2] / "data" / "riverside-board-en.toml"
FAULT = "Unwritable data folder, missing home"
WHAT = (
    "`live-notes list`, `new`, `open` and the bare app as subprocesses on a read-only "
    "tmpfs, a folder under a regular file, HOME missing on a read-only mount, HOME unset "
    "with XDG folders unwritable: one line, exit 1"
)


def run(
    *argv: str, env: dict[str, str] | None = None, drop: tuple[str, ...] = ()
) -> tuple[int, str, str]:
    """Run ``live-notes ARGV`` without a terminal; (exit code, stdout, stderr)."""
    environ = {k: v for k, v in os.environ.items() if k not in drop}
    environ.pop("LIVE_NOTES_DATA_DIR", None)
    environ.update(env or {})
    done = subprocess.run(
        [*live_notes_command(), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        stdin=subprocess.DEVNULL,
        timeout=30,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def refused(code: int, out: str, err: str, *words: str) -> bool:
    """Exit 1, one line on stderr naming the problem, no traceback anywhere."""
    record(FAULT, WHAT, rounds=1, tracebacks=int("Traceback" in out + err))
    lines = err.strip().splitlines()
    return (
        code == 1
        and len(lines) == 1
        and lines[0].startswith("live-notes: ")
        and all(word in lines[0] for word in words)
        and "Traceback" not in out + err
    )


@pytest.fixture
def readonly_dir(tmp_path: Path) -> Iterator[Path]:
    """A read-only tmpfs holding one meeting (data/) and nothing else."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                      capture_output=True, check=False).returncode != 0:  # fmt: skip
        pytest.skip("cannot mount a tmpfs here")
    try:
        new_meeting(mount / "data")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_read_only_data_folder(readonly_dir: Path, tmp_path: Path) -> None:
    data = str(readonly_dir / "data")
    [meeting_id] = [p.stem for p in (readonly_dir / "data").glob("*.json")]
    code, out, err = run("--data-dir", data, "list")
    assert code == 0 and meeting_id in out and err == ""  # reading still works
    assert refused(*run("--data-dir", data, "new", str(PLAN)), "read-only", "Nothing was changed")
    assert refused(*run("--data-dir", data), "not writable", "--data-dir")
    assert refused(*run("--data-dir", data, "open", meeting_id), "not writable")


def test_data_folder_under_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    data = str(tmp_path / "file" / "data")
    assert refused(*run("--data-dir", data, "list"), "Not a directory")
    assert refused(*run("--data-dir", data, "new", str(PLAN)), "cannot be created")
    assert refused(*run("--data-dir", data), "cannot use the data folder")
    assert refused(*run("--data-dir", data, "open", "some-meeting"), "cannot use the data folder")


def test_home_missing_and_unwritable(readonly_dir: Path, tmp_path: Path) -> None:
    """HOME inside a read-only mount, where it does not exist: nothing can be created."""
    env = {"HOME": str(readonly_dir / "home")}
    drop = ("LIVE_NOTES_CONFIG_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME")
    code, out, err = run("list", env=env, drop=drop)
    record(FAULT, rounds=1, tracebacks=int("Traceback" in out + err))
    assert (code, err) == (0, "") and out.startswith("No meetings yet")  # nothing there: true
    expected = str(readonly_dir / "home" / ".local" / "share" / "live-notes")
    assert refused(*run("new", str(PLAN), env=env, drop=drop), expected, "read-only")
    assert refused(*run(env=env, drop=drop), expected, "Read-only file system")
    assert not (readonly_dir / "home").exists()


def test_home_unset_and_xdg_folders_unwritable(readonly_dir: Path) -> None:
    env = {
        "XDG_DATA_HOME": str(readonly_dir / "xdg-data"),
        "XDG_CONFIG_HOME": str(readonly_dir / "xdg-config"),
    }
    drop = ("HOME", "LIVE_NOTES_CONFIG_DIR")
    expected = str(readonly_dir / "xdg-data" / "live-notes")
    assert refused(*run("new", str(PLAN), env=env, drop=drop), expected)
    assert refused(*run(env=env, drop=drop), expected)
    assert refused(*run("open", "x", env=env, drop=drop), expected)


@pytest.mark.skipif(not tmux_available(), reason="needs tmux")
def test_second_instance_is_refused_and_names_the_holder(tmp_path: Path) -> None:
    """The second ``open`` says who holds the meeting and exits 1, before any screen."""
    data = tmp_path / "data"
    meeting_id = new_meeting(data)
    app = TmuxApp(tmp_path, env={"LIVE_NOTES_CONFIG_DIR": str(tmp_path / "config")})
    try:
        app.start("--data-dir", str(data), "open", meeting_id, name="first")
        assert app.wait_for(ready, timeout=20) is not None
        first_pid = app.pid
        app.start("--data-dir", str(data), "open", meeting_id, name="second", show_exit=True)
        app.wait_for(lambda r: "[exit " in app.output("second"), timeout=20)
        output = app.output("second")
        record(
            "Two instances on one meeting",
            "a second `live-notes open` on a meeting the first (under tmux) is writing",
            rounds=1,
            tracebacks=int("Traceback" in output),
        )
        message, _, status = output.rpartition("[exit ")
        assert status.startswith("1]"), output
        assert len(message.strip().splitlines()) == 1, output
        assert f"process {first_pid} on {socket.gethostname()}" in message
        assert message.startswith(f"live-notes: Meeting {meeting_id} is already open for writing")
        assert "Traceback" not in output
        # The first instance still holds the meeting and keeps saving.
        app.session = "first"
        app.text("k000x00 二つ目の起動のあとも保存")
        assert app.wait_for(lambda r: "k000x00" in entry_row(r), timeout=5)
        app.keys("Enter")
        assert app.wait_for(lambda r: "k000x00" in "".join(r[:-3]), timeout=5)
    finally:
        app.stop()


@pytest.mark.skipif(not tmux_available(), reason="needs tmux")
def test_purge_refuses_a_meeting_in_use_then_removes_everything_after_a_kill(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    meeting_id = new_meeting(data)
    app = TmuxApp(tmp_path, env={"LIVE_NOTES_CONFIG_DIR": str(tmp_path / "config")})
    try:
        app.start("--data-dir", str(data), "open", meeting_id, name="held")
        assert app.wait_for(ready, timeout=20) is not None
        for n in range(3):  # lines, then a half-typed one kept as the draft
            line = f"k000x0{n} 消去前の発言"
            app.text(line)
            assert app.wait_for(lambda r, line=line: line in entry_row(r), timeout=5)
            app.keys("Enter")
            assert app.wait_for(lambda r, n=n: f"k000x0{n}" in "".join(r[:-3]), timeout=5)
        app.text("途中")
        assert app.wait_for(lambda r: "途中" in entry_row(r), timeout=5)
        time.sleep(1.0)  # the draft is written
        holder = app.pid
        code, out, err = run("--data-dir", str(data), "purge", meeting_id, "--yes")
        assert refused(code, out, err, f"process {holder}")
        assert (data / f"{meeting_id}.draft").exists()
        app.kill9()  # a stale lock, a journal, a draft: what a crash leaves
        app.wait_for(lambda r: app.dead(), timeout=5)
    finally:
        app.stop()
    leftovers = sorted(p.name for p in data.iterdir())
    assert f"{meeting_id}.lock" in leftovers and f"{meeting_id}.draft" in leftovers
    code, out, err = run("--data-dir", str(data), "purge", meeting_id, "--yes")
    record("Purge", "purge while the app writes the meeting (refused), then after a kill "
           "(stale lock, journal, draft, backups)", rounds=2, tracebacks=int("Traceback" in err))  # fmt: skip
    assert code == 0 and err == "", err
    assert "SSD" in out
    assert list(data.iterdir()) == []
