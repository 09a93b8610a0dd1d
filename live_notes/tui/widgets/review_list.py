"""The review list: every item with its lines, in an `OptionList` that stays quick at 10,000.

Each line is drawn by `Hanging`, a Textual `Visual` with time and role in a
fixed gutter and the text wrapped beside it, so a long Japanese utterance stays
readable. It computes its height the way the option list asks (one wrap per
width, cached, none at all for a line that fits). Edits that do not move a line
replace one prompt; moves, deletions and notes put the list in order again with
the rows already made (a line's row is remade only when its line changed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from live_notes.domain.errors import ClerkError
from live_notes.domain.models import AgendaItem, Decision, Section, Utterance
from live_notes.tui.attempt import attempt
from live_notes.tui.i18n import add_messages, counted, t

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.strip import Strip
    from textual.style import Style

    from live_notes.domain.session import Session

add_messages(
    {
        "review.flag": ("verify", "要確認"),
        "review.off": ("off the record", "記録外"),
        "review.no_lines": ("({count})", "({count})"),
        "review.decision": ("Decision:", "結論:"),
        "review.vote": (
            "for {yes}, against {no}, abstain {abstain}",
            "賛成 {yes}・反対 {no}・棄権 {abstain}",
        ),
        "review.movers": ("moved {mover}, seconded {seconder}", "動議 {mover}・賛成 {seconder}"),
    }
)

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
        self._gutter = prefix.cell_length
        self._one_row = body.cell_length if "\n" not in body.plain else None
        """The body's width when it has no line break (None: it has one)."""
        self._cache: dict[int, list[Content]] = {}
        """Rows by width (two widths at most: with and without the scroll bar)."""

    def _lines(self, width: int) -> list[Content]:
        cached = self._cache.get(width)
        if cached is not None:
            return cached
        gutter = self._gutter
        room = max(8, width - gutter)
        if self._one_row is not None and self._one_row <= room:
            wrapped = [self.body]  # the common case: no wrapping work at all
        else:
            wrapped = self.body.wrap(room) or [Content("")]
        pad = Content(" " * gutter)
        lines = [(self.prefix if n == 0 else pad) + line for n, line in enumerate(wrapped)]
        if len(self._cache) >= 2:
            self._cache.clear()
        self._cache[width] = lines
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """The whole line on one row."""
        return self.prefix.cell_length + self.body.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Rows needed at this width (a line that fits: one, without making its rows)."""
        if self._one_row is not None and self._one_row <= max(8, width - self._gutter):
            return 1
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


_SECTION_PART = {section: 1 for section in Section} | {
    Section.EXPLANATION: 0,
    Section.CONCLUSION: 2,
}
"""Where a section's lines stand in an item (as the minutes print them); the rest keep
their reading order, so a ※ note stays after the line it follows."""


def line_option_id(line_id: int) -> str:
    """The option id of a line in the review list."""
    return f"line:{line_id}"


class ReviewList(OptionList):
    """Every agenda item of a meeting with its lines, grouped by section.

    Attributes:
        session: The session whose meeting is shown.
        lang: The UI language (headings, marks).
        only_flagged: Whether only lines flagged "verify later" are listed.
    """

    def __init__(self, session: Session, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.lang = lang
        self.only_flagged = False
        self._rows: dict[int, tuple[Utterance, Option]] = {}
        """Line id → (the line as shown, its row), reused by `rebuild`."""
        self._headings: dict[str, Option] = {}
        self._heading_keys: dict[str, tuple[object, ...]] = {}
        self._labels: dict[tuple[str, Section, int, int], Option] = {}
        labels = [role.label(session.lang) for role in session.meeting.role_set.roles]
        self._role_cells = min(ROLE_CELLS, max([cell_len(label) for label in labels] + [2]))

    def _role_label(self, role_id: str) -> str:
        role = self.session.meeting.role_set.get(role_id)
        return role.label(self.session.lang) if role else ""

    def line_prompt(self, line: Utterance) -> Hanging:
        """One line: time, role, then the text (wrapped) and its marks."""
        role = self._role_label(line.role_id) or ("※" if line.section is Section.NOTE else "")
        prefix = Content.assemble(
            "    ",
            (line.created_at.strftime("%H:%M"), "dim"),
            " ",
            (fit(role, self._role_cells), "bold"),
            " ",
        )
        body = Content(line.text)
        if line.verify:
            body += Content.styled(f"  ⚑{t('review.flag', self.lang)}", "bold reverse")
        if line.off_record:
            body += Content.styled(f"  〔{t('review.off', self.lang)}〕", "italic")
        return Hanging(prefix, body)

    def _item_prompt(self, item: AgendaItem, depth: int, count: int) -> Hanging:
        title = Content.styled(f"{item.label} {item.title}".strip(), "bold underline")
        if count:
            title += Content.styled(
                " " + t("review.no_lines", self.lang, count=counted(count, "line", self.lang)),
                "dim",
            )
        return Hanging(Content("  " * depth), title)

    def rebuild(self, keep: str | None = None) -> None:
        """Fill the list from the meeting; keep the cursor on option `keep` (else the current)
        and the view where it was.

        Rows are reused: a line whose `Utterance` is the one already shown keeps its
        option, and with it the wrapping already worked out, so a delete, a move or a
        note at 10,000 lines costs a pass over the lines, not 10,000 new rows.
        """
        keep = keep or self.highlighted_id()
        meeting = self.session.meeting
        by_item: dict[str, list[Utterance]] = {}
        for line in meeting.utterances:
            if line.verify or not self.only_flagged:
                by_item.setdefault(line.item_id, []).append(line)
        options: list[Option] = []
        known = set()
        for item, depth in meeting.iter_items():
            known.add(item.id)
            lines = by_item.get(item.id, [])
            if self.only_flagged and not lines:
                continue
            options.append(self._heading(item, depth, len(lines)))
            options += self._line_options(item.id, lines, depth)
            decision = meeting.decisions.get(item.id)
            if decision is not None and not self.only_flagged:
                prompt = self._decision_prompt(decision, depth)
                options.append(Option(prompt, id=f"decision:{item.id}"))
        for item_id, lines in by_item.items():  # lines of an item no longer on the agenda
            if item_id not in known:
                orphan = Hanging(Content(""), Content.styled(f"? {item_id}", "bold"))
                options.append(Option(orphan, id=f"item:{item_id}"))
                options += self._line_options(item_id, lines, 0)
        scroll_y = self.scroll_y
        self.set_options(options)
        self.scroll_y = scroll_y
        ids = [option.id for option in options]
        if keep is not None and keep in ids:
            self.highlighted = ids.index(keep)
        elif options:  # first view, or the line is gone: the first line
            self.highlighted = next(
                (n for n, i in enumerate(ids) if (i or "").startswith("line:")), 0
            )

    def _decision_prompt(self, decision: Decision, depth: int) -> Hanging:
        """An item's decision as a row: outcome, wording, votes, mover and seconder."""
        lang = self.lang
        body = Content.styled(t(f"outcome.{decision.outcome.value}", lang), "bold")
        if decision.conditions:
            body += Content(" — " + decision.conditions)
        vote = decision.vote
        if vote is not None:
            counts = t("review.vote", lang, yes=vote.for_, no=vote.against, abstain=vote.abstain)
            body += Content.styled(f"  ({counts})", "dim")
        if decision.mover or decision.seconder:
            movers = t("review.movers", lang, mover=decision.mover, seconder=decision.seconder)
            body += Content.styled(f"  {movers}", "dim")
        prefix = Content.assemble("  " * depth + "    ", (t("review.decision", lang), "bold"), " ")
        return Hanging(prefix, body)

    def remove_line(self, line: Utterance) -> None:
        """Take a deleted line's row out in place (and its section's label when it was the
        label's last line), and count the item's lines again: no pass over the list."""
        if self.only_flagged:
            self.rebuild()
            return
        index = self.get_option_index(line_option_id(line.id))
        self.remove_option_at_index(index)
        self._rows.pop(line.id, None)
        above = self.get_option_at_index(index - 1) if index > 0 else None
        below = self.get_option_at_index(index) if index < self.option_count else None
        if (
            above is not None
            and above.id is None
            and (below is None or below.id is None or not below.id.startswith("line:"))
        ):
            self.remove_option_at_index(index - 1)
        for item, depth in self.session.meeting.iter_items():
            if item.id == line.item_id:
                count = sum(1 for u in self.session.meeting.utterances if u.item_id == item.id)
                heading = self._heading(item, depth, count)
                self.replace_option_prompt(heading.id or "", heading.prompt)
                break

    def _heading(self, item: AgendaItem, depth: int, count: int) -> Option:
        """An item's heading row (reused while its title, depth and count are the same)."""
        key = (item.id, item.label, item.title, depth, count)
        option = self._headings.get(item.id)
        if option is None or self._heading_keys.get(item.id) != key:
            option = Option(self._item_prompt(item, depth, count), id=f"item:{item.id}")
            self._headings[item.id] = option
            self._heading_keys[item.id] = key
        return option

    def _line_options(self, item_id: str, lines: list[Utterance], depth: int) -> list[Option]:
        """An item's lines as the minutes give them: the explanation, then the discussion
        with its notes and other lines in reading order, then the conclusion; a label
        where the section changes (a ※ note shows its mark, not a label)."""
        options: list[Option] = []
        section: Section | None = None
        rows = self._rows
        seen: dict[Section, int] = {}
        for line in sorted(lines, key=lambda u: _SECTION_PART[u.section]):  # stable
            if line.section is not section and line.section is not Section.NOTE:
                section = line.section
                seen[section] = seen.get(section, 0) + 1
                key = (item_id, section, depth, seen[section])
                label = self._labels.get(key)
                if label is None:
                    text = Content.styled(t(f"section.{section.value}", self.lang), "italic")
                    label = Option(Hanging(Content("  " * depth + "  "), text), disabled=True)
                    self._labels[key] = label
                options.append(label)
            row = rows.get(line.id)
            if row is None or row[0] is not line:
                row = (line, Option(self.line_prompt(line), id=line_option_id(line.id)))
                rows[line.id] = row
            options.append(row[1])
        return options

    def show_line(self, line: Utterance) -> None:
        """Show a changed line again (text, role, marks), without rebuilding the list."""
        option_id = line_option_id(line.id)
        self.replace_option_prompt(option_id, self.line_prompt(line))
        self._rows[line.id] = (line, self.get_option(option_id))

    def highlighted_id(self) -> str | None:
        """The id of the option under the cursor."""
        option = self.highlighted_option
        return option.id if option is not None else None

    def current_line(self) -> Utterance | None:
        """The line under the cursor (None on a heading)."""
        option_id = self.highlighted_id() or ""
        if not option_id.startswith("line:"):
            return None
        line = attempt(self.session.line, int(option_id.removeprefix("line:")))
        return None if isinstance(line, ClerkError) else line

    def current_item_id(self) -> str | None:
        """The item of the line or heading under the cursor."""
        line = self.current_line()
        if line is not None:
            return line.item_id
        option_id = self.highlighted_id() or ""
        return option_id.removeprefix("item:") if option_id.startswith("item:") else None

    def next_flagged(self) -> bool:
        """Move the cursor to the next flagged line, wrapping round; False when none is."""
        flagged = {line_option_id(line.id) for line in self.session.flagged()}
        count = self.option_count
        start = self.highlighted if self.highlighted is not None else -1
        for step in range(1, count + 1):
            index = (start + step) % count
            if self.get_option_at_index(index).id in flagged:
                self.highlighted = index
                return True
        return False
