"""Circulated versions of a record, kept beside the meeting: ``ID.versions/N.json``.

Each is the meeting's JSON as it was when version N was circulated, written
atomically and privately (0600 in a 0700 folder) with the store's primitives. A
version is never rewritten.
"""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING

from pydantic import ValidationError

from live_notes.domain.models import SCHEMA_VERSION, Meeting
from live_notes.store import files
from live_notes.store.errors import CorruptError, StoreError

if TYPE_CHECKING:
    from pathlib import Path

_NAME = re.compile(r"^([1-9][0-9]{0,5})\.json$")


def versions_dir(data_dir: Path, meeting_id: str) -> Path:
    """The folder of a meeting's circulated versions."""
    return data_dir / f"{files.check_id(meeting_id)}.versions"


def version_numbers(data_dir: Path, meeting_id: str) -> list[int]:
    """The numbers of the versions kept, in order."""
    try:
        names = os.listdir(versions_dir(data_dir, meeting_id))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(
            f"Cannot read the versions of {meeting_id}: {files.describe_os_error(exc)}.",
            f"{meeting_id} の版を読めません({files.describe_os_error(exc, 'ja')})。",
        ) from exc
    return sorted(int(m[1]) for m in map(_NAME.match, names) if m)


def save_version(data_dir: Path, meeting: Meeting) -> int:
    """Keep the meeting as its next version; returns the version's number."""
    folder = versions_dir(data_dir, meeting.id)
    number = max([meeting.circulated, *version_numbers(data_dir, meeting.id)]) + 1
    record = {
        "schema_version": SCHEMA_VERSION,
        "version": number,
        "meeting": meeting.model_dump(mode="json", by_alias=True, exclude={"undo_log"}),
    }
    data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    try:
        files.ensure_dir(folder)
        files.write_atomic(folder / f"{number}.json", data)
    except OSError as exc:
        raise StoreError(
            f"Version {number} could not be kept in {folder}: {files.describe_os_error(exc)}.",
            f"第{number}版を {folder} に保存できませんでした({files.describe_os_error(exc, 'ja')})。",
        ) from exc
    return number


def load_version(data_dir: Path, meeting_id: str, number: int) -> Meeting:
    """Version `number` of a meeting.

    Raises:
        StoreError: there is no such version.
        CorruptError: it cannot be read.
    """
    path = versions_dir(data_dir, meeting_id) / f"{number}.json"
    try:
        raw = files.read_file(path)
    except FileNotFoundError:
        kept = ", ".join(map(str, version_numbers(data_dir, meeting_id))) or "none"
        raise StoreError(
            f"{meeting_id} has no version {number} (kept: {kept}).",
            f"{meeting_id} に第{number}版はありません(保存済み: {kept})。",
        ) from None
    except OSError as exc:
        raise files.cannot_read(path, exc) from exc
    try:
        return Meeting.model_validate(json.loads(raw.decode("utf-8"))["meeting"])
    except (ValueError, KeyError, TypeError, ValidationError) as exc:
        raise CorruptError(str(path), str(exc).splitlines()[0]) from None
