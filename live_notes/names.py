"""Names that are safe as file names on Windows, macOS and Linux, and on a command line.

A meeting id names the meeting's files and is typed after ``live-notes open``,
so it must be a valid file name everywhere (Windows refuses ``: ? * " < > |``,
a trailing dot or space, and the device names CON, PRN, AUX, NUL, COM1-9 and
LPT1-9 with any extension) and must not read as an option (``-rf``). Its length
keeps the longest store file under Windows' 260-character path limit from a
folder like ``C:\\Users\\<name>\\AppData\\Local\\live-notes``.
"""

from __future__ import annotations

import re

MAX_ID_LENGTH = 80
"""With the longest side file (``.journal.bak.damaged-20241112-093100-99``) and a
120-character folder, a path stays under 260 characters."""

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])", re.I)


def is_reserved(name: str) -> bool:
    """Whether Windows reserves the name for a device (``NUL``, ``com1.txt``, ``Aux .md``)."""
    stem = name.split(".", 1)[0].rstrip(" ")
    return _RESERVED.fullmatch(stem) is not None


def meeting_id_problem(meeting_id: str) -> tuple[str, str] | None:
    """Why `meeting_id` cannot be a meeting id, as (English, Japanese); None when it can."""
    shown = repr(meeting_id)[:60]
    if not isinstance(meeting_id, str) or _ID.fullmatch(meeting_id) is None:
        return (
            f"{shown} is not a meeting id: it must start with a letter or digit and hold "
            "only letters, digits and - _ .",
            f"{shown} は会議IDとして使えません。英数字で始め、英数字と - _ . だけにしてください。",
        )
    if len(meeting_id) > MAX_ID_LENGTH:
        return (
            f"{shown}… is not a meeting id: it is longer than {MAX_ID_LENGTH} characters.",
            f"{shown}… は会議IDとして使えません({MAX_ID_LENGTH} 文字を超えています)。",
        )
    if meeting_id.endswith("."):
        return (
            f"{shown} is not a meeting id: it cannot end with a dot (Windows drops it).",
            f"{shown} は会議IDとして使えません。末尾をピリオドにはできません。",
        )
    if is_reserved(meeting_id):
        return (
            f"{shown} is not a meeting id: Windows reserves that name for a device.",
            f"{shown} は会議IDとして使えません。Windows が装置名として予約しています。",
        )
    return None


def is_meeting_id(meeting_id: str) -> bool:
    """Whether `meeting_id` is a valid meeting id (see `meeting_id_problem`)."""
    return meeting_id_problem(meeting_id) is None
