"""The review list: every item with its lines, in a `VirtualList` that stays quick at 10,000.

Each line is a `RowText`: time and role in a fixed gutter and the text wrapped beside
it (kinsoku), so a long Japanese utterance stays readable. Rows are made once and
kept: an edit replaces one row, a delete takes one out, and the other changes put the
list in order again with the rows already made (a line's row is remade only when its
line changed); only the rows on screen are drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len

from live_notes.domain.errors import ClerkError
from live_notes.domain.models import AgendaItem, Decision, Section, Utterance
from live_notes.tui.attempt import attempt
from live_notes.tui.i18n import add_messages, counted, t
from live_notes.tui.widgets.row_text import RowText, fit
from live_notes.tui.widgets.virtual_list import Row, VirtualList

if TYPE_CHECKING:
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


_SECTION_PART = {section: 1 for section in Section} | {
    Section.EXPLANATION: 0,
    Section.CONCLUSION: 2,
}
"""Where a section's lines stand in an item (as the minutes print them); the rest keep
their reading order, so a ※ note stays after the line it follows."""


def line_option_id(line_id: int) -> str:
    """The option id of a line in the review list."""
    return f"line:{line_id}"


class ReviewList(VirtualList):
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
        self._made: dict[int, tuple[Utterance, Row]] = {}
        """Line id → (the line as shown, its row), reused by `rebuild`."""
        self._headings: dict[str, tuple[tuple[object, ...], Row]] = {}
        self._labels: dict[tuple[str, Section, int, int], Row] = {}
        self._orphans: list[str] = []
        """The heading rows of items no longer on the agenda (after the others)."""
        labels = [role.label(session.lang) for role in session.meeting.role_set.roles]
        self._role_cells = min(ROLE_CELLS, max([cell_len(label) for label in labels] + [2]))

    def on_unmount(self) -> None:
        """Let go of the rows made (see `VirtualList.on_unmount`)."""
        super().on_unmount()
        self._made.clear()
        self._headings.clear()
        self._labels.clear()

    def _role_label(self, role_id: str) -> str:
        role = self.session.meeting.role_set.get(role_id)
        return role.label(self.session.lang) if role else ""

    def line_prompt(self, line: Utterance) -> RowText:
        """One line: time, role, then the text (wrapped) and its marks."""
        role = self._role_label(line.role_id) or ("※" if line.section is Section.NOTE else "")
        prefix = (
            ("    ", ""),
            (line.created_at.strftime("%H:%M"), "dim"),
            (" ", ""),
            (fit(role, self._role_cells), "bold"),
            (" ", ""),
        )
        body = [(line.text, "")]
        if line.verify:
            body.append((f"  ⚑{t('review.flag', self.lang)}", "bold reverse"))
        if line.off_record:
            body.append((f"  〔{t('review.off', self.lang)}〕", "italic"))
        return RowText(prefix, tuple(body))

    def _line_row(self, line: Utterance) -> Row:
        """A line's row (the one made before while the line is the same)."""
        made = self._made.get(line.id)
        if made is None or made[0] is not line:
            made = (line, Row(line_option_id(line.id), self.line_prompt(line)))
            self._made[line.id] = made
        return made[1]

    def _heading(self, item: AgendaItem, depth: int, count: int) -> Row:
        """An item's heading row (reused while its title, depth and count are the same)."""
        key = (item.label, item.title, depth, count)
        made = self._headings.get(item.id)
        if made is None or made[0] != key:
            body = [(f"{item.label} {item.title}".strip(), "bold underline")]
            if count:
                lines = counted(count, "line", self.lang)
                body.append((" " + t("review.no_lines", self.lang, count=lines), "dim"))
            made = (key, Row(f"item:{item.id}", RowText((("  " * depth, ""),), tuple(body))))
            self._headings[item.id] = made
        return made[1]

    def _decision_row(self, item_id: str, decision: Decision, depth: int) -> Row:
        """An item's decision as a row: outcome, wording, votes, mover and seconder."""
        lang = self.lang
        body = [(t(f"outcome.{decision.outcome.value}", lang), "bold")]
        if decision.conditions:
            body.append((" — " + decision.conditions, ""))
        vote = decision.vote
        if vote is not None:
            counts = t("review.vote", lang, yes=vote.for_, no=vote.against, abstain=vote.abstain)
            body.append((f"  ({counts})", "dim"))
        if decision.mover or decision.seconder:
            movers = t("review.movers", lang, mover=decision.mover, seconder=decision.seconder)
            body.append((f"  {movers}", "dim"))
        prefix = (("  " * depth + "    ", ""), (t("review.decision", lang), "bold"), (" ", ""))
        return Row(f"decision:{item_id}", RowText(prefix, tuple(body)))

    def rebuild(self, keep: str | None = None) -> None:
        """Fill the list from the meeting; keep the cursor on row `keep` (else the current)
        and the view where it was.

        Rows are reused: a line whose `Utterance` is the one already shown keeps its
        row, and with it the wrapping already worked out, so a move or a note at 10,000
        lines costs a pass over the lines, not 10,000 new rows.
        """
        keep = keep or self.highlighted_id()
        meeting = self.session.meeting
        by_item: dict[str, list[Utterance]] = {}
        for line in meeting.utterances:
            if line.verify or not self.only_flagged:
                by_item.setdefault(line.item_id, []).append(line)
        rows: list[Row] = []
        known = set()
        for item, depth in meeting.iter_items():
            known.add(item.id)
            lines = by_item.get(item.id, [])
            if not self.only_flagged or lines:
                rows += self._block(item, depth, lines)
        self._orphans = []
        for item_id, lines in by_item.items():  # lines of an item no longer on the agenda
            if item_id not in known:
                self._orphans.append(f"item:{item_id}")
                orphan = RowText((), ((f"? {item_id}", "bold"),))
                rows.append(Row(f"item:{item_id}", orphan))
                rows += self._line_rows(item_id, lines, 0)
        self.set_rows(rows)
        self._keep(keep)

    def _keep(self, keep: str | None) -> None:
        """The cursor on row `keep`; when it is gone, on the first line."""
        if keep is not None and self.has_option(keep):
            self.highlighted = self.get_option_index(keep)
        elif self.options:
            ids = (row.id or "" for row in self.options)
            self.highlighted = next((n for n, i in enumerate(ids) if i.startswith("line:")), 0)
        else:
            self.highlighted = None

    def _block(self, item: AgendaItem, depth: int, lines: list[Utterance]) -> list[Row]:
        """An item's rows: its heading, its lines, its decision."""
        rows = [self._heading(item, depth, len(lines)), *self._line_rows(item.id, lines, depth)]
        decision = self.session.meeting.decisions.get(item.id)
        if decision is not None and not self.only_flagged:
            rows.append(self._decision_row(item.id, decision, depth))
        return rows

    def refresh_items(self, *item_ids: str, keep: str | None = None) -> None:
        """Show these items again (their lines moved, added, split, joined, or their
        decision changed): only their rows are remade; `keep` as in `rebuild`."""
        keep = keep or self.highlighted_id()
        meeting = self.session.meeting
        depths = {item.id: (item, depth) for item, depth in meeting.iter_items()}
        wanted = dict.fromkeys(item_ids)
        if (
            self.only_flagged  # a filtered view, or an item off the agenda: all of it
            or any(i not in depths or not self.has_option(f"item:{i}") for i in wanted)
        ):
            self.rebuild(keep)
            return
        by_item: dict[str, list[Utterance]] = {item_id: [] for item_id in wanted}
        for line in meeting.utterances:
            if line.item_id in by_item:
                by_item[line.item_id].append(line)
        headings = sorted(
            self.get_option_index(key)
            for key in [f"item:{i}" for i in depths] + self._orphans
            if self.has_option(key)
        )
        starts = sorted((self.get_option_index(f"item:{i}"), i) for i in wanted)
        for start, item_id in reversed(starts):  # the last first: the earlier stay put
            stop = next((at for at in headings if at > start), self.option_count)
            item, depth = depths[item_id]
            self.splice(start, stop, self._block(item, depth, by_item[item_id]))
        self._keep(keep)

    def _line_rows(self, item_id: str, lines: list[Utterance], depth: int) -> list[Row]:
        """An item's lines as the minutes give them: the explanation, then the discussion
        with its notes and other lines in reading order, then the conclusion; a label
        where the section changes (a ※ note shows its mark, not a label)."""
        rows: list[Row] = []
        section: Section | None = None
        seen: dict[Section, int] = {}
        line_row = self._line_row
        for line in sorted(lines, key=lambda u: _SECTION_PART[u.section]):  # stable
            if line.section is not section and line.section is not Section.NOTE:
                section = line.section
                seen[section] = seen.get(section, 0) + 1
                key = (item_id, section, depth, seen[section])
                label = self._labels.get(key)
                if label is None:
                    text = ((t(f"section.{section.value}", self.lang), "italic"),)
                    label = Row(None, RowText((("  " * depth + "  ", ""),), text), disabled=True)
                    self._labels[key] = label
                rows.append(label)
            rows.append(line_row(line))
        return rows

    def remove_line(self, line: Utterance) -> None:
        """Take a deleted line's row out in place (and its section's label when it was the
        label's last line), and count the item's lines again: no pass over the list."""
        if self.only_flagged:
            self.rebuild()
            return
        index = self.get_option_index(line_option_id(line.id))
        self._made.pop(line.id, None)
        rows = self.options
        above = rows[index - 1] if index > 0 else None
        below = rows[index + 1] if index + 1 < len(rows) else None
        lone_label = (
            above is not None
            and above.id is None
            and (below is None or below.id is None or not below.id.startswith("line:"))
        )
        if lone_label:
            self.remove_rows(index - 1, 2)
        else:
            self.remove_rows(index)
        for item, depth in self.session.meeting.iter_items():
            if item.id == line.item_id:
                count = sum(1 for u in self.session.meeting.utterances if u.item_id == item.id)
                heading = f"item:{item.id}"
                self.replace_row(self.get_option_index(heading), self._heading(item, depth, count))
                break

    def show_line(self, line: Utterance) -> None:
        """Show a changed line again (text, role, marks), without rebuilding the list."""
        self.replace_row(self.get_option_index(line_option_id(line.id)), self._line_row(line))

    def highlighted_id(self) -> str | None:
        """The id of the row under the cursor."""
        row = self.highlighted_option
        return row.id if row is not None else None

    def current_line(self) -> Utterance | None:
        """The line under the cursor (None on a heading)."""
        row_id = self.highlighted_id() or ""
        if not row_id.startswith("line:"):
            return None
        line = attempt(self.session.line, int(row_id.removeprefix("line:")))
        return None if isinstance(line, ClerkError) else line

    def current_item_id(self) -> str | None:
        """The item of the line or heading under the cursor."""
        line = self.current_line()
        if line is not None:
            return line.item_id
        row_id = self.highlighted_id() or ""
        return row_id.removeprefix("item:") if row_id.startswith("item:") else None

    def next_flagged(self) -> bool:
        """Move the cursor to the next flagged line, wrapping round; False when none is."""
        flagged = {line_option_id(line.id) for line in self.session.flagged()}
        rows = self.options
        count = len(rows)
        start = self.highlighted if self.highlighted is not None else -1
        for step in range(1, count + 1):
            index = (start + step) % count
            if rows[index].id in flagged:
                self.highlighted = index
                return True
        return False
