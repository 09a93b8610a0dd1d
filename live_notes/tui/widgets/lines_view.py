"""The current item's lines, newest at the bottom, each with its time, role and flags.

A line-API `ScrollView`: each utterance is wrapped once into strips (at the
current width) and kept; `render_line` only looks rows up. Appending a line
wraps that line alone and extends the row table, so committing costs the same
with 10 or 10,000 lines in the meeting; nothing here runs on a keystroke.
Only the latest `MAX_SHOWN` lines of the item are loaded when the item is
shown: the rest are in the review screen (F10), and a row at the top says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from live_notes.tui.i18n import add_messages, t
from live_notes.tui.kinsoku import wrap

if TYPE_CHECKING:  # the model loads after the live screen's first frame
    from datetime import datetime

    from live_notes.domain.models import Decision, Recess, Section, Utterance

add_messages(
    {
        "live.decision_row": ("── Decision: {decision} ──", "── 結論: {decision} ──"),
        "live.decision_vote": (
            "for {yes}, against {no}, abstain {abstain}",
            "賛成 {yes}・反対 {no}・棄権 {abstain}",
        ),
    }
)

MAX_SHOWN = 500
"""Most lines of one item loaded into the view at once."""

NARROW = 12
"""Fewest cells of text beside the time and role; narrower, the text goes under them."""

RoleLabel = Callable[[str, "str | None"], str]
"""(role id, person id) → the label shown: the person's name, else the role's."""

ROLE_KINDS = ("chair", "asking", "answering", "role")
"""How a role is coloured: the chair, the asking side, the answering side, others."""


def conclusion_row(decision: Decision | None, lang: str) -> str:
    """An item's decision as the transcript's row: outcome, conditions, votes ("": none)."""
    if decision is None:
        return ""
    said = t(f"outcome.{decision.outcome.value}", lang)
    if decision.conditions:
        said += f" {decision.conditions}"
    vote = decision.vote
    if vote is not None:
        counts = t("live.decision_vote", lang, yes=vote.for_, no=vote.against, abstain=vote.abstain)
        said += f" ({counts})"
    return t("live.decision_row", lang, decision=said)


class LinesView(ScrollView, can_focus=False):
    """The lines of the current item.

    Rows: ``HH:MM role  ⚑ text…`` with continuation rows indented under the text
    (broken by `live_notes.tui.kinsoku.wrap`: no character is ever cut off), and a
    section heading row whenever the section changes. The marks are review's: ⚑
    verify later (one cell wide everywhere, unlike East-Asian "ambiguous" symbols such
    as ``×``), and the text of a line off the record starts with 〔記録外〕.
    """

    COMPONENT_CLASSES = {
        "lines-view--time",
        "lines-view--role",
        "lines-view--chair",
        "lines-view--asking",
        "lines-view--answering",
        "lines-view--flag",
        "lines-view--section",
        "lines-view--off-record",
        "lines-view--more",
        "lines-view--decision",
    }

    DEFAULT_CSS = """
    LinesView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        /* No drawn scrollbar: Textual refreshes a visible one on every layout pass, and
           the entry line asks for one on each keystroke; the repaint of the scrollbar's
           column then drags the whole middle of the screen with it. The view still
           scrolls (wheel, keys in review); newest lines are always at the bottom. */
        scrollbar-size-vertical: 0;
    }
    LinesView > .lines-view--time { color: $text-muted; }
    LinesView > .lines-view--role { color: $foreground; text-style: bold; }
    LinesView > .lines-view--chair { color: $text-secondary; text-style: bold; }
    LinesView > .lines-view--asking { color: $text-accent; text-style: bold; }
    LinesView > .lines-view--answering { color: $text-success; text-style: bold; }
    LinesView > .lines-view--flag { color: $warning; text-style: bold; }
    LinesView > .lines-view--section { color: $secondary; text-style: italic; }
    LinesView > .lines-view--off-record { color: $text-disabled; }
    LinesView > .lines-view--more { color: $text-muted; text-style: italic; }
    LinesView > .lines-view--decision { color: $text-success; text-style: bold; }
    """

    ROLE_CELLS = 8
    """Width of the role column, in cells (Japanese labels take two cells a character)."""

    def __init__(
        self,
        role_label: RoleLabel,
        section_label: Callable[[Section], str],
        more_label: Callable[[int], str],
        *,
        max_shown: int = MAX_SHOWN,
        off_record_mark: str = "〔記録外〕",
        role_kind: Callable[[str], str] = lambda role_id: "role",
        recess_label: Callable[[datetime, datetime | None], str] | None = None,
        recess_mark: str = "〔休憩中〕",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._off_record_mark = off_record_mark
        self._role_kind = role_kind
        self._recess_label = recess_label
        self._recess_mark = recess_mark
        self._recesses: Sequence[Recess] = ()
        self._trailing = False
        """Whether the last block is a recess after the last line (redrawn on append)."""
        self._conclusion = ""
        """The item's recorded decision, shown as a row after its lines ("" for none)."""
        self.max_shown = max_shown
        """Most lines loaded by `set_lines` (appending is not limited)."""
        self._role_label = role_label
        self._section_label = section_label
        self._more_label = more_label
        self._lines: list[Utterance] = []
        self._hidden = 0
        self._blocks: list[list[Strip]] = []
        self._rows: list[tuple[int, int]] = []
        """Row → (block index, row within the block)."""
        self._width = 0
        self._base_style = Style()

    # -- content ---------------------------------------------------------------

    @property
    def role_label(self) -> RoleLabel:
        """How a line's speaker is labelled (the name, else the role)."""
        return self._role_label

    @property
    def lines(self) -> Sequence[Utterance]:
        """The lines shown (the latest of the item)."""
        return self._lines

    def set_lines(
        self, lines: Sequence[Utterance], recesses: Sequence[Recess] = (), conclusion: str = ""
    ) -> None:
        """Show these lines (an item's), keeping only the latest `max_shown`, with the
        recesses between them (and a recess going on after the last), and the item's
        decision (`conclusion`, already worded) as a row after them."""
        self._recesses = recesses
        self._conclusion = conclusion
        self._hidden = max(0, len(lines) - self.max_shown)
        self._lines = list(lines[self._hidden :])
        self._rebuild()

    def append(self, line: Utterance) -> None:
        """Add one line at the bottom: only that line is wrapped and drawn."""
        previous = self._lines[-1] if self._lines else None
        self._lines.append(line)
        if self._trailing or self._conclusion:  # those rows stay below the new line
            self._rebuild()
            return
        if self._width:
            self._add_block(self._render_line(line, previous))
            self._update_size(follow=True)

    def plain_rows(self) -> list[str]:
        """Every row as plain text (what the clerk reads), for tests and the bench."""
        return [self._strip(y).text.rstrip() for y in range(len(self._rows))]

    # -- rendering ---------------------------------------------------------------

    def _rebuild(self) -> None:
        self._blocks = []
        self._rows = []
        if not self._width:
            self.refresh()
            return
        if self._hidden:
            self._add_block(self._more_rows())
        previous: Utterance | None = None
        for line in self._lines:
            self._add_block(self._render_line(line, previous))
            previous = line
        self._trailing = False
        if previous is not None:
            after = self._recess_rows(previous.created_at, None)
            if after:
                self._add_block(after)
                self._trailing = True
        if self._conclusion:
            style = self._style("decision")
            rows = wrap(self._conclusion, max(2, self._width))
            self._add_block([Strip([Segment(row, style)]) for row in rows])
        self._update_size(follow=True)
        self.refresh()

    def _add_block(self, strips: list[Strip]) -> None:
        index = len(self._blocks)
        self._blocks.append(strips)
        self._rows.extend((index, row) for row in range(len(strips)))

    def _update_size(self, follow: bool) -> None:
        at_bottom = self.scroll_y >= self.max_scroll_y - 1
        self.virtual_size = Size(self._width, len(self._rows))
        if follow or at_bottom:
            self.scroll_end(animate=False, immediate=True, x_axis=False)
            if self.scroll_y < self.max_scroll_y:
                # The first row past the view's height: Textual only allows scrolling once
                # the next layout has found the content taller than the view.
                self.call_after_refresh(self.scroll_end, animate=False, x_axis=False)
        self.refresh()

    def _more_rows(self) -> list[Strip]:
        style = self.get_component_rich_style("lines-view--more")
        return [Strip([Segment(self._more_label(self._hidden), style)])]

    def _recess_rows(self, since: datetime, until: datetime | None) -> list[Strip]:
        """A row for each recess that began after `since` (and before `until`)."""
        if self._recess_label is None:
            return []
        style = self._style("section")
        return [
            Strip([Segment(f"-- {self._recess_label(recess.start, recess.end)} --", style)])
            for recess in self._recesses
            if since <= recess.start and (until is None or recess.start < until)
        ]

    def _in_recess(self, line: Utterance) -> bool:
        at = line.created_at
        return any(r.start <= at and (r.end is None or at < r.end) for r in self._recesses)

    def _render_line(self, line: Utterance, previous: Utterance | None) -> list[Strip]:
        strips: list[Strip] = []
        if previous is not None:
            strips.extend(self._recess_rows(previous.created_at, line.created_at))
        if previous is None or previous.section is not line.section:
            style = self.get_component_rich_style("lines-view--section")
            strips.append(Strip([Segment(f"-- {self._section_label(line.section)} --", style)]))
        role = Text(self._role_label(line.role_id, line.person_id))
        role.truncate(self.ROLE_CELLS)  # a long name is cut, never the column
        role_pad = max(0, self.ROLE_CELLS - role.cell_len)
        flags = ("⚑" if line.verify else " ") + " "
        prefix = [
            Segment(line.created_at.strftime("%H:%M") + " ", self._style("time")),
            Segment(role.plain + " " * role_pad, self._style(self._role_kind(line.role_id))),
            Segment(flags + " ", self._style("flag")),
        ]
        indent = 6 + self.ROLE_CELLS + 3
        if self._width - indent < NARROW:  # too narrow for a column: the text goes below
            strips.append(Strip(prefix))
            prefix, indent = [], 0
        text_width = max(2, self._width - indent)
        text_style = self._style("off-record") if line.off_record else Style()
        console = self.app.console
        text = f"{self._off_record_mark}{line.text}" if line.off_record else line.text
        if self._in_recess(line):
            text = f"{self._recess_mark}{text}"
        for number, row in enumerate(wrap(text, text_width)):
            lead = prefix if number == 0 else [Segment(" " * indent, self._style("time"))]
            strips.append(Strip([*lead, *Text(row, style=text_style).render(console)]))
        return strips

    def _style(self, part: str) -> Style:
        return self.get_component_rich_style(f"lines-view--{part}")

    def _strip(self, row: int) -> Strip:
        block, offset = self._rows[row]
        return self._blocks[block][offset]

    def on_resize(self) -> None:
        """Wrap again at the new width (only when the width changed)."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._rebuild()

    def notify_style_update(self) -> None:
        """A theme change restyles the rows."""
        super().notify_style_update()
        if self._width:
            self._rebuild()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Rows for a repaint; the widget's style is looked up once, not once a row."""
        self._base_style = self.rich_style  # walks the ancestors: ~0.1 ms, so once a pass
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """One row of the view, from the kept strips."""
        row = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        style = self._base_style
        if row >= len(self._rows):
            return Strip.blank(width, style)
        return self._strip(row).crop_extend(0, width, style).apply_style(style)
