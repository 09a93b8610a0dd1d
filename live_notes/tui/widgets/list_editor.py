"""List editors of the setup screen: roster, role set, agenda and materials.

One widget, `ListEditor`, edits an ordered list whose rows may be indented
(the agenda is a tree; materials are groups of items). What a row is — its
columns, its dialog fields, how it is checked — comes from a `ListSpec`
(see setup_specs.py). Every change goes to a dialog first; nothing is saved
until the setup screen saves the whole meeting.

| key | action |
|---|---|
| a | add a row after the cursor |
| Enter | edit the row |
| d | remove the row (and, in a tree, its sub-rows) |
| Shift+Up / Shift+Down | move the row up / down |
| Shift+Right / Shift+Left | indent / outdent (agenda, materials) |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, counted, t
from live_notes.tui.keys import LIST_KEYS
from live_notes.tui.screens.dialogs.form import Field, FormDialog

add_messages(
    {
        "lists.removed": ("Removed {rows}.", "{rows}を削除しました。"),
        "lists.empty": ("(empty: press a to add)", "(空です。a で追加)"),
    }
)


@dataclass
class Row:
    """One row of a list: its depth (0 at the top) and its value (a model or a string)."""

    depth: int
    value: Any


class ListSpec(Protocol):
    """What a list editor needs to know about its rows."""

    max_depth: int
    """0 for a flat list."""

    def columns(self, lang: str) -> list[str]:
        """Column titles."""

    def cells(self, row: Row, lang: str) -> list[str]:
        """The cells of a row."""

    def title(self, row: Row | None, lang: str) -> str:
        """Title of the dialog adding (row is None) or editing a row."""

    def fields(self, row: Row | None, lang: str) -> list[Field]:
        """The dialog's fields, filled from the row (or defaults for a new one)."""

    def parse(self, values: dict[str, str], editor: ListEditor, index: int | None) -> Any:
        """The row's value from the dialog, or `DialogError` naming the fields."""


class ListEditor(Keyed, DataTable[Text]):
    """An editable, ordered, optionally indented list shown as a table.

    Attributes:
        spec: What the rows are.
        entries: The rows, in order.
    """

    KEYS = LIST_KEYS
    KEYS_PRIORITY = True

    class Changed(Message):
        """The list changed (the setup is now unsaved)."""

    def __init__(self, spec: ListSpec, rows: list[Row], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.spec = spec
        self.entries = rows

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Indent keys only where rows can be indented."""
        if action in ("indent", "outdent") and self.spec.max_depth == 0:
            return False
        return super().check_action(action, parameters)

    def on_mount(self) -> None:
        """Columns, then the rows."""
        widths = getattr(self.spec, "widths", None) or ()
        for n, title in enumerate(self.spec.columns(self.lang)):
            self.add_column(title, width=widths[n] if n < len(widths) else None)
        self.redraw()

    def redraw(self, cursor: int | None = None) -> None:
        """Show the rows again; put the cursor on row `cursor` if given."""
        keep = self.cursor_row if cursor is None else cursor
        self.clear()
        for row in self.entries:
            # Text, not str: no markup in the clerk's data, and the indent is kept
            self.add_row(*(Text(cell) for cell in self.spec.cells(row, self.lang)))
        if self.entries:
            self.move_cursor(row=max(0, min(keep, len(self.entries) - 1)))

    @property
    def index(self) -> int | None:
        """The row under the cursor (None when the list is empty)."""
        return self.cursor_row if self.entries else None

    def values(self) -> list[Any]:
        """The row values, in order."""
        return [row.value for row in self.entries]

    def _changed(self, cursor: int) -> None:
        self.normalise()
        self.redraw(cursor)
        self.post_message(self.Changed())

    def normalise(self) -> None:
        """Keep the indentation a tree: the first row at 0, none deeper than its parent + 1."""
        previous = -1
        for row in self.entries:
            row.depth = max(0, min(row.depth, previous + 1, self.spec.max_depth))
            previous = row.depth

    def subtree_end(self, index: int) -> int:
        """One past the last sub-row of row `index`."""
        end = index + 1
        while end < len(self.entries) and self.entries[end].depth > self.entries[index].depth:
            end += 1
        return end

    # -- actions ---------------------------------------------------------------------------

    def action_add(self) -> None:
        """Add a row after the cursor (at its depth)."""
        index = self.index
        depth = self.entries[index].depth if index is not None else 0
        at = self.subtree_end(index) if index is not None else 0

        def submit(values: dict[str, str]) -> Any:
            return self.spec.parse(values, self, None)

        def done(value: Any) -> None:
            if value is not None:
                self.entries.insert(at, Row(depth, value))
                self._changed(at)

        dialog = FormDialog(
            self.spec.title(None, self.lang), self.spec.fields(None, self.lang), submit
        )
        self.app.push_screen(dialog, done)

    def action_edit(self) -> None:
        """Edit the row under the cursor."""
        index = self.index
        if index is None:
            self.action_add()
            return
        row = self.entries[index]

        def submit(values: dict[str, str]) -> Any:
            return self.spec.parse(values, self, index)

        def done(value: Any) -> None:
            if value is not None:
                row.value = value
                self._changed(index)

        fields = self.spec.fields(row, self.lang)
        self.app.push_screen(FormDialog(self.spec.title(row, self.lang), fields, submit), done)

    def action_remove(self) -> None:
        """Remove the row under the cursor, with its sub-rows."""
        index = self.index
        if index is None:
            return
        end = self.subtree_end(index)
        del self.entries[index:end]
        self._changed(index)
        self.notify(t("lists.removed", self.lang, rows=counted(end - index, "row", self.lang)))

    def _move(self, step: int) -> None:
        index = self.index
        if index is None:
            return
        target = index + step
        if not 0 <= target < len(self.entries):
            return
        self.entries[index], self.entries[target] = self.entries[target], self.entries[index]
        self._changed(target)

    def action_move_up(self) -> None:
        """Move the row up."""
        self._move(-1)

    def action_move_down(self) -> None:
        """Move the row down."""
        self._move(1)

    def action_indent(self) -> None:
        """Make the row a sub-row of the one above."""
        index = self.index
        if index is not None and index > 0:
            self.entries[index].depth += 1
            self._changed(index)

    def action_outdent(self) -> None:
        """Move the row one level up."""
        index = self.index
        if index is not None and self.entries[index].depth > 0:
            self.entries[index].depth -= 1
            self._changed(index)
