"""A short text summary of a meeting, for ``live-notes show``."""

from __future__ import annotations

from collections import Counter

from live_notes.domain.models import Group, Meeting, Presence
from live_notes.domain.record_commands import record_state


def _approval(meeting: Meeting) -> str:
    if meeting.approved_on is None:
        return ""
    return f"  (approved {meeting.approved_on.isoformat()} by {meeting.approved_by})"


def summary_text(meeting: Meeting) -> str:
    """Header, attendance, the agenda with lines and decisions per item, and open flags."""
    header = meeting.header
    out = [
        f"{header.body} {header.title}",
        f"id:         {meeting.id}",
        f"date:       {header.date.isoformat()}  {_times(meeting)}",
        f"place:      {header.place or '-'}",
        f"status:     {meeting.status.value}" + ("  (draft ready)" if meeting.draft_ready else ""),
    ]
    out.append(f"record:     {record_state(meeting)}{_approval(meeting)}")
    for reopening in meeting.reopenings:
        out.append(f"reopened:   {reopening.at:%Y-%m-%d %H:%M}  {reopening.reason}")
    members = [p for p in meeting.people if p.group is Group.MEMBER]
    present, _ = meeting.members_present(now=False)
    absent = [p for p in members if meeting.presence(p.id) is Presence.ABSENT]
    quorum = f" (quorum {header.quorum})" if header.quorum else ""
    out.append(f"members:    {present} present, {len(absent)} absent of {len(members)}{quorum}")
    out.append(f"audience:   {meeting.audience}")
    counts = Counter(line.item_id for line in meeting.utterances)
    out.append(f"lines:      {len(meeting.utterances)}")
    out.append("agenda:")
    for item, depth in meeting.iter_items():
        decision = meeting.decisions.get(item.id)
        outcome = f"  → {decision.outcome.value}" if decision else ""
        lines = f"  {counts[item.id]} lines" if counts[item.id] else ""
        out.append(f"  {'  ' * depth}{item.label} {item.title}{lines}{outcome}")
    flagged = [line for line in meeting.utterances if line.verify]
    if flagged:
        out.append(
            f"verify later: {len(flagged)} line(s): " + ", ".join(f"#{u.id}" for u in flagged)
        )
    return "\n".join(out)


def _times(meeting: Meeting) -> str:
    opened = meeting.opened_at.strftime("%H:%M") if meeting.opened_at else None
    closed = meeting.closed_at.strftime("%H:%M") if meeting.closed_at else None
    header = meeting.header
    start = opened or (header.scheduled_start.strftime("%H:%M") if header.scheduled_start else "?")
    end = closed or (header.scheduled_end.strftime("%H:%M") if header.scheduled_end else "?")
    kind = "actual" if opened else "scheduled"
    return f"{start}–{end} ({kind})  {meeting.zone}"
