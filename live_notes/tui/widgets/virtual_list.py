"""A list of rows with a cursor, drawn line by line, that stays quick at 10,000 rows.

A line-API `ScrollView`: each row is a `RowText` wrapped once per width and kept; a
table of where each row starts (cumulative heights) finds the row for a screen line by
bisection, and only the lines on screen are drawn. Changing one row re-wraps that row
alone; the table is recomputed in one pass of additions, not by measuring every row.

The API follows Textual's `OptionList` where the screens and tests use it
(`highlighted`, `highlighted_option`, `options`, `get_option` …); rows are `Row`s.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual import events
    from textual.binding import BindingType
    from textual.timer import Timer

    from live_notes.tui.widgets.row_text import RowText


QUIET = 0.3
"""Seconds without a change before the collector's full pass (`VirtualList._settle_later`)."""


@dataclass(eq=False, slots=True)
class Row:
    """One entry of the list.

    Attributes:
        id: What it stands for ("line:12", "item:3" …; None for a label).
        prompt: Its text, wrapped at the list's width.
        disabled: A label the cursor passes over.
    """

    id: str | None
    prompt: RowText
    disabled: bool = False


class RowMissing(KeyError):
    """No row has this id."""


class VirtualList(ScrollView, can_focus=True):
    """Rows of wrapped text and a cursor on one of them (up/down, page, home/end, click)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor", "virtual-list--disabled"}

    DEFAULT_CSS = """
    VirtualList {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        & > .virtual-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .virtual-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .virtual-list--disabled { color: $text-disabled; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._list: list[Row] = []
        self._by_id: dict[str, Row] = {}
        """Row id → row (its index: `list.index`, a scan in C, ~0.1 ms at 10,000)."""
        self._heights: list[int] = []
        """Each row's height at the current width."""
        self._total = 0
        """The sum of the heights."""
        self._made_starts: list[int] | None = [0]
        """The first screen line of each row, and the total at the end (None: to be
        worked out again from the heights, after rows went in or out)."""
        self._width = 0
        self._cursor: int | None = None
        self._settle: Timer | None = None
        self._styles = (Style(), Style(), Style())
        """The widget's, the cursor's and a label's style, for the repaint under way."""

    # -- the OptionList-like API -------------------------------------------------------

    @property
    def options(self) -> Sequence[Row]:
        """The rows, in order (not to be changed)."""
        return self._list

    @property
    def option_count(self) -> int:
        """How many rows there are."""
        return len(self._list)

    def has_option(self, row_id: str) -> bool:
        """Whether a row has this id."""
        return row_id in self._by_id

    def get_option_index(self, row_id: str) -> int:
        """The index of the row with this id (RowMissing: none)."""
        row = self._by_id.get(row_id)
        if row is None:
            raise RowMissing(row_id)
        return self._list.index(row)

    def get_option(self, row_id: str) -> Row:
        """The row with this id (RowMissing: none)."""
        row = self._by_id.get(row_id)
        if row is None:
            raise RowMissing(row_id)
        return row

    def get_option_at_index(self, index: int) -> Row:
        """The row at this index."""
        return self._list[index]

    @property
    def highlighted(self) -> int | None:
        """The index of the row under the cursor (None: no rows)."""
        return self._cursor

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = max(0, min(index, len(self._list) - 1)) if self._list else None
        old, self._cursor = self._cursor, index
        if old != index:
            self._refresh_row(old)
            self._refresh_row(index)
        self.scroll_to_cursor()

    @property
    def highlighted_option(self) -> Row | None:
        """The row under the cursor."""
        return self._list[self._cursor] if self._cursor is not None else None

    # -- changing the rows -------------------------------------------------------------

    def set_rows(self, rows: list[Row]) -> None:
        """Show these rows (the cursor's index is kept, within bounds)."""
        self._list = rows
        self._by_id = {row.id: row for row in rows if row.id is not None}
        self._layout()
        if self._cursor is not None and self._cursor >= len(rows):
            self._cursor = len(rows) - 1 if rows else None

    def replace_row(self, index: int, row: Row) -> None:
        """Put `row` in place of the row at `index` (only it is wrapped again)."""
        old = self._list[index]
        if self._width and old.prompt.height(self._width) != row.prompt.height(self._width):
            self.splice(index, index + 1, [row])
            return
        self._list[index] = row
        self._by_id.pop(old.id or "", None)
        if row.id is not None:
            self._by_id[row.id] = row
        self._refresh_row(index)
        self._settle_later()

    def remove_rows(self, index: int, count: int = 1) -> None:
        """Take `count` rows out from `index`."""
        self.splice(index, index + count, [])

    def splice(self, start: int, stop: int, rows: list[Row]) -> None:
        """Put `rows` in place of the rows from `start` up to `stop`: only the new rows are
        measured; where each row starts is worked out again when next needed."""
        old = self._list[start:stop]
        self._list[start:stop] = rows
        by_id = self._by_id
        kept = set(old) & set(rows)  # rows compare by identity: most are the same
        for row in old:
            if row not in kept:
                by_id.pop(row.id or "", None)
        by_id.update((row.id, row) for row in rows if row.id is not None and row not in kept)
        width = self._width
        heights = [row.prompt.height(width) for row in rows] if width else [0] * len(rows)
        self._total += sum(heights) - sum(self._heights[start:stop])
        self._heights[start:stop] = heights  # a move in memory: no row is measured again
        self._made_starts = None
        self._grow(Size(width, self._total))
        if self._cursor is not None and self._cursor >= len(self._list):
            self._cursor = len(self._list) - 1 if self._list else None
        self.refresh()
        self._settle_later()

    def _grow(self, size: Size) -> None:
        """A new scrollable size without a layout of the whole screen.

        Setting `virtual_size` lays the screen out again (~10 ms with the review's
        footer and head) although only this widget's scrollbar changes: the scrollbar
        is updated here instead, as Textual does after a layout; a scrollbar that
        appears or goes still makes the layout (its reactive asks for one).
        """
        if size == self.virtual_size:
            return
        self.set_reactive(VirtualList.virtual_size, size)
        self._scroll_update(size)

    @property
    def _starts(self) -> list[int]:
        """The first screen line of each row, and the total at the end (one pass of
        additions in C after a change, ~0.2 ms at 10,000 rows)."""
        starts = self._made_starts
        if starts is None:
            starts = self._made_starts = list(accumulate(self._heights, initial=0))
        return starts

    # -- layout and drawing --------------------------------------------------------------

    def _settle_later(self) -> None:
        """Once the list has been quiet for `QUIET` seconds: one full pass of the cyclic
        collector, then what is left is frozen (`gc.freeze`).

        At 10,000 rows, Textual's caches and the dialogs just closed make a full pass
        take 50–300 ms; left to itself the collector runs one in the middle of a change
        every few changes. Run while the clerk reads the change, it only walks what is
        new since the last freeze (a few milliseconds). The app's `close_meeting`
        unfreezes all with the meeting.
        """
        if self._settle is not None:
            self._settle.stop()
        self._settle = self.set_timer(QUIET, self._collect)

    def _collect(self) -> None:
        self._settle = None
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        """Let go of the rows: a frozen widget is kept until the meeting closes, its rows
        (thousands) need not be."""
        self._list = []
        self._by_id = {}
        self._heights = []
        self._total = 0
        self._made_starts = [0]

    def _layout(self) -> None:
        """Where each row starts, at the current width; the scrollable size."""
        width = self._width
        if width:
            self._heights = [row.prompt.height(width) for row in self._list]
        else:
            self._heights = [0] * len(self._list)
        self._total = sum(self._heights)
        self._made_starts = None
        self.virtual_size = Size(width, self._total)
        self.refresh()
        self._settle_later()

    def _refresh_row(self, index: int | None) -> None:
        if index is None or index >= len(self._list) or not self._width:
            return
        if self._made_starts is None:  # rows went in or out: all is refreshed already
            return
        self.refresh_lines(self._starts[index], self._starts[index + 1] - self._starts[index])

    def scroll_to_cursor(self) -> None:
        """Scroll the least that shows the cursor's row whole."""
        index = self._cursor
        if index is None or not self._width or index >= len(self._list):
            return
        top, bottom = self._starts[index], self._starts[index + 1]
        region = Region(0, top, 1, max(1, bottom - top))
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def on_resize(self) -> None:
        """Wrap again at the new width (only when the width changed)."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._layout()
            self.call_after_refresh(self.scroll_to_cursor)

    def row_at(self, y: int) -> int | None:
        """The index of the row drawn on line `y` of the whole list (None: below the last)."""
        if y < 0 or y >= self._starts[-1]:
            return None
        return bisect_right(self._starts, y) - 1

    def render_lines(self, crop: Region) -> list[Strip]:
        """Lines for a repaint; the styles are looked up once a pass, not once a line."""
        self._styles = (
            self.rich_style,  # walks the ancestors: ~0.1 ms
            self.get_component_rich_style("virtual-list--cursor"),
            self.get_component_rich_style("virtual-list--disabled"),
        )
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """One screen line: a row's line, the cursor's in its colours."""
        width = self.scrollable_content_region.width
        style, cursor, disabled = self._styles
        index = self.row_at(self.scroll_offset.y + y)
        if index is None or not self._width:
            return Strip.blank(width, style)
        row = self._list[index]
        rows = row.prompt.rows(self._width)
        segments = rows[min(len(rows) - 1, self.scroll_offset.y + y - self._starts[index])]
        if index == self._cursor:
            style = style + cursor
        elif row.disabled:
            style = style + disabled
        line = Segment.adjust_line_length(list(Segment.apply_style(segments, style)), width, style)
        return Strip(line, width)

    # -- keys and mouse ------------------------------------------------------------------

    def _step(self, start: int, step: int) -> int | None:
        """The first row that is not a label from `start` on, going by `step`."""
        index = start
        while 0 <= index < len(self._list):
            if not self._list[index].disabled:
                return index
            index += step
        return None

    def _go(self, index: int | None, step: int) -> None:
        found = self._step(index, step) if index is not None else None
        if found is None and index is not None:
            found = self._step(index, -step)
        if found is not None:
            self.highlighted = found

    def action_cursor_down(self) -> None:
        """The next row."""
        if self._cursor is not None:
            found = self._step(self._cursor + 1, 1)
            if found is not None:
                self.highlighted = found
        else:
            self._go(0, 1)

    def action_cursor_up(self) -> None:
        """The row before."""
        if self._cursor is not None:
            found = self._step(self._cursor - 1, -1)
            if found is not None:
                self.highlighted = found
        else:
            self._go(0, 1)

    def action_first(self) -> None:
        """The first row."""
        self._go(0, 1)

    def action_last(self) -> None:
        """The last row."""
        self._go(len(self._list) - 1, -1)

    def _page(self, direction: int) -> None:
        if self._cursor is None:
            self._go(0, 1)
            return
        target = self._starts[self._cursor] + direction * max(
            1, self.scrollable_content_region.height
        )
        target = max(0, min(target, self._starts[-1] - 1))
        index = self.row_at(target)
        self._go(index if index is not None else len(self._list) - 1, direction)

    def action_page_down(self) -> None:
        """A screenful down."""
        self._page(1)

    def action_page_up(self) -> None:
        """A screenful up."""
        self._page(-1)

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the row under the mouse."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.row_at(self.scroll_offset.y + offset.y)
        if index is not None and not self._list[index].disabled:
            self.highlighted = index
