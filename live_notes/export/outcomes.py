"""Which outcomes an agenda item may take, by the body's house style.

A deliberation item takes every outcome; a report item those its style lists in
``[outcomes] report_outcomes`` (了承, 継続審議 …, none in some bodies); other items none.
The words come from the style too (`Style.outcome`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.models import ItemKind, Outcome

if TYPE_CHECKING:
    from live_notes.export.style import Style


def offered_outcomes(style: Style, kind: ItemKind) -> list[Outcome]:
    """The outcomes an item of this kind offers in this style, in the order of `Outcome`."""
    if kind is ItemKind.DELIBERATION:
        return list(Outcome)
    if kind is ItemKind.REPORT:
        listed = style.choice("outcomes", "report_outcomes", [])
        names = {str(name) for name in listed} if isinstance(listed, list) else set()
        return [outcome for outcome in Outcome if outcome.value in names]
    return []


def outcome_choices(style: Style, kind: ItemKind) -> list[tuple[Outcome, str]]:
    """(outcome, the body's word for it) for each outcome the item offers, for a dialog."""
    return [
        (outcome, style.outcome(outcome.value, kind.value) or outcome.value)
        for outcome in offered_outcomes(style, kind)
    ]
