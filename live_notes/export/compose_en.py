"""English minutes from the same record; the words come from the style (en-board by default).

As in `compose_ja`, every word a body might write differently is in the style's
style.toml (see docs/styles.md); this module only decides what goes where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.models import (
    AgendaItem,
    ItemKind,
    Meeting,
    MemberRole,
    Presence,
    Publicity,
    Section,
    Utterance,
)
from live_notes.export.conclusions import outcome_en
from live_notes.export.jadate import format_date_en
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
    from datetime import datetime

    from live_notes.domain.models import Person
    from live_notes.export.options import ExportOptions


class _En:
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

    def t(self, at: datetime) -> str:
        return clock(at.time(), self.s)

    def person(self, p: Person) -> str:
        role = p.member_role
        office = self.s.choice("offices", role.value, "") if role else ""
        show = self.s.choice("layout", "offices_in_attendance", False)
        if show and office and role is not MemberRole.MEMBER:
            return self.w("office", name=p.name, office=office)
        return p.name

    def staff(self, p: Person) -> str:
        return self.w("staff", name=p.name, title=p.title) if p.title else p.name

    def front(self) -> list[Part]:
        m, h, w = self.m, self.m.header, self.w
        start = m.opened_at.time() if m.opened_at else h.scheduled_start
        end = m.closed_at.time() if m.closed_at else h.scheduled_end
        day = format_date_en(h.date)
        if start and end:
            when = w("when_range", date=day, start=clock(start, self.s), end=clock(end, self.s))
        elif start:
            when = w("when_start", date=day, start=clock(start, self.s))
        else:
            when = w("when", date=day)
        parts = [Part(w("h_when"), [Para(when)])]
        if h.place:
            parts.append(Part(w("h_place"), [Para(h.place)]))
        sep = w("list_sep")
        present = people_with(m, "member", PRESENT)
        names = sep.join(map(self.person, present)) or w("none")
        parts.append(Part(self.s.group("member"), [Para(names)]))
        absent = people_with(m, "member", (Presence.ABSENT,))
        parts.append(Part(w("h_absent"), [Para(sep.join(map(self.person, absent)) or w("none"))]))
        moves = []
        for p in present:
            mark = m.attendance[p.id]
            if mark.arrived_at is not None:
                moves.append(Para(w("arrived", name=p.name, time=self.t(mark.arrived_at))))
            if mark.left_at is not None:
                moves.append(Para(w("left", name=p.name, time=self.t(mark.left_at))))
        if moves:
            parts.append(Part(w("h_moves"), moves))
        staff: dict[str, list[Person]] = {}
        for group in ("secretariat", "department"):
            staff.setdefault(self.s.group(group), []).extend(people_with(m, group, PRESENT))
        for heading_, people in staff.items():
            if people:
                parts.append(Part(heading_, [Para(w("staff_sep").join(map(self.staff, people)))]))
        if h.publicity is Publicity.CLOSED:
            public = (
                w("closed_public_reason", reason=h.publicity_reason)
                if h.publicity_reason
                else w("closed_public")
            )
        else:
            public = w("audience", count=m.audience)
        parts.append(Part(w("h_public"), [Para(public)]))
        if m.materials:
            paras = []
            for material in m.materials:
                paras.append(Para(material.title))
                paras.extend(Para(name, indent=1) for name in material.items)
            parts.append(Part(w("h_materials"), paras, listing=True))
        other = [Para(t) for t in h.other_notes.splitlines() if t.strip()]
        if h.next_meeting:
            other.append(Para(w("next_meeting", text=h.next_meeting)))
        if other:
            parts.append(Part(w("h_other"), other))
        return parts

    def chair(self) -> str:
        for p in people_with(self.m, "member", PRESENT):
            if p.member_role is MemberRole.CHAIR:
                return p.name
        return ""

    def item(self, item: AgendaItem, depth: int) -> ItemView:
        rule = self.s.choice("layout", "heading_space", "always")
        view = ItemView(item.id, heading(item, rule), depth)
        paras = view.paras
        if self.o.public and item_closed(item, self.m):
            reason = self.w("item_closed_reason", reason=item.closed_reason)
            paras.append(
                Para(self.w("item_closed", reason=reason if item.closed_reason else ""), "closed")
            )
            for anchor in dict.fromkeys(a for a, _ in self.recesses.get(item.id, [])):
                view.paras.extend(self.recess(anchor, item.id))  # the recess still happened
            return view
        if item.kind is ItemKind.OPENING and self.m.opened_at:
            chair, at = self.chair(), self.t(self.m.opened_at)
            key = "called_to_order_by" if chair else "called_to_order"
            paras.append(Para(self.w(key, time=at, chair=chair)))
        lines = kept_lines(self.m, item, self.o)
        for line in lines:
            if line.section is Section.EXPLANATION:
                if self.s.choice("labels", "explanation", False):
                    paras.extend(self.utterance(line))
                else:
                    paras.append(Para(self.marked(line, line.text), line_id=line.id))
                paras.extend(self.recess(line.id, item.id))
        rest = [u for u in lines if u.section is not Section.EXPLANATION]
        if any(u.section is not Section.CONCLUSION for u in rest):
            paras.append(Para(self.w("discussion"), "sub"))
        for line in rest:
            paras.extend(self.utterance(line))
            paras.extend(self.recess(line.id, item.id))
        decision = self.m.decisions.get(item.id)
        allowed = item.takes_decision or (
            decision is not None
            and decision.outcome.value in self.s.choice("outcomes", "report_outcomes", [])
        )
        if decision is not None and allowed:
            text = outcome_en(decision, self.s, item.kind, self.m)
            paras.append(Para(self.w("outcome_line", text=text), "conclusion"))
        elif item.takes_decision:
            paras.append(Para(self.w("no_outcome"), "conclusion"))
        paras.extend(self.recess(None, item.id))
        if item.kind is ItemKind.CLOSING and self.m.closed_at:
            paras.append(Para(self.w("closing", time=self.t(self.m.closed_at))))
        return view

    def utterance(self, line: Utterance) -> list[Para]:
        if line.section is Section.NOTE:
            text = self.marked(line, self.w("note", text=line.text))
            return [Para(text, "note", line_id=line.id)]
        if line.section is Section.CONCLUSION:
            return [Para(self.marked(line, line.text), "conclusion", line_id=line.id)]
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
        # [VERIFY] is the clerk's note to self: never in the public edition.
        return self.w("verify", text=text) if line.verify and not self.o.public else text

    def recess(self, after: int | None, item_id: str) -> list[Para]:
        out = []
        for anchor, recess in self.recesses.get(item_id, []):
            if anchor == after:
                start = self.t(recess.start)
                if recess.end:
                    text = self.w("recess", start=start, end=self.t(recess.end))
                else:
                    text = self.w("recess_open", start=start)
                out.append(Para(text, "recess"))
        return out

    def signature(self) -> list[str]:
        if not self.w("signature"):
            return []
        group = self.w("signature_role")
        people = people_with(self.m, group, PRESENT) if group else []
        lines = [self.w("signature")]
        if people:
            p = people[0]
            lines.append(
                self.w("signature_name", name=p.name, title=p.title) if p.title else p.name
            )
        return lines


def compose_en(meeting: Meeting, options: ExportOptions, style: Style | None = None) -> MinutesView:
    """The English minutes of a meeting, composed for the templates."""
    style = style or load_style(DEFAULT_STYLES["en"])
    en = _En(meeting, options, style)
    w = style.word
    items = with_kind_headings(meeting, style, en.item)
    has_closing = any(item.kind is ItemKind.CLOSING for item, _ in meeting.iter_items())
    closing = ""
    if meeting.closed_at and not has_closing:
        closing = w("closing", time=en.t(meeting.closed_at))
    mark = "" if options.final else w("draft")
    if not options.public:
        mark = f"{mark} {w('internal')}".strip()
    return MinutesView(
        lang="en",
        title=w("title", body=meeting.header.body, title=meeting.header.title),
        subtitle=w("subtitle"),
        draft_mark=mark,
        parts=en.front(),
        record_heading=w("record"),
        items=items,
        closing=closing,
        signature=en.signature(),
    )
