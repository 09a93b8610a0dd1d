"""Tests for Japanese era dates, times and fiscal years (live_notes.export.jadate)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from live_notes.export.jadate import (
    DEFAULT_ERAS,
    Era,
    era_year,
    fiscal_year,
    format_date,
    format_date_en,
    format_era_year,
    format_fiscal_year,
    format_time,
    format_time_en,
    format_time_range,
    parse_eras,
    to_fullwidth,
)

# --- eras -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 4, 30), ("平成", 31)),
        (date(2019, 5, 1), ("令和", 1)),
        (date(2019, 12, 31), ("令和", 1)),
        (date(2020, 1, 1), ("令和", 2)),
        (date(1989, 1, 7), ("昭和", 64)),
        (date(1989, 1, 8), ("平成", 1)),
        (date(1926, 12, 24), ("大正", 15)),
        (date(1926, 12, 25), ("昭和", 1)),
        (date(1912, 7, 29), ("明治", 45)),
        (date(1912, 7, 30), ("大正", 1)),
        (date(1868, 1, 25), ("明治", 1)),
    ],
)
def test_era_year_at_boundaries(day: date, expected: tuple[str, int]) -> None:
    assert era_year(day) == expected


def test_era_year_accepts_datetime() -> None:
    assert era_year(datetime(2019, 5, 1, 0, 0)) == ("令和", 1)


def test_era_year_before_meiji_is_an_error() -> None:
    with pytest.raises(ValueError, match="before the first known era"):
        era_year(date(1868, 1, 24))


def test_default_eras_have_romanised_names() -> None:
    assert {era.name: era.romaji for era in DEFAULT_ERAS}["令和"] == "Reiwa"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(2020, 2, 3), "令和2年2月3日"),
        (date(2024, 12, 25), "令和6年12月25日"),
    ],
)
def test_format_date_without_weekday(day: date, expected: str) -> None:
    assert format_date(day, weekday=False) == expected


def test_format_date_with_weekday_by_default() -> None:
    assert format_date(date(2020, 2, 3)) == "令和2年2月3日(月曜日)"


def test_format_date_first_year_with_weekday() -> None:
    assert format_date(date(2019, 5, 1)) == "令和元年5月1日(水曜日)"


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (date(2020, 2, 3), "月曜日"),
        (date(2020, 2, 4), "火曜日"),
        (date(2020, 2, 5), "水曜日"),
        (date(2020, 2, 6), "木曜日"),
        (date(2020, 2, 7), "金曜日"),
        (date(2020, 2, 8), "土曜日"),
        (date(2020, 2, 9), "日曜日"),
    ],
)
def test_weekday_names_for_a_whole_week(day: date, weekday: str) -> None:
    assert format_date(day) == f"令和2年2月{day.day}日({weekday})"


def test_format_date_fullwidth() -> None:
    assert format_date(date(2020, 2, 3), fullwidth=True) == "令和２年２月３日(月曜日)"


def test_format_date_fullwidth_two_digit_numbers() -> None:
    assert (
        format_date(date(2030, 11, 23), weekday=False, fullwidth=True) == "令和１２年１１月２３日"
    )


def test_format_era_year() -> None:
    assert format_era_year("令和", 1) == "令和元年"
    assert format_era_year("令和", 2) == "令和2年"
    assert format_era_year("平成", 31, fullwidth=True) == "平成３１年"
    assert format_era_year("令和", 1, fullwidth=True) == "令和元年"


def test_format_era_year_rejects_year_zero() -> None:
    with pytest.raises(ValueError, match="1 or more"):
        format_era_year("令和", 0)


def test_to_fullwidth_only_changes_ascii_digits() -> None:
    assert to_fullwidth("令和2年 10:05 abc") == "令和２年 １０:０５ abc"
    assert to_fullwidth("0123456789") == "０１２３４５６７８９"


# --- times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (time(9, 30), "午前9時30分"),
        (time(10, 0), "午前10時"),
        (time(12, 0), "正午"),
        (time(12, 30), "午後0時30分"),
        (time(13, 0), "午後1時"),
        (time(0, 0), "午前0時"),
        (time(0, 5), "午前0時5分"),
        (time(11, 59), "午前11時59分"),
        (time(23, 59), "午後11時59分"),
        (time(14, 0, 45), "午後2時"),
    ],
)
def test_format_time(t: time, expected: str) -> None:
    assert format_time(t) == expected


def test_format_time_drops_zero_minutes_only() -> None:
    assert format_time(time(15, 0)) == "午後3時"
    assert format_time(time(15, 10)) == "午後3時10分"


def test_format_time_fullwidth() -> None:
    assert format_time(time(10, 15), fullwidth=True) == "午前１０時１５分"
    assert format_time(time(12, 0), fullwidth=True) == "正午"


def test_format_time_range() -> None:
    assert format_time_range(time(9, 30), time(12, 0)) == "午前9時30分から正午まで"
    assert format_time_range(time(13, 0), time(16, 45)) == "午後1時から午後4時45分まで"


def test_format_time_range_fullwidth() -> None:
    assert (
        format_time_range(time(9, 30), time(12, 0), fullwidth=True) == "午前９時３０分から正午まで"
    )


# --- fiscal years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 2, 3), 2019),
        (date(2020, 3, 31), 2019),
        (date(2020, 4, 1), 2020),
        (date(2020, 1, 1), 2019),
        (date(2019, 12, 31), 2019),
    ],
)
def test_fiscal_year(day: date, expected: int) -> None:
    assert fiscal_year(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # FY2019 (2019-04-01 to 2020-03-31): 令和 began in it, so it is 令和元年度 throughout.
        (date(2019, 4, 10), "令和元年度"),
        (date(2019, 5, 1), "令和元年度"),
        (date(2020, 1, 15), "令和元年度"),
        (date(2020, 2, 3), "令和元年度"),
        (date(2020, 3, 31), "令和元年度"),
        (date(2020, 4, 1), "令和2年度"),
        (date(2021, 3, 31), "令和2年度"),
        # FY1988 (1988-04-01 to 1989-03-31): 平成 began only in January 1989, so the fiscal
        # year keeps the 昭和 name; 平成元年度 is FY1989.
        (date(1988, 4, 1), "昭和63年度"),
        (date(1989, 1, 7), "昭和63年度"),
        (date(1989, 2, 1), "昭和63年度"),
        (date(1989, 3, 31), "昭和63年度"),
        (date(1989, 4, 1), "平成元年度"),
        (date(2019, 3, 31), "平成30年度"),
    ],
)
def test_format_fiscal_year(day: date, expected: str) -> None:
    assert format_fiscal_year(day) == expected


def test_format_fiscal_year_fullwidth() -> None:
    assert format_fiscal_year(date(2021, 2, 1), fullwidth=True) == "令和２年度"


# --- eras from configuration ----------------------------------------------------------------

FICTIONAL = [{"name": "新元号", "start": "2030-01-01", "romaji": "Shingengō"}]


def test_parse_eras_merges_with_defaults() -> None:
    eras = parse_eras(FICTIONAL)
    assert [era.name for era in eras] == ["明治", "大正", "昭和", "平成", "令和", "新元号"]
    assert eras[-1] == Era("新元号", date(2030, 1, 1), "Shingengō")


def test_parse_eras_empty_gives_defaults() -> None:
    assert parse_eras([]) == list(DEFAULT_ERAS)
    assert parse_eras(None) == list(DEFAULT_ERAS)


def test_parse_eras_accepts_date_objects() -> None:
    eras = parse_eras([{"name": "新元号", "start": date(2030, 1, 1)}])
    assert eras[-1] == Era("新元号", date(2030, 1, 1))


def test_config_era_used_by_formatting() -> None:
    eras = parse_eras(FICTIONAL)
    assert era_year(date(2030, 1, 1), eras=eras) == ("新元号", 1)
    assert format_date(date(2030, 1, 2), weekday=False, eras=eras) == "新元号元年1月2日"
    assert format_date(date(2029, 12, 31), weekday=False, eras=eras) == "令和11年12月31日"
    assert format_date(date(2031, 1, 1), weekday=False, eras=eras) == "新元号2年1月1日"


def test_config_era_not_used_without_eras_argument() -> None:
    parse_eras(FICTIONAL)
    assert format_date(date(2030, 1, 2), weekday=False) == "令和12年1月2日"


def test_config_era_fiscal_years() -> None:
    eras = parse_eras(FICTIONAL)
    # The era began in January, so FY2029 keeps the 令和 name; FY2030 is its first.
    assert format_fiscal_year(date(2030, 2, 1), eras=eras) == "令和11年度"
    assert format_fiscal_year(date(2030, 4, 1), eras=eras) == "新元号元年度"


def test_config_era_starting_mid_year_names_that_fiscal_year() -> None:
    eras = parse_eras([{"name": "新元号", "start": "2040-05-01"}])
    assert format_fiscal_year(date(2040, 4, 15), eras=eras) == "新元号元年度"
    assert format_date(date(2040, 4, 30), weekday=False, eras=eras) == "令和22年4月30日"
    assert format_date(date(2040, 5, 1), eras=eras) == "新元号元年5月1日(火曜日)"


def test_config_entry_with_default_name_replaces_default() -> None:
    eras = parse_eras([{"name": "令和", "start": "2019-05-01", "romaji": "REIWA"}])
    assert len(eras) == len(DEFAULT_ERAS)
    assert eras[-1].romaji == "REIWA"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"start": "2030-01-01"}, r"era entry 1: name is missing or empty"),
        ({"name": "  ", "start": "2030-01-01"}, r"era entry 1: name is missing or empty"),
        ({"name": 5, "start": "2030-01-01"}, r"era entry 1: name is missing or empty"),
        ({"name": "新元号"}, r"era entry 1 \(新元号\): start is missing"),
        (
            {"name": "新元号", "start": "2030-13-01"},
            r"era entry 1 \(新元号\): start '2030-13-01' is not a date in YYYY-MM-DD form",
        ),
        (
            {"name": "新元号", "start": "next year"},
            r"start 'next year' is not a date in YYYY-MM-DD form",
        ),
        ({"name": "新元号", "start": 2030}, r"start must be a date in YYYY-MM-DD form, not 2030"),
        (
            {"name": "新元号", "strat": "2030-01-01"},
            r"era entry 1: unknown key\(s\) strat; use name, start and romaji",
        ),
        (
            {"name": "新元号", "start": "2030-01-01", "romaji": 7},
            r"romaji must be text",
        ),
        (
            {"name": "新元号", "start": "2019-05-01"},
            r"eras 令和 and 新元号 both start on 2019-05-01",
        ),
        ("新元号 2030-01-01", r"era entry 1: expected a table with name and start"),
    ],
)
def test_parse_eras_rejects_bad_entries(entry: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_eras([entry])  # type: ignore[list-item]


def test_parse_eras_rejects_duplicate_names() -> None:
    with pytest.raises(ValueError, match=r"era entry 2 \(新元号\): .* listed more than once"):
        parse_eras(
            [{"name": "新元号", "start": "2030-01-01"}, {"name": "新元号", "start": "2031-01-01"}]
        )


def test_parse_eras_error_names_the_bad_entry_number() -> None:
    with pytest.raises(ValueError, match=r"^era entry 2 \(次\): start is missing$"):
        parse_eras([{"name": "新元号", "start": "2030-01-01"}, {"name": "次"}])


# --- English --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 2, 3), "Monday, 3 February 2020"),
        (date(2019, 5, 1), "Wednesday, 1 May 2019"),
        (date(2024, 12, 29), "Sunday, 29 December 2024"),
        (date(2021, 1, 16), "Saturday, 16 January 2021"),
    ],
)
def test_format_date_en(day: date, expected: str) -> None:
    assert format_date_en(day) == expected


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (time(9, 30), "9:30 a.m."),
        (time(9, 5), "9:05 a.m."),
        (time(12, 0), "12:00 noon"),
        (time(12, 30), "12:30 p.m."),
        (time(13, 0), "1:00 p.m."),
        (time(0, 0), "12:00 midnight"),
        (time(0, 15), "12:15 a.m."),
        (time(23, 59), "11:59 p.m."),
    ],
)
def test_format_time_en(t: time, expected: str) -> None:
    assert format_time_en(t) == expected
