"""The Japanese minutes, in the parts and order of the reference; the words come from the style.

Every word and sentence a body might write differently is a ``[words]`` entry, a
group name, an outcome word or a choice of the style (see docs/styles.md); this
module only decides what goes where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.models import (
    AgendaItem,
    Meeting,
    MemberRole,
    Presence,
    Publicity,
    Section,
    Utterance,
)
from live_notes.export.conclusions import conclusion_ja
from live_notes.export.jadate import format_date, to_fullwidth
from live_notes.export.numbering import number_label
from live_notes.export.style import DEFAULT_STYLES, Style, load_style
from live_notes.export.view import (
    PRESENT,
    ItemView,
    MinutesView,
    Para,
    Part,
    anonymous_letters,
    clock,
    heading,
    item_closed,
    kept_lines,
    labelled,
    people_with,
    recess_places,
    speaker_label,
    with_kind_headings,
)

if TYPE_CHECKING:
    from datetime import datetime, time

    from live_notes.domain.models import Person
    from live_notes.export.options import ExportOptions


class _Ja:
    """Composition state for one export: the meeting, the options, the style and helpers."""

    def __init__(self, meeting: Meeting, options: ExportOptions, style: Style) -> None:
        self.m = meeting
        self.o = options
        self.s = style
        self.w = style.word
        self.label_style = options.style_for(meeting, style)
        self.recesses = recess_places(meeting, options)
        self.labels: dict[tuple[str, str | None], str] = {}
        public = options.edition == "public"
        self.anonymous = anonymous_letters(meeting, public) if options.anonymise else None

    def digits(self, text: str) -> str:
        return to_fullwidth(text) if self.o.fullwidth else text

    def clock(self, at: time) -> str:
        return clock(at, self.s, self.o.fullwidth)

    def time(self, at: datetime) -> str:
        return self.clock(at.time())

    def names(self, people: list[str]) -> str:
        return self.w("list_sep").join(people)

    def member(self, p: Person) -> str:
        if not self.s.choice("layout", "offices_in_attendance", False):
            return p.name
        role = p.member_role
        if role is None or role is MemberRole.MEMBER:
            return p.name
        office = self.s.choice("offices", role.value, "")
        return self.w("office", name=p.name, office=office) if office else p.name

    # -- front matter ------------------------------------------------------------

    def front(self) -> list[Part]:
        m, h, w = self.m, self.m.header, self.w
        start = m.opened_at.time() if m.opened_at else h.scheduled_start
        end = m.closed_at.time() if m.closed_at else h.scheduled_end
        when = [Para(format_date(h.date, fullwidth=self.o.fullwidth, eras=self.o.eras), gap=False)]
        if start and end:
            when.append(Para(w("time_range", start=self.clock(start), end=self.clock(end))))
        elif start:
            when.append(Para(w("time_from", time=self.clock(start))))
        parts = [Part(w("h_when"), when)]
        if h.place:
            parts.append(Part(w("h_place"), [Para(h.place)]))
        members = [self.member(p) for p in people_with(m, "member", PRESENT)]
        parts.append(Part(self.s.group("member"), [Para(self.names(members) or w("none"))]))
        for group in ("secretariat", "department"):
            staff = people_with(m, group, PRESENT)
            if staff:
                paras = [Para(w("staff", title=p.title, name=p.name).strip()) for p in staff]
                parts.append(Part(self.s.group(group), paras))
        parts.append(self.agenda_part())
        if m.materials:
            parts.append(self.materials_part())
        publicity = [Para(self.s.choice("publicity", h.publicity.value, ""), gap=False)]
        publicity.append(Para(self.digits(w("audience", count=m.audience))))
        if h.publicity_reason and h.publicity is not Publicity.PUBLIC:
            publicity.append(Para(w("closed_reason", reason=h.publicity_reason)))
        parts.append(Part(w("h_publicity"), publicity))
        other = self.other_needed()
        if other:
            parts.append(Part(w("h_other"), other))
        return parts

    def agenda_part(self) -> Part:
        paras: list[Para] = []
        depths: list[int] = []
        rule = self.s.choice("layout", "agenda_space", "always")
        for item, depth in self.m.iter_items():
            if depths:
                # The reference sets the sub-items apart with blank lines, not the top level.
                paras[-1].gap = depths[-1] >= 1 or depth >= 1
            paras.append(Para(heading(item, rule), indent=depth))
            depths.append(depth)
        return Part(self.w("h_agenda"), paras, listing=True)

    def materials_part(self) -> Part:
        paras: list[Para] = []
        w = self.w
        for number, group in enumerate(self.m.materials, start=1):
            if len(group.items) == 1:
                paras.append(
                    Para(w("material_one", number=number, title=group.title, item=group.items[0]))
                )
                continue
            paras.append(Para(w("material_group", number=number, title=group.title)))
            for sub, name in enumerate(group.items, start=1):
                paras.append(Para(w("material_item", number=sub, name=name), indent=1))
        return Part(w("h_materials"), paras, listing=True)

    def other_needed(self) -> list[Para]:
        m, w = self.m, self.w
        paras = []
        absent = people_with(m, "member", (Presence.ABSENT,))
        if absent:
            paras.append(Para(w("absent", names=self.names([p.name for p in absent]))))
        late, early = [], []
        for person in people_with(m, "member", PRESENT):
            mark = m.attendance[person.id]
            if mark.arrived_at is not None:
                late.append(w("late_one", name=person.name, time=self.time(mark.arrived_at)))
            if mark.left_at is not None:
                early.append(w("early_one", name=person.name, time=self.time(mark.left_at)))
        if late:
            paras.append(Para(w("late", names=self.names(late))))
        if early:
            paras.append(Para(w("early", names=self.names(early))))
        if m.header.next_meeting:
            paras.append(Para(w("next_meeting", text=m.header.next_meeting)))
        if m.header.signers:
            paras.append(Para(w("signers", names=self.names(m.header.signers))))
        paras.extend(Para(text) for text in m.header.other_notes.splitlines() if text.strip())
        return paras

    # -- record of proceedings --------------------------------------------------

    def item(self, item: AgendaItem, depth: int) -> ItemView:
        rule = self.s.choice("layout", "heading_space", "auto")
        view = ItemView(item.id, heading(item, rule), depth)
        if self.o.public and item_closed(item, self.m):
            reason = self.w("item_closed_reason", reason=item.closed_reason)
            text = self.w("item_closed", reason=reason if item.closed_reason else "")
            view.paras.append(Para(text, "closed"))
            for anchor in dict.fromkeys(a for a, _ in self.recesses.get(item.id, [])):
                view.paras.extend(self.recess(anchor, item.id))  # the recess still happened
            return view
        lines = kept_lines(self.m, item, self.o)
        if item.takes_decision:
            view.gap = False
            view.paras = self.deliberation(item, lines)
        else:
            view.paras = self.narrative(item, lines)
        view.paras.extend(self.recess(None, item.id))
        if view.paras:
            view.paras[-1].gap = True
        return view

    def explanation(self, line: Utterance, prefix: str = "", gap: bool = True) -> list[Para]:
        """An explanation line: as a paragraph, with its label if the style says so."""
        if self.s.choice("labels", "explanation", False):
            paras = self.utterance(line)
            if prefix:
                paras.insert(0, Para(prefix, "sub", gap=False))
            return paras
        text = prefix + self.marked(line, line.text)
        return [Para(text, gap=gap, verify=line.verify, line_id=line.id)]

    def deliberation(self, item: AgendaItem, lines: list[Utterance]) -> list[Para]:
        paras: list[Para] = []
        numbering = str(self.s.choice("layout", "sub_numbering", "(1)"))
        subs = iter(range(1, 100))
        explained = [u for u in lines if u.section is Section.EXPLANATION]
        for n, line in enumerate(explained):
            prefix = number_label(next(subs), numbering) if n == 0 else ""
            paras.extend(self.explanation(line, prefix, gap=False))
            paras.extend(self.recess(line.id, item.id))
        discussion = number_label(next(subs), numbering) + self.w("discussion")
        paras.append(Para(discussion, "sub"))
        for line in lines:
            if line.section in (Section.DISCUSSION, Section.NOTE, Section.OTHER):
                paras.extend(self.utterance(line))
                paras.extend(self.recess(line.id, item.id))
        paras.append(Para(number_label(next(subs), numbering) + self.w("conclusion"), "sub"))
        decision = self.m.decisions.get(item.id)
        text = (
            conclusion_ja(item.title, decision, self.o.fullwidth, self.s, item.kind)
            if decision
            else ""
        )
        paras.append(Para(text or self.w("no_conclusion"), "conclusion", indent=1))
        for line in lines:
            if line.section is Section.CONCLUSION:
                paras.append(Para(self.marked(line, line.text), "conclusion", indent=1))
                paras.extend(self.recess(line.id, item.id))
        return paras

    def narrative(self, item: AgendaItem, lines: list[Utterance]) -> list[Para]:
        """An item without a decision: the report as paragraphs, then the opinions."""
        paras: list[Para] = []
        for line in lines:
            if line.section is Section.EXPLANATION:
                paras.extend(self.explanation(line))
                paras.extend(self.recess(line.id, item.id))
        rest = [u for u in lines if u.section is not Section.EXPLANATION]
        if any(u.section in (Section.DISCUSSION, Section.OTHER) for u in rest):
            paras.append(Para(self.w("opinions"), "sub"))
        for line in rest:
            if line.section is Section.CONCLUSION:
                paras.append(Para(self.marked(line, line.text), line_id=line.id))
            else:
                paras.extend(self.utterance(line))
            paras.extend(self.recess(line.id, item.id))
        decision = self.m.decisions.get(item.id)
        if decision is not None and decision.outcome.value in self.s.choice(
            "outcomes", "report_outcomes", []
        ):
            text = conclusion_ja(item.title, decision, self.o.fullwidth, self.s, item.kind)
            if text:
                paras.append(Para(text, "conclusion"))
        return paras

    def utterance(self, line: Utterance) -> list[Para]:
        if line.section is Section.NOTE:
            mark = self.w("note_mark")
            text = line.text if line.text.startswith(mark) else self.w("note", text=line.text)
            return [Para(self.marked(line, text), "note", verify=line.verify, line_id=line.id)]
        key = (line.role_id, line.person_id)
        label = self.labels.get(key)
        if label is None:
            label = speaker_label(
                self.m, line, self.s, self.label_style, self.o.with_names, self.anonymous
            )
            self.labels[key] = label
        return [
            Para(
                self.marked(line, text) if kind == "line" else text,
                kind,
                gap=kind == "line",
                verify=line.verify,
                line_id=line.id,
                label=printed,
            )
            for kind, text, printed in labelled(
                label, line.text, self.label_style, self.s, line.role_id == "chair"
            )
        ]

    def marked(self, line: Utterance, text: str) -> str:
        if line.off_record:
            text = self.w("off_record", text=text)
        # 〔要確認〕 is the clerk's note to self: never in the public edition.
        return self.w("verify", text=text) if line.verify and not self.o.public else text

    def recess(self, after: int | None, item_id: str) -> list[Para]:
        out = []
        for anchor, recess in self.recesses.get(item_id, []):
            if anchor != after:
                continue
            start = self.time(recess.start)
            if recess.end is None:
                out.append(Para(self.w("recess_open", start=start), "recess"))
                continue
            end = self.time(recess.end)
            if self.w("resumed"):
                out.append(Para(self.w("recess_open", start=start), "recess"))
                out.append(Para(self.w("resumed", end=end), "recess"))
            else:
                out.append(Para(self.w("recess", start=start, end=end), "recess"))
        return out


def compose_ja(meeting: Meeting, options: ExportOptions, style: Style | None = None) -> MinutesView:
    """The Japanese minutes of a meeting, composed for the templates."""
    style = style or load_style(DEFAULT_STYLES["ja"])
    ja = _Ja(meeting, options, style)
    w = style.word
    items = with_kind_headings(meeting, style, ja.item)
    closing = w("closing", time=ja.time(meeting.closed_at)) if meeting.closed_at else ""
    mark = "" if options.final else w("draft")
    if not options.public:
        mark += w("internal")
    signature = [w("signature", names=ja.names(meeting.header.signers))] if w("signature") else []
    return MinutesView(
        lang="ja",
        title=w("title", title=meeting.header.title, body=meeting.header.body),
        subtitle="",
        draft_mark=mark,
        parts=ja.front(),
        record_heading=w("record"),
        items=items,
        closing=closing,
        signature=signature,
    )
