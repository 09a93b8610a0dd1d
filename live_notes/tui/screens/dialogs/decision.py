"""The decision dialog (Ctrl+N): the current item's conclusion, the motion's mover and
seconder, and the vote (for, against, abstaining)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from live_notes.domain.models import AgendaItem, Decision, Outcome, Vote
from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import DECISION
from live_notes.tui.widgets.text_fields import ExpandingInput

if TYPE_CHECKING:
    from textual.app import ComposeResult

add_messages(
    {
        "decision.title": ("Conclusion: {item}", "結論: {item}"),
        "decision.conditions": (
            "Conditions / free text (Tab)",
            "ただし書き・自由記述 (Tab)",
        ),
        "decision.hint": (
            "1–5: outcome   Tab: conditions, mover, seconder, votes   Enter: save   Esc: cancel",
            "1〜5: 結論   Tab: 条件・動議・賛成者・票数   Enter: 保存   Esc: 取消",
        ),
        "decision.mover": ("Moved by", "動議提出者"),
        "decision.seconder": ("Seconded by", "賛成者(動議)"),
        "decision.vote": ("Vote: for / against / abstaining", "採決: 賛成 / 反対 / 棄権"),
        "decision.bad_vote": (
            "Votes are whole numbers of 0 or more.",
            "票数は 0 以上の整数で入力してください。",
        ),
        "decision.choose": ("Choose an outcome first (1–5).", "先に結論を選んでください(1〜5)。"),
    }
)

OUTCOMES: tuple[Outcome, ...] = (
    Outcome.APPROVED,
    Outcome.APPROVED_WITH_CONDITIONS,
    Outcome.REJECTED,
    Outcome.CONTINUED,
    Outcome.NO_DECISION,
)
"""Outcomes in the order of keys 1 … 5."""

Saver = Callable[[Outcome, str, "Vote | None", str, str], "str | None"]
"""(outcome, conditions, vote, mover, seconder) → None when saved, else the message
saying why not."""

FIELDS = ("conditions", "mover", "seconder", "vote-for", "vote-against", "vote-abstain")
"""The dialog's fields in Tab order."""


class DecisionScreen(Keyed, ModalScreen[bool]):
    """Choose the outcome with 1–5, Tab to the conditions, Enter to save.

    | key | action |
    |---|---|
    | 1 … 5 | outcome |
    | Tab | to the conditions field, then the mover, seconder and votes |
    | Enter | save the decision for the current item |
    | Escape | cancel |
    """

    DEFAULT_CSS = """
    DecisionScreen .decision-row { height: auto; }
    DecisionScreen .decision-label { width: auto; padding: 1 1 0 0; }
    DecisionScreen .decision-row Input { width: 1fr; }
    """

    KEYS = DECISION
    AUTO_FOCUS = ""  # nothing focused: the keys go to the screen (None would mean "the app's")

    def __init__(self, item: AgendaItem, current: Decision | None, save: Saver, lang: str) -> None:
        super().__init__()
        self.item = item
        self.save_decision = save
        self.lang = lang
        self.outcome: Outcome | None = current.outcome if current else None
        self.current = current

    def compose(self) -> ComposeResult:
        """Title, the five outcomes, the conditions field and a message line."""
        with Vertical(classes="dialog"):
            title = f"{self.item.label} {self.item.title}".strip()
            yield Static(t("decision.title", self.lang, item=title), classes="title")
            yield Static(self._outcomes(), id="outcomes")
            current = self.current
            yield Static(t("decision.conditions", self.lang))
            yield ExpandingInput(current.conditions if current else "", id="conditions")
            with Horizontal(classes="decision-row"):
                yield Static(t("decision.mover", self.lang), classes="decision-label")
                yield ExpandingInput(current.mover if current else "", id="mover", max_length=200)
                yield Static(t("decision.seconder", self.lang), classes="decision-label")
                yield ExpandingInput(
                    current.seconder if current else "", id="seconder", max_length=200
                )
            vote = current.vote if current else None
            counts = (vote.for_, vote.against, vote.abstain) if vote else (None, None, None)
            with Horizontal(classes="decision-row"):
                yield Static(t("decision.vote", self.lang), classes="decision-label")
                for name, count in zip(("for", "against", "abstain"), counts, strict=True):
                    value = "" if count is None else str(count)
                    yield Input(value, id=f"vote-{name}", type="integer", max_length=6)
            yield Static("", id="message", classes="error")
            yield Static(t("decision.hint", self.lang), classes="hint")

    def _outcomes(self) -> Text:
        text = Text()
        for n, outcome in enumerate(OUTCOMES, 1):
            chosen = outcome is self.outcome
            mark = "(*)" if chosen else "( )"
            label = t(f"outcome.{outcome.value}", self.lang)
            text.append(f"{n} {mark} {label}\n", style="bold reverse" if chosen else "")
        text.rstrip()
        return text

    def action_outcome(self, number: int) -> None:
        """Choose outcome `number` (1 … 5)."""
        self.outcome = OUTCOMES[number - 1]
        self.query_one("#outcomes", Static).update(self._outcomes())

    def action_conditions(self) -> None:
        """Tab: to the conditions field; from a field, to the next one."""
        focused = self.focused
        name = focused.id if isinstance(focused, Input) and focused.id in FIELDS else None
        after = FIELDS[(FIELDS.index(name) + 1) % len(FIELDS)] if name else FIELDS[0]
        self.query_one(f"#{after}", Input).focus()

    def vote(self) -> Vote | str | None:
        """The vote typed (None when no count is), or the message saying it is wrong."""
        texts = [
            self.query_one(f"#vote-{n}", Input).value.strip() for n in ("for", "against", "abstain")
        ]
        if not any(texts):
            return None
        if not all(text.isdigit() for text in texts if text):
            return t("decision.bad_vote", self.lang)
        counts = [int(text) if text else 0 for text in texts]
        return Vote(**{"for": counts[0], "against": counts[1], "abstain": counts[2]})

    def action_save(self) -> None:
        """Save through the session; stay open with the reason if it is refused."""
        if self.outcome is None:
            self.query_one("#message", Static).update(t("decision.choose", self.lang))
            return
        vote = self.vote()
        if isinstance(vote, str):
            self.query_one("#message", Static).update(vote)
            return
        problem = self.save_decision(
            self.outcome,
            self.query_one("#conditions", ExpandingInput).kept_value,
            vote,
            self.query_one("#mover", ExpandingInput).kept_value,
            self.query_one("#seconder", ExpandingInput).kept_value,
        )
        if problem:
            self.query_one("#message", Static).update(problem)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)
