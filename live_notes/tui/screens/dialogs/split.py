"""The split dialog (review's ``s``): the line whole, the cursor put where the second
line is to begin; Ctrl+S splits there, Escape cancels. Dismissed with the position."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import FORM
from live_notes.tui.widgets.text_fields import LineText

if TYPE_CHECKING:
    from textual.app import ComposeResult

add_messages(
    {
        "split.title": ("Split line #{id}", "{id} 番の行を分割"),
        "split.hint": (
            "Put the cursor where the second line begins · Ctrl+S splits · Esc cancels",
            "後半の始まりにカーソルを置いて Ctrl+S で分割・Esc で取消",
        ),
    }
)


class SplitDialog(Keyed, ModalScreen[int | None]):
    """A line's text, read-only, with a cursor: dismissed with the cursor's position."""

    DEFAULT_CSS = """
    SplitDialog { align: center middle; }
    SplitDialog > Vertical { width: 96; max-width: 96%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1; }
    SplitDialog #split-title { text-style: bold; padding: 0 0 1 0; }
    SplitDialog #split-hint { color: $foreground-muted; padding: 1 0 0 0; }
    """

    KEYS = FORM
    KEYS_PRIORITY = False

    def __init__(self, line_id: int, text: str) -> None:
        super().__init__()
        self.line_id = line_id
        self.text = text

    def compose(self) -> ComposeResult:
        """Title, the text, the hint."""
        with Vertical():
            yield Label(t("split.title", self.lang, id=self.line_id), id="split-title")
            yield LineText(self.text, read_only=True, id="split-text")
            yield Label(t("split.hint", self.lang), id="split-hint", markup=False)

    def on_mount(self) -> None:
        """The cursor in the text, at its end."""
        self.query_one(LineText).focus()

    def action_submit(self) -> None:
        """Split at the cursor."""
        field = self.query_one(LineText)
        row, column = field.cursor_location
        before = sum(len(field.document.get_line(n)) + 1 for n in range(row))
        self.dismiss(before + column)

    def action_cancel(self) -> None:
        """Close without splitting."""
        self.dismiss(None)
