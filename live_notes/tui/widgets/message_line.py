"""The one widget in which a screen tells the clerk something: a line, hidden when empty."""

from __future__ import annotations

from typing import Any, cast

from rich.cells import cell_len
from textual.widgets import Static

from live_notes.domain.errors import ClerkError


class MessageLine(Static):
    """A message under (or above) a screen's main part; an error shows in red.

    `say` takes plain text or a `ClerkError`, which is said in the clerk's language.
    """

    DEFAULT_CSS = """
    MessageLine { height: auto; }
    MessageLine.-error { color: $error; }
    """

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, keep_room: bool = False
    ) -> None:
        """`keep_room`: the line keeps its place when empty (else it takes no room)."""
        super().__init__("", id=id, classes=classes, markup=False)
        self.keep_room = keep_room

    def on_mount(self) -> None:
        """Empty at first."""
        self.display = self.keep_room

    def say(self, what: str | ClerkError, lang: str, error: bool = False) -> None:
        """Show `what` (a refusal: in `lang`, as an error); "" hides the line."""
        if isinstance(what, ClerkError):
            what, error = what.message(lang), True
        was = str(self.content)
        room = self.content_region.width
        # One row shown before and after: the screen need not be laid out again.
        same = (
            self.display
            and min(cell_len(was), cell_len(what)) > 0
            and (max(cell_len(was), cell_len(what)) <= room)
        )
        self.update(what, layout=not same)
        self.display = bool(what) or self.keep_room
        self.set_class(error, "-error")

    @property
    def text(self) -> str:
        """What the line shows now."""
        return str(self.render())


def show_text(widget: Static, text: str) -> None:
    """Put a text in a line of the screen; an empty text takes no room."""
    widget.update(text)
    widget.display = bool(text)


class Says:
    """A screen with one `MessageLine`: `say` shows a message, or a refusal, in it."""

    def say(self, what: str | ClerkError, error: bool = False) -> None:
        """Show a message (or a refusal, in the clerk's language); "" clears the line."""
        screen = cast("Any", self)  # a Keyed screen: it has `lang` and `query_one`
        screen.query_one(MessageLine).say(what, screen.lang, error)
