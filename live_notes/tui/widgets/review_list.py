"""The review list: every item with its lines, in a `VirtualList` that stays quick at 10,000.

Each line is a `RowText`: time and role in a fixed gutter and the text wrapped beside
it (kinsoku), so a long Japanese utterance stays readable. Rows are made once and
kept: an edit replaces one row; a delete, move, note, split or join puts in or takes out
only the rows of the lines concerned (and a section's label where a section starts or
ends there); only the rows on screen are drawn.
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
        self._labels: dict[tuple[Section, int], RowText] = {}
        self._counts: dict[str, int] = {}
        """Item id → its lines shown (as its heading counts them)."""
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

    def _label_text(self, section: Section, depth: int) -> RowText:
        """A section's label (one text per section and depth, each label its own row)."""
        text = self._labels.get((section, depth))
        if text is None:
            body = ((t(f"section.{section.value}", self.lang), "italic"),)
            text = RowText((("  " * depth + "  ", ""),), body)
            self._labels[section, depth] = text
        return text

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
        """Fill the list from the meeting (a line still the same keeps its row); keep the
        cursor on row `keep` (else the current) and the view where it was."""
        keep = keep or self.highlighted_id()
        self.set_rows(self.whole_rows())
        self._keep(keep)

    def whole_rows(self) -> list[Row]:
        """Every row of the list, made from the meeting (rows already made are reused)."""
        meeting = self.session.meeting
        by_item: dict[str, list[Utterance]] = {}
        for line in meeting.utterances:
            if line.verify or not self.only_flagged:
                by_item.setdefault(line.item_id, []).append(line)
        self._counts = {item_id: len(lines) for item_id, lines in by_item.items()}
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
        return rows

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
            self._counts[item_id] = len(by_item[item_id])
            self.splice(start, stop, self._block(item, depth, by_item[item_id]))
        self._keep(keep)

    def _line_rows(self, item_id: str, lines: list[Utterance], depth: int) -> list[Row]:
        """An item's lines as the minutes give them: the explanation, then the discussion
        with its notes and other lines in reading order, then the conclusion; a label
        where the section changes (a ※ note shows its mark, not a label)."""
        rows: list[Row] = []
        section: Section | None = None
        line_row = self._line_row
        for line in sorted(lines, key=lambda u: _SECTION_PART[u.section]):  # stable
            if line.section is not section and line.section is not Section.NOTE:
                section = line.section
                text = self._label_text(section, depth)
                label = Row(None, text, disabled=True)
                rows.append(label)
            rows.append(line_row(line))
        return rows

    def remove_line(self, line: Utterance) -> None:
        """Take a deleted line's row out in place (with its section's label, and the label
        of the line after it put right), and count the item's lines again."""
        if self.only_flagged:
            self.rebuild()
            return
        self._drop(line.id, self._depths())
        self._recount(line.item_id)

    def place_lines(self, *lines: Utterance, gone: tuple[int, ...] = ()) -> None:
        """Show lines added, moved or changed in their places and take the `gone` ones
        out: only their rows go in or out (a section's label only where a section starts
        or ends there); the rest of the list is untouched."""
        depths = self._depths()
        if self.only_flagged or any(line.item_id not in depths for line in lines):
            self.rebuild()
            return
        items = {line.item_id for line in lines}
        for line_id in gone:
            dropped = self._drop(line_id, depths)
            if dropped is not None:
                items.add(dropped)
        for line in lines:
            dropped = self._drop(line.id, depths)
            if dropped is not None:
                items.add(dropped)
        for line in lines:
            self._counts[line.item_id] = self._counts.get(line.item_id, 0) + 1
            at = self._insert_at(line)
            self.splice(at, at, [self._line_row(line)])
            if line.section is not Section.NOTE:
                at += self._fix_label(at, depths[line.item_id])
                self._fix_label(at + 1, depths[line.item_id])
        self._recount(*items)

    def _depths(self) -> dict[str, int]:
        return {item.id: depth for item, depth in self.session.meeting.iter_items()}

    def _shown(self, index: int) -> Utterance | None:
        """The line shown on row `index` (None: a heading, a label or a decision)."""
        row_id = self._list[index].id
        if row_id is None or not row_id.startswith("line:"):
            return None
        made = self._made.get(int(row_id[5:]))
        return made[0] if made is not None else None

    def _drop(self, line_id: int, depths: dict[str, int]) -> str | None:
        """Take a line's row out, with the label before it (its own); put right the label
        of the next line. Its item's id (None: it had no row)."""
        key = line_option_id(line_id)
        if not self.has_option(key):
            return None
        index = self.get_option_index(key)
        line = self._shown(index)
        start = index - 1 if index and self._list[index - 1].id is None else index
        self.remove_rows(start, index + 1 - start)
        self._made.pop(line_id, None)
        if line is None:
            return None
        self._counts[line.item_id] = self._counts.get(line.item_id, 1) - 1
        self._fix_label(start, depths.get(line.item_id, 0))
        return line.item_id

    def _fix_label(self, at: int, depth: int) -> int:
        """Put right the label before the first line from row `at` on that is not a ※
        note (within its item): one where its section starts, none otherwise, and none
        left before the item's end. The rows gained (1), lost (-1) or 0."""
        rows = self._list
        end = len(rows)
        here = at
        while here < end and (rows[here].id is None or self._is_note(here)):
            here += 1
        line = self._shown(here) if here < end else None
        before = here - 1
        has_label = before >= 0 and rows[before].id is None
        wanted: Section | None = None
        if line is not None:
            back = before - 1 if has_label else before
            current: Section | None = None
            while back >= 0:
                shown = self._shown(back) if rows[back].id is not None else None
                if rows[back].id is not None and shown is None:
                    break  # the item's heading
                if shown is not None and shown.section is not Section.NOTE:
                    current = shown.section
                    break
                back -= 1
            wanted = line.section if line.section is not current else None
        if wanted is None:
            if has_label:
                self.remove_rows(before)
                return -1
            return 0
        text = self._label_text(wanted, depth)
        if has_label:
            if rows[before].prompt is not text:
                self.replace_row(before, Row(None, text, disabled=True))
            return 0
        self.splice(here, here, [Row(None, text, disabled=True)])
        return 1

    def _is_note(self, index: int) -> bool:
        shown = self._shown(index)
        return shown is not None and shown.section is Section.NOTE

    def _insert_at(self, line: Utterance) -> int:
        """Where a line's row goes: an item shows its lines by section part (explanation,
        discussion and the rest, conclusion), each in the meeting's order."""
        lines = self.session.meeting.utterances
        index = self.session.line_index(line.id)
        part = _SECTION_PART[line.section]
        item_id = line.item_id
        for back in range(index - 1, -1, -1):
            other = lines[back]
            if other.item_id == item_id and _SECTION_PART[other.section] == part:
                key = line_option_id(other.id)
                if self.has_option(key):
                    return self.get_option_index(key) + 1
        for ahead in range(index + 1, len(lines)):
            other = lines[ahead]
            if other.item_id == item_id and _SECTION_PART[other.section] == part:
                key = line_option_id(other.id)
                if self.has_option(key):
                    at = self.get_option_index(key)
                    return at - 1 if self._list[at - 1].id is None else at
        rows = self._list
        heading = self.get_option_index(f"item:{item_id}")
        if part == 0:
            return heading + 1
        at = self._item_end(item_id)
        while at - 1 > heading:
            shown = self._shown(at - 1) if rows[at - 1].id is not None else None
            if rows[at - 1].id is not None and (
                shown is None or _SECTION_PART[shown.section] <= part
            ):
                break
            at -= 1
        return at

    def _item_end(self, item_id: str) -> int:
        """The row after an item's rows (its decision's row counts as the item's)."""
        after = False
        end = self.option_count
        for item, _ in self.session.meeting.iter_items():
            if after and self.has_option(f"item:{item.id}"):
                end = self.get_option_index(f"item:{item.id}")
                break
            after = after or item.id == item_id
        else:
            if self._orphans:
                end = self.get_option_index(self._orphans[0])
        if (self._list[end - 1].id or "").startswith("decision:"):
            end -= 1
        return end

    def _recount(self, *item_ids: str) -> None:
        """The headings of these items with their lines counted again."""
        for item, depth in self.session.meeting.iter_items():
            if item.id in item_ids and self.has_option(f"item:{item.id}"):
                heading = self.get_option_index(f"item:{item.id}")
                count = self._counts.get(item.id, 0)
                self.replace_row(heading, self._heading(item, depth, count))

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
