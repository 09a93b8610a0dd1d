"""Comparing two versions of a record, line by line (`live-notes diff`).

A record is turned into plain lines (times, attendance, each item with its lines
and decision, every line with its number) and the two are compared with
`difflib`: what the members see changed between circulated drafts.
"""

from __future__ import annotations

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
    labels = {role.id: role.label(meeting.header.lang) for role in meeting.role_set.roles}
    by_item: dict[str, list[str]] = {}
    for line in meeting.utterances:
        label = labels.get(line.role_id, "※")
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
    """A unified diff of two records' lines (one line of context); [] when the same.

    Lines carry their number, so nearly every line is unique: the two records are
    walked side by side and re-aligned at the next line both have, which takes time
    in proportion to their length (10,000 lines in well under a second), unlike a
    minimal diff.
    """
    ops = diff_ops(old, new)
    if all(op == " " for op, _ in ops):
        return []
    out = [f"--- {old_name}", f"+++ {new_name}"]
    shown = -2
    for index, (op, text) in enumerate(ops):
        if op == " ":
            continue
        first = max(index - 1, shown + 1)
        if first > shown + 1:
            out.append("@@")
        for k in range(first, index):
            out.append(f"{ops[k][0]}{ops[k][1]}")
        out.append(f"{op}{text}")
        shown = index
        after = index + 1
        if after < len(ops) and ops[after][0] == " ":
            out.append(f" {ops[after][1]}")
            shown = after
    return out


def diff_ops(old: Meeting, new: Meeting) -> list[tuple[str, str]]:
    """Every line of both records in order, each with " " (in both), "-" (only in `old`)
    or "+" (only in `new`): what a redline marks."""
    return _walk(record_lines(old), record_lines(new))


def _walk(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    """(" ", "-" or "+", line) for each line of `a` and `b`, in order: a valid diff."""
    in_a = {line: i for i, line in enumerate(a)}
    in_b = {line: j for j, line in enumerate(b)}
    ops: list[tuple[str, str]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            ops.append((" ", a[i]))
            i, j = i + 1, j + 1
            continue
        ahead_a = in_a.get(b[j], -1)  # b's line further on in a: a's lines before it went
        ahead_b = in_b.get(a[i], -1)  # a's line further on in b: b's lines before it came
        if ahead_a > i and (ahead_b <= j or ahead_a - i <= ahead_b - j):
            ops.extend(("-", line) for line in a[i:ahead_a])
            i = ahead_a
        elif ahead_b > j:
            ops.extend(("+", line) for line in b[j:ahead_b])
            j = ahead_b
        else:  # changed in place: the old line, then the new one
            ops.extend((("-", a[i]), ("+", b[j])))
            i, j = i + 1, j + 1
    ops.extend(("-", line) for line in a[i:])
    ops.extend(("+", line) for line in b[j:])
    return ops
