"""Correcting recorded times in the domain: journalled, undoable, validated; item times."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.sessions import Clock, at, new_session, replay

from live_notes.domain.errors import CommandError
from live_notes.domain.models import Presence, Section
from live_notes.domain.times import item_durations

if TYPE_CHECKING:
    from live_notes.domain.events import Change
    from live_notes.domain.session import Session


@pytest.fixture
def session(clock: Clock, journal: list[Change]) -> Session:
    session = new_session(clock, journal)
    clock.at("09:32")
    session.open()
    clock.at("09:40")
    session.mark("ueno", Presence.LATE)
    clock.at("10:40")
    session.toggle_recess()
    clock.at("10:50")
    session.toggle_recess()
    clock.at("17:10")
    session.close()
    return session


def test_every_time_is_corrected_undone_and_replayed(
    session: Session, journal: list[Change]
) -> None:
    meeting = session.meeting
    session.set_opened(at("09:30"))
    session.set_closed(at("12:00"))
    session.set_recess(1, at("10:45"), at("11:00"))
    session.set_attendance_time("ueno", arrived=at("09:45"))
    session.set_item_start("sewer", at("09:33"))
    assert (meeting.opened_at, meeting.closed_at) == (at("09:30"), at("12:00"))
    assert (meeting.recesses[0].start, meeting.recesses[0].end) == (at("10:45"), at("11:00"))
    assert meeting.attendance["ueno"].arrived_at == at("09:45")
    assert meeting.item_started["sewer"] == at("09:33")

    rebuilt = replay(journal)
    assert rebuilt.model_dump() == meeting.model_dump()

    for _ in range(5):
        assert session.undo() == "times"
    assert (meeting.opened_at, meeting.closed_at) == (at("09:32"), at("17:10"))
    assert meeting.recesses[0].end == at("10:50")
    assert meeting.attendance["ueno"].arrived_at == at("09:40")
    assert "sewer" not in meeting.item_started  # it had not been taken up
    assert replay(journal).model_dump() == meeting.model_dump()


def test_a_line_time_is_corrected(session: Session, journal: list[Change]) -> None:
    session.switch_item("sewer")
    line = session.commit_line("説明した。")
    session.set_line_time(line.id, at("09:40"))
    assert session.line(line.id).created_at == at("09:40")
    assert replay(journal).utterances[-1].created_at == at("09:40")
    session.undo()
    assert session.line(line.id).created_at == line.created_at


@pytest.mark.parametrize(
    ("command", "code", "ja"),
    [
        (lambda s: s.set_closed(at("09:00")), "close_before_open", "閉会時刻 09:00"),
        (lambda s: s.set_opened(at("10:45")), "recess_outside", "休憩1"),
        (lambda s: s.set_recess(1, at("08:00"), at("08:10")), "recess_outside", "休憩1"),
        (lambda s: s.set_recess(1, at("11:00"), at("10:50")), "recess_backwards", "休憩1"),
        (lambda s: s.set_recess(2, at("11:00")), "unknown_recess", "休憩2はありません"),
        (lambda s: s.set_attendance_time("ueno", arrived=at("18:00")), "attendance_outside", ""),
        (lambda s: s.set_attendance_time("aoki", left=at("11:00")), "no_time_kept", "退席時刻"),
        (lambda s: s.set_item_start("nowhere", at("10:00")), "unknown_item", ""),
        (lambda s: s.set_line_time(999, at("10:00")), "unknown_line", ""),
    ],
)
def test_times_that_do_not_hold_together_are_refused(
    session: Session, journal: list[Change], command: object, code: str, ja: str
) -> None:
    before = session.meeting.model_dump()
    count = len(journal)
    with pytest.raises(CommandError) as refused:
        command(session)  # type: ignore[operator]
    assert refused.value.code == code
    assert ja in refused.value.message("ja")
    assert refused.value.message("en")
    assert session.meeting.model_dump() == before
    assert len(journal) == count


def test_the_item_timer_leaves_out_recesses_and_stops_at_closing(
    clock: Clock, journal: list[Change]
) -> None:
    session = new_session(clock, journal)
    session.switch_item("sewer")  # before the opening: not counted
    clock.at("09:30")
    session.open()
    clock.at("10:00")
    session.toggle_recess()
    clock.at("10:30")
    session.toggle_recess()
    clock.at("10:40")
    session.switch_item("tablet")
    assert item_durations(session.meeting)["sewer"] == 40 * 60  # 70 minutes less 30 of recess
    clock.at("11:00")
    session.close()
    clock.at("16:00")  # moving around in review, hours later
    session.switch_item("sewer")
    session.switch_item("tablet")
    clock.at("17:00")
    durations = item_durations(session.meeting, now=clock.now)
    assert durations["sewer"] == 40 * 60
    assert durations["tablet"] == 20 * 60
    assert replay(journal).item_seconds == session.meeting.item_seconds


def test_the_current_item_runs_until_now_without_the_recess(clock: Clock) -> None:
    session = new_session(clock, [])
    clock.at("09:30")
    session.open()
    session.switch_item("sewer")
    clock.at("09:50")
    session.toggle_recess()
    clock.at("10:00")
    assert item_durations(session.meeting, now=clock.now)["sewer"] == 20 * 60


def test_lines_typed_after_closing_are_notes(session: Session, journal: list[Change]) -> None:
    session.switch_item("sewer")
    session.set_section(Section.DISCUSSION)
    line = session.commit_line("資料は後日送付する。")
    assert line.section is Section.NOTE
    assert line.role_id == ""
    assert replay(journal).utterances[-1].section is Section.NOTE


@pytest.mark.parametrize(
    ("when", "ja"),
    [("09:00", "時刻 09:00 が会議の時間(09:32~17:10)の外です"), ("17:30", "時刻 17:30")],
)
def test_a_line_time_outside_the_session_is_refused(
    session: Session, journal: list[Change], when: str, ja: str
) -> None:
    session.switch_item("sewer")
    line = session.commit_line("説明した。")  # typed after closing: a note at 17:10
    session.set_line_time(line.id, at("10:00"))  # inside: taken
    count = len(journal)
    with pytest.raises(CommandError) as refused:
        session.set_line_time(line.id, at(when))
    assert refused.value.code == "line_outside"
    assert ja in refused.value.message("ja")
    assert refused.value.message("en").startswith(f"Line #{line.id}'s time {when} is outside")
    assert session.line(line.id).created_at == at("10:00")  # nothing saved
    assert len(journal) == count
