"""Decisions (結論) as `Session` commands: record, replace on request, edit, remove.

Which outcomes an item offers comes from the body's house style
(`live_notes.export.outcomes.offered_outcomes`); the caller passes them in, so the
domain does not read styles itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from live_notes.domain.errors import CommandError
from live_notes.domain.events import DecisionSet
from live_notes.domain.models import Decision, Outcome, Vote
from live_notes.domain.text import clean_line, clean_multiline

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime

    from live_notes.domain.events import PlainChange
    from live_notes.domain.models import Meeting


class DecisionCommands:
    """The decision commands of `Session` (a mixin: it uses `meeting`, `_do` and `now`)."""

    meeting: Meeting

    if TYPE_CHECKING:

        def _do(
            self, label: str, change: PlainChange, inverse: list[PlainChange] | None
        ) -> None: ...

        def now(self) -> datetime: ...

        def audio_position(self) -> float | None: ...

    def record_decision(
        self,
        outcome: Outcome,
        conditions: str = "",
        vote: Vote | None = None,
        item_id: str | None = None,
        *,
        mover: str = "",
        seconder: str = "",
        offered: Collection[Outcome] | None = None,
        replace: bool = False,
    ) -> Decision:
        """Record the conclusion (結論) of an item (the current one by default).

        Args:
            outcome: The outcome; with conditions for "approved with conditions".
            conditions: The ただし… part, or the wording.
            vote: The tally (for, against, abstain), where the body votes.
            item_id: The item (default: the current one).
            mover: Who moved the motion (roster id or name), for boards.
            seconder: Who seconded it.
            offered: The outcomes this item's kind takes in the body's style
                (`live_notes.export.outcomes.offered_outcomes`); None: only
                deliberation items take a decision, any outcome.
            replace: Replace a decision already recorded. Without it, one is refused
                (``decision_exists``) so that the screen can ask first.
        """
        item_id = item_id or self.meeting.current_item_id
        if item_id is None:
            raise CommandError("no_current_item")
        item = self.meeting.item(item_id)
        if item is None:
            raise CommandError("unknown_item", item=item_id)
        label = f"{item.label} {item.title}".strip()
        if (offered is None and not item.takes_decision) or (offered is not None and not offered):
            raise CommandError("no_decision_item", item=label)
        if offered is not None and outcome not in offered:
            raise CommandError("outcome_not_offered", item=label, outcome=outcome.value)
        if item_id in self.meeting.decisions and not replace:
            raise CommandError("decision_exists", item=label)
        decision = self._checked_decision(outcome, conditions, vote, mover, seconder, at=self.now())
        decision.audio_at = self.audio_position()
        inverse = DecisionSet(item_id=item_id, decision=self.meeting.decisions.get(item_id))
        self._do("decision", DecisionSet(item_id=item_id, decision=decision), [inverse])
        return self.meeting.decisions[item_id]

    def edit_decision(self, item_id: str, **fields: Any) -> Decision:
        """Edit a recorded decision: ``outcome``, ``conditions``, ``vote``, ``mover``,
        ``seconder``; the rest is kept. Refused (``no_decision``) when none is recorded."""
        old = self.meeting.decisions.get(item_id)
        if old is None:
            raise CommandError("no_decision", item=item_id)
        unknown = set(fields) - {"outcome", "conditions", "vote", "mover", "seconder"}
        if unknown:
            raise CommandError("not_editable", fields=", ".join(sorted(unknown)), part="")
        merged = {
            "outcome": old.outcome,
            "conditions": old.conditions,
            "vote": old.vote,
            "mover": old.mover,
            "seconder": old.seconder,
            **fields,
        }
        decision = self._checked_decision(
            Outcome(merged["outcome"]),
            merged["conditions"],
            merged["vote"],
            merged["mover"],
            merged["seconder"],
            at=old.decided_at,
        )
        decision.audio_at = old.audio_at
        if decision == old:
            return old
        self._do(
            "decision",
            DecisionSet(item_id=item_id, decision=decision),
            [DecisionSet(item_id=item_id, decision=old)],
        )
        return self.meeting.decisions[item_id]

    def remove_decision(self, item_id: str) -> None:
        """Remove a recorded decision (undo puts it back)."""
        old = self.meeting.decisions.get(item_id)
        if old is None:
            raise CommandError("no_decision", item=item_id)
        self._do(
            "decision",
            DecisionSet(item_id=item_id, decision=None),
            [DecisionSet(item_id=item_id, decision=old)],
        )

    def _checked_decision(
        self,
        outcome: Outcome,
        conditions: str,
        vote: Vote | dict[str, int] | None,
        mover: str,
        seconder: str,
        at: datetime | None,
    ) -> Decision:
        conditions = clean_multiline(conditions)
        if outcome is Outcome.APPROVED_WITH_CONDITIONS and not conditions:
            raise CommandError("conditions_needed")
        if isinstance(vote, dict):
            vote = Vote.model_validate(vote)
        if vote is not None and min(vote.for_, vote.against, vote.abstain) < 0:
            raise CommandError("bad_vote")
        return Decision(
            outcome=outcome,
            conditions=conditions,
            vote=vote,
            mover=clean_line(mover),
            seconder=clean_line(seconder),
            decided_at=at,
        )
