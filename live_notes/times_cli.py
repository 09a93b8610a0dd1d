"""`live-notes times`: a meeting's recorded times printed, and the options that correct them."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from live_notes.domain.events import TimeValue
from live_notes.domain.time_commands import recorded_times
from live_notes.domain.times import hm, item_durations

if TYPE_CHECKING:
    import argparse

    from live_notes.domain.models import Meeting


def print_times(meeting: Meeting) -> list[str]:
    """The lines `live-notes times ID` prints: opening, numbered recesses, closing,
    arrivals and departures, items' starts and the time spent on each item."""
    out: list[str] = [f"zone        {meeting.zone}"]
    recesses: dict[str, list[datetime | None]] = {}
    for kept in recorded_times(meeting):
        if kept.what in ("recess_start", "recess_end"):
            recesses.setdefault(kept.key, []).append(kept.at)
            if kept.what == "recess_end":
                start, end = recesses[kept.key]
                out.append(f"recess {kept.key:<4} {hm(start)}-{hm(end)}")
        elif kept.what in ("opened", "closed"):
            out.append(f"{kept.what:<11} {hm(kept.at)}")
        elif kept.what == "item_start":
            out.append(f"item start  {hm(kept.at)}  {kept.key}  {kept.label.strip()}")
        else:
            out.append(f"{kept.what:<11} {hm(kept.at)}  {kept.key}  {kept.label}")
    durations = item_durations(meeting)
    for item, _ in meeting.iter_items():
        seconds = durations.get(item.id)
        if seconds:
            out.append(f"item time   {int(seconds // 60):>3} min  {item.id}")
    return out


def _parse_hm(text: str) -> time:
    from live_notes.cli import CliError

    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise CliError(f"{text!r} is not a time: write HH:MM (09:30)") from None


def _on_day(meeting: Meeting, text: str, near: datetime | None) -> datetime:
    """HH:MM on the day of the time it replaces (else the opening's, else the meeting's)."""
    base = near or meeting.opened_at
    day: date = base.date() if base is not None else meeting.header.date
    return datetime.combine(day, _parse_hm(text))


def values_from_args(meeting: Meeting, args: argparse.Namespace) -> list[TimeValue]:
    """The corrections the options ask for, as wall-clock times of the meeting's zone."""
    from live_notes.cli import CliError

    values: list[TimeValue] = []
    if args.opened:
        values.append(TimeValue(what="opened", at=_on_day(meeting, args.opened, None)))
    if args.closed:
        near = meeting.closed_at
        values.append(TimeValue(what="closed", at=_on_day(meeting, args.closed, near)))
    for number, span in args.recess or []:
        start_text, sep, end_text = span.partition("-")
        if not sep:
            raise CliError(f"--recess {number} {span!r}: write the times as HH:MM-HH:MM")
        index = int(number) - 1 if number.isdigit() else -1
        recess = meeting.recesses[index] if 0 <= index < len(meeting.recesses) else None
        start = _on_day(meeting, start_text, recess.start if recess else None)
        end = _on_day(meeting, end_text, start)
        values.append(TimeValue(what="recess_start", key=number, at=start))
        values.append(TimeValue(what="recess_end", key=number, at=end))
    for person_id, text in args.arrived or []:
        at = _on_day(meeting, text, None)
        values.append(TimeValue(what="arrived", key=person_id, at=at))
    for person_id, text in args.left or []:
        values.append(TimeValue(what="left", key=person_id, at=_on_day(meeting, text, None)))
    for item_query, text in args.item or []:
        item_id = _item_id(meeting, item_query)
        at = _on_day(meeting, text, meeting.item_started.get(item_id))
        values.append(TimeValue(what="item_start", key=item_id, at=at))
    for line_id, text in args.line or []:
        values.append(TimeValue(what="line", key=line_id, at=_on_day(meeting, text, None)))
    return values


def _item_id(meeting: Meeting, query: str) -> str:
    for item, _ in meeting.iter_items():
        if query in (item.id, item.label, item.label.strip("().")):
            return item.id
    return query  # refused by the command as an unknown item
