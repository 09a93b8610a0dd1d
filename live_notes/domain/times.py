"""The meeting's recorded times: how long each item took, and checking corrected times.

An item's time counts only while the meeting sits: not before the opening, not
during a recess and not after the closing, so a clerk who moves around the agenda
in review does not make an item grow. Pure functions; no clock is read here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.errors import CommandError
from live_notes.domain.models import MeetingStatus, Recess

if TYPE_CHECKING:
    from datetime import datetime

    from live_notes.domain.events import TimeValue
    from live_notes.domain.models import Meeting


def sitting_seconds(meeting: Meeting, start: datetime, end: datetime) -> float:
    """Seconds between `start` and `end` while the meeting sat (recesses left out)."""
    if meeting.opened_at is not None and start < meeting.opened_at:
        start = meeting.opened_at
    if meeting.closed_at is not None and end > meeting.closed_at:
        end = meeting.closed_at
    if end <= start:
        return 0.0
    seconds = (end - start).total_seconds()
    for recess in meeting.recesses:
        r_end = recess.end or end
        overlap = (min(end, r_end) - max(start, recess.start)).total_seconds()
        if overlap > 0:
            seconds -= overlap
    return max(seconds, 0.0)


def count_item_time(meeting: Meeting, at: datetime) -> None:
    """Add the sitting time since the last switch to the item being left (at a switch)."""
    current, since = meeting.current_item_id, meeting.item_since
    if current is not None and since is not None and at > since:
        spent = meeting.item_seconds.get(current, 0.0) + sitting_seconds(meeting, since, at)
        meeting.item_seconds[current] = spent


def item_durations(meeting: Meeting, now: datetime | None = None) -> dict[str, float]:
    """Seconds spent on each item so far: its kept total, plus the current spell up to
    `now` (a wall-clock time of the meeting's zone) while the meeting is not closed.

    Recesses and the time outside the meeting are not counted.
    """
    durations = dict(meeting.item_seconds)
    current, since = meeting.current_item_id, meeting.item_since
    if current is not None and since is not None:
        end = meeting.closed_at if meeting.status is MeetingStatus.CLOSED else now
        if end is not None:
            durations[current] = durations.get(current, 0.0) + sitting_seconds(meeting, since, end)
    return durations


def set_time(meeting: Meeting, value: TimeValue) -> None:
    """Set one recorded time (part of a `TimesSet` change), in place.

    Raises:
        ValueError: the time it names does not exist in this meeting.
    """
    at = value.at
    match value.what:
        case "opened":
            meeting.opened_at = at
        case "closed":
            meeting.closed_at = at
        case "recess_start" | "recess_end":
            recess = _recess(meeting, value.key)
            if value.what == "recess_start":
                if at is None:
                    raise ValueError("a recess must have a start")
                recess.start = at
            else:
                recess.end = at
        case "arrived" | "left":
            mark = meeting.attendance.get(value.key)
            if mark is None:
                raise ValueError(f"no attendance mark of {value.key!r}")
            mark.__dict__["arrived_at" if value.what == "arrived" else "left_at"] = at
        case "item_start":
            if at is None:
                meeting.item_started.pop(value.key, None)
            else:
                _shift_item_start(meeting, value.key, meeting.item_started.get(value.key), at)
                meeting.item_started[value.key] = at
        case "line":
            if at is None:
                raise ValueError("a line must have a time")
            for line in meeting.utterances:
                if str(line.id) == value.key:
                    line.__dict__["created_at"] = at
                    break
            else:
                raise ValueError(f"no line #{value.key}")


def _shift_item_start(meeting: Meeting, item_id: str, old: datetime | None, new: datetime) -> None:
    """An item's start corrected from `old` to `new`: the sitting time between them
    goes to the item (an earlier start) or back to the item taken up before it (a
    later start), so both items' counted minutes follow the correction."""
    if old is None or old == new:
        return
    sign = 1.0 if new < old else -1.0
    moved = sitting_seconds(meeting, min(old, new), max(old, new))
    seconds = meeting.item_seconds
    if meeting.current_item_id == item_id and meeting.item_since == old:
        meeting.item_since = new  # still its first spell: it is counted from there
    else:
        seconds[item_id] = max(0.0, seconds.get(item_id, 0.0) + sign * moved)
    before = _item_before(meeting, item_id, old)
    if before is not None:
        seconds[before] = max(0.0, seconds.get(before, 0.0) - sign * moved)


def _item_before(meeting: Meeting, item_id: str, start: datetime) -> str | None:
    """The item taken up last before `start` (at the same time: the one before on the
    agenda), other than `item_id`; None when there is none."""
    order = {item.id: n for n, (item, _) in enumerate(meeting.iter_items())}
    here = order.get(item_id, len(order))
    earlier = [
        (at, order.get(other, -1), other)
        for other, at in meeting.item_started.items()
        if other != item_id and (at < start or (at == start and order.get(other, -1) < here))
    ]
    return max(earlier)[2] if earlier else None


def _recess(meeting: Meeting, key: str) -> Recess:
    if not key.isdigit() or not 1 <= int(key) <= len(meeting.recesses):
        raise ValueError(f"no recess {key}")
    return meeting.recesses[int(key) - 1]


def hm(at: datetime | None) -> str:
    """``09:30`` (or ``--:--`` for no time)."""
    return at.strftime("%H:%M") if at is not None else "--:--"


def timeline_problem(meeting: Meeting) -> CommandError | None:
    """Why a meeting's times do not hold together (None: they do).

    The closing comes after the opening; each recess lies inside the session, ends
    after it begins and after the one before it; arrivals and departures fall within
    the meeting.
    """
    opened, closed = meeting.opened_at, meeting.closed_at
    if opened is not None and closed is not None and closed < opened:
        return CommandError("close_before_open", closed=hm(closed), opened=hm(opened))
    previous_end: datetime | None = None
    for number, recess in enumerate(meeting.recesses, 1):
        start, end = recess.start, recess.end
        if end is not None and end < start:
            return CommandError("recess_backwards", n=number, start=hm(start), end=hm(end))
        outside = (opened is not None and start < opened) or (
            closed is not None and (end or start) > closed
        )
        if outside:
            return CommandError(
                "recess_outside",
                n=number,
                start=hm(start),
                end=hm(end),
                opened=hm(opened),
                closed=hm(closed),
            )
        if previous_end is not None and start < previous_end:
            return CommandError("recess_overlap", n=number, other=number - 1)
        previous_end = end or start
    for person_id, mark in meeting.attendance.items():
        for at in (mark.arrived_at, mark.left_at):
            if at is None:
                continue
            if (opened is not None and at < opened) or (closed is not None and at > closed):
                person = meeting.person(person_id)
                return CommandError(
                    "attendance_outside",
                    person=person.name if person else person_id,
                    at=hm(at),
                    opened=hm(opened),
                    closed=hm(closed),
                )
        if mark.arrived_at and mark.left_at and mark.left_at < mark.arrived_at:
            person = meeting.person(person_id)
            return CommandError(
                "left_before_arrived",
                person=person.name if person else person_id,
                arrived=hm(mark.arrived_at),
                left=hm(mark.left_at),
            )
    return None
