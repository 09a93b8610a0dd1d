"""Notes after a line, moving, splitting and merging lines, find and replace."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.sessions import Clock, new_session, replay

from live_notes.domain.errors import CommandError
from live_notes.domain.line_commands import find
from live_notes.domain.models import Section

if TYPE_CHECKING:
    from live_notes.domain.events import Change
    from live_notes.domain.session import Session


@pytest.fixture
def session(clock: Clock, journal: list[Change]) -> Session:
    session = new_session(clock, journal)
    clock.at("09:30")
    session.open()
    session.switch_item("sewer")
    session.set_section(Section.DISCUSSION)
    for text in ("質問A", "回答A", "質問B", "回答B"):
        session.commit_line(text)
    session.switch_item("tablet")
    session.commit_line("タブレットの質問")
    session.switch_item("sewer")
    session.commit_line("回答C")
    return session


def texts(session: Session, item_id: str = "sewer") -> list[str]:
    return [line.text for line in session.meeting.lines_of(item_id)]


def test_a_note_goes_right_after_its_line(session: Session, journal: list[Change]) -> None:
    answer = session.meeting.lines_of("sewer")[1]
    note = session.note_after(answer.id, "※資料2参照")
    assert texts(session) == ["質問A", "回答A", "※資料2参照", "質問B", "回答B", "回答C"]
    assert note.section is Section.NOTE
    rebuilt = replay(journal)
    assert [line.text for line in rebuilt.lines_of("sewer")] == texts(session)
    session.undo()
    assert texts(session) == ["質問A", "回答A", "質問B", "回答B", "回答C"]


def test_move_up_and_down_within_the_item(session: Session, journal: list[Change]) -> None:
    last = session.meeting.lines_of("sewer")[-1]
    session.move_line(last.id, -1)  # past the tablet line: up one within the item
    assert texts(session) == ["質問A", "回答A", "質問B", "回答C", "回答B"]
    first = session.meeting.lines_of("sewer")[0]
    session.move_line(first.id, +1)
    assert texts(session) == ["回答A", "質問A", "質問B", "回答C", "回答B"]
    with pytest.raises(CommandError) as refused:
        session.move_line(session.meeting.lines_of("sewer")[0].id, -1)
    assert refused.value.code == "line_not_movable"
    assert session.meeting.header.lang.value == "ja"
    first_id = session.meeting.lines_of("sewer")[0].id
    assert refused.value.message("ja") == f"{first_id}番の行はすでに議題の最初です。"
    # A clerk with an English UI on this Japanese meeting reads English only.
    assert refused.value.message("en") == f"Line #{first_id} is the first line of its item already."
    assert [u.text for u in replay(journal).utterances] == [
        u.text for u in session.meeting.utterances
    ]
    session.undo()
    session.undo()
    assert texts(session) == ["質問A", "回答A", "質問B", "回答B", "回答C"]


def test_delete_after_a_move_is_put_back_in_its_place(session: Session) -> None:
    last = session.meeting.lines_of("sewer")[-1]
    session.move_line(last.id, -1)
    session.delete_line(last.id)
    session.undo()
    assert texts(session) == ["質問A", "回答A", "質問B", "回答C", "回答B"]


def test_split_and_merge(session: Session, journal: list[Change]) -> None:
    line = session.meeting.lines_of("sewer")[0]
    session.update_line(line.id, text="前半です。後半です。")
    first, second = session.split_line(line.id, 5)
    assert (first.text, second.text) == ("前半です。", "後半です。")
    assert texts(session)[:3] == ["前半です。", "後半です。", "回答A"]
    assert second.role_id == line.role_id and second.section is line.section
    with pytest.raises(CommandError) as refused:
        session.split_line(line.id, 0)
    assert refused.value.code == "bad_split"
    session.undo()
    assert texts(session)[:2] == ["前半です。後半です。", "回答A"]

    merged = session.merge_with_next(line.id)
    assert merged.text == "前半です。後半です。回答A"
    assert texts(session) == ["前半です。後半です。回答A", "質問B", "回答B", "回答C"]
    assert [u.text for u in replay(journal).utterances] == [
        u.text for u in session.meeting.utterances
    ]
    session.undo()
    assert texts(session) == ["前半です。後半です。", "回答A", "質問B", "回答B", "回答C"]
    last = session.meeting.lines_of("sewer")[-1]
    with pytest.raises(CommandError) as refused:
        session.merge_with_next(last.id)
    assert refused.value.code == "no_next_line"


def test_find_and_replace_is_one_undo(session: Session, journal: list[Change]) -> None:
    hits = find(session.meeting, "回答")
    assert [(h.item_id, h.start, h.end) for h in hits] == [("sewer", 0, 2)] * 3
    assert hits[0].preview("回答A") == ("", "回答", "A")
    assert find(session.meeting, "") == []
    count = len(journal)
    assert session.replace(hits[:2], "答弁") == 2
    assert texts(session) == ["質問A", "答弁A", "質問B", "答弁B", "回答C"]
    assert len(journal) == count + 1  # one journalled change
    assert [u.text for u in replay(journal).utterances] == [
        u.text for u in session.meeting.utterances
    ]
    assert session.undo() == "replace"
    assert texts(session) == ["質問A", "回答A", "質問B", "回答B", "回答C"]


def test_find_ignores_case_and_a_stale_hit_is_refused(session: Session) -> None:
    line = session.meeting.lines_of("sewer")[0]
    session.update_line(line.id, text="Tanaka said TANAKA")
    hits = find(session.meeting, "tanaka")
    assert [(h.start, h.found) for h in hits] == [(0, "Tanaka"), (12, "TANAKA")]
    assert find(session.meeting, "tanaka", match_case=True) == []
    session.update_line(line.id, text="Someone else")
    with pytest.raises(CommandError) as refused:
        session.replace(hits, "Tanabe")
    assert refused.value.code == "stale_hit"
    assert session.line(line.id).text == "Someone else"


def test_hits_are_made_as_asked_and_keep_the_text_searched(session: Session) -> None:
    lines = session.meeting.utterances
    hits = find(session.meeting, "A")  # a letter with a case: the regular expression
    with_a = [line.id for line in lines if "A" in line.text]
    assert len(hits) == len(with_a) and hits[-1] == hits[len(hits) - 1]
    assert [(h.line_id, h.found) for h in hits] == [(i, "A") for i in with_a]
    japanese = find(session.meeting, "問")  # no case: str.find
    asked = [line.id for line in lines if "問" in line.text]
    assert [h.line_id for h in japanese] == asked and len(asked) > 1
    assert [h.line_id for h in japanese[1:]] == asked[1:]
    session.update_line(asked[1], text="変えた")
    assert japanese[1].found == "問"  # the line as searched: replace sees it is stale
    with pytest.raises(CommandError) as refused:
        session.replace(japanese, "題")
    assert refused.value.code == "stale_hit"
    assert texts(session)[0] == "質問A"  # nothing replaced
