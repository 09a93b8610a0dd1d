"""The screens' tests: data and settings in the test's own folder, and a stored sample meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.screens import stored_sample

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk's own data and settings are never read: both live in the test's folder."""
    monkeypatch.setenv("LIVE_NOTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, str]:
    """The sample meeting, recorded to its end and closed: (data folder, meeting id)."""
    data = tmp_path / "data"
    data.mkdir()
    return data, stored_sample(data)
