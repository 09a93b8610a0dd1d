"""The entry line, where the clerk types, and the chips beside it.

`EntryLine` is a Textual `Input` with three changes: a paste is cleaned (escape
sequences and control characters removed, line breaks made spaces) and refused
whole when it is longer than a line may be; an abbreviation code before the
cursor is expanded when a space is typed; and it never shows a raw control
character (Input already inserts printable keys only); and its own keys
(Backspace, arrows, Enter …) act in the order they were typed, even in a
burst. Everything else,
including the Japanese IME's committed text, is the Input's own behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.widgets import Static

from live_notes.domain.text import MAX_LINE, clean_line
from live_notes.tui.bindings import bindings
from live_notes.tui.keys import ENTRY
from live_notes.tui.widgets.text_fields import ExpandingInput

if TYPE_CHECKING:  # abbreviations are loaded after the first frame (see the app)
    from live_notes.abbrev import Abbreviations


class EntryLine(ExpandingInput):
    """The line being typed.

    | key | action |
    |---|---|
    | Enter | commit the line (the live screen's ``commit``) |
    | Up | with the entry empty: take the last line back to correct it |
    | Escape | cancel the correction |
    """

    BINDINGS = bindings(ENTRY)

    DEFAULT_CSS = """
    EntryLine {
        width: 1fr;
        border: none;
        height: 1;
        padding: 0 1;
    }
    EntryLine:focus { border: none; }
    """

    class PasteRefused(Message):
        """A paste too long for one line was refused (nothing was inserted)."""

        def __init__(self, length: int) -> None:
            super().__init__()
            self.length = length

    def __init__(self, abbreviations: Abbreviations | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", True)
        super().__init__(**kwargs)
        self.abbreviations = abbreviations or {}  # code → expansion, on Space and on commit

    def expanded_value(self) -> str:
        """The value with a trailing abbreviation expanded (what Enter commits)."""
        return self.kept_value

    async def _on_key(self, event: events.Key) -> None:
        if self.app.screen is not self.screen:
            # A key typed after one that opened a dialog (F9, Ctrl+N …) but queued here
            # before the dialog was up: it belongs to the dialog, so send it on, in order.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if event.key == "ctrl+j":
            # A line feed is Enter typed before the app had the terminal: still in its
            # cooked mode, the terminal turns Enter into a line feed (ICRNL).
            event.stop()
            event.prevent_default()
            await self._run_own_binding(events.Key("enter", "\r"))
            return
        if not event.is_printable and await self._run_own_binding(event):
            return
        await super()._on_key(event)  # `Expands`: Space after a code expands it

    async def _run_own_binding(self, event: events.Key) -> bool:
        """Run this entry's binding for a key here, in the entry's own queue.

        Textual lets a bound key (Backspace, Left, Enter, Ctrl+U …) bubble up to
        the app before its action runs, while the letters typed after it are
        inserted straight away: in a burst of keys (a fast typist, the IME
        committing a phrase, a busy machine) a Backspace could delete the wrong
        letter and Enter commit half a line (Textualize/textual#6605). Run inline,
        every key takes effect in the order it was typed.
        """
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not self or active.binding.priority:
            return False
        event.stop()
        event.prevent_default()
        if active.enabled:
            await self.run_action(active.binding.action)
        return True

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        if len(event.text) > MAX_LINE:
            # Checked before cleaning so a huge paste costs one len(), not a scan.
            self.post_message(self.PasteRefused(len(event.text)))
            return
        text = clean_line(event.text)
        if len(self.value) + len(text) > MAX_LINE:
            self.post_message(self.PasteRefused(len(self.value) + len(text)))
            return
        if text:
            start, end = sorted(self.selection)
            self.replace(text, start, end)


class Chip(Static):
    """A short label beside the entry (the role, the section)."""

    DEFAULT_CSS = """
    Chip {
        width: auto;
        height: 1;
        padding: 0 1;
        text-style: bold;
    }
    """
