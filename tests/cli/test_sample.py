"""The sample scripts drive the sample plans to a closed meeting with the expected record."""

from __future__ import annotations

from datetime import datetime

from live_notes.domain.models import MeetingStatus, Outcome, Presence, Section
from live_notes.sample import SAMPLE_JA, big_meeting, driven_sample, sample_meeting


def test_japanese_sample_is_driven_to_closing() -> None:
    meeting = driven_sample("ja")
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.opened_at == datetime(2024, 11, 11, 9, 30)
    assert meeting.closed_at == datetime(2024, 11, 11, 12, 0)
    assert [
        (r.start.time().isoformat(), r.end and r.end.time().isoformat()) for r in meeting.recesses
    ] == [("10:40:00", "10:50:00")]
    assert meeting.presence("kimura") is Presence.ABSENT
    assert meeting.presence("tanabe") is Presence.ABSENT
    late = meeting.attendance["ueno"]
    assert late.status is Presence.LATE and late.arrived_at == datetime(2024, 11, 11, 9, 48)
    assert meeting.decisions["sewer"].outcome is Outcome.APPROVED
    assert meeting.decisions["tablet"].outcome is Outcome.APPROVED_WITH_CONDITIONS
    assert "other" not in meeting.decisions
    assert [line.id for line in meeting.utterances if line.verify] == [17]
    assert [line.id for line in meeting.utterances if line.off_record] == [20]
    assert any(line.section is Section.NOTE for line in meeting.lines_of("sewer"))


def test_exchange_follows_roles_without_role_keys() -> None:
    """Most discussion lines take their role from the follow-up, not from a role step."""
    meeting = driven_sample("ja")
    roles = [
        line.role_id for line in meeting.lines_of("sewer") if line.section is Section.DISCUSSION
    ]
    assert roles == ["member", "department"] * 2 + ["member", "secretariat"] * 2
    role_steps = sum(1 for step in SAMPLE_JA if step[0] == "role")
    line_steps = sum(1 for step in SAMPLE_JA if step[0] == "line")
    assert role_steps < line_steps / 2


def test_english_sample_is_driven_to_adjournment() -> None:
    meeting = driven_sample("en")
    assert meeting.closed_at == datetime(2025, 3, 12, 19, 45)
    assert meeting.audience == 3
    assert meeting.decisions["roof"].outcome is Outcome.APPROVED_WITH_CONDITIONS
    assert meeting.presence("brennan") is Presence.LATE


def test_sample_meeting_is_only_planned() -> None:
    meeting = sample_meeting("ja")
    assert meeting.status is MeetingStatus.PLANNED and not meeting.utterances


def test_big_meeting_has_the_lines_spread_over_items() -> None:
    meeting = big_meeting(1000)
    assert len(meeting.utterances) == 1000
    assert [line.id for line in meeting.utterances] == list(range(1, 1001))
    assert {line.item_id for line in meeting.utterances} == {"sewer", "tablet", "other"}
