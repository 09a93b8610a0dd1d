"""A y/n question (closing the meeting asks one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import DIALOG

if TYPE_CHECKING:
    from textual.app import ComposeResult

add_messages({"confirm.hint": ("y: yes   n / Esc: no", "y: はい   n / Esc: いいえ")})


class ConfirmScreen(Keyed, ModalScreen[bool]):
    """Ask a question; dismiss with True (y) or False (n, Escape).

    | key | action |
    |---|---|
    | y | yes |
    | n, Escape | no |
    """

    KEYS = tuple(c for c in DIALOG if c.id in ("dialog.yes", "dialog.no", "dialog.cancel"))
    AUTO_FOCUS = ""  # nothing focused: the keys go to the screen (None would mean "the app's")

    def __init__(self, question: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        """The question and the keys that answer it."""
        with Vertical(classes="dialog"):
            yield Static(self.question, id="question")
            yield Static(t("confirm.hint", self.lang), classes="hint")

    def action_answer(self, yes: bool) -> None:
        """Answer yes or no."""
        self.dismiss(yes)

    def action_cancel(self) -> None:
        """Escape means no."""
        self.dismiss(False)
