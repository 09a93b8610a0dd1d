"""The saved models: what they accept, refuse, and how they come back from JSON."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from live_notes.domain.events import (
    CHANGE_ADAPTER,
    LineAdded,
    LineDeleted,
    LineUpdated,
    MeetingEdited,
    Resumed,
    apply,
)
from live_notes.domain.models import (
    Decision,
    Header,
    Meeting,
    Outcome,
    Person,
    Role,
    RoleSet,
    Side,
    Utterance,
    Vote,
)
from live_notes.domain.plan import make_meeting_id, parse_plan
from live_notes.domain.text import clean_line, clean_multiline
from live_notes.resources import sample_plan


def sample() -> Meeting:
    return parse_plan(sample_plan("ja").read_text(encoding="utf-8"))


def line(n: int, text: str = "発言") -> Utterance:
    return Utterance(id=n, item_id="sewer", text=text, created_at=datetime(2024, 11, 11, 10, n))


def test_meeting_json_round_trip_keeps_everything() -> None:
    meeting = sample()
    meeting.utterances.append(line(1))
    meeting.decisions["sewer"] = Decision(outcome=Outcome.REJECTED, vote=Vote(for_=2, against=5))
    again = Meeting.model_validate_json(meeting.model_dump_json())
    assert again == meeting
    assert '"for":2' in meeting.model_dump_json(by_alias=True)


def test_unknown_fields_and_bad_ids_are_refused() -> None:
    with pytest.raises(ValidationError):
        Person.model_validate({"id": "a", "name": "A", "nickname": "x"})
    with pytest.raises(ValidationError):
        Person(id="a b", name="A")
    with pytest.raises(ValidationError):
        Person(id="a", name="")
    with pytest.raises(ValidationError):
        RoleSet(roles=[])
    with pytest.raises(ValidationError):
        Header(body="b", title="t", date=date(2024, 1, 1), quorum=0)


def test_role_labels_by_language() -> None:
    role = Role(id="member", ja="委員", en="Member", side=Side.ASKING)
    assert (role.label("ja"), role.label("en")) == ("委員", "Member")


def test_lines_are_kept_in_sequence_order() -> None:
    meeting = sample()
    for n in (1, 2, 4):
        apply(meeting, LineAdded(line=line(n)))
    apply(meeting, LineAdded(line=line(3)))  # an undone delete puts a line back in place
    assert [u.id for u in meeting.utterances] == [1, 2, 3, 4]
    assert meeting.next_seq == 5
    with pytest.raises(ValueError, match="exists already"):
        apply(meeting, LineAdded(line=line(2)))
    apply(meeting, LineDeleted(id=2))
    with pytest.raises(ValueError, match="no line #2"):
        apply(meeting, LineDeleted(id=2))
    assert meeting.next_seq == 5  # ids are never reused


def test_line_update_refuses_foreign_fields() -> None:
    meeting = sample()
    apply(meeting, LineAdded(line=line(1)))
    apply(meeting, LineUpdated(id=1, fields={"text": "訂正", "verify": True}))
    assert (meeting.utterances[0].text, meeting.utterances[0].verify) == ("訂正", True)
    with pytest.raises(ValueError, match="cannot change"):
        apply(meeting, LineUpdated(id=1, fields={"id": 9}))
    with pytest.raises(ValueError, match="cannot edit"):
        apply(meeting, MeetingEdited(fields={"utterances": []}))
    with pytest.raises(ValueError, match="resume without a recess"):
        apply(meeting, Resumed(at=datetime(2024, 11, 11, 10)))


def test_changes_round_trip_through_json() -> None:
    change = LineAdded(line=line(7, "日本語の行"))
    raw = CHANGE_ADAPTER.dump_json(change)
    assert "日本語の行".encode() in raw
    assert CHANGE_ADAPTER.validate_json(raw) == change
    with pytest.raises(ValidationError):
        CHANGE_ADAPTER.validate_json(b'{"kind": "exploded"}')


def test_meeting_ids_are_readable() -> None:
    assert (
        make_meeting_id(date(2025, 3, 12), "Regular Meeting No. 7")
        == "2025-03-12-regular-meeting-no-7"
    )
    assert make_meeting_id(date(2025, 3, 12), "第7回") == "2025-03-12-7"
    assert make_meeting_id(date(2025, 3, 12), "定例会") == "2025-03-12-meeting"


def test_clean_text() -> None:
    assert clean_line("\x1b]0;title\x07見出し\x1b[1mです\x9b2J") == "見出しです"
    assert clean_line("a\u202eb\u2066c\u200fd") == "abcd"
    assert clean_line("NUL\x00と\x07ベル") == "NULとベル"
    assert clean_line("  全角　スペース  ") == "全角　スペース"
    assert clean_multiline("一行目\r\n\x1b[31m二行目\n") == "一行目\n二行目"


def test_who_is_present_is_defined_once() -> None:
    from live_notes.domain.models import Attendance, Presence
    from live_notes.sample import sample_meeting

    meeting = sample_meeting("ja")
    members = [p.id for p in meeting.people if p.group.value == "member"]
    marks = [Presence.PRESENT, Presence.LATE, Presence.ONLINE, Presence.LEFT_EARLY, Presence.ABSENT]
    meeting.attendance.clear()
    for person_id, mark in zip(members, marks, strict=False):
        meeting.attendance[person_id] = Attendance(status=mark)
    assert meeting.members_present(now=True) == (3, len(members))  # left early: gone now
    assert meeting.members_present(now=False) == (4, len(members))  # but attended
    assert [m for m in Presence if m.attended] == [
        Presence.PRESENT,
        Presence.LATE,
        Presence.LEFT_EARLY,
        Presence.ONLINE,
    ]
