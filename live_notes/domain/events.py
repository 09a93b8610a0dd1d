"""Changes to a meeting, as records that can be journaled and replayed.

Every live-session command produces one `Change`. The store appends it to the
journal (durably) and `apply` replays it onto a `Meeting`, on the live path and
when a meeting is reopened. `apply` is deterministic and never looks at the
clock: every time it needs is inside the change. Times are written with their
UTC offset and applied as wall-clock times of the meeting's zone, so a meeting
reopened on a computer set to another zone goes on where it was.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter

from live_notes.domain.models import (
    Attendance,
    Decision,
    MeetingStatus,
    Model,
    Recess,
    Reopening,
    Section,
    Utterance,
)
from live_notes.domain.models import Meeting as _Meeting
from live_notes.domain.times import count_item_time, set_time


class Opened(Model):
    """The meeting was opened (開会)."""

    kind: Literal["opened"] = "opened"
    at: datetime


class Closed(Model):
    """The meeting was closed (閉会)."""

    kind: Literal["closed"] = "closed"
    at: datetime


class Reopened(Model):
    """A close was undone: the meeting is in session again."""

    kind: Literal["reopened"] = "reopened"


class Recessed(Model):
    """A recess began."""

    kind: Literal["recessed"] = "recessed"
    at: datetime
    audio_at: float | None = None
    """Where in the recording (None: not recording)."""


class Resumed(Model):
    """The meeting resumed after a recess."""

    kind: Literal["resumed"] = "resumed"
    at: datetime


class Switched(Model):
    """The current agenda item and/or section changed."""

    kind: Literal["switched"] = "switched"
    item_id: str | None
    section: Section
    at: datetime | None = None
    """When: the time spent on each item is counted from these."""
    audio_at: float | None = None
    """Where in the recording (None: not recording)."""


class LineAdded(Model):
    """A line was committed (or a deleted one put back)."""

    kind: Literal["line_added"] = "line_added"
    line: Utterance
    after: int | None = None
    """The id of the line it is placed after (0: first of all); None: in id order."""


class LineUpdated(Model):
    """Fields of a line changed: text, role, item, section, flags."""

    kind: Literal["line_updated"] = "line_updated"
    id: int
    fields: dict[str, Any]


class LineDeleted(Model):
    """A line was deleted."""

    kind: Literal["line_deleted"] = "line_deleted"
    id: int


class LineMoved(Model):
    """A line was moved to just after another (``after`` 0: first of all)."""

    kind: Literal["line_moved"] = "line_moved"
    id: int
    after: int


class TimeValue(Model):
    """One recorded time to set (see `TIME_TARGETS`); ``key`` names which one."""

    what: Literal[
        "opened", "closed", "recess_start", "recess_end", "arrived", "left", "item_start", "line"
    ]
    key: str = ""
    """The recess number (1-based), person id, item id or line id; "" for opened/closed."""
    at: datetime | None


class TimesSet(Model):
    """Recorded times corrected, together (opening, closing, recesses, arrivals, …)."""

    kind: Literal["times"] = "times"
    values: list[TimeValue]


LineChange = Annotated[
    LineAdded | LineUpdated | LineDeleted | LineMoved, Field(discriminator="kind")
]
"""A change to one line, as a part of a `Batch`."""


class Batch(Model):
    """Several line changes made as one (a split, a merge, a replace-all): one undo."""

    kind: Literal["batch"] = "batch"
    changes: list[LineChange]


class AttendanceMarked(Model):
    """A person's attendance mark changed (None clears it)."""

    kind: Literal["attendance"] = "attendance"
    person_id: str
    mark: Attendance | None


class AudienceSet(Model):
    """The audience count (傍聴者) changed."""

    kind: Literal["audience"] = "audience"
    count: int = Field(ge=0)


class DecisionSet(Model):
    """An item's decision was recorded (None removes it)."""

    kind: Literal["decision"] = "decision"
    item_id: str
    decision: Decision | None


class MeetingEdited(Model):
    """Prepared parts replaced from the setup screen (header, roster, roles, agenda, materials)."""

    kind: Literal["edited"] = "edited"
    fields: dict[str, Any]


class MarkSet(Model):
    """Draft-ready or archived mark changed."""

    kind: Literal["mark"] = "mark"
    name: Literal["draft_ready", "archived"]
    value: bool


class RecordStateSet(Model):
    """The record's circulation and approval state changed (see `RECORD_FIELDS`)."""

    kind: Literal["record_state"] = "record_state"
    fields: dict[str, Any]


class RecordReopened(Model):
    """An approved record opened again for a change, with the reason."""

    kind: Literal["record_reopened"] = "record_reopened"
    at: datetime
    reason: str


RECORD_FIELDS = frozenset({"circulated", "approved_on", "approved_by", "final", "locked"})
"""Fields of a meeting that `RecordStateSet` may change."""

_Plain = (
    Opened
    | Closed
    | Reopened
    | Recessed
    | Resumed
    | Switched
    | LineAdded
    | LineUpdated
    | LineDeleted
    | LineMoved
    | TimesSet
    | Batch
    | AttendanceMarked
    | AudienceSet
    | DecisionSet
    | MeetingEdited
    | MarkSet
    | RecordStateSet
    | RecordReopened
)

PlainChange = Annotated[_Plain, Field(discriminator="kind")]
"""A change by itself, without undo information."""


class UndoRecord(Model):
    """What one undo does: the changes that take a command back, and the command's name."""

    label: str
    inverse: list[PlainChange]


class Done(Model):
    """An undoable command's change, with what takes it back (so that undo survives a
    restart: replaying the journal rebuilds `Meeting.undo_log`)."""

    kind: Literal["done"] = "done"
    label: str
    change: PlainChange
    inverse: list[PlainChange]


class Undone(Model):
    """The last undoable command taken back: its inverse changes, applied in order."""

    kind: Literal["undone"] = "undone"
    changes: list[PlainChange]


def undo_record(entry: Any) -> UndoRecord:
    """An entry of `Meeting.undo_log` as an `UndoRecord`: one already, a ``(label,
    inverse)`` pair as `apply` keeps it (made a record only when used or saved: a replay
    of thousands of changes keeps the last hundred), or its JSON form from a snapshot."""
    if isinstance(entry, UndoRecord):
        return entry
    if isinstance(entry, tuple):
        label, inverse = entry
        return UndoRecord.model_construct(label=label, inverse=inverse)
    return UndoRecord.model_validate(entry)


def undo_log_json(meeting: _Meeting) -> list[Any]:
    """`Meeting.undo_log` as JSON data (for the snapshot)."""
    return [
        entry
        if isinstance(entry, dict)
        else undo_record(entry).model_dump(mode="json", by_alias=True)
        for entry in meeting.undo_log[-UNDO_KEPT:]
    ]


UNDO_KEPT = 100
"""How many commands back undo reaches (`Meeting.undo_log` keeps no more)."""

Change = Annotated[_Plain | Done | Undone, Field(discriminator="kind")]
"""Any change; the `kind` field tells which."""

CHANGE_ADAPTER: TypeAdapter[Change] = TypeAdapter(Change)
"""Validates and serialises changes (journal lines)."""

LINE_FIELDS = frozenset(
    {"text", "role_id", "person_id", "item_id", "section", "verify", "off_record", "edited_at"}
)
"""Fields of a line that `LineUpdated` may change."""

EDITABLE_FIELDS = frozenset({"header", "people", "role_set", "agenda", "materials"})
"""Parts of a meeting that `MeetingEdited` may replace."""


def apply(meeting: _Meeting, change: Change) -> None:
    """Apply one change to a meeting, in place.

    Raises:
        ValueError: the change does not fit the meeting (a journal that was not
            written for it). Live commands validate before they produce a change,
            so this only happens with foreign or damaged input.
    """
    change = _in_zone(meeting, change)
    match change:
        case Done(label=label, change=inner, inverse=inverse):
            apply(meeting, inner)
            for undo in inverse:
                _in_zone(meeting, undo)
            log = meeting.undo_log
            log.append((label, inverse))  # see `undo_record`
            if len(log) > 2 * UNDO_KEPT:
                del log[:-UNDO_KEPT]
        case Undone(changes=changes):
            for undo in changes:
                apply(meeting, undo)
            if meeting.undo_log:
                meeting.undo_log.pop()
        case Opened(at=at):
            meeting.opened_at = at
            meeting.status = MeetingStatus.IN_SESSION
        case Closed(at=at):
            if meeting.recesses and meeting.recesses[-1].end is None:
                meeting.recesses[-1].end = at
            meeting.closed_at = at
            meeting.status = MeetingStatus.CLOSED
        case Reopened():
            meeting.closed_at = None
            meeting.status = MeetingStatus.IN_SESSION
        case Recessed(at=at, audio_at=audio_at):
            meeting.recesses.append(Recess(start=at, audio_at=audio_at))
            meeting.status = MeetingStatus.IN_RECESS
        case Resumed(at=at):
            if not meeting.recesses or meeting.recesses[-1].end is not None:
                raise ValueError("resume without a recess")
            meeting.recesses[-1].end = at
            meeting.status = MeetingStatus.IN_SESSION
        case Switched(item_id=item_id, section=section, at=at, audio_at=audio_at):
            if item_id != meeting.current_item_id and at is not None:
                count_item_time(meeting, at)
                meeting.item_since = at
                if item_id is not None and item_id not in meeting.item_started:
                    meeting.item_started[item_id] = at
                if item_id is not None and audio_at is not None:
                    meeting.item_audio.setdefault(item_id, audio_at)
            meeting.current_item_id = item_id
            meeting.current_section = section
        case LineAdded(line=line, after=after):
            _insert_line(meeting, line, after)
        case LineMoved(id=line_id, after=after):
            moved = meeting.utterances.pop(_line_index(meeting, line_id))
            meeting.utterances.insert(_after_index(meeting, after), moved)
        case TimesSet(values=values):
            for value in values:
                set_time(meeting, value)
        case Batch(changes=changes) if all(isinstance(p, LineUpdated) for p in changes):
            # A replace-all: find every line's place in one pass, not one pass per line.
            wanted = {part.id for part in changes if isinstance(part, LineUpdated)}
            places = {u.id: i for i, u in enumerate(meeting.utterances) if u.id in wanted}
            for part in changes:
                if isinstance(part, LineUpdated):
                    if part.id not in places:
                        raise ValueError(f"no line #{part.id}")
                    _update_line(meeting, part.fields, places[part.id])
        case Batch(changes=changes):
            for part in changes:
                apply(meeting, part)
        case LineUpdated(id=line_id, fields=fields):
            _update_line(meeting, fields, _line_index(meeting, line_id))
        case LineDeleted(id=line_id):
            del meeting.utterances[_line_index(meeting, line_id)]
        case AttendanceMarked(person_id=pid, mark=mark):
            if mark is None:
                meeting.attendance.pop(pid, None)
            else:
                meeting.attendance[pid] = mark
        case AudienceSet(count=count):
            meeting.audience = count
        case DecisionSet(item_id=item_id, decision=decision):
            if decision is None:
                meeting.decisions.pop(item_id, None)
            else:
                meeting.decisions[item_id] = decision
        case MeetingEdited(fields=fields):
            unknown = set(fields) - EDITABLE_FIELDS
            if unknown:
                raise ValueError(f"cannot edit {sorted(unknown)} of a meeting")
            for name, value in fields.items():
                setattr(meeting, name, value)  # validated by the model on assignment
        case MarkSet(name=name, value=value):
            setattr(meeting, name, value)
        case RecordStateSet(fields=fields):
            unknown = set(fields) - RECORD_FIELDS
            if unknown:
                raise ValueError(f"cannot set {sorted(unknown)} of a record")
            for name, value in fields.items():
                setattr(meeting, name, value)
        case RecordReopened(at=at, reason=reason):
            meeting.reopenings.append(Reopening(at=at, reason=reason))
            meeting.locked = False
            meeting.final = False
        case _:  # pragma: no cover - the union is exhaustive
            raise ValueError(f"unknown change {change!r}")


def _in_zone(meeting: _Meeting, change: Change) -> Change:
    """The change with its times as wall-clock times of the meeting's zone.

    Set in place, without validating again (a datetime stays one): the change has
    been written to the journal already, and replaying thousands must stay quick.
    """
    if type(change) in _TIMELESS:
        return change
    match change:
        case LineAdded(line=line):
            _wall_field(meeting, line, "created_at")
            _wall_field(meeting, line, "edited_at")
        case Opened() | Closed() | Recessed() | Resumed() | Switched() | RecordReopened():
            _wall_field(meeting, change, "at")
        case TimesSet(values=values):
            for value in values:
                _wall_field(meeting, value, "at")
        case Batch(changes=changes):
            for part in changes:
                _in_zone(meeting, part)
        case AttendanceMarked(mark=mark) if mark is not None:
            _wall_field(meeting, mark, "arrived_at")
            _wall_field(meeting, mark, "left_at")
        case DecisionSet(decision=decision) if decision is not None:
            _wall_field(meeting, decision, "decided_at")
    return change


_TIMELESS: frozenset[type] = frozenset(
    {Done, Undone, Reopened, LineUpdated, LineDeleted, LineMoved, AudienceSet}
    | {MeetingEdited, MarkSet, RecordStateSet}
)
"""Changes that carry no time of their own (a `Done`'s parts are converted by `apply`)."""


def _wall_field(meeting: _Meeting, model: Model, name: str) -> None:
    at = model.__dict__.get(name)
    if isinstance(at, datetime) and at.tzinfo is not None:
        model.__dict__[name] = meeting.wall(at)


def _update_line(meeting: _Meeting, fields: dict[str, Any], index: int) -> None:
    """Change fields of the line at `index` (validated as a whole line)."""
    unknown = set(fields) - LINE_FIELDS
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} of a line")
    old = meeting.utterances[index]
    new = Utterance.model_validate({**old.model_dump(), **fields})
    if new.edited_at is not None and new.edited_at.tzinfo is not None:
        new.edited_at = meeting.wall(new.edited_at)
    meeting.utterances[index] = new


def _line_index(meeting: _Meeting, line_id: int) -> int:
    """Position of a line in the meeting's list (searching from the end: recent lines first)."""
    lines = meeting.utterances
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].id == line_id:
            return index
    raise ValueError(f"no line #{line_id}")


def _after_index(meeting: _Meeting, after: int) -> int:
    """Where a line placed after line `after` goes in the list (0: at the front)."""
    return 0 if after == 0 else _line_index(meeting, after) + 1


def _insert_line(meeting: _Meeting, line: Utterance, after: int | None = None) -> None:
    """Insert a line after line `after`, or keeping the list ordered by id (appending in
    the common case)."""
    lines = meeting.utterances
    if (lines and lines[-1].id == line.id) or _has_line(meeting, line.id):
        raise ValueError(f"line #{line.id} exists already")
    if after is not None and (after == 0 or _has_line(meeting, after)):
        lines.insert(_after_index(meeting, after), line)
    elif not lines or lines[-1].id < line.id:
        lines.append(line)
    else:
        index = next(i for i, existing in enumerate(lines) if existing.id > line.id)
        lines.insert(index, line)
    if line.id >= meeting.next_seq:
        # Set without validating again (a count above 1 stays one): a replay sets it
        # for every line.
        meeting.__dict__["next_seq"] = line.id + 1


def _has_line(meeting: _Meeting, line_id: int) -> bool:
    lines = meeting.utterances
    if not lines or (line_id > lines[-1].id and line_id >= meeting.next_seq):
        return False
    return any(existing.id == line_id for existing in lines)
