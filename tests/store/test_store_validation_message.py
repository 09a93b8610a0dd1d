"""A damaged file's problem is said in one line, whatever its broken keys hold."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from live_notes.store.snapshot import describe_validation


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = ""


def test_a_key_with_a_line_break_is_shown_escaped_on_one_line() -> None:
    with pytest.raises(ValidationError) as caught:
        Strict.model_validate({"pres\nters": [], "esc\x1b[31m": 1})
    said = describe_validation(caught.value)
    assert "\n" not in said and "\x1b" not in said
    assert "pres\\nters" in said
