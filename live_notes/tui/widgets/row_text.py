"""One row of a virtual list: a prefix (time, role …), then a body wrapped beside it with a
hanging indent, broken by `live_notes.tui.kinsoku` (no character is ever cut off).

A `RowText` is worked out once per width and kept (two widths at most); a body that
fits on one row costs one cell count, no wrapping. Narrower than the prefix plus
`NARROW` cells, the prefix gets rows of its own and the body goes under it, so the
text is still whole at any width.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from live_notes.tui.kinsoku import spans

NARROW = 8
"""Fewest cells of body beside the prefix; narrower, the body goes under it."""

Piece = tuple[str, str]
"""A run of text and its style, as Rich writes it ("bold", "dim italic", "")."""


@lru_cache(maxsize=64)
def rich_style(style: str) -> Style | None:
    """The Rich style for a style name ("" → none)."""
    return Style.parse(style) if style else None


def fit(text: str, cells: int) -> str:
    """`text` padded (or cut) to exactly `cells` terminal cells; wide characters count two."""
    out = ""
    for char in text:
        if cell_len(out + char) > cells:
            break
        out += char
    return out + " " * (cells - cell_len(out))


def _cut(pieces: tuple[Piece, ...], plain: str, width: int) -> list[list[Segment]]:
    """The pieces in rows of at most `width` cells (paragraph breaks kept)."""
    rows: list[tuple[int, int]] = []
    base = 0
    for paragraph in plain.split("\n"):
        rows += [(base + start, base + end) for start, end in spans(paragraph, width)]
        base += len(paragraph) + 1
    bounds: list[tuple[int, int, Style | None]] = []
    at = 0
    for text, style in pieces:
        bounds.append((at, at + len(text), rich_style(style)))
        at += len(text)
    out: list[list[Segment]] = []
    for start, end in rows:
        segments = [
            Segment(plain[max(start, lo) : min(end, hi)], style)
            for lo, hi, style in bounds
            if lo < end and hi > start
        ]
        out.append(segments)
    return out


class RowText:
    """A prefix, then a body that wraps with a hanging indent under its first character.

    Attributes:
        prefix: The prefix's pieces (one row, not wrapped unless the width is too narrow).
        body: The body's pieces.
    """

    __slots__ = ("_cache", "_cells", "_gutter", "_heights", "_plain", "body", "prefix")

    def __init__(self, prefix: tuple[Piece, ...], body: tuple[Piece, ...]) -> None:
        self.prefix = prefix
        self.body = body
        self._plain = "".join(text for text, _ in body)
        self._gutter = cell_len("".join(text for text, _ in prefix))
        self._cells = -1 if "\n" in self._plain else cell_len(self._plain)
        """The body's width on one row (-1: it has a line break)."""
        self._cache: dict[int, list[list[Segment]]] = {}
        self._heights: dict[int, int] = {}

    def __str__(self) -> str:
        return "".join(text for text, _ in self.prefix) + self._plain

    def height(self, width: int) -> int:
        """Rows needed at this width (a body that fits: one, without making its rows)."""
        known = self._heights.get(width)
        if known is not None:
            return known
        if 0 <= self._cells <= width - self._gutter and width - self._gutter >= NARROW:
            rows = 1
        else:
            rows = len(self.rows(width))
        if len(self._heights) >= 2:
            self._heights.clear()
        self._heights[width] = rows
        return rows

    def rows(self, width: int) -> list[list[Segment]]:
        """The rows at this width, as segments (kept as plain lists: a Textual `Strip`
        carries seven caches, too many to keep for every row seen)."""
        cached = self._cache.get(width)
        if cached is not None:
            return cached
        gutter = self._gutter
        prefix = [Segment(text, rich_style(style)) for text, style in self.prefix if text]
        if width - gutter >= NARROW:
            body = _cut(self.body, self._plain, width - gutter)
            pad = [Segment(" " * gutter)] if gutter else []
            rows = [[*(prefix if n == 0 else pad), *row] for n, row in enumerate(body)]
        else:  # too narrow for a column: the prefix, then the body under it, whole
            head = "".join(text for text, _ in self.prefix)
            rows = _cut(self.prefix, head, width) if head.strip() else []
            rows += _cut(self.body, self._plain, width)
        if len(self._cache) >= 2:
            self._cache.clear()
        self._cache[width] = rows
        return rows
