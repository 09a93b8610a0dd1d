"""A value picked from a short list with Left/Right (or Space), shown in one line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from live_notes.tui.bindings import Keyed
from live_notes.tui.keys import CHOICE

if TYPE_CHECKING:
    from collections.abc import Sequence


class Choice(Keyed, Widget, can_focus=True):
    """A value picked from a short list with Left/Right (or Space), shown in one line.

    Attributes:
        index: Position of the chosen option.
    """

    DEFAULT_CSS = """
    Choice { height: 1; width: 1fr; padding: 0 1; background: $boost; }
    Choice:focus { background: $primary 30%; text-style: bold; }
    """

    KEYS = CHOICE

    index: reactive[int] = reactive(0)
    """Position of the chosen option in `options`."""

    @dataclass
    class Changed(Message):
        """The choice changed."""

        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            """The choice that changed."""
            return self.choice

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str | None = None,
        *,
        id: str | None = None,
    ) -> None:
        """Options are (value, label) pairs; `value` is the one chosen at first."""
        super().__init__(id=id)
        self.options = list(options)
        values = [v for v, _ in self.options]
        self.set_reactive(Choice.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> str:
        """The chosen value."""
        return self.options[self.index][0]

    @value.setter
    def value(self, value: str) -> None:
        values = [v for v, _ in self.options]
        if value in values:
            self.index = values.index(value)

    def render(self) -> str:
        """◀ label ▶."""
        return f"◀ {self.options[self.index][1]} ▶"

    def action_step(self, step: int) -> None:
        """Move to the next or previous option, wrapping round."""
        self.index = (self.index + step) % len(self.options)
        self.post_message(self.Changed(self, self.value))
