"""The view model of the minutes: every string composed, ready for any template.

The composers (`compose_ja`, `compose_en`) turn a meeting into a `MinutesView`;
the text templates, the .docx writer and the tests read only this. Shared here:
what each edition keeps, where recesses fall, and how speaker labels are made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from live_notes.domain.models import (
    AgendaItem,
    Group,
    LabelStyle,
    Meeting,
    Person,
    Presence,
    Publicity,
    Recess,
    Utterance,
)
from live_notes.export.jadate import format_time, format_time_24h, format_time_en

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime, time

    from live_notes.export.options import ExportOptions
    from live_notes.export.style import Style

PRESENT = tuple(mark for mark in Presence if mark.attended)
"""Marks that count as attending (`Presence.attended`, the one definition)."""


@dataclass
class Para:
    """One paragraph of the minutes.

    Attributes:
        text: The whole paragraph as printed (label included for inline styles).
        kind: What it is, for styling: ``p``, ``sub`` (a sub-heading such as
            (イ)質疑及び意見の概要), ``line`` (an utterance), ``label`` (a speaker label
            on its own line), ``note`` (※), ``conclusion``, ``recess``, ``closed``.
        indent: Indentation level (0 at the margin).
        gap: Whether a blank line follows in the plain-text layout.
        verify: The line is flagged "verify later".
        line_id: The utterance it comes from, if any.
        label: The speaker label as printed at the start of `text` ("委員 ", "(委員)"),
            for the .docx to set in bold; "" for none.
    """

    text: str
    kind: str = "p"
    indent: int = 0
    gap: bool = True
    verify: bool = False
    line_id: int | None = None
    label: str = ""


@dataclass
class Part:
    """A headed part of the front matter (開催日時, 出席委員, …).

    Attributes:
        heading: The part's heading.
        paras: Its paragraphs.
        listing: Its paragraphs form a (nested, by indent) list: 会議内容, 会議資料.
    """

    heading: str
    paras: list[Para] = field(default_factory=list)
    listing: bool = False


@dataclass
class ItemView:
    """One agenda item in the record of proceedings.

    Attributes:
        item_id: The agenda item's id.
        heading: Its heading as printed (``ア 下水道使用料の…について``).
        depth: Depth in the agenda tree (0 at the top).
        paras: What is printed under it.
        gap: Whether a blank line follows the heading in the plain-text layout (the
            reference runs a deliberation item's (ア)(イ) straight on from its title).
    """

    item_id: str
    heading: str
    depth: int
    paras: list[Para] = field(default_factory=list)
    gap: bool = True


@dataclass
class MinutesView:
    """The whole minutes, composed.

    Attributes:
        lang: Language code ("ja" or "en").
        title: The title (body and session).
        subtitle: A second title line ("Minutes"), or "".
        draft_mark: 【案】 / DRAFT, with the edition, or "" for final public minutes.
        parts: The front matter, in order.
        record_heading: Heading of the record of proceedings.
        items: The agenda items, in document order.
        closing: The closing line (正午終了), or "".
        signature: The signature block's lines (Respectfully submitted, …), or none.
    """

    lang: str
    title: str
    subtitle: str
    draft_mark: str
    parts: list[Part]
    record_heading: str
    items: list[ItemView]
    closing: str
    signature: list[str] = field(default_factory=list)


def people_with(meeting: Meeting, group: str, marks: tuple[Presence, ...]) -> list[Person]:
    """People of a roster group with one of these attendance marks, in roster order."""
    return [p for p in meeting.people if p.group.value == group and meeting.presence(p.id) in marks]


def item_closed(item: AgendaItem, meeting: Meeting) -> bool:
    """Whether an item was held in closed session (its own publicity, not the meeting's)."""
    return item.publicity is Publicity.CLOSED


def kept_lines(meeting: Meeting, item: AgendaItem, options: ExportOptions) -> list[Utterance]:
    """The lines of an item that this edition prints, in sequence order."""
    lines = meeting.lines_of(item.id)
    if options.public:
        lines = [line for line in lines if not line.off_record]
    return lines


def recess_places(
    meeting: Meeting, options: ExportOptions
) -> dict[str, list[tuple[int | None, Recess]]]:
    """Where each recess is printed: item id → [(after line id, or None for the item's end)].

    A recess belongs to the item of the last line typed before it began. If that item
    has lines typed after the recess, it goes after the last line before it; otherwise at
    the end of the item, after its conclusion. Only lines this edition prints are
    anchors, so a recess is never lost with an off-the-record line.
    """
    places: dict[str, list[tuple[int | None, Recess]]] = {}
    lines = sorted(meeting.utterances, key=lambda u: u.id)
    if options.public:
        lines = [u for u in lines if not u.off_record]
    for recess in meeting.recesses:
        before = [u for u in lines if u.created_at <= recess.start]
        if not before:
            first = next(iter(meeting.agenda), None)
            if first is not None:
                places.setdefault(first.id, []).append((None, recess))
            continue
        last = before[-1]
        later = any(
            u.item_id == last.item_id and u.created_at > recess.start and u.id > last.id
            for u in lines
        )
        places.setdefault(last.item_id, []).append((last.id if later else None, recess))
    return places


def anonymous_letters(meeting: Meeting, public: bool) -> dict[str, str]:
    """A letter for each member who speaks (A, B, … Z, AA, AB, …), by first appearance in
    the minutes' order; lines the public edition leaves out do not take a letter there."""
    letters: dict[str, str] = {}
    for item, _depth in meeting.iter_items():
        for line in meeting.lines_of(item.id):
            if not line.person_id or line.person_id in letters or (public and line.off_record):
                continue
            person = meeting.person(line.person_id)
            if person is not None and person.group is Group.MEMBER:
                letters[line.person_id] = _letter(len(letters))
    return letters


def _letter(n: int) -> str:
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


_ANON_WORDS = {"ja": "{letter}{label}", "en": "{label} {letter}"}


def speaker_label(
    meeting: Meeting,
    line: Utterance,
    style: Style,
    label_style: LabelStyle,
    with_names: bool,
    anonymous: dict[str, str] | None = None,
) -> str:
    """The bare speaker label of a line (委員, 上野健太委員, Member (Yui Tanaka)), or "" for
    a role the style prints without a label (stage directions).

    With ``anonymous`` (member id -> letter) a member is shown by letter instead (A委員,
    Member B) and anyone else by role alone (会長, 担当課)."""
    if line.role_id in style.choice("labels", "none", []):
        return ""
    role = meeting.role_set.get(line.role_id)
    label = role.label(style.lang) if role else line.role_id
    if with_names and anonymous is not None:
        if line.person_id not in anonymous:
            return label
        word = style.table("words").get("label_anon") or _ANON_WORDS.get(
            style.lang, "{label} {letter}"
        )
        return str(word).format(label=label, letter=anonymous[line.person_id])
    person = meeting.person(line.person_id) if with_names and line.person_id else None
    if person is not None:
        key = "label_name_mark" if label_style is LabelStyle.MARK else "label_name"
        label = style.word(key, label=label, name=person.name)
    return label


_LABEL_WORDS = {
    LabelStyle.INLINE: "label_inline",
    LabelStyle.PAREN_LINE: "label_paren",
    LabelStyle.BRACKET: "label_bracket",
    LabelStyle.MARK: "label_mark",
}


def labelled(
    label: str, text: str, label_style: LabelStyle, style: Style, chair: bool = False
) -> list[tuple[str, str, str]]:
    """A line in the label style: one or two (kind, text, printed label) paragraphs.

    The chair's label takes the style's ``chair_mark``: instead of the ○ of the mark
    style (◎会長), before the label in the others.
    """
    if not label:
        return [("line", text, "")]
    printed = style.word(_LABEL_WORDS[label_style], label=label)
    mark = str(style.choice("labels", "chair_mark", "")) if chair else ""
    if mark:
        printed = mark + (printed[1:] if label_style is LabelStyle.MARK else printed)
    if label_style is LabelStyle.PAREN_LINE:
        return [("label", printed, printed), ("line", text, "")]
    return [("line", printed + text, printed)]


def clock(at: time, style: Style, fullwidth: bool = False) -> str:
    """A time of day as the style writes it: 午前9時30分, 正午, 9時30分, 6:00 p.m.

    Every time in the minutes goes through here (and the ``clock`` filter).
    """
    if style.lang != "ja":
        return format_time_en(at)
    if style.choice("layout", "time", "ampm") == "24h":
        return format_time_24h(at, fullwidth)
    return format_time(at, fullwidth)


def time_of(at: datetime | None) -> str:
    """HH:MM of a datetime, or "" (for the CSV and warnings)."""
    return at.strftime("%H:%M") if at else ""


def with_kind_headings(
    meeting: Meeting, style: Style, make: Callable[[AgendaItem, int], ItemView]
) -> list[ItemView]:
    """The items' views; where the style says so, each run of items of one kind under a
    heading of its own (諮問事項, 報告事項: ``[kinds]``)."""
    items: list[ItemView] = []
    kinds = style.table("kinds") if style.choice("layout", "kind_headings", False) else {}
    last: dict[int, str] = {}
    for item, depth in meeting.iter_items():
        kind = item.kind.value
        if kind in kinds and last.get(depth) != kind:
            items.append(ItemView("", str(kinds[kind]), depth))
        last[depth] = kind
        for deeper in [d for d in last if d > depth]:
            del last[deeper]
        items.append(make(item, depth))
    return items


def heading(item: AgendaItem, rule: str) -> str:
    """An item's label and title, spaced by the style's rule ("auto", "always", "never")."""
    if rule == "never":
        sep = ""
    elif rule == "always":
        sep = " "
    else:
        sep = "" if item.label.endswith((".", ")", "）", "．")) else " "
    return f"{item.label}{sep}{item.title}".strip()
