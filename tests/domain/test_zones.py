"""A meeting's time zone: from the plan or the computer, kept when copied, clock readings
turned into it, and a close never refused because the clock moved back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from live_notes.domain.events import CHANGE_ADAPTER, Opened, apply
from live_notes.domain.plan import PlanError, next_meeting, parse_plan
from live_notes.domain.session import Session
from live_notes.domain.zones import local_zone_name, offset_name, zone

PLAN = """
[meeting]
body = "Board"
title = "Seventh"
date = 2024-11-12
{zone}

[[agenda]]
title = "Opening"
"""


def test_the_plan_names_the_zone_and_a_copy_keeps_it() -> None:
    meeting = parse_plan(PLAN.format(zone='zone = "Asia/Tokyo"'), "p.toml")
    assert meeting.zone == "Asia/Tokyo"
    assert next_meeting(meeting, date(2024, 12, 10)).zone == "Asia/Tokyo"
    assert parse_plan(PLAN.format(zone=""), "p.toml").zone == local_zone_name()


def test_an_unknown_zone_in_a_plan_is_one_problem_naming_it() -> None:
    with pytest.raises(PlanError) as caught:
        parse_plan(PLAN.format(zone='zone = "Mars/Olympus"'), "p.toml")
    assert caught.value.problems == [
        "line 6: meeting.zone: 'Mars/Olympus' is not a time zone (use a name like "
        "'Asia/Tokyo' or 'UTC+09:00')"
    ]


def test_fixed_offsets_name_a_zone_where_the_computer_names_none() -> None:
    assert offset_name(timedelta(hours=9)) == "UTC+09:00"
    assert offset_name(timedelta(hours=-3, minutes=-30)) == "UTC-03:30"
    assert zone("UTC-03:30").utcoffset(None) == timedelta(hours=-3, minutes=-30)


def test_a_clock_reading_with_another_offset_is_the_meetings_wall_time() -> None:
    meeting = parse_plan(PLAN.format(zone='zone = "Asia/Tokyo"'), "p.toml")
    utc_clock = datetime(2024, 11, 12, 0, 30, tzinfo=UTC)
    session = Session(meeting, clock=lambda: utc_clock)
    assert session.open() == datetime(2024, 11, 12, 9, 30)
    assert meeting.opened_at == datetime(2024, 11, 12, 9, 30)
    line = session.commit_line("a line")
    assert line.created_at == datetime(2024, 11, 12, 9, 30)
    # the journal keeps the offset: replaying it gives the same wall time
    written = CHANGE_ADAPTER.dump_json(Opened(at=session.now()))
    assert b"+09:00" in written
    again = parse_plan(PLAN.format(zone='zone = "Asia/Tokyo"'), "p.toml")
    apply(again, CHANGE_ADAPTER.validate_json(written))
    assert again.opened_at == datetime(2024, 11, 12, 9, 30)


def test_a_close_is_not_refused_when_the_clock_moved_back() -> None:
    meeting = parse_plan(PLAN.format(zone='zone = "Asia/Tokyo"'), "p.toml")
    now = [datetime(2024, 11, 12, 10, 0, tzinfo=zone("Asia/Tokyo"))]
    session = Session(meeting, clock=lambda: now[0])
    session.open()
    now[0] -= timedelta(hours=2)  # the computer's clock set back
    assert session.close() == datetime(2024, 11, 12, 10, 0)
    assert meeting.closed_at == meeting.opened_at
