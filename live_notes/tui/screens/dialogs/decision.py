"""The decision dialog (Ctrl+N): the current item's conclusion."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from live_notes.domain.models import AgendaItem, Decision, Outcome
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
            "1–5: outcome   Tab: conditions   Enter: save   Esc: cancel",
            "1〜5: 結論   Tab: 条件   Enter: 保存   Esc: 取消",
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

Saver = Callable[[Outcome, str], "str | None"]
"""(outcome, conditions) → None when saved, else the message saying why not."""


class DecisionScreen(Keyed, ModalScreen[bool]):
    """Choose the outcome with 1–5, Tab to the conditions, Enter to save.

    | key | action |
    |---|---|
    | 1 … 5 | outcome |
    | Tab | to the conditions / free-text field |
    | Enter | save the decision for the current item |
    | Escape | cancel |
    """

    KEYS = DECISION
    AUTO_FOCUS = ""  # nothing focused: the keys go to the screen (None would mean "the app's")

    def __init__(self, item: AgendaItem, current: Decision | None, save: Saver, lang: str) -> None:
        super().__init__()
        self.item = item
        self.save_decision = save
        self.lang = lang
        self.outcome: Outcome | None = current.outcome if current else None
        self._conditions = current.conditions if current else ""

    def compose(self) -> ComposeResult:
        """Title, the five outcomes, the conditions field and a message line."""
        with Vertical(classes="dialog"):
            title = f"{self.item.label} {self.item.title}".strip()
            yield Static(t("decision.title", self.lang, item=title), classes="title")
            yield Static(self._outcomes(), id="outcomes")
            yield Static(t("decision.conditions", self.lang))
            yield ExpandingInput(self._conditions, id="conditions")
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
        if self.outcome is Outcome.APPROVED_WITH_CONDITIONS:
            self.action_conditions()

    def action_conditions(self) -> None:
        """Move to the conditions field."""
        self.query_one("#conditions", ExpandingInput).focus()

    def action_save(self) -> None:
        """Save through the session; stay open with the reason if it is refused."""
        if self.outcome is None:
            self.query_one("#message", Static).update(t("decision.choose", self.lang))
            return
        conditions = self.query_one("#conditions", ExpandingInput).kept_value
        problem = self.save_decision(self.outcome, conditions)
        if problem:
            self.query_one("#message", Static).update(problem)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)
