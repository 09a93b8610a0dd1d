"""The structured context a style's templates receive, besides the composed minutes (`m`).

Everything is plain data (dicts, lists, strings, numbers, datetimes), documented in
docs/styles.md: a template that wants its own wording takes the facts from here and
the words from ``style`` instead of cutting up the composed sentences of ``m``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from live_notes.export.view import PRESENT, kept_lines, recess_places

if TYPE_CHECKING:
    from live_notes.domain.models import AgendaItem, Meeting, Person
    from live_notes.export.options import ExportOptions
    from live_notes.export.style import Style


def _person(meeting: Meeting, p: Person) -> dict[str, Any]:
    mark = meeting.attendance.get(p.id)
    return {
        "id": p.id,
        "name": p.name,
        "title": p.title,
        "group": p.group.value,
        "office": p.member_role.value if p.member_role else "",
        "attendance": meeting.presence(p.id).value,
        "present": meeting.presence(p.id) in PRESENT,
        "arrived_at": mark.arrived_at if mark else None,
        "left_at": mark.left_at if mark else None,
    }


def _item(
    meeting: Meeting,
    item: AgendaItem,
    depth: int,
    options: ExportOptions,
    style: Style,
    recesses: dict[str, Any],
) -> dict[str, Any]:
    lines = []
    for line in kept_lines(meeting, item, options):
        role = meeting.role_set.get(line.role_id)
        person = meeting.person(line.person_id) if line.person_id else None
        lines.append(
            {
                "id": line.id,
                "section": line.section.value,
                "role": {
                    "id": line.role_id,
                    "ja": role.ja if role else line.role_id,
                    "en": role.en if role else line.role_id,
                    "label": role.label(style.lang) if role else line.role_id,
                    "side": role.side.value if role else "neutral",
                    "speaker": line.role_id not in style.choice("labels", "none", []),
                },
                "person": person.name if person else "",
                "text": line.text,
                "verify": line.verify,
                "off_record": line.off_record,
                "at": line.created_at,
                "edited_at": line.edited_at,
            }
        )
    decision = meeting.decisions.get(item.id)
    decided = None
    if decision is not None:
        vote = decision.vote
        decided = {
            "outcome": decision.outcome.value,
            "word": style.outcome(decision.outcome.value, item.kind.value),
            "conditions": decision.conditions,
            "mover": decision.mover,
            "seconder": decision.seconder,
            "vote": {"for": vote.for_, "against": vote.against, "abstain": vote.abstain}
            if vote
            else None,
            "at": decision.decided_at,
        }
    return {
        "id": item.id,
        "label": item.label,
        "title": item.title,
        "kind": item.kind.value,
        "depth": depth,
        "department": item.department,
        "presenters": [p.name for pid in item.presenters if (p := meeting.person(pid)) is not None],
        "publicity": (item.publicity or meeting.header.publicity).value,
        "closed_reason": item.closed_reason,
        "lines": lines,
        "decision": decided,
        "recesses": [
            {"after_line": after, "start": r.start, "end": r.end}
            for after, r in recesses.get(item.id, [])
        ],
    }


def meeting_context(meeting: Meeting, options: ExportOptions, style: Style) -> dict[str, Any]:
    """The meeting as the templates' ``meeting``: see docs/styles.md for every key."""
    h = meeting.header
    recesses = recess_places(meeting, options)
    return {
        "id": meeting.id,
        "body": h.body,
        "title": h.title,
        "lang": style.lang,
        "date": h.date,
        "opened_at": meeting.opened_at,
        "closed_at": meeting.closed_at,
        "scheduled_start": h.scheduled_start,
        "scheduled_end": h.scheduled_end,
        "place": h.place,
        "publicity": h.publicity.value,
        "publicity_reason": h.publicity_reason,
        "audience": meeting.audience,
        "materials": [{"title": g.title, "items": list(g.items)} for g in meeting.materials],
        "recesses": [{"start": r.start, "end": r.end} for r in meeting.recesses],
        "status": meeting.status.value,
        "signers": list(h.signers),
        "next_meeting": h.next_meeting,
        "people": [_person(meeting, p) for p in meeting.people],
        "items": [
            _item(meeting, item, depth, options, style, recesses)
            for item, depth in meeting.iter_items()
        ],
        "edition": options.edition,
        "final": options.final,
    }
