"""The decision on an item in the style's words: the 結論 sentence and the English outcome."""

from __future__ import annotations

from live_notes.domain.models import Decision, ItemKind, Meeting, Outcome
from live_notes.export.jadate import to_fullwidth
from live_notes.export.style import DEFAULT_STYLES, Style, load_style


def conclusion_ja(
    title: str,
    decision: Decision,
    fullwidth: bool = False,
    style: Style | None = None,
    kind: ItemKind = ItemKind.DELIBERATION,
) -> str:
    """The 結論 sentence, e.g. ``<title>については、認める。ただし、<conditions>こと。``."""
    s = style or load_style(DEFAULT_STYLES["ja"])
    w = s.word
    suffix = w("subject_suffix")
    subject = title if suffix and title.endswith(suffix) else w("subject", title=title)
    conditions = "".join(decision.conditions.splitlines()).strip()
    outcome = decision.outcome
    word = s.outcome(outcome.value, kind.value)
    if outcome is Outcome.NO_DECISION:
        text = w("decision_note", subject=subject, conditions=_sentence(conditions, s))
        text = text if conditions else ""
    elif outcome is Outcome.APPROVED_WITH_CONDITIONS:
        cond = _condition(conditions, s)
        text = w("decision_conditions", subject=subject, outcome=word, conditions=cond)
    else:
        text = w("decision", subject=subject, outcome=word)
        if conditions:
            text += _sentence(conditions, s)
    vote = decision.vote
    if text and vote is not None and (vote.for_ or vote.against or vote.abstain):
        key = "vote_abstain" if vote.abstain else "vote"
        tally = w(key, **{"for": vote.for_, "against": vote.against, "abstain": vote.abstain})
        text += to_fullwidth(tally) if fullwidth else tally
    return text


def _condition(text: str, s: Style) -> str:
    """The conditions without ただし and こと。 (the sentence frame adds them back once)."""
    prefix, end, stop = s.word("condition_prefix"), s.word("condition_end"), s.word("sentence_end")
    if prefix:
        text = text.removeprefix(prefix).removeprefix(prefix.rstrip("、,"))
    text = text.rstrip(stop + "． ")
    return text.removesuffix(end) if end else text


def _sentence(text: str, s: Style) -> str:
    stop = s.word("sentence_end")
    return text if not stop or text.endswith((stop, "．")) else text + stop


def _name(meeting: Meeting, who: str) -> str:
    """A roster id as the person's name; anything else as typed."""
    person = meeting.person(who) if who else None
    return person.name if person else who


def outcome_en(
    decision: Decision,
    style: Style | None = None,
    kind: ItemKind = ItemKind.DELIBERATION,
    meeting: Meeting | None = None,
) -> str:
    """The outcome as sentences: "Motion by A, seconded by B. Motion carried 4–1."."""
    s = style or load_style(DEFAULT_STYLES["en"])
    w = s.word
    conditions = " ".join(decision.conditions.split()).rstrip(".")
    word = s.outcome(decision.outcome.value, kind.value)
    vote = decision.vote
    if vote is not None and (vote.for_ or vote.against or vote.abstain):
        key = "vote_abstain" if vote.abstain else "vote"
        counts = {"for": vote.for_, "against": vote.against, "abstain": vote.abstain}
        word = w(key, outcome=word, **counts)
    if decision.outcome is Outcome.APPROVED_WITH_CONDITIONS and conditions:
        text = w(
            "subject_to", outcome=word, conditions=conditions.removeprefix(w("subject_to_prefix"))
        )
    elif conditions and conditions[0].islower():
        text = w("outcome_clause", outcome=word, conditions=conditions)  # "…, as corrected."
    elif conditions:
        text = w("outcome_sentence", outcome=word, conditions=conditions)
    else:
        text = w("outcome_plain", outcome=word)
    if decision.mover:
        find = (lambda who: _name(meeting, who)) if meeting else (lambda who: who)
        key = "motion" if decision.seconder else "motion_unseconded"
        motion = w(key, mover=find(decision.mover), seconder=find(decision.seconder))
        text = f"{motion} {text}"
    return text
