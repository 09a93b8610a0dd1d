"""The domain tests' shared fixtures: a hand-moved clock and the journal a session writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.sessions import Clock

if TYPE_CHECKING:
    from live_notes.domain.events import Change


@pytest.fixture
def clock() -> Clock:
    """A clock at 09:25 on the sample's day, moved by `clock.at("HH:MM")`."""
    return Clock()


@pytest.fixture
def journal() -> list[Change]:
    """Every change the test's session journals, in order."""
    return []
