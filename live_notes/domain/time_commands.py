"""Correcting recorded times: the `Session` commands behind review and `live-notes times`.

Every time the meeting keeps (opening, closing, each recess and resumption,
arrivals and departures, an item's start, a line's time) can be set again. The
new times are checked together with the rest (`timeline_problem`) and saved as
one journalled `TimesSet` change, which one undo takes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from live_notes.domain.errors import CommandError
from live_notes.domain.events import TimesSet, TimeValue
from live_notes.domain.times import hm, set_time, timeline_problem
from live_notes.domain.zones import zone

if TYPE_CHECKING:
    from datetime import datetime, tzinfo

    from live_notes.domain.events import PlainChange
    from live_notes.domain.models import Meeting


@dataclass(frozen=True)
class RecordedTime:
    """One time the meeting keeps, as `recorded_times` lists it.

    Attributes:
        what: Which kind (a `TimeValue.what`: "opened", "recess_start", …).
        key: Which one of that kind: recess number, person id, item id, line id, or "".
        at: The wall-clock time in the meeting's zone, or None when not recorded.
        label: Whose or which, for people: a name, an item's label and title.
    """

    what: str
    key: str
    at: datetime | None
    label: str = ""


def recorded_times(meeting: Meeting) -> list[RecordedTime]:
    """Every time the meeting keeps but the lines' own: opening, recesses (numbered from
    1), closing, arrivals and departures, items' starts; in that order."""
    out = [RecordedTime("opened", "", meeting.opened_at)]
    for number, recess in enumerate(meeting.recesses, 1):
        out.append(RecordedTime("recess_start", str(number), recess.start))
        out.append(RecordedTime("recess_end", str(number), recess.end))
    out.append(RecordedTime("closed", "", meeting.closed_at))
    for person_id, mark in meeting.attendance.items():
        person = meeting.person(person_id)
        name = person.name if person else person_id
        if mark.arrived_at is not None:
            out.append(RecordedTime("arrived", person_id, mark.arrived_at, name))
        if mark.left_at is not None:
            out.append(RecordedTime("left", person_id, mark.left_at, name))
    for item, _ in meeting.iter_items():
        at = meeting.item_started.get(item.id)
        if at is not None:
            out.append(RecordedTime("item_start", item.id, at, f"{item.label} {item.title}"))
    return out


class TimeCommands:
    """The time-correcting commands of `Session` (a mixin: it uses `meeting` and `_do`)."""

    meeting: Meeting

    if TYPE_CHECKING:

        def _do(
            self, label: str, change: PlainChange, inverse: list[PlainChange] | None
        ) -> None: ...

    def set_times(self, values: list[TimeValue]) -> None:
        """Set several recorded times at once (wall-clock times of the meeting's zone).

        Raises:
            CommandError: a time that is not kept (``not_open``, ``not_closed``,
                ``unknown_recess``, ``recess_open``, ``no_time_kept``, ``unknown_item``,
                ``unknown_line``), or times that would not hold together
                (``close_before_open``, ``recess_outside``, ``recess_backwards``,
                ``recess_overlap``, ``attendance_outside``, ``left_before_arrived``).
        """
        meeting = self.meeting
        old = [TimeValue(what=v.what, key=v.key, at=self._current(v)) for v in values]
        probe = _probe(meeting)
        before = timeline_problem(probe)
        for value in values:
            if value.what != "line":
                set_time(probe, value)
        after = timeline_problem(probe)
        if after is not None and (
            before is None or (after.code, after.params) != (before.code, before.params)
        ):
            raise after
        for value, was in zip(values, old, strict=True):
            if value.what == "line" and value.at is not None:
                _check_line_time(probe, value.key, value.at, was.at)
        tz = zone(meeting.zone)
        new = [v.model_copy(update={"at": _aware(v.at, tz)}) for v in values]
        inverse = [v.model_copy(update={"at": _aware(v.at, tz)}) for v in old]
        self._do("times", TimesSet(values=new), [TimesSet(values=inverse)])

    def _current(self, value: TimeValue) -> datetime | None:
        """The time a value replaces; refuses one the meeting does not keep."""
        meeting, key = self.meeting, value.key
        match value.what:
            case "opened":
                if meeting.opened_at is None:
                    raise CommandError("not_open")
                return meeting.opened_at
            case "closed":
                if meeting.closed_at is None:
                    raise CommandError("not_closed")
                return meeting.closed_at
            case "recess_start" | "recess_end":
                count = len(meeting.recesses)
                if not key.isdigit() or not 1 <= int(key) <= count:
                    raise CommandError("unknown_recess", n=key, count=count)
                recess = meeting.recesses[int(key) - 1]
                if value.what == "recess_start":
                    return recess.start
                if recess.end is None or value.at is None:
                    raise CommandError("recess_open", n=key)
                return recess.end
            case "arrived" | "left":
                mark = meeting.attendance.get(key)
                person = meeting.person(key)
                if person is None:
                    raise CommandError("unknown_person", person=key)
                if mark is None:
                    which = "arrival" if value.what == "arrived" else "departure"
                    raise CommandError("no_time_kept", person=person.name, which=which)
                return mark.arrived_at if value.what == "arrived" else mark.left_at
            case "item_start":
                if meeting.item(key) is None:
                    raise CommandError("unknown_item", item=key)
                return meeting.item_started.get(key)
            case "line":
                for line in reversed(meeting.utterances):
                    if str(line.id) == key:
                        if value.at is None:
                            raise CommandError("unknown_line", line=key)
                        return line.created_at
                raise CommandError("unknown_line", line=key)
        raise CommandError("unknown_line", line=key)  # pragma: no cover - Literal is closed

    def set_opened(self, at: datetime) -> None:
        """Correct the opening time (開会)."""
        self.set_times([TimeValue(what="opened", at=at)])

    def set_closed(self, at: datetime) -> None:
        """Correct the closing time (閉会)."""
        self.set_times([TimeValue(what="closed", at=at)])

    def set_recess(
        self, number: int, start: datetime | None = None, end: datetime | None = None
    ) -> None:
        """Correct recess `number` (1-based): its start, its end (resumption), or both."""
        values = []
        if start is not None:
            values.append(TimeValue(what="recess_start", key=str(number), at=start))
        if end is not None:
            values.append(TimeValue(what="recess_end", key=str(number), at=end))
        if values:
            self.set_times(values)

    def set_attendance_time(
        self, person_id: str, arrived: datetime | None = None, left: datetime | None = None
    ) -> None:
        """Correct a person's arrival and/or departure time."""
        values = []
        if arrived is not None:
            values.append(TimeValue(what="arrived", key=person_id, at=arrived))
        if left is not None:
            values.append(TimeValue(what="left", key=person_id, at=left))
        if values:
            self.set_times(values)

    def set_item_start(self, item_id: str, at: datetime) -> None:
        """Correct when an item was taken up."""
        self.set_times([TimeValue(what="item_start", key=item_id, at=at)])

    def set_line_time(self, line_id: int, at: datetime) -> None:
        """Correct a line's time."""
        self.set_times([TimeValue(what="line", key=str(line_id), at=at)])


def _check_line_time(meeting: Meeting, key: str, at: datetime, was: datetime | None) -> None:
    """A line's corrected time lies inside the session: not before the opening, not
    after the closing (a note written after the meeting may stay after it).

    Raises:
        CommandError: ``line_outside``.
    """
    opened, closed = meeting.opened_at, meeting.closed_at
    after_meeting = closed is not None and was is not None and was > closed
    if (opened is not None and at < opened) or (
        closed is not None and at > closed and not after_meeting
    ):
        raise CommandError(
            "line_outside", line=key, at=hm(at), opened=hm(opened), closed=hm(closed)
        )


def _probe(meeting: Meeting) -> Meeting:
    """A light copy of the meeting's times (no lines) to try new times on."""
    return meeting.model_copy(
        update={
            "utterances": [],
            "recesses": [r.model_copy() for r in meeting.recesses],
            "attendance": {k: v.model_copy() for k, v in meeting.attendance.items()},
            "item_started": dict(meeting.item_started),
            "item_seconds": dict(meeting.item_seconds),
        }
    )


def _aware(at: datetime | None, tz: tzinfo) -> datetime | None:
    """A wall-clock time with the zone's offset (for the journal); None stays None."""
    if at is None or at.tzinfo is not None:
        return at
    return at.replace(tzinfo=tz)
