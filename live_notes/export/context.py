"""The structured context a style's templates receive, besides the composed minutes (`m`).

Everything is plain data (dicts, lists, strings, numbers, datetimes), documented in
docs/styles.md: a template that wants its own wording takes the facts from here and
the words from ``style`` instead of cutting up the composed sentences of ``m``.
"""

from __future__ import annotations

from functools import cached_property
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


class MeetingContext:
    """The meeting as the templates' ``meeting``: see docs/styles.md for every attribute.

    The people and the agenda tree with its lines are built on first use, so a template
    that reads only the composed minutes (``m``) pays nothing for them.
    """

    def __init__(self, meeting: Meeting, options: ExportOptions, style: Style) -> None:
        self._m, self._o, self._s = meeting, options, style
        h = meeting.header
        self.id = meeting.id
        self.body = h.body
        self.title = h.title
        self.lang = style.lang
        self.date = h.date
        self.opened_at = meeting.opened_at
        self.closed_at = meeting.closed_at
        self.scheduled_start = h.scheduled_start
        self.scheduled_end = h.scheduled_end
        self.place = h.place
        self.publicity = h.publicity.value
        self.publicity_reason = h.publicity_reason
        self.audience = meeting.audience
        self.status = meeting.status.value
        self.signers = list(h.signers)
        self.next_meeting = h.next_meeting
        self.edition = options.edition
        self.final = options.final
        self.materials = [{"title": g.title, "items": list(g.items)} for g in meeting.materials]
        self.recesses = [{"start": r.start, "end": r.end} for r in meeting.recesses]

    @cached_property
    def people(self) -> list[dict[str, Any]]:
        """Everyone on the roster, in roster order."""
        return [_person(self._m, p) for p in self._m.people]

    @cached_property
    def items(self) -> list[dict[str, Any]]:
        """The agenda tree in document order, each item with its lines and decision."""
        recesses = recess_places(self._m, self._o)
        return [
            _item(self._m, item, depth, self._o, self._s, recesses)
            for item, depth in self._m.iter_items()
        ]


def meeting_context(meeting: Meeting, options: ExportOptions, style: Style) -> MeetingContext:
    """The structured record the templates get as ``meeting``."""
    return MeetingContext(meeting, options, style)
