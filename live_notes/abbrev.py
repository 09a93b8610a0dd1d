"""The clerk's abbreviations: a short code typed in the entry becomes a stock phrase.

The shipped list is ``data/abbrev-ja.toml``; the clerk's own
``<config dir>/abbrev.toml`` (same shape, an ``[abbrev]`` table) is merged over
it, so a code there replaces the shipped one.

When it expands: a code directly before the cursor is replaced when the clerk
types a space (the space is taken by the expansion, since Japanese has no word
spaces), and a code at the very end of the line is replaced on Enter. Codes are
matched as the longest code the text before the cursor ends with, so ``;kk``
wins over ``;k``; the shipped codes all begin with ``;``, which ordinary
Japanese never types, so prose is never rewritten by accident.
"""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING

from live_notes.paths import config_dir
from live_notes.resources import data_dir

if TYPE_CHECKING:
    from pathlib import Path

Abbreviations = dict[str, str]
"""Code → expansion."""

USER_FILE = "abbrev.toml"


def parse_abbreviations(text: str, source: str = "abbrev.toml") -> Abbreviations:
    """The ``[abbrev]`` table of a TOML text.

    Raises:
        ValueError: not TOML, or a code or expansion that is not a non-empty string
            (the message names the file and the code).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source}: not valid TOML ({exc})") from None
    table = data.get("abbrev", {})
    if not isinstance(table, dict):
        raise ValueError(f"{source}: [abbrev] must be a table of code = text")
    out: Abbreviations = {}
    for code, expansion in table.items():
        if not code.strip() or any(ch.isspace() for ch in code):
            raise ValueError(f"{source}: code {code!r} must be non-empty and have no spaces")
        if not isinstance(expansion, str) or not expansion:
            raise ValueError(f"{source}: {code!r} must expand to some text")
        out[code] = expansion
    return out


def load_abbreviations(user_file: Path | None = None) -> tuple[Abbreviations, list[str]]:
    """The shipped list merged with the clerk's file; returns (table, problems).

    A broken user file is reported in the problems and left out; the shipped
    list still works.
    """
    shipped = (data_dir() / "abbrev-ja.toml").read_text(encoding="utf-8")
    table = parse_abbreviations(shipped, "abbrev-ja.toml")
    problems: list[str] = []
    path = user_file or config_dir() / USER_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return table, problems
    except (OSError, UnicodeDecodeError) as exc:
        return table, [f"{path}: cannot be read ({exc})"]
    try:
        table.update(parse_abbreviations(text, str(path)))
    except ValueError as exc:
        problems.append(str(exc))
    return table, problems


def code_before(text: str, table: Abbreviations) -> str | None:
    """The longest code that `text` ends with, or None."""
    best: str | None = None
    for code in table:
        if text.endswith(code) and (best is None or len(code) > len(best)):
            best = code
    return best


def expand_at(text: str, cursor: int, table: Abbreviations) -> tuple[str, int] | None:
    """Expand the code just before `cursor`: (new text, new cursor), or None if there is none."""
    head = text[:cursor]
    code = code_before(head, table)
    if code is None:
        return None
    head = head[: -len(code)] + table[code]
    return head + text[cursor:], len(head)


def expand_trailing(text: str, table: Abbreviations) -> str:
    """The line with a code at its very end expanded (what Enter does before committing)."""
    expanded = expand_at(text, len(text), table)
    return expanded[0] if expanded else text
