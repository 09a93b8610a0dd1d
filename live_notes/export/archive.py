"""The JSON archive: the whole meeting, schema-versioned, and its import.

Bytes are deterministic (sorted keys, fixed indent), so export → import → export
gives the same file.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from live_notes.domain.models import SCHEMA_VERSION, Meeting
from live_notes.domain.text import clean_fields

ARCHIVE_FORMAT = "live-notes-archive"
"""The ``format`` field of every archive."""


class ArchiveError(ValueError):
    """An archive that cannot be imported; the message names the source and the place."""


def archive_bytes(meeting: Meeting) -> bytes:
    """The JSON archive of a meeting (UTF-8, sorted keys, indent 2, final newline)."""
    data = {
        "format": ARCHIVE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "meeting": meeting.model_dump(mode="json"),
    }
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def import_archive(data: bytes, source: str = "archive") -> Meeting:
    """A meeting from an archive.

    Raises:
        ArchiveError: not JSON, not an archive, from a newer version, or a field that
            does not fit (named by its place, e.g. ``meeting.utterances[3].id``).
    """
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ArchiveError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ArchiveError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != ARCHIVE_FORMAT:
        found = doc.get("format") if isinstance(doc, dict) else type(doc).__name__
        raise ArchiveError(
            f"{source}: format: not a live-notes archive (expected {ARCHIVE_FORMAT!r}, "
            f"found {found!r})"
        )
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ArchiveError(f"{source}: schema_version: expected a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            f"{source}: schema_version: {version} is newer than this version of live-notes "
            f"reads ({SCHEMA_VERSION}); update live-notes to import it"
        )
    meeting = doc.get("meeting")
    if not isinstance(meeting, dict):
        raise ArchiveError(f"{source}: meeting: missing or not an object")
    try:
        return Meeting.model_validate(clean_fields(meeting))
    except ValidationError as exc:
        problems = [f"{source}: {_place(err['loc'])}: {err['msg']}" for err in exc.errors()]
        raise ArchiveError("\n".join(problems[:10])) from None


def _place(loc: tuple[Any, ...]) -> str:
    """``meeting.utterances[3].id`` from a pydantic error location."""
    out = "meeting"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
