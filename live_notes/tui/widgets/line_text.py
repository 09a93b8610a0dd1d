"""The multi-line line editor (see `text_fields`, which names it too)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import TextArea

from live_notes.tui.widgets.text_fields import Expands

if TYPE_CHECKING:
    from textual import events


class LineText(Expands, TextArea):
    """A line's text edited whole: it wraps, opens with the cursor at the end (nothing
    selected, so no key replaces the line by accident), and has no line breaks of its
    own — Enter is ignored here; the form's Ctrl+S saves, Escape cancels.
    """

    DEFAULT_CSS = """
    LineText { height: auto; min-height: 3; max-height: 14; width: 1fr; }
    """

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)

    def on_mount(self) -> None:
        """The cursor at the end of the text."""
        self.move_cursor(self.document.end)

    def _text_before_cursor(self) -> str | None:
        if not self.selection.is_empty:
            return None
        row, column = self.cursor_location
        return self.document.get_line(row)[:column]

    def _replace_before_cursor(self, count: int, text: str) -> None:
        row, column = self.cursor_location
        self.replace(text, (row, column - count), (row, column))

    async def _on_key(self, event: events.Key) -> None:
        """Enter inserts nothing (a line is one paragraph); Space may expand a code."""
        if event.key == "enter":  # Space and the rest: `Expands`, then the TextArea's own
            event.stop()
            event.prevent_default()

    @property
    def value(self) -> str:
        """The text (line breaks pasted in are kept here; the domain makes them spaces)."""
        return self.text

    @property
    def kept_value(self) -> str:
        """The value as saving keeps it (a trailing code expanded)."""
        return self.expanded(self.text)
