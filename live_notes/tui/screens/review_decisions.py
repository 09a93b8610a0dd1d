"""Review's decision editing: Enter on an item's decision row opens its outcome, wording
(conditions), votes, mover and seconder; the domain checks and keeps them as one
change (one undo). A mixin of `ReviewScreen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from live_notes.domain.models import Outcome, Vote
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.dialogs.form import DialogError, Field, FormDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from live_notes.domain.models import Decision
    from live_notes.domain.session import Session

add_messages(
    {
        "decision.edit.title": ("Decision: {item}", "結論の修正: {item}"),
        "decision.edit.outcome": ("Outcome", "結論"),
        "decision.edit.conditions": ("Wording / conditions", "文言・ただし書き"),
        "decision.edit.for": ("For", "賛成"),
        "decision.edit.against": ("Against", "反対"),
        "decision.edit.abstain": ("Abstain", "棄権"),
        "decision.edit.mover": ("Moved by", "動議提出者"),
        "decision.edit.seconder": ("Seconded by", "賛成者(動議)"),
        "decision.edit.count": (
            "A count of votes (0 or more).",
            "票数(0 以上の数)を書いてください。",
        ),
        "decision.edit.saved": ("Decision on {item} saved.", "{item} の結論を保存しました。"),
    }
)

_VOTES = ("for", "against", "abstain")


def vote_from(values: dict[str, str], lang: str) -> Vote | None:
    """The tally typed in the dialog; None when all three are blank.

    Raises:
        DialogError: a count that is not a whole number of 0 or more.
    """
    texts = {name: values[name].strip() for name in _VOTES}
    if not any(texts.values()):
        return None
    counts: dict[str, int] = {}
    bad: dict[str, str] = {}
    for name, text in texts.items():
        normal = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")) or "0"
        if not normal.isdigit():
            bad[name] = t("decision.edit.count", lang)
        else:
            counts[name] = int(normal)
    if bad:
        raise DialogError("", bad)
    return Vote.model_validate(counts)  # "for" is the tally's alias


class DecisionActions:
    """The decision-editing action of the review screen."""

    session: Session
    app: Any
    lang: str

    if TYPE_CHECKING:

        def say(self, what: str, error: bool = False) -> None: ...

        def refresh_items(self, *item_ids: str, keep: str | None = None) -> None: ...

        def _submit(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def edit_decision(self, item_id: str) -> None:
        """Open the decision of `item_id` for editing."""
        meeting = self.session.meeting
        decision = meeting.decisions.get(item_id)
        item = meeting.item(item_id)
        if decision is None or item is None:
            return
        lang = self.lang
        name = f"{item.label} {item.title}".strip()
        vote = decision.vote
        outcomes = [(o.value, t(f"outcome.{o.value}", lang)) for o in Outcome]
        fields = [
            Field("outcome", t("decision.edit.outcome", lang), decision.outcome.value, outcomes),
            Field(
                "conditions",
                t("decision.edit.conditions", lang),
                decision.conditions,
                multiline=True,
            ),
            Field("for", t("decision.edit.for", lang), str(vote.for_) if vote else ""),
            Field("against", t("decision.edit.against", lang), str(vote.against) if vote else ""),
            Field("abstain", t("decision.edit.abstain", lang), str(vote.abstain) if vote else ""),
            Field("mover", t("decision.edit.mover", lang), decision.mover),
            Field("seconder", t("decision.edit.seconder", lang), decision.seconder),
        ]

        def submit(values: dict[str, str]) -> Decision:
            return self._submit(
                self.session.edit_decision,
                item_id,
                outcome=Outcome(values["outcome"]),
                conditions=values["conditions"],
                vote=vote_from(values, lang),
                mover=values["mover"],
                seconder=values["seconder"],
            )

        def done(saved: Decision | None) -> None:
            if saved is not None:
                self.refresh_items(item_id, keep=decision_option_id(item_id))
                self.say(t("decision.edit.saved", lang, item=name))

        title = t("decision.edit.title", lang, item=name)
        self.app.push_screen(FormDialog(title, fields, submit), done)


def decision_option_id(item_id: str) -> str:
    """The option id of an item's decision row in the review list."""
    return f"decision:{item_id}"
