"""Decisions: votes, mover and seconder, edits, an explicit replace, outcomes by style."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.sessions import Clock, new_session, replay

from live_notes.domain.errors import CommandError
from live_notes.domain.models import ItemKind, Outcome, Vote
from live_notes.export.outcomes import offered_outcomes, outcome_choices
from live_notes.export.style import load_style

if TYPE_CHECKING:
    from live_notes.domain.events import Change
    from live_notes.domain.session import Session


@pytest.fixture
def session(clock: Clock, journal: list[Change]) -> Session:
    session = new_session(clock, journal)
    clock.at("09:30")
    session.open()
    return session


def test_votes_mover_and_seconder_are_recorded_and_edited(
    session: Session, journal: list[Change]
) -> None:
    vote = Vote.model_validate({"for": 7, "against": 2, "abstain": 1})
    decision = session.record_decision(
        Outcome.APPROVED, vote=vote, item_id="sewer", mover="aoki", seconder="ishida"
    )
    assert (decision.mover, decision.seconder) == ("aoki", "ishida")
    assert decision.vote == vote
    edited = session.edit_decision(
        "sewer", outcome=Outcome.APPROVED_WITH_CONDITIONS, conditions="記録を残す", vote=None
    )
    assert edited.outcome is Outcome.APPROVED_WITH_CONDITIONS
    assert (edited.conditions, edited.vote, edited.mover) == ("記録を残す", None, "aoki")
    assert replay(journal).decisions == session.meeting.decisions
    with pytest.raises(CommandError) as refused:
        session.edit_decision("sewer", conditions="")
    assert refused.value.code == "conditions_needed"
    assert session.undo() == "decision"
    assert session.meeting.decisions["sewer"].vote == vote


def test_replacing_a_decision_must_be_asked_for(session: Session) -> None:
    session.record_decision(Outcome.APPROVED, item_id="sewer")
    with pytest.raises(CommandError) as refused:
        session.record_decision(Outcome.REJECTED, item_id="sewer")
    assert refused.value.code == "decision_exists"
    assert "置き換えますか" in refused.value.message("ja")
    assert session.meeting.decisions["sewer"].outcome is Outcome.APPROVED
    session.record_decision(Outcome.REJECTED, item_id="sewer", replace=True)
    assert session.meeting.decisions["sewer"].outcome is Outcome.REJECTED
    session.remove_decision("sewer")
    assert "sewer" not in session.meeting.decisions
    session.undo()
    assert session.meeting.decisions["sewer"].outcome is Outcome.REJECTED


def test_report_items_take_the_outcomes_their_style_offers(session: Session) -> None:
    iinkai = load_style("ja-iinkai")
    offered = offered_outcomes(iinkai, ItemKind.REPORT)
    assert offered == [Outcome.APPROVED, Outcome.CONTINUED, Outcome.NO_DECISION]
    assert ("approved", "了承") in [
        (o.value, w) for o, w in outcome_choices(iinkai, ItemKind.REPORT)
    ]
    assert offered_outcomes(load_style("en-board"), ItemKind.REPORT) == []
    assert offered_outcomes(iinkai, ItemKind.OPENING) == []
    assert offered_outcomes(iinkai, ItemKind.DELIBERATION) == list(Outcome)

    decision = session.record_decision(Outcome.APPROVED, item_id="other", offered=offered)
    assert session.meeting.decisions["other"] == decision
    with pytest.raises(CommandError) as refused:
        session.record_decision(Outcome.REJECTED, item_id="other", offered=offered, replace=True)
    assert refused.value.code == "outcome_not_offered"
    with pytest.raises(CommandError) as refused:
        session.record_decision(Outcome.APPROVED, item_id="other", offered=[], replace=True)
    assert refused.value.code == "no_decision_item"
