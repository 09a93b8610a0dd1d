"""Output for a terminal: what the commands print from the clerk's files, made safe.

No Textual and no Rich here: the command line prints plain text.
"""

from __future__ import annotations

import unicodedata
from typing import TextIO


def one_line(exc: Exception) -> str:
    """An error as the one line a command shows for it."""
    from live_notes.domain.errors import CommandError
    from live_notes.domain.plan import PlanError

    if isinstance(exc, PlanError):
        return exc.describe().replace("\n", "; ")
    if isinstance(exc, CommandError):
        return exc.message("en")
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    text = str(exc).strip() or type(exc).__name__
    return text.replace("\n", "; ")


def terminal_safe(text: str) -> str:
    """Text with what a terminal would act on (controls, bidi overrides) escaped.

    Everything the commands print from the clerk's files (titles, names, lines,
    messages quoting a file) passes here: an escape sequence in a hand-edited file
    is shown as ``\\x1b``, a bidi override as ``\\u202e``, never sent raw. Line
    breaks are kept.
    """
    return "\n".join(
        "".join(
            ascii(char)[1:-1]
            if unicodedata.category(char)[0] == "C" or char in "\u2028\u2029"
            else char
            for char in line
        )
        for line in text.split("\n")
    )


def say(text: str, file: TextIO | None = None) -> None:
    """Print text from the clerk's files, terminal-safe (see `terminal_safe`)."""
    print(terminal_safe(text), file=file)
