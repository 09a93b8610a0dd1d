"""`make wheelhouse` (and its Windows twin) builds the folder of wheels the README's
offline install reads; checked with `make -n` (what it would run), no network."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _planned(target: str) -> str:
    done = subprocess.run(
        ["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_make_wheelhouse_builds_every_wheel_for_this_machine() -> None:
    plan = _planned("wheelhouse")
    assert "-m pip wheel" in plan and "-w wheelhouse ." in plan and "--no-deps" not in plan


def test_make_wheelhouse_windows_fetches_windows_wheels_for_python_3_11() -> None:
    plan = _planned("wheelhouse-windows")
    assert "--platform win_amd64" in plan and "--python-version 3.11" in plan
    assert "--only-binary=:all:" in plan and "-d wheelhouse" in plan


def test_the_readme_offline_install_reads_the_wheelhouse() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make wheelhouse" in readme
    assert "--no-index --find-links E:\\wheelhouse live-notes" in readme
