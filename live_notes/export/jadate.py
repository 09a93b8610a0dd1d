"""Japanese era dates, times and fiscal years for the minutes, plus English equivalents.

Everything here is plain Python: no locale settings are read, so output does not depend on
the machine the minutes are exported on.

Examples:
    >>> from datetime import date, time
    >>> format_date(date(2020, 2, 3))
    '令和2年2月3日(月曜日)'
    >>> format_time_range(time(9, 30), time(12, 0))
    '午前9時30分から正午まで'
    >>> format_fiscal_year(date(2020, 2, 3))
    '令和元年度'

Eras are looked up in :data:`DEFAULT_ERAS` unless a table is passed in. A new era can be
added from the configuration file without a new release::

    eras = parse_eras([{"name": "新元号", "start": "2040-05-01"}])
    format_date(date(2040, 5, 1), eras=eras)  # '新元号元年5月1日(火曜日)'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import pairwise

__all__ = [
    "DEFAULT_ERAS",
    "Era",
    "era_for",
    "era_year",
    "fiscal_year",
    "format_date",
    "format_date_en",
    "format_era_year",
    "format_fiscal_year",
    "format_time",
    "format_time_en",
    "format_time_range",
    "parse_eras",
    "to_fullwidth",
]


@dataclass(frozen=True)
class Era:
    """A Japanese era (元号).

    Attributes:
        name: The era name as written in the minutes, e.g. ``"令和"``.
        start: The first day of the era; that day is the first day of year 1 (元年).
        romaji: Optional romanised name, e.g. ``"Reiwa"``.
    """

    name: str
    start: date
    romaji: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an era needs a name")


DEFAULT_ERAS: tuple[Era, ...] = (
    # Meiji dates before 1873 are treated as Gregorian dates; the lunisolar calendar
    # in use until then is not modelled.
    Era("明治", date(1868, 1, 25), "Meiji"),
    Era("大正", date(1912, 7, 30), "Taishō"),
    Era("昭和", date(1926, 12, 25), "Shōwa"),
    Era("平成", date(1989, 1, 8), "Heisei"),
    Era("令和", date(2019, 5, 1), "Reiwa"),
)
"""The built-in era table, oldest first."""

_WEEKDAYS_JA = ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_ERA_KEYS = frozenset({"name", "start", "romaji"})


def to_fullwidth(s: str) -> str:
    """Convert the ASCII digits in a string to full-width digits (０-９).

    Args:
        s: Any string; characters other than ``0``-``9`` are left unchanged.

    Returns:
        The string with every ASCII digit replaced by its full-width form.
    """
    return s.translate(_FULLWIDTH_DIGITS)


def _digits(s: str, fullwidth: bool) -> str:
    return to_fullwidth(s) if fullwidth else s


def _era_table(eras: Sequence[Era] | None) -> list[Era]:
    """Return the era table to use, newest first."""
    table = DEFAULT_ERAS if eras is None else eras
    if not table:
        raise ValueError("the era table is empty")
    return sorted(table, key=lambda era: era.start, reverse=True)


def _as_date(d: date) -> date:
    # datetime is a subclass of date and does not compare with plain dates.
    return d.date() if isinstance(d, datetime) else d


def era_for(d: date, eras: Sequence[Era] | None = None) -> Era:
    """Find the era in force on a given day.

    Args:
        d: The day.
        eras: Era table to use instead of :data:`DEFAULT_ERAS`, in any order.

    Returns:
        The era whose start is the latest one on or before ``d``.

    Raises:
        ValueError: If ``d`` falls before the first era in the table.
    """
    d = _as_date(d)
    table = _era_table(eras)
    for era in table:
        if era.start <= d:
            return era
    oldest = table[-1]
    raise ValueError(
        f"{d.isoformat()} is before the first known era "
        f"({oldest.name}, from {oldest.start.isoformat()})"
    )


def era_year(d: date, eras: Sequence[Era] | None = None) -> tuple[str, int]:
    """Give the era name and era year for a day.

    Year 1 (元年) runs from the first day of the era to 31 December of that year; year 2
    starts on 1 January of the next Gregorian year.

    Args:
        d: The day.
        eras: Era table to use instead of :data:`DEFAULT_ERAS`.

    Returns:
        The era name and the year number, e.g. ``("令和", 2)`` for 2020-02-03.

    Raises:
        ValueError: If ``d`` falls before the first era in the table.
    """
    era = era_for(d, eras)
    return era.name, d.year - era.start.year + 1


def format_era_year(era: str, year: int, fullwidth: bool = False) -> str:
    """Write an era year, using 元年 for the first year.

    Args:
        era: The era name, e.g. ``"令和"``.
        year: The year number within the era, 1 or more.
        fullwidth: Write the digits full-width.

    Returns:
        ``"令和元年"`` for year 1, ``"令和2年"`` (or ``"令和２年"``) otherwise.

    Raises:
        ValueError: If ``year`` is below 1.
    """
    if year < 1:
        raise ValueError(f"an era year must be 1 or more, not {year}")
    if year == 1:
        return f"{era}元年"
    return f"{era}{_digits(str(year), fullwidth)}年"


def format_date(
    d: date,
    weekday: bool = True,
    fullwidth: bool = False,
    eras: Sequence[Era] | None = None,
) -> str:
    """Write a day in the Japanese era calendar.

    Args:
        d: The day.
        weekday: Add the day of the week in parentheses, e.g. ``(月曜日)``.
        fullwidth: Write the digits full-width.
        eras: Era table to use instead of :data:`DEFAULT_ERAS`.

    Returns:
        For example ``"令和2年2月3日(月曜日)"``, or ``"令和2年2月3日"`` without the weekday.

    Raises:
        ValueError: If ``d`` falls before the first era in the table.
    """
    name, year = era_year(d, eras)
    text = format_era_year(name, year, fullwidth) + _digits(f"{d.month}月{d.day}日", fullwidth)
    if weekday:
        text += f"({_WEEKDAYS_JA[d.weekday()]})"
    return text


def format_time(t: time, fullwidth: bool = False) -> str:
    """Write a time of day in the 12-hour form used in minutes.

    Minutes are left out when they are zero and seconds are ignored. 12:00 is 正午;
    other times from 12:00 to 12:59 are 午後0時…, and midnight is 午前0時.

    Args:
        t: The time of day.
        fullwidth: Write the digits full-width.

    Returns:
        For example ``"午前9時30分"``, ``"午前10時"``, ``"正午"``, ``"午後0時30分"``.
    """
    if t.hour == 12 and t.minute == 0:
        return "正午"
    prefix = "午前" if t.hour < 12 else "午後"
    text = f"{t.hour % 12}時"
    if t.minute:
        text += f"{t.minute}分"
    return prefix + _digits(text, fullwidth)


def format_time_24h(t: time, fullwidth: bool = False) -> str:
    """Write a time of day on the 24-hour clock, two digits each: ``"09時30分"``, ``"14時05分"``."""
    return _digits(f"{t.hour:02d}時{t.minute:02d}分", fullwidth)


def format_time_range(start: time, end: time, fullwidth: bool = False) -> str:
    """Write a span of time, e.g. for the sitting hours of a meeting.

    Args:
        start: When the span begins.
        end: When the span ends.
        fullwidth: Write the digits full-width.

    Returns:
        For example ``"午前9時30分から正午まで"``.
    """
    return f"{format_time(start, fullwidth)}から{format_time(end, fullwidth)}まで"


def fiscal_year(d: date) -> int:
    """Give the fiscal year (1 April to 31 March) a day belongs to.

    Args:
        d: The day.

    Returns:
        The Gregorian year in which that fiscal year begins: 2019 for 2020-02-03,
        2020 for 2020-04-01.
    """
    return d.year if d.month >= 4 else d.year - 1


def format_fiscal_year(
    d: date,
    fullwidth: bool = False,
    eras: Sequence[Era] | None = None,
) -> str:
    """Write the fiscal year a day belongs to, e.g. ``"令和元年度"``.

    The fiscal year that begins on 1 April of year Y is named by the era in force at its
    end (31 March of Y+1), counted from year Y: the number is ``Y - era start year + 1``,
    written 元年 when it is 1. So an era that begins between April and December gives its
    name to the whole fiscal year in which it begins (FY2019, 2019-04-01 to 2020-03-31,
    is 令和元年度, not 平成31年度).

    When the era in force at the end began only in January-March of Y+1, that count would
    be 0, so the fiscal year keeps the name of the era before it (FY1988 is 昭和63年度 even
    though 平成 began on 1989-01-08; 平成元年度 is FY1989). Put generally, the name comes
    from the latest era that began both on or before 31 March of Y+1 and in or before the
    Gregorian year Y.

    Args:
        d: Any day in the fiscal year.
        fullwidth: Write the digits full-width.
        eras: Era table to use instead of :data:`DEFAULT_ERAS`.

    Returns:
        For example ``"令和元年度"`` for 2020-02-03 and ``"令和2年度"`` for 2020-04-01.

    Raises:
        ValueError: If the fiscal year begins before the first era in the table.
    """
    year = fiscal_year(d)
    last_day = date(year + 1, 3, 31)
    for era in _era_table(eras):
        if era.start <= last_day and era.start.year <= year:
            return format_era_year(era.name, year - era.start.year + 1, fullwidth) + "度"
    raise ValueError(f"fiscal year {year} begins before the first known era")


def _parse_start(value: object, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
        raise ValueError(f"{where}: start {value!r} is not a date in YYYY-MM-DD form")
    raise ValueError(f"{where}: start must be a date in YYYY-MM-DD form, not {value!r}")


def parse_eras(table: Sequence[Mapping[str, object]] | None) -> list[Era]:
    """Build an era table from configuration entries, merged with the built-in eras.

    Each entry is a mapping with ``name`` (text), ``start`` (a ``YYYY-MM-DD`` string or a
    date) and optionally ``romaji``, for example ``{"name": "新元号", "start": "2040-05-01"}``.
    An entry with the same name as a built-in era replaces it.

    Args:
        table: The entries from the configuration; ``None`` or empty gives the built-in
            table.

    Returns:
        The merged era table, oldest first, ready to pass as ``eras=`` to the other
        functions.

    Raises:
        ValueError: If an entry is not a mapping, has unknown or missing keys, has an empty
            name or a start that is not a date, repeats a name given earlier in the table,
            or starts on the same day as another era.
    """
    merged: dict[str, Era] = {era.name: era for era in DEFAULT_ERAS}
    seen: set[str] = set()
    for number, entry in enumerate(table or (), start=1):
        where = f"era entry {number}"
        if not isinstance(entry, Mapping):
            raise ValueError(f"{where}: expected a table with name and start, got {entry!r}")
        unknown = sorted(str(key) for key in entry if key not in _ERA_KEYS)
        if unknown:
            raise ValueError(
                f"{where}: unknown key(s) {', '.join(unknown)}; use name, start and romaji"
            )
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: name is missing or empty")
        name = name.strip()
        where = f"{where} ({name})"
        if "start" not in entry:
            raise ValueError(f"{where}: start is missing")
        start = _parse_start(entry["start"], where)
        romaji = entry.get("romaji")
        if romaji is not None and not isinstance(romaji, str):
            raise ValueError(f"{where}: romaji must be text, not {romaji!r}")
        if name in seen:
            raise ValueError(f"{where}: the era {name} is listed more than once")
        seen.add(name)
        merged[name] = Era(name, start, romaji or None)

    eras = sorted(merged.values(), key=lambda era: era.start)
    for earlier, later in pairwise(eras):
        if earlier.start == later.start:
            raise ValueError(
                f"eras {earlier.name} and {later.name} both start on {later.start.isoformat()}"
            )
    return eras


def format_date_en(d: date) -> str:
    """Write a day for the English minutes, e.g. ``"Monday, 3 February 2020"``.

    Args:
        d: The day.

    Returns:
        Weekday, day of the month without a leading zero, month name and year.
    """
    return f"{_WEEKDAYS_EN[d.weekday()]}, {d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def format_time_en(t: time) -> str:
    """Write a time of day for the English minutes.

    Args:
        t: The time of day; seconds are ignored.

    Returns:
        For example ``"9:30 a.m."``, ``"12:00 noon"``, ``"12:30 p.m."``, ``"1:00 p.m."``,
        ``"12:00 midnight"``.
    """
    if t.minute == 0 and t.hour in (0, 12):
        return "12:00 noon" if t.hour == 12 else "12:00 midnight"
    hour = t.hour % 12 or 12
    suffix = "a.m." if t.hour < 12 else "p.m."
    return f"{hour}:{t.minute:02d} {suffix}"
