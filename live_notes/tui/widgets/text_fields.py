"""Text fields in which the clerk's abbreviations expand, and the multi-line line editor.

`Expands` is the one mechanism: mixed into an `Input` or a `TextArea`, a code just
before the cursor becomes its phrase when Space is typed (the space is taken by
the expansion, as in the entry line), and `expanded` gives the value with a code at
its very end expanded (what saving the field keeps). The table is the one the app
loaded (`Host.abbreviations`) unless a field is given its own.

| widget | used for |
|---|---|
| `ExpandingInput` | one-line fields of the forms (the decision's conditions …) |
| `LineText` | a line's text, a ※ note: wraps, so a long utterance is read whole |

`LineText` is in `line_text` (a `TextArea`, loaded on first use); it is named here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Input

from live_notes.tui.host import host

if TYPE_CHECKING:
    from textual import events
    from textual.app import App

    from live_notes.abbrev import Abbreviations
    from live_notes.tui.widgets.line_text import LineText

__all__ = ["ExpandingInput", "Expands", "LineText"]


class Expands:
    """Mixin for a text widget: abbreviations expand on Space and when the value is kept.

    A subclass says how to read the text before the cursor (`_text_before_cursor`) and
    how to replace its last characters (`_replace_before_cursor`).
    """

    app: App[Any]
    _own_abbreviations: Abbreviations | None = None

    @property
    def abbreviations(self) -> Abbreviations:
        """Code → expansion: the field's own table, else the app's."""
        if self._own_abbreviations is not None:
            return self._own_abbreviations
        return host(self.app).abbreviations

    @abbreviations.setter
    def abbreviations(self, table: Abbreviations) -> None:
        self._own_abbreviations = table

    def _text_before_cursor(self) -> str | None:
        """The text before the cursor on its line; None while text is selected."""
        raise NotImplementedError

    def _replace_before_cursor(self, count: int, text: str) -> None:
        """Replace the `count` characters before the cursor with `text`."""
        raise NotImplementedError

    def expand_before_cursor(self) -> bool:
        """Expand a code just before the cursor; False when there is none."""
        from live_notes.abbrev import code_before

        table = self.abbreviations
        before = self._text_before_cursor() if table else None
        code = code_before(before, table) if before else None
        if code is None:
            return False
        self._replace_before_cursor(len(code), table[code])
        return True

    def expanded(self, text: str) -> str:
        """`text` with a code at its very end expanded (the value a save keeps)."""
        from live_notes.abbrev import expand_trailing

        return expand_trailing(text, self.abbreviations) if self.abbreviations else text

    async def _on_key(self, event: events.Key) -> None:
        """Space after a code expands it (and is taken); every other key goes on."""
        if event.key == "space" and self.expand_before_cursor():
            event.stop()
            event.prevent_default()


class ExpandingInput(Expands, Input):
    """A one-line field in which abbreviations expand; focus never selects its text."""

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    def _text_before_cursor(self) -> str | None:
        if not self.selection.is_empty:
            return None
        return self.value[: self.cursor_position]

    def _replace_before_cursor(self, count: int, text: str) -> None:
        end = self.cursor_position
        self.replace(text, end - count, end)

    @property
    def kept_value(self) -> str:
        """The value as saving keeps it (a trailing code expanded)."""
        return self.expanded(self.value)


def __getattr__(name: str) -> Any:
    """`LineText` lives in `line_text`, loaded on first use: it brings in `TextArea` and its
    document model, which the live screen's first frame does without."""
    if name == "LineText":
        from live_notes.tui.widgets.line_text import LineText

        return LineText
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
