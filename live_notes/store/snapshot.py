"""The snapshot: a TinyDB document holding the whole meeting, replaced atomically.

The document lives in table ``meeting`` under doc id 1::

    {"meeting": {"1": {"schema_version": 1, "journal_base": 420, "saved_at": "…",
                       "meeting": {…Meeting.model_dump(mode="json")…}}}}

``journal_base`` is the sequence number of the last journal change folded into
it. TinyDB's own JSONStorage overwrites the file in place and then truncates it,
so a crash in between leaves a file that does not open; `AtomicJSONStorage`
writes a temporary file and renames it over the old one instead.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from live_notes.domain.events import undo_log_json
from live_notes.domain.models import SCHEMA_VERSION, Meeting
from live_notes.store.errors import CorruptError, NewerSchemaError
from live_notes.store.files import NotRegularFileError, read_file, write_atomic

TABLE = "meeting"
DOC_ID = 1


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a half-written file.

    Reads parse the file as UTF-8 JSON; writes go through `write_atomic` with
    ``ensure_ascii=False`` so Japanese stays readable in the file.
    """

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.readonly = readonly

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The parsed file, or None when it does not exist yet."""
        try:
            raw = read_file(self.path)
        except FileNotFoundError:
            return None
        except NotRegularFileError:
            raise ValueError("it is not a regular file (a link, a folder or a pipe)") from None
        if not raw.strip():
            raise ValueError("the file is empty")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("it does not hold a meeting record")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file with ``data``, atomically and durably."""
        if self.readonly:
            raise PermissionError(f"{self.path} is open read-only")
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_atomic(self.path, text.encode("utf-8"))


def write_snapshot(path: Path, meeting: Meeting, journal_base: int) -> None:
    """Save the whole meeting as the snapshot, atomically."""
    data = meeting.model_dump(mode="json", by_alias=True)
    if meeting.undo_log:  # what undo takes back, so that it survives a restart
        data["undo_log"] = undo_log_json(meeting)
    record = {
        "schema_version": SCHEMA_VERSION,
        "journal_base": journal_base,
        "saved_at": datetime.now().isoformat(timespec="seconds"),
        "meeting": data,
    }
    db = TinyDB(path, storage=AtomicJSONStorage)
    try:
        table = db.table(TABLE, cache_size=0)
        # Replace the record as a whole (upsert would merge into the old one).
        if not os.path.lexists(path) or not table.update(_replace(record), doc_ids=[DOC_ID]):
            table.insert(Document(record, doc_id=DOC_ID))
    finally:
        db.close()


def _replace(record: dict[str, Any]) -> Any:
    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(record)

    return transform


def read_record(path: Path) -> dict[str, Any]:
    """The raw snapshot record; CorruptError or NewerSchemaError when it cannot be used."""
    db = TinyDB(path, storage=AtomicJSONStorage, readonly=True)
    try:
        doc = db.table(TABLE, cache_size=0).get(doc_id=DOC_ID)
    except UnicodeDecodeError:
        raise CorruptError(str(path), "it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise CorruptError(
            str(path), f"it is not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise CorruptError(str(path), "it is nested too deeply to be a meeting record") from None
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise CorruptError(str(path), str(exc) or "it does not hold a meeting record") from None
    finally:
        db.close()
    if doc is None or not isinstance(doc, dict):
        raise CorruptError(str(path), "it does not hold a meeting record")
    record = dict(doc)
    version = record.get("schema_version")
    inner = record.get("meeting")
    inner_version = inner.get("schema_version") if isinstance(inner, dict) else None
    for found in (version, inner_version):
        if isinstance(found, int) and found > SCHEMA_VERSION:
            raise NewerSchemaError(str(path), found, SCHEMA_VERSION)
    if not isinstance(version, int) or not isinstance(inner, dict):
        raise CorruptError(str(path), "it does not hold a meeting record")
    base = record.get("journal_base")
    if not isinstance(base, int) or isinstance(base, bool) or base < 0:
        raise CorruptError(str(path), "its journal position is not a number")
    return record


def read_snapshot(path: Path) -> tuple[Meeting, int]:
    """The meeting in a snapshot and its journal base."""
    record = read_record(path)
    try:
        meeting = Meeting.model_validate(record["meeting"])
    except ValidationError as exc:
        raise CorruptError(str(path), describe_validation(exc)) from None
    return meeting, record["journal_base"]


def describe_validation(exc: ValidationError) -> str:
    """The first problems of a validation error, as ``place: what`` in plain words."""
    parts = []
    for error in exc.errors()[:3]:
        place = ".".join(str(p) for p in error["loc"]) or "the record"
        # a damaged key may hold a line break or an escape: shown escaped, the message
        # stays one line
        place = "".join(c if c.isprintable() else repr(c)[1:-1] for c in place)
        parts.append(f"{place}: {error['msg'].lower()}")
    more = exc.error_count() - len(parts)
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
