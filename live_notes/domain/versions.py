"""Comparing two versions of a record, line by line (`live-notes diff`).

A record is turned into plain lines (times, attendance, each item with its lines
and decision, every line with its number) and the two are compared with
`difflib`: what the members see changed between circulated drafts.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from live_notes.domain.times import hm

if TYPE_CHECKING:
    from live_notes.domain.models import Meeting


def record_lines(meeting: Meeting) -> list[str]:
    """The record as lines to compare: times, attendance, then each item's lines."""
    out = [f"opened {hm(meeting.opened_at)}  closed {hm(meeting.closed_at)}"]
    for number, recess in enumerate(meeting.recesses, 1):
        out.append(f"recess {number} {hm(recess.start)}-{hm(recess.end)}")
    for person in meeting.people:
        mark = meeting.attendance.get(person.id)
        if mark is not None:
            times = "".join(
                f" {word} {hm(at)}"
                for word, at in (("arrived", mark.arrived_at), ("left", mark.left_at))
                if at is not None
            )
            out.append(f"{person.name}: {mark.status.value}{times}")
    by_item: dict[str, list[str]] = {}
    for line in meeting.utterances:
        role = meeting.role_set.get(line.role_id)
        label = role.label(meeting.header.lang) if role else "※"
        off = " [off the record]" if line.off_record else ""
        by_item.setdefault(line.item_id, []).append(
            f"  #{line.id} {label}: {line.text.replace(chr(10), ' / ')}{off}"
        )
    for item, _ in meeting.iter_items():
        out.append(f"{item.label} {item.title}".strip())
        out.extend(by_item.get(item.id, []))
        decision = meeting.decisions.get(item.id)
        if decision is not None:
            vote = decision.vote
            tally = f" ({vote.for_}-{vote.against}-{vote.abstain})" if vote else ""
            wording = f" {decision.conditions}" if decision.conditions else ""
            out.append(f"  => {decision.outcome.value}{tally}{wording}")
    return out


def diff_lines(old: Meeting, new: Meeting, old_name: str, new_name: str) -> list[str]:
    """A unified diff of two records' lines (one line of context); [] when the same."""
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            record_lines(old), record_lines(new), old_name, new_name, n=1, lineterm=""
        )
    ]
