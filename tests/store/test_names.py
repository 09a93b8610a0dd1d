"""Meeting ids and file names valid on Windows, macOS and Linux and safe on a command line."""

from __future__ import annotations

import re

import pytest
from faults.support import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from live_notes.names import (
    MAX_ID_LENGTH,
    is_meeting_id,
    meeting_id_problem,
)
from live_notes.store import StoreError
from live_notes.store.files import check_id

WINDOWS_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}


def valid_on_windows(name: str) -> bool:
    """What Windows (and so every platform) accepts as a file name."""
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    return (
        bool(name)
        and not WINDOWS_BAD.search(name)
        and not name.endswith((".", " "))
        and stem not in DEVICES
    )


NAMES = st.one_of(
    st.text(max_size=140),
    st.text(alphabet='abcXYZ019-_. :?*"<>|\n\\/', max_size=90),
    st.sampled_from(sorted(DEVICES)).map(lambda d: d.lower() + ".json"),
)


@fuzz_settings()
@given(NAMES)
def test_an_accepted_id_is_a_valid_file_name_and_no_option(name: str) -> None:
    if meeting_id_problem(name) is not None:
        with pytest.raises(StoreError):
            check_id(name)
        return
    assert valid_on_windows(name)
    assert not name.startswith("-") and "\n" not in name
    assert len(name) <= MAX_ID_LENGTH
    assert check_id(name) == name


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("2024-11-12-board-7", True),
        ("2024-11-12-board-7-2", True),
        ("-rf", False),
        ("--help", False),
        ("ok\n", False),
        ("CON", False),
        ("com1.json", False),
        ("a.", False),
        ("a:b", False),
        ("x" * MAX_ID_LENGTH, True),
        ("x" * (MAX_ID_LENGTH + 1), False),
        ("..", False),
        ("", False),
    ],
)
def test_examples(name: str, ok: bool) -> None:
    assert is_meeting_id(name) is ok


def test_refusals_read_in_both_languages() -> None:
    with pytest.raises(StoreError) as refused:
        check_id("-rf")
    assert "not a meeting id" in refused.value.message("en")
    assert "会議ID" in refused.value.message("ja")
