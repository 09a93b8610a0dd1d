"""The examples in jadate's docstrings are run, so they cannot drift from the code."""

from __future__ import annotations

import doctest

from live_notes.export import jadate


def test_jadate_docstring_examples_hold() -> None:
    result = doctest.testmod(jadate, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
