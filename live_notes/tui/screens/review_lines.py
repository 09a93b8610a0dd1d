"""How the review list draws a line: time and role in a fixed gutter, the text wrapped beside it.

`Hanging` is a Textual `Visual` whose wrapped lines start under the text, not
under the time, so a long Japanese utterance stays readable. It computes its
height the way the option list asks (one wrap per width, cached), which keeps
a 10,000-line list as quick to fill as one of plain prompts.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

ROLE_CELLS = 12
"""Widest role column, in cells (six Japanese characters); longer labels are cut."""


def fit(text: str, cells: int) -> str:
    """`text` padded (or cut) to exactly `cells` terminal cells; wide characters count two."""
    out = ""
    for char in text:
        if cell_len(out + char) > cells:
            break
        out += char
    return out + " " * (cells - cell_len(out))


class Hanging(Visual):
    """A prefix, then a body that wraps with a hanging indent under its first character."""

    def __init__(self, prefix: Content, body: Content) -> None:
        self.prefix = prefix
        self.body = body
        self._cache: tuple[int, list[Content]] | None = None

    def _lines(self, width: int) -> list[Content]:
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        gutter = self.prefix.cell_length
        room = max(8, width - gutter)
        if self.body.cell_length <= room and "\n" not in self.body.plain:
            wrapped = [self.body]  # the common case: no wrapping work at all
        else:
            wrapped = self.body.wrap(room) or [Content("")]
        pad = Content(" " * gutter)
        lines = [(self.prefix if n == 0 else pad) + line for n, line in enumerate(wrapped)]
        self._cache = (width, lines)
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """The whole line on one row."""
        return self.prefix.cell_length + self.body.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Rows needed at this width."""
        return len(self._lines(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """One strip per wrapped row."""
        lines = self._lines(width)
        if height is not None:
            lines = lines[:height]
        strips: list[Strip] = []
        for line in lines:  # one by one: a joined text would lose the indent of each row
            strips += line.render_strips(width, 1, style, options)
        return strips

    def __str__(self) -> str:
        return self.prefix.plain + self.body.plain
