"""The entry, where the clerk types, and the chips beside it.

`EntryLine` is a Textual `TextArea` kept to one line that wraps: it grows with its
text from one row up to `ENTRY_ROWS`, then scrolls inside, the cursor always in
view, so a long utterance can be read back before Enter. Enter commits (it never
inserts a line break: an utterance is one line); a paste is cleaned (escape
sequences and control characters removed, line breaks made spaces) and refused
whole when it is longer than a line may be; an abbreviation code before the
cursor is expanded when a space is typed; and its own keys (Backspace, arrows,
Enter …) act in the order they were typed, even in a burst. Its editing keys are
those of a one-line `Input` (Ctrl+A/E/D/K/U/W/X/C/V …), plus Up and Down between
the wrapped rows while it holds text. The Japanese IME's committed text arrives as
keys with characters, inserted as typed.

`value` and `cursor_position` read and set it as one string, as an `Input`'s do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding, BindingType
from textual.document._document_navigator import DocumentNavigator
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths
from textual.message import Message
from textual.widgets import Static, TextArea

from live_notes.domain.text import MAX_LINE, clean_line
from live_notes.tui.bindings import bindings
from live_notes.tui.keys import ENTRY
from live_notes.tui.kinsoku import breaks
from live_notes.tui.widgets.text_fields import Expands

if TYPE_CHECKING:  # abbreviations are loaded after the first frame (see the app)
    from textual.document._document import Location

    from live_notes.abbrev import Abbreviations

ENTRY_ROWS = 4
"""The most rows the entry grows to; a longer line scrolls inside it."""

EDITING: list[BindingType] = [
    Binding("left", "cursor_left", show=False),
    Binding("shift+left", "cursor_left(True)", show=False),
    Binding("ctrl+left", "cursor_word_left", show=False),
    Binding("ctrl+shift+left", "cursor_word_left(True)", show=False),
    Binding("right", "cursor_right", show=False),
    Binding("shift+right", "cursor_right(True)", show=False),
    Binding("ctrl+right", "cursor_word_right", show=False),
    Binding("ctrl+shift+right", "cursor_word_right(True)", show=False),
    Binding("home,ctrl+a", "home", show=False),
    Binding("end,ctrl+e", "end", show=False),
    Binding("shift+home", "home(True)", show=False),
    Binding("shift+end", "end(True)", show=False),
    Binding("ctrl+shift+a", "select_all", show=False),
    Binding("backspace", "delete_left", show=False),
    Binding("delete,ctrl+d", "delete_right", show=False),
    Binding("ctrl+w,ctrl+backspace,alt+backspace", "delete_word_left", show=False),
    Binding("ctrl+u,super+backspace", "delete_left_all", show=False),
    Binding("ctrl+k", "delete_right_all", show=False),
    Binding("ctrl+x", "cut", show=False),
    Binding("ctrl+c,super+c", "copy", show=False),
    Binding("ctrl+v", "paste", show=False),
]
"""A one-line `Input`'s editing keys, on the `TextArea`'s actions (Home, End, Ctrl+U
and Ctrl+K act on the whole line, as in an Input, not on one wrapped row). None of the
TextArea's own keys that the live screen gives other work (F6/F7 select, Ctrl+Z/Y
undo and redo, Ctrl+F delete a word) is bound here."""

ROW_KEYS = {"up": "cursor_up", "down": "cursor_down"}
"""Keys that move between the wrapped rows while the entry holds text (empty, Up is
the key table's: take the last line back)."""


def one_line(text: str) -> str:
    """`text` with its line breaks made spaces (the entry holds one line)."""
    if "\n" not in text and "\r" not in text:
        return text
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


class KinsokuRows(WrappedDocument):
    """The entry's rows broken as the transcript's are (`kinsoku.breaks`): no 。 or 、
    starts a row, no 「 ends one, an English word is not cut. The entry holds one line,
    so an edit wraps it whole (once, in place of Textual's own breaks)."""

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        """Wrap every line at `width` cells (0: no wrapping)."""
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        lines = self.document.lines
        self._wrap_offsets = [breaks(line, width) if width else [] for line in lines]
        self._tab_width_cache = [
            [cells for _, cells in get_tab_widths(line, self._tab_width)] for line in lines
        ]
        self._offset_to_line_info = []
        self._line_index_to_offsets = []
        for index, offsets in enumerate(self._wrap_offsets):
            first = len(self._offset_to_line_info)
            self._line_index_to_offsets.append(list(range(first, first + len(offsets) + 1)))
            self._offset_to_line_info += [(index, row) for row in range(len(offsets) + 1)]

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        """Wrap again after an edit."""
        self.wrap(self._width)

    def get_sections(self, line_index: int) -> list[str]:
        """The rows of a line (cut from the string: a long paste has a thousand)."""
        line = self.document[line_index]
        cuts = self._wrap_offsets[line_index]
        return [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


class EntryLine(Expands, TextArea, inherit_bindings=False):
    """The line being typed.

    | key | action |
    |---|---|
    | Enter | commit the line (the live screen's ``commit``) |
    | Up | with the entry empty: take the last line back to correct it |
    | Up / Down | with text: the wrapped row above / below |
    | Escape | cancel the correction |
    """

    BINDINGS = [*EDITING, *bindings(ENTRY)]

    DEFAULT_CSS = f"""
    EntryLine {{
        width: 1fr;
        border: none;
        height: auto;
        max-height: {ENTRY_ROWS};
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }}
    EntryLine:focus {{ border: none; }}
    """

    class PasteRefused(Message):
        """A paste too long for one line was refused (nothing was inserted)."""

        def __init__(self, length: int) -> None:
            super().__init__()
            self.length = length

    def __init__(self, abbreviations: Abbreviations | None = None, **kwargs: Any) -> None:
        super().__init__(
            "",
            soft_wrap=True,
            tab_behavior="focus",
            highlight_cursor_line=False,
            compact=True,
            **kwargs,
        )
        self.match_cursor_bracket = False
        self.abbreviations = abbreviations or {}  # code → expansion, on Space and on commit

    def _set_document(self, text: str, language: str | None) -> None:
        """A new document, its rows broken with kinsoku."""
        super()._set_document(text, language)
        self.wrapped_document = KinsokuRows(self.document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._rewrap_and_refresh_virtual_size()

    # -- the line as one string (an Input's API) ----------------------------------------

    @property
    def value(self) -> str:
        """The line."""
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        """Replace the line (line breaks become spaces); the cursor goes to its end.

        One edit, not a new document: after every commit, so kept cheap."""
        text = one_line(text)
        if text == self.text:
            self.move_cursor(self.document.end)
            return
        self.replace(text, (0, 0), self.document.end, maintain_selection_offset=False)

    @property
    def cursor_position(self) -> int:
        """The cursor's place in the line, in characters."""
        return self.cursor_location[1]

    @cursor_position.setter
    def cursor_position(self, position: int) -> None:
        self.move_cursor((0, max(0, min(position, len(self.text)))))

    def expanded_value(self) -> str:
        """The value with a trailing abbreviation expanded (what Enter commits)."""
        return self.expanded(self.text)

    def _text_before_cursor(self) -> str | None:
        if not self.selection.is_empty:
            return None
        return self.text[: self.cursor_position]

    def _replace_before_cursor(self, count: int, text: str) -> None:
        end = self.cursor_position
        self.replace(text, (0, end - count), (0, end), maintain_selection_offset=False)

    # -- keys ------------------------------------------------------------------------------

    def action_home(self, select: bool = False) -> None:
        """Home, Ctrl+A: the start of the line (not of the wrapped row)."""
        self.move_cursor((0, 0), select=select)

    def action_end(self, select: bool = False) -> None:
        """End, Ctrl+E: the end of the line."""
        self.move_cursor(self.document.end, select=select)

    def action_delete_left_all(self) -> None:
        """Ctrl+U: delete everything before the cursor."""
        self.delete((0, 0), self.cursor_location, maintain_selection_offset=False)

    def action_delete_right_all(self) -> None:
        """Ctrl+K: delete everything after the cursor."""
        self.delete(self.cursor_location, self.document.end, maintain_selection_offset=False)

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
        if event.key in ROW_KEYS and self.text:
            event.stop()
            event.prevent_default()
            await self.run_action(ROW_KEYS[event.key])
            return
        if not event.is_printable and await self._run_own_binding(event):
            return
        if event.key == "enter":  # not bound (the clerk rebound commit): still no new line
            event.stop()
            event.prevent_default()
        # `Expands`: Space after a code expands it; then the TextArea inserts the character

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

    # -- pasting ---------------------------------------------------------------------------

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self._paste(event.text)

    def action_paste(self) -> None:
        """Ctrl+V: the app's clipboard, by the same rules as a terminal paste."""
        self._paste(self.app.clipboard)

    def _paste(self, pasted: str) -> None:
        if len(pasted) > MAX_LINE:
            # Checked before cleaning so a huge paste costs one len(), not a scan.
            self.post_message(self.PasteRefused(len(pasted)))
            return
        text = clean_line(pasted)
        if len(self.text) + len(text) > MAX_LINE:
            self.post_message(self.PasteRefused(len(self.text) + len(text)))
            return
        if text:
            start, end = sorted(self.selection)
            result = self.replace(text, start, end, maintain_selection_offset=False)
            self.move_cursor(result.end_location)


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
