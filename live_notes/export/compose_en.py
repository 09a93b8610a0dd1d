"""Conventional English minutes from the same record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.models import (
    AgendaItem,
    Decision,
    ItemKind,
    Lang,
    Meeting,
    Outcome,
    Person,
    Presence,
    Publicity,
    Section,
    Utterance,
)
from live_notes.export.jadate import format_date_en, format_time_en
from live_notes.export.view import (
    PRESENT,
    ItemView,
    MinutesView,
    Para,
    Part,
    item_closed,
    kept_lines,
    labelled,
    people_with,
    recess_places,
    speaker_label,
)

if TYPE_CHECKING:
    from datetime import datetime

    from live_notes.export.options import ExportOptions

VERIFY_MARK = " [VERIFY]"
OFF_RECORD_MARK = "[OFF THE RECORD] "
_OFFICES = {"chair": "Chair", "vice_chair": "Vice-Chair"}


def _t(at: datetime) -> str:
    return format_time_en(at.time())


def _stop(text: str) -> str:
    """A sentence ending with one full stop (times end with "a.m." already)."""
    return text if text.endswith(".") else text + "."


def _person(p: Person) -> str:
    office = _OFFICES.get(p.member_role.value if p.member_role else "")
    return f"{p.name} ({office})" if office else p.name


def _staff(p: Person) -> str:
    return f"{p.name}, {p.title}" if p.title else p.name


def outcome_en(decision: Decision) -> str:
    """The outcome sentence: "Approved.", "Approved, subject to …", "Deferred …"."""
    conditions = " ".join(decision.conditions.split())
    match decision.outcome:
        case Outcome.APPROVED:
            text = "Approved."
        case Outcome.APPROVED_WITH_CONDITIONS:
            text = f"Approved, subject to {conditions.removeprefix('subject to ').rstrip('.')}."
            conditions = ""
        case Outcome.REJECTED:
            text = "Not approved."
        case Outcome.CONTINUED:
            text = "Deferred to a later meeting."
        case _:
            text = "No action taken."
    if conditions:
        text += f" {conditions.rstrip('.')}."
    vote = decision.vote
    if vote is not None and (vote.for_ or vote.against or vote.abstain):
        tally = f"{vote.for_} for, {vote.against} against"
        if vote.abstain:
            tally += f", {vote.abstain} abstaining"
        text += f" ({tally})"
    return text


class _En:
    def __init__(self, meeting: Meeting, options: ExportOptions) -> None:
        self.m = meeting
        self.o = options
        self.style = options.style_for(meeting)
        self.recesses = recess_places(meeting, options)

    def front(self) -> list[Part]:
        m, h = self.m, self.m.header
        start = m.opened_at.time() if m.opened_at else h.scheduled_start
        end = m.closed_at.time() if m.closed_at else h.scheduled_end
        when = format_date_en(h.date)
        if start:
            when += f", {format_time_en(start)}"
            if end:
                when += f" to {format_time_en(end)}"
        parts = [Part("Date and time", [Para(when)])]
        if h.place:
            parts.append(Part("Place", [Para(h.place)]))
        present = people_with(m, "member", PRESENT)
        parts.append(Part("Members present", [Para(", ".join(map(_person, present)) or "None")]))
        absent = people_with(m, "member", (Presence.ABSENT,))
        parts.append(Part("Members absent", [Para(", ".join(map(_person, absent)) or "None")]))
        moves = []
        for p in present:
            mark = m.attendance[p.id]
            if mark.arrived_at is not None:
                moves.append(Para(_stop(f"{p.name} arrived at {_t(mark.arrived_at)}")))
            if mark.left_at is not None:
                moves.append(Para(_stop(f"{p.name} left at {_t(mark.left_at)}")))
        if moves:
            parts.append(Part("Arrivals and departures", moves))
        staff = people_with(m, "secretariat", PRESENT) + people_with(m, "department", PRESENT)
        if staff:
            parts.append(Part("Staff present", [Para("; ".join(map(_staff, staff)))]))
        public = "Closed session" if h.publicity is Publicity.CLOSED else f"{m.audience}"
        if h.publicity is Publicity.CLOSED:
            public += f" ({h.publicity_reason})" if h.publicity_reason else ""
        parts.append(Part("Members of the public", [Para(public)]))
        if m.materials:
            paras = []
            for group in m.materials:
                paras.append(Para(group.title))
                paras.extend(Para(name, indent=1) for name in group.items)
            parts.append(Part("Materials", paras, listing=True))
        other = [Para(t) for t in h.other_notes.splitlines() if t.strip()]
        if h.next_meeting:
            other.append(Para(f"Next meeting: {h.next_meeting}"))
        if other:
            parts.append(Part("Other matters", other))
        return parts

    def item(self, item: AgendaItem, depth: int) -> ItemView:
        view = ItemView(item.id, f"{item.label} {item.title}".strip(), depth)
        paras = view.paras
        if self.o.public and item_closed(item, self.m):
            reason = f" ({item.closed_reason})" if item.closed_reason else ""
            paras.append(Para(f"Held in closed session{reason}.", "closed"))
            for anchor in dict.fromkeys(a for a, _ in self.recesses.get(item.id, [])):
                view.paras.extend(self.recess(anchor, item.id))  # the recess still happened
            return view
        if item.kind is ItemKind.OPENING and self.m.opened_at:
            paras.append(Para(_stop(f"The meeting was called to order at {_t(self.m.opened_at)}")))
        lines = kept_lines(self.m, item, self.o)
        for line in lines:
            if line.section is Section.EXPLANATION:
                paras.append(Para(self.marked(line, line.text), line_id=line.id))
                paras.extend(self.recess(line.id, item.id))
        rest = [u for u in lines if u.section is not Section.EXPLANATION]
        if any(u.section is not Section.CONCLUSION for u in rest):
            paras.append(Para("Discussion", "sub"))
        for line in rest:
            paras.extend(self.utterance(line))
            paras.extend(self.recess(line.id, item.id))
        decision = self.m.decisions.get(item.id)
        if decision is not None:
            paras.append(Para(f"Outcome: {outcome_en(decision)}", "conclusion"))
        elif item.takes_decision:
            paras.append(Para("Outcome: [not recorded]", "conclusion"))
        paras.extend(self.recess(None, item.id))
        if item.kind is ItemKind.CLOSING and self.m.closed_at:
            paras.append(Para(_stop(f"The meeting adjourned at {_t(self.m.closed_at)}")))
        return view

    def utterance(self, line: Utterance) -> list[Para]:
        if line.section is Section.NOTE:
            return [Para(self.marked(line, f"Note: {line.text}"), "note", line_id=line.id)]
        if line.section is Section.CONCLUSION:
            return [Para(self.marked(line, line.text), "conclusion", line_id=line.id)]
        label = speaker_label(self.m, line, Lang.EN, self.style, self.o.with_names)
        return [
            Para(
                self.marked(line, text) if kind == "line" else text,
                kind,
                gap=kind == "line",
                verify=line.verify,
                line_id=line.id,
            )
            for kind, text in labelled(label, line.text, self.style, Lang.EN)
        ]

    def marked(self, line: Utterance, text: str) -> str:
        if line.off_record:
            text = OFF_RECORD_MARK + text
        return text + VERIFY_MARK if line.verify else text

    def recess(self, after: int | None, item_id: str) -> list[Para]:
        out = []
        for anchor, recess in self.recesses.get(item_id, []):
            if anchor == after:
                text = f"The meeting recessed at {_t(recess.start)}"
                if recess.end:
                    text += f" and resumed at {_t(recess.end)}"
                out.append(Para(_stop(text), "recess"))
        return out


def compose_en(meeting: Meeting, options: ExportOptions) -> MinutesView:
    """The English minutes of a meeting, composed for the templates."""
    en = _En(meeting, options)
    items = [en.item(item, depth) for item, depth in meeting.iter_items()]
    has_closing = any(item.kind is ItemKind.CLOSING for item, _ in meeting.iter_items())
    closing = ""
    if meeting.closed_at and not has_closing:
        closing = _stop(f"The meeting adjourned at {_t(meeting.closed_at)}")
    mark = "" if options.final else "DRAFT"
    if not options.public:
        mark = f"{mark} (INTERNAL)".strip()
    return MinutesView(
        lang="en",
        title=f"{meeting.header.body}: {meeting.header.title}",
        subtitle="Minutes",
        draft_mark=mark,
        parts=en.front(),
        record_heading="Proceedings",
        items=items,
        closing=closing,
    )
