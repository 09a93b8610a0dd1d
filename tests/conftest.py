"""Every test runs with its own data, config and export folders: the user's own are kept out."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("home")
    for name in ("DATA", "CONFIG", "EXPORT"):
        monkeypatch.setenv(f"LIVE_NOTES_{name}_DIR", str(Path(base) / name.lower()))
