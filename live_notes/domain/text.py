"""Cleaning text typed or pasted by the clerk before it is kept."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC … BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b."  # any other two-byte escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_BIDI = dict.fromkeys([0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])

MAX_LINE = 100_000
"""Longest line kept, in characters; a longer paste is refused by the caller."""


def clean_line(text: str) -> str:
    """One line of minutes text, safe to store, show and export.

    Terminal escape sequences are removed whole; other control characters
    (NUL, C1) and bidirectional overrides are dropped; tabs and line breaks
    become spaces; surrounding spaces are trimmed. Japanese and other wide
    text passes unchanged.
    """
    text = _ESCAPES.sub("", text)
    text = text.translate(_BIDI)
    out = []
    for char in text:
        if char in "\t\r\n\v\f":
            out.append(" ")
        elif unicodedata.category(char) == "Cc" or char in "\ufffe\uffff":
            continue
        elif unicodedata.category(char) == "Cs":
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out).strip()


def clean_multiline(text: str) -> str:
    """Like `clean_line`, but keeps line breaks (for notes and conditions)."""
    return "\n".join(clean_line(part) for part in text.splitlines()).strip()


def clean_fields(value: Any) -> Any:
    """Every string in a parsed plan, archive or setup edit, cleaned like `clean_multiline`.

    Names, titles and places are shown on screen and written to every export, so
    they get the same treatment as typed lines: no escape sequence, control
    character or bidirectional override survives. Mappings and lists are
    copied; other values are returned as they are.
    """
    if isinstance(value, str):
        return clean_multiline(value)
    if isinstance(value, dict):
        return {key: clean_fields(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_fields(item) for item in value]
    return value
