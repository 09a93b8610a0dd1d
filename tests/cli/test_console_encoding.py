"""What the command line prints is UTF-8 whatever the console's code page; ``python -m``."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from support.store_attacks import writer_with_lines

if TYPE_CHECKING:
    from pathlib import Path


def _run(tmp_path: Path, *argv: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "LIVE_NOTES_CONFIG_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "live_notes", *argv], capture_output=True, env=env, timeout=120
    )


def test_japanese_is_printed_as_utf8_on_a_cp932_console(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, _ = writer_with_lines(data_dir, "委員 一行目")
    store.close()
    for encoding in ("cp932", "ascii"):
        done = _run(tmp_path, "--data-dir", str(data_dir), "list", encoding=encoding)
        assert done.returncode == 0, done.stderr
        assert "若葉野市情報公開" in done.stdout.decode("utf-8")


def test_errors_are_utf8_too(tmp_path: Path) -> None:
    done = _run(tmp_path, "--data-dir", str(tmp_path / "d"), "show", "無い会議", encoding="ascii")
    assert done.returncode == 1
    assert "無い会議" in done.stderr.decode("utf-8")
