"""Files shipped with the package: sample plans, role sets, themes."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable


def data_dir() -> Traversable:
    """The shipped ``data/`` folder (sample plans, abbreviation lists)."""
    return resources.files("live_notes.data")


def themes_dir() -> Traversable:
    """The shipped ``themes/`` folder."""
    return resources.files("live_notes.themes")


def sample_plan(lang: str = "ja") -> Traversable:
    """The sample meeting plan in a language ("ja" or "en")."""
    name = "wakabano-council-ja.toml" if lang == "ja" else "riverside-board-en.toml"
    return data_dir() / name
