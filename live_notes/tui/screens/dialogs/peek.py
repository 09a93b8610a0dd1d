"""A read-only look at another item's lines (Alt+G): new lines still go to the current item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import DIALOG

if TYPE_CHECKING:
    from textual.app import ComposeResult

add_messages(
    {
        "peek.title": (
            "Looking at: {item} (lines still go to the current item)",
            "表示のみ: {item}(入力先は今の議題のまま)",
        ),
        "peek.empty": ("No lines yet.", "まだ発言はありません。"),
        "peek.hint": ("Esc: back", "Esc: 戻る"),
    }
)


class PeekScreen(Keyed, ModalScreen[None]):
    """Another item's lines, read only.

    | key | action |
    |---|---|
    | Escape | back to the live screen |
    """

    KEYS = tuple(c for c in DIALOG if c.id == "dialog.cancel")

    def __init__(self, title: str, rows: list[str], lang: str, *, plain: bool = False) -> None:
        """`plain`: the title as it is (not "looking at an item")."""
        super().__init__()
        self.plain = plain
        self.title_text = title
        self.rows = rows
        self.lang = lang

    def compose(self) -> ComposeResult:
        """The item, its lines, the key back."""
        with Vertical(classes="dialog wide"):
            title = (
                self.title_text if self.plain else t("peek.title", self.lang, item=self.title_text)
            )
            yield Static(title, classes="title")
            with VerticalScroll(id="peek-scroll"):
                text = "\n".join(self.rows) or t("peek.empty", self.lang)
                yield Static(text, id="peek-lines", markup=False)
            yield Static(t("peek.hint", self.lang), classes="hint")

    def on_mount(self) -> None:
        """The latest lines in view."""
        self.query_one("#peek-scroll", VerticalScroll).scroll_end(animate=False)

    def action_cancel(self) -> None:
        """Back."""
        self.dismiss(None)
