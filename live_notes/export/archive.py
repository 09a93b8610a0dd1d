"""The JSON archive: the whole meeting, schema-versioned, and its import.

Bytes are deterministic (sorted keys, fixed indent), so export → import → export
gives the same file.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from live_notes.domain.models import SCHEMA_VERSION, Meeting
from live_notes.domain.plan import check_references, nesting_problem
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

    Times given with a UTC offset become wall-clock times of the meeting's zone
    (see `Meeting.zone`); the meeting's own schema_version is the archive's.

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
    except RecursionError:
        raise ArchiveError(f"{source}: arrays and objects nested too deeply to read") from None
    deep = nesting_problem(doc)
    if deep:
        raise ArchiveError(f"{source}: {deep}")
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
    inner = meeting.get("schema_version", version)
    if not isinstance(inner, int) or isinstance(inner, bool) or not 1 <= inner <= version:
        raise ArchiveError(
            f"{source}: meeting.schema_version: {inner!r} does not match the archive's "
            f"schema_version ({version})"
        )
    meeting = {**meeting, "schema_version": SCHEMA_VERSION}
    try:
        result = Meeting.model_validate(clean_fields(meeting))
    except ValidationError as exc:
        problems = [f"{source}: {_place(err['loc'])}: {err['msg']}" for err in exc.errors()]
        raise ArchiveError(_first(problems, source)) from None
    problems = [f"{source}: meeting.{problem}" for problem in _inconsistencies(result)]
    if problems:
        raise ArchiveError(_first(problems, source))
    return result


def _first(problems: list[str], source: str, shown: int = 10) -> str:
    """The first problems, one per line, and how many more there are."""
    lines = problems[:shown]
    if len(problems) > shown:
        lines.append(f"{source}: … and {len(problems) - shown:,} more")
    return "\n".join(lines)


def _inconsistencies(meeting: Meeting) -> list[str]:
    """What a hand-edited archive can get wrong that the models alone do not see.

    A line of an unknown item would vanish from the minutes, and a line id used
    twice (or at or beyond ``next_seq``) would make a later correction or undo
    change the wrong line, so these are refused rather than imported.
    """
    problems = check_references(meeting)
    items = {item.id for item, _ in meeting.iter_items()}
    roles = {role.id for role in meeting.role_set.roles}
    people = {person.id for person in meeting.people}
    seen: set[int] = set()
    for index, line in enumerate(meeting.utterances):
        place = f"utterances[{index}]"
        if line.id in seen or line.id >= meeting.next_seq:
            problems.append(f"{place}.id: {line.id} is used twice or not below next_seq")
        seen.add(line.id)
        if line.item_id not in items:
            problems.append(f"{place}.item_id: no agenda item {line.item_id!r}")
        if line.role_id not in roles:
            problems.append(f"{place}.role_id: no role {line.role_id!r}")
        if line.person_id is not None and line.person_id not in people:
            problems.append(f"{place}.person_id: no one with id {line.person_id!r}")
    for item_id in meeting.decisions:
        if item_id not in items:
            problems.append(f"decisions.{item_id!r}: no agenda item with this id")
    for person_id in meeting.attendance:
        if person_id not in people:
            problems.append(f"attendance.{person_id!r}: no one with this id in the roster")
    if meeting.current_item_id is not None and meeting.current_item_id not in items:
        problems.append(f"current_item_id: no agenda item {meeting.current_item_id!r}")
    return problems


def _place(loc: tuple[Any, ...]) -> str:
    """``meeting.utterances[3].id`` from a pydantic error location."""
    out = "meeting"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:  # an odd key (empty, controls, overrides) is shown quoted
            out += f".{part}" if str(part).isidentifier() else f".{str(part)!r}"
    return out
