"""The live-session commands, without a terminal: what each one does to the meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from support.sessions import Clock, new_session

from live_notes.domain.errors import CommandError
from live_notes.domain.events import CHANGE_ADAPTER, Change, apply
from live_notes.domain.models import Meeting, MeetingStatus, Outcome, Presence, Section, Vote
from live_notes.domain.plan import parse_plan
from live_notes.resources import sample_plan

if TYPE_CHECKING:
    from live_notes.domain.session import Session


@pytest.fixture
def session(clock: Clock, journal: list[Change]) -> Session:
    return new_session(clock, journal)


def replay(session: Session, journal: list[Change]) -> Meeting:
    """The meeting rebuilt from the plan and the journal alone (as the store does)."""
    meeting = parse_plan(sample_plan("ja").read_text(encoding="utf-8"), "sample")
    for change in journal:
        apply(meeting, CHANGE_ADAPTER.validate_json(CHANGE_ADAPTER.dump_json(change)))
    return meeting


def test_open_records_time_and_goes_to_first_item(session: Session, clock: Clock) -> None:
    clock.at("09:30")
    session.open()
    meeting = session.meeting
    assert meeting.status is MeetingStatus.IN_SESSION
    assert meeting.opened_at == datetime(2024, 11, 11, 9, 30)
    assert meeting.current_item_id == "opening"
    with pytest.raises(CommandError) as refused:
        session.open()
    assert refused.value.message("ja") == "すでに開会しています。"


def test_line_refused_without_current_item(session: Session) -> None:
    with pytest.raises(CommandError) as refused:
        session.commit_line("発言")
    assert "No agenda item is current" in refused.value.message("en")
    assert session.meeting.utterances == []


def test_empty_and_hostile_lines(session: Session) -> None:
    session.open()
    with pytest.raises(CommandError):
        session.commit_line("   \x1b[2J ")
    line = session.commit_line("\x1b[31m赤\x1b[0m字\x00と\u202e逆\ttab")
    assert line.text == "赤字と逆 tab"


def test_question_and_answer_follow_up_needs_no_role_key(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    session.set_section(Section.DISCUSSION)
    roles = []
    for text in ["質問1", "回答1", "質問2", "回答2"]:
        roles.append(session.commit_line(text).role_id)
    assert roles == ["member", "department", "member", "department"]


def test_follow_up_returns_to_the_side_that_last_answered(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    session.set_section(Section.DISCUSSION)
    session.commit_line("質問")  # member → department by default
    session.set_role("secretariat")
    session.commit_line("事務局が答える")
    assert session.role_id == "member"
    session.commit_line("再質問")
    assert session.role_id == "secretariat"


def test_report_item_is_answered_by_the_secretariat(session: Session) -> None:
    session.open()
    session.switch_item("other")
    session.set_section(Section.DISCUSSION)
    session.commit_line("意見")
    assert session.role_id == "secretariat"


def test_role_keys(session: Session) -> None:
    assert session.role_by_number(1) == "chair"
    assert session.role_by_number(4) == "secretariat"
    with pytest.raises(CommandError) as refused:
        session.role_by_number(7)
    assert "number 7" in str(refused.value)


def test_step_and_find_items(session: Session) -> None:
    session.open()
    assert session.step_item(1) is not None
    assert session.meeting.current_item_id == "sewer"
    session.step_item(1)
    session.step_item(1)
    assert session.meeting.current_item_id == "other"
    session.step_item(1)
    assert session.step_item(1) is None  # at the end: stays
    assert session.meeting.current_item_id == "closing"
    assert session.find_item("イ").id == "tablet"
    assert session.find_item("2").id == "sewer"
    assert session.find_item("学習用端末").id == "tablet"
    with pytest.raises(CommandError):
        session.find_item("存在しない")


def test_item_time_is_counted_from_switches(session: Session, clock: Clock) -> None:
    clock.at("09:30")
    session.open()
    clock.at("09:35")
    session.switch_item("sewer")
    clock.at("10:05")
    session.switch_item("tablet")
    assert session.meeting.item_seconds == {"opening": 300.0, "sewer": 1800.0}


def test_sections_cycle(session: Session) -> None:
    session.open()
    seen = [session.next_section() for _ in range(4)]
    assert seen == [Section.DISCUSSION, Section.CONCLUSION, Section.NOTE, Section.EXPLANATION]


def test_edit_flag_delete_and_undo(session: Session, journal: list[Change]) -> None:
    session.open()
    first = session.commit_line("最初")
    second = session.commit_line("二番目")
    session.update_line(first.id, text="最初の訂正")
    assert session.toggle_flag() is True
    assert session.flagged() == [session.line(second.id)]
    session.delete_line(first.id)
    assert [u.text for u in session.meeting.utterances] == ["二番目"]
    assert session.undo() == "delete"
    assert [u.text for u in session.meeting.utterances] == ["最初の訂正", "二番目"]
    assert session.undo() == "edit"  # the flag
    assert session.flagged() == []
    assert session.undo() == "edit"
    assert session.line(first.id).text == "最初"
    rebuilt = replay(session, journal)
    assert rebuilt.utterances == session.meeting.utterances


def test_attendance_marks_and_undo(session: Session, clock: Clock) -> None:
    session.mark("aoki", Presence.PRESENT)
    clock.at("09:50")
    mark = session.mark("ueno", Presence.LATE)
    assert mark.arrived_at == datetime(2024, 11, 11, 9, 50)
    session.mark("kato", Presence.ABSENT)
    assert session.meeting.presence("kato") is Presence.ABSENT
    session.undo()
    assert session.meeting.presence("kato") is Presence.UNKNOWN
    with pytest.raises(CommandError) as refused:
        session.mark("nobody", Presence.PRESENT)
    assert refused.value.message("ja") == "名簿に「nobody」はいません。"


def test_audience(session: Session) -> None:
    session.set_audience(3)
    assert session.meeting.audience == 3
    with pytest.raises(CommandError):
        session.set_audience(-1)


def test_decisions(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    with pytest.raises(CommandError) as refused:
        session.record_decision(Outcome.APPROVED_WITH_CONDITIONS, "")
    assert refused.value.code == "conditions_needed"
    decision = session.record_decision(
        Outcome.APPROVED_WITH_CONDITIONS, "記録を残すこと", vote=Vote(for_=5, against=1)
    )
    assert session.meeting.decisions["sewer"] == decision
    assert decision.vote is not None and decision.vote.for_ == 5
    session.switch_item("other")
    with pytest.raises(CommandError) as refused:
        session.record_decision(Outcome.APPROVED)
    assert "その他" in refused.value.message("ja")


def test_recess_and_close(session: Session, clock: Clock) -> None:
    with pytest.raises(CommandError):
        session.close()
    clock.at("09:30")
    session.open()
    clock.at("10:40")
    assert session.toggle_recess() == (True, clock.now)
    assert session.meeting.status is MeetingStatus.IN_RECESS
    clock.at("10:50")
    assert session.toggle_recess() == (False, clock.now)
    assert session.meeting.recesses[0].end == clock.now
    with pytest.raises(CommandError) as refused:
        session.close(at=datetime(2024, 11, 11, 9, 0))
    assert "before the opening time 09:30" in str(refused.value)
    clock.at("12:00")
    session.close()
    assert session.meeting.status is MeetingStatus.CLOSED
    session.undo()
    assert session.meeting.status is MeetingStatus.IN_SESSION
    assert session.meeting.closed_at is None


def test_draft_ready_refused_while_flagged(session: Session) -> None:
    session.open()
    session.commit_line("確認が必要")
    session.toggle_flag()
    session.close(at=session.now() + timedelta(hours=1))
    with pytest.raises(CommandError) as refused:
        session.mark_draft_ready()
    assert "1 line(s)" in str(refused.value)
    session.toggle_flag()
    session.mark_draft_ready()
    assert session.meeting.draft_ready


def test_order_comes_from_the_sequence_not_the_clock(session: Session, clock: Clock) -> None:
    session.open()
    clock.at("11:00")
    session.commit_line("後")
    clock.at("10:00")  # the clock jumps back
    session.commit_line("前?")
    assert [u.text for u in session.meeting.utterances] == ["後", "前?"]
    assert [u.id for u in session.meeting.utterances] == [1, 2]


def test_failed_sink_changes_nothing(session: Session) -> None:
    session.open()

    def full(change: Change) -> None:
        raise OSError(28, "No space left on device")

    session._sink = full
    with pytest.raises(OSError):
        session.commit_line("保存できない行")
    assert session.meeting.utterances == []
    assert session.meeting.next_seq == 1


def test_edit_meeting_is_validated_whole(session: Session) -> None:
    header = session.meeting.header.model_copy(update={"place": "第2会議室"})
    session.edit_meeting(header=header)
    assert session.meeting.header.place == "第2会議室"
    agenda = [item.model_copy(deep=True) for item in session.meeting.agenda]
    agenda[1].children[0].children[0].presenters = ["kume"]
    with pytest.raises(CommandError) as refused:
        session.edit_meeting(agenda=agenda)
    assert 'presenters[0]: no one with id "kume" in the roster' in str(refused.value)
    assert session.meeting.item("sewer").presenters == ["yamaguchi", "fujii"]  # type: ignore[union-attr]


def test_the_department_explains_and_a_member_opens_the_discussion(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    assert session.role_id == "department"
    session.commit_line("下水道課から概要を説明した。")
    assert session.role_id == "department"  # no follow-up inside the explanation
    session.next_section()
    assert session.role_id == "member"
    session.commit_line("質問")
    session.switch_item("other")  # a report item: the secretariat reports
    assert session.role_id == "secretariat"
    session.switch_item("sewer")  # back: the exchange goes on where it stopped
    assert session.role_id == "department"


def test_an_agenda_edit_that_orphans_recorded_lines_is_refused(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    session.commit_line("下水道課から概要を説明した。")
    session.commit_line("続けて説明した。")
    before = session.meeting.model_copy(deep=True)
    agenda = [item.model_copy(deep=True) for item in session.meeting.agenda]
    agenda[1].children[0].children = agenda[1].children[0].children[1:]  # ア (sewer) removed
    with pytest.raises(CommandError) as refused:
        session.edit_meeting(agenda=agenda)
    assert refused.value.code == "item_has_lines"
    assert refused.value.params["part"] == "agenda"
    assert refused.value.params["ids"] == ("sewer",)
    assert refused.value.params["count"] == 2
    assert "sewer" in refused.value.message("ja") and "2 行" in refused.value.message("ja")
    assert session.meeting == before  # nothing changed, the lines are still on their item


def test_a_role_edit_that_orphans_recorded_lines_is_refused(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    session.commit_line("下水道課から概要を説明した。")
    role_set = session.meeting.role_set.model_copy(deep=True)
    role_set.roles = [role for role in role_set.roles if role.id != "department"]
    with pytest.raises(CommandError) as refused:
        session.edit_meeting(role_set=role_set)
    assert (refused.value.code, refused.value.params["ids"]) == ("role_has_lines", ("department",))
    assert refused.value.params["part"] == "roles"


def test_coming_back_to_an_item_with_a_note_does_not_enter_note_mode(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    session.next_section()  # discussion
    session.commit_line("質問です。")
    session.add_note("sewer", "資料は後日配布。")
    session.switch_item("tablet")
    session.switch_item("sewer")
    assert session.meeting.current_section is Section.DISCUSSION
    line = session.commit_line("続きの質問です。")
    assert line.section is Section.DISCUSSION
    assert line.role_id != ""


def test_an_item_with_only_a_note_starts_with_the_explanation(session: Session) -> None:
    session.open()
    session.add_note("tablet", "※ 資料のみ。")
    session.switch_item("tablet")
    assert session.meeting.current_section is Section.EXPLANATION


def test_after_the_chair_the_floor_goes_to_the_members(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    session.set_section(Section.DISCUSSION)
    session.set_role("chair")
    session.commit_line("ご質問はありますか。")
    assert session.role_id == "member"
    session.commit_line("質問です。")
    assert session.role_id == "department"
    session.set_role("chair")
    session.commit_line("学習記録はどのくらい保存するのか。")  # the chair's own question
    assert session.role_id == "department"


def test_an_item_change_keeps_the_role_unless_the_item_says_who_speaks(session: Session) -> None:
    session.open()  # at 開会
    session.set_role("chair")
    session.switch_item("closing")  # nothing said there yet, no presenter: the chair goes on
    assert session.role_id == "chair"
    session.switch_item("tablet")  # a department's item: the department explains
    assert session.role_id == "department"


def test_a_report_item_starts_on_the_secretariat(session: Session) -> None:
    session.open()
    session.set_role("chair")
    session.switch_item("other")
    assert session.meeting.item("other").kind.value == "report"  # type: ignore[union-attr]
    assert session.role_id == "secretariat"


def test_a_named_speaker_is_stored_and_the_role_follows(session: Session) -> None:
    session.open()
    session.switch_item("sewer")
    session.set_section(Section.DISCUSSION)
    assert session.name_speaker("ueno") == "member"
    line = session.commit_line("質問です。")
    assert (line.role_id, line.person_id) == ("member", "ueno")
    assert session.role_id == "department" and session.speaker_id is None
    session.name_speaker("yamaguchi")
    assert session.commit_line("回答です。").person_id == "yamaguchi"
    assert session.role_id == "member" and session.speaker_id is None  # named again
    assert session.last_speaker("member") == "ueno"
    assert session.commit_line("再質問").person_id is None
    session.name_speaker("aoki")
    assert session.role_id == "chair"
    session.role_by_number(2)  # a role key: no one named any more
    assert session.speaker_id is None
    with pytest.raises(CommandError):
        session.name_speaker("nobody")
