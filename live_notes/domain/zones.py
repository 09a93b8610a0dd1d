"""Time zones: a meeting keeps the zone it is held in, whatever the computer's clock says.

A meeting has a zone (an IANA name such as ``Asia/Tokyo``, or a fixed offset
``UTC+09:00`` where the computer names none), set when it is created. Its times
are kept in memory as the wall-clock time of that zone, which is what the
screens and the minutes print; on disk (journal, snapshot, archive) each time is
written with its UTC offset. A time with an offset
(from the journal, an archive, a clock) is turned into the meeting's wall-clock
time; a time without one (files written before zones) already is one.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_OFFSET = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")


class ZoneError(ValueError):
    """A zone name that is neither an IANA zone nor ``UTC±HH:MM``."""


@lru_cache(maxsize=64)
def zone(name: str) -> tzinfo:
    """The tzinfo of a zone name.

    Raises:
        ZoneError: an unknown name.
    """
    match = _OFFSET.match(name)
    if match:
        sign, hours, minutes = match.groups()
        offset = timedelta(hours=int(hours), minutes=int(minutes))
        if offset >= timedelta(hours=24):
            raise ZoneError(f"{name!r}: an offset must be under 24 hours")
        return timezone(-offset if sign == "-" else offset)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ZoneError(
            f"{name!r} is not a time zone (use a name like 'Asia/Tokyo' or 'UTC+09:00')"
        ) from None


def offset_name(offset: timedelta) -> str:
    """``UTC+09:00`` for a UTC offset."""
    sign = "-" if offset < timedelta(0) else "+"
    minutes = int(abs(offset).total_seconds() // 60)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def local_zone_name() -> str:
    """The computer's zone: its IANA name (``TZ`` first), or its current offset."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
    except Exception:  # tzlocal refuses odd TZ values (e.g. POSIX rules) by raising
        name = None
    if name:
        try:
            zone(name)
        except ZoneError:
            pass
        else:
            return name
    offset = datetime.now().astimezone().utcoffset() or timedelta(0)
    return offset_name(offset)


def wall_time(at: datetime, zone_name: str) -> datetime:
    """The wall-clock time (naive) of the zone at the moment `at`.

    A time without an offset is taken to be a wall-clock time of that zone already.
    """
    if at.tzinfo is None:
        return at
    try:
        return at.astimezone(zone(zone_name)).replace(tzinfo=None)
    except OverflowError:  # at the very ends of the calendar: keep the time as written
        return at.replace(tzinfo=None)


def clock_time(at: datetime, zone_name: str) -> datetime:
    """A clock reading as the zone's wall-clock time, with its offset.

    A reading without an offset is the computer's local time (``datetime.now()``).
    """
    aware = at if at.tzinfo is not None else at.astimezone()
    return aware.astimezone(zone(zone_name))
