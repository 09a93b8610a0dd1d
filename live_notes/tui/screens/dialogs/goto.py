"""Go to an agenda item by its number or title (Ctrl+G)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import DIALOG

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from live_notes.domain.models import AgendaItem

add_messages(
    {
        "goto.title": (
            "Go to item: number or words of the title",
            "議題へ移動: 番号または題名の一部",
        ),
        "goto.hint": ("Enter: go   Esc: cancel", "Enter: 移動   Esc: 取消"),
    }
)

Finder = Callable[[str], "AgendaItem | str"]
"""Query → the item, or a message saying why none matches."""


class GotoScreen(Keyed, ModalScreen[str | None]):
    """The numbered list of items and a query line; dismisses with the item id.

    | key | action |
    |---|---|
    | Enter | go to the item matching the query |
    | Escape | cancel |
    """

    KEYS = tuple(c for c in DIALOG if c.id in ("dialog.ok", "dialog.cancel"))

    def __init__(self, items: list[AgendaItem], find: Finder, lang: str) -> None:
        super().__init__()
        self.items = items
        self.find = find
        self.lang = lang

    def compose(self) -> ComposeResult:
        """Title, the numbered items, the query and a message line."""
        with Vertical(classes="dialog"):
            yield Static(t("goto.title", self.lang), classes="title")
            listing = "\n".join(
                f"{n:>2}. {item.label} {item.title}" for n, item in enumerate(self.items, 1)
            )
            yield Static(listing, id="items")
            yield Input(id="query")
            yield Static("", id="message", classes="error")
            yield Static(t("goto.hint", self.lang), classes="hint")

    def action_ok(self) -> None:
        """Go to the item the query names, or say why not."""
        found = self.find(self.query_one("#query", Input).value)
        if isinstance(found, str):
            self.query_one("#message", Static).update(found)
            return
        self.dismiss(found.id)

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)
