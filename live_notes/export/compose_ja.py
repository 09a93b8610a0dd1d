"""The Japanese summary minutes (要点筆記), in the reference's parts, order and wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.models import (
    AgendaItem,
    Decision,
    Lang,
    Meeting,
    Outcome,
    Presence,
    Publicity,
    Section,
    Utterance,
)
from live_notes.export.jadate import format_date, format_time, format_time_range, to_fullwidth
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

_PUBLICITY = {
    Publicity.PUBLIC: "公開",
    Publicity.CLOSED: "非公開",
    Publicity.PARTLY_CLOSED: "一部非公開",
}
_SUB_LABELS = "アイウエオカキクケコ"
VERIFY_MARK = "〔要確認〕"
OFF_RECORD_MARK = "〔記録外〕"


class _Ja:
    """Composition state for one export: the meeting, the options and the helpers."""

    def __init__(self, meeting: Meeting, options: ExportOptions) -> None:
        self.m = meeting
        self.o = options
        self.style = options.style_for(meeting)
        self.recesses = recess_places(meeting, options)

    def digits(self, text: str) -> str:
        return to_fullwidth(text) if self.o.fullwidth else text

    def time(self, at: datetime) -> str:
        return format_time(at.time(), self.o.fullwidth)

    # -- front matter ------------------------------------------------------------

    def front(self) -> list[Part]:
        m, h = self.m, self.m.header
        start = m.opened_at.time() if m.opened_at else h.scheduled_start
        end = m.closed_at.time() if m.closed_at else h.scheduled_end
        when = [Para(format_date(h.date, fullwidth=self.o.fullwidth, eras=self.o.eras), gap=False)]
        if start and end:
            when.append(Para(format_time_range(start, end, self.o.fullwidth)))
        elif start:
            when.append(Para(f"{format_time(start, self.o.fullwidth)}から"))
        parts = [Part("開催日時", when)]
        if h.place:
            parts.append(Part("開催場所", [Para(h.place)]))
        members = people_with(m, "member", PRESENT)
        parts.append(Part("出席委員", [Para("、".join(p.name for p in members) or "なし")]))
        for heading, group in (("事務局職員", "secretariat"), ("〔提案課職員〕", "department")):
            staff = people_with(m, group, PRESENT)
            if staff:
                parts.append(Part(heading, [Para(f"{p.title} {p.name}".strip()) for p in staff]))
        parts.append(self.agenda_part())
        if m.materials:
            parts.append(self.materials_part())
        publicity = [Para(_PUBLICITY[h.publicity], gap=False)]
        publicity.append(Para(self.digits(f"(傍聴者{m.audience}人)")))
        if h.publicity_reason and h.publicity is not Publicity.PUBLIC:
            publicity.append(Para(f"非公開の理由 {h.publicity_reason}"))
        parts.append(Part("公開・非公開の別", publicity))
        other = self.other_needed()
        if other:
            parts.append(Part("その他の必要事項", other))
        return parts

    def agenda_part(self) -> Part:
        paras: list[Para] = []
        depths: list[int] = []
        for item, depth in self.m.iter_items():
            if depths:
                # The reference sets the sub-items apart with blank lines, not the top level.
                paras[-1].gap = depths[-1] >= 1 or depth >= 1
            paras.append(Para(f"{item.label} {item.title}".strip(), indent=depth))
            depths.append(depth)
        return Part("会議内容", paras, listing=True)

    def materials_part(self) -> Part:
        paras: list[Para] = []
        for number, group in enumerate(self.m.materials, start=1):
            if len(group.items) == 1:
                paras.append(Para(f"{number}. {group.title}({group.items[0]})"))
                continue
            paras.append(Para(f"{number}. {group.title}"))
            for sub, name in enumerate(group.items, start=1):
                paras.append(Para(f"({sub}) {name}", indent=1))
        return Part("会議資料", paras, listing=True)

    def other_needed(self) -> list[Para]:
        m = self.m
        paras = []
        absent = people_with(m, "member", (Presence.ABSENT,))
        if absent:
            paras.append(Para("欠席委員 " + "、".join(p.name for p in absent)))
        late, early = [], []
        for person in people_with(m, "member", PRESENT):
            mark = m.attendance[person.id]
            if mark.arrived_at is not None:
                late.append(f"{person.name}({self.time(mark.arrived_at)}出席)")
            if mark.left_at is not None:
                early.append(f"{person.name}({self.time(mark.left_at)}退席)")
        if late:
            paras.append(Para("遅参委員 " + "、".join(late)))
        if early:
            paras.append(Para("早退委員 " + "、".join(early)))
        if m.header.next_meeting:
            paras.append(Para(f"次回開催予定 {m.header.next_meeting}"))
        if m.header.signers:
            paras.append(Para("会議録署名人 " + "、".join(m.header.signers)))
        paras.extend(Para(text) for text in m.header.other_notes.splitlines() if text.strip())
        return paras

    # -- record of proceedings --------------------------------------------------

    def item(self, item: AgendaItem, depth: int) -> ItemView:
        sep = "" if item.label.endswith((".", ")", "）", "．")) else " "
        view = ItemView(item.id, f"{item.label}{sep}{item.title}".strip(), depth)
        if self.o.public and item_closed(item, self.m):
            reason = f"({item.closed_reason})" if item.closed_reason else ""
            view.paras.append(Para(f"非公開{reason}", "closed"))
            for anchor in dict.fromkeys(a for a, _ in self.recesses.get(item.id, [])):
                view.paras.extend(self.recess(anchor, item.id))  # the recess still happened
            return view
        lines = kept_lines(self.m, item, self.o)
        if item.takes_decision:
            view.gap = False
            view.paras = self.deliberation(item, lines)
        else:
            view.paras = self.narrative(item, lines)
        view.paras.extend(self.recess(None, item.id))
        if view.paras:
            view.paras[-1].gap = True
        return view

    def deliberation(self, item: AgendaItem, lines: list[Utterance]) -> list[Para]:
        paras: list[Para] = []
        labels = iter(_SUB_LABELS)
        explained = [u for u in lines if u.section is Section.EXPLANATION]
        for n, line in enumerate(explained):
            text = self.marked(line, line.text)
            if n == 0:
                text = f"({next(labels)}){text}"
            paras.append(Para(text, gap=False, verify=line.verify, line_id=line.id))
            paras.extend(self.recess(line.id, item.id))
        paras.append(Para(f"({next(labels)})質疑及び意見の概要", "sub"))
        for line in lines:
            if line.section in (Section.DISCUSSION, Section.NOTE, Section.OTHER):
                paras.extend(self.utterance(line))
                paras.extend(self.recess(line.id, item.id))
        paras.append(Para(f"({next(labels)})結論", "sub"))
        decision = self.m.decisions.get(item.id)
        text = conclusion_ja(item.title, decision, self.o.fullwidth) if decision else ""
        paras.append(Para(text or "〔結論未記録〕", "conclusion", indent=1))
        for line in lines:
            if line.section is Section.CONCLUSION:
                paras.append(Para(self.marked(line, line.text), "conclusion", indent=1))
                paras.extend(self.recess(line.id, item.id))
        return paras

    def narrative(self, item: AgendaItem, lines: list[Utterance]) -> list[Para]:
        """An item without a decision: the report as paragraphs, then the opinions."""
        paras: list[Para] = []
        for line in lines:
            if line.section is Section.EXPLANATION:
                paras.append(Para(self.marked(line, line.text), line_id=line.id))
                paras.extend(self.recess(line.id, item.id))
        rest = [u for u in lines if u.section is not Section.EXPLANATION]
        if any(u.section in (Section.DISCUSSION, Section.OTHER) for u in rest):
            paras.append(Para("<委員からの意見>", "sub"))
        for line in rest:
            if line.section is Section.CONCLUSION:
                paras.append(Para(self.marked(line, line.text), line_id=line.id))
            else:
                paras.extend(self.utterance(line))
            paras.extend(self.recess(line.id, item.id))
        return paras

    def utterance(self, line: Utterance) -> list[Para]:
        if line.section is Section.NOTE:
            text = line.text if line.text.startswith("※") else f"※ {line.text}"
            return [Para(self.marked(line, text), "note", verify=line.verify, line_id=line.id)]
        label = speaker_label(self.m, line, Lang.JA, self.style, self.o.with_names)
        return [
            Para(
                self.marked(line, text) if kind == "line" else text,
                kind,
                gap=kind == "line",
                verify=line.verify,
                line_id=line.id,
            )
            for kind, text in labelled(label, line.text, self.style, Lang.JA)
        ]

    def marked(self, line: Utterance, text: str) -> str:
        if line.off_record:
            text = f"{OFF_RECORD_MARK}{text}"
        return f"{text}{VERIFY_MARK}" if line.verify else text

    def recess(self, after: int | None, item_id: str) -> list[Para]:
        out = []
        for anchor, recess in self.recesses.get(item_id, []):
            if anchor == after:
                if recess.end is None:
                    text = f"{self.time(recess.start)}から休憩"
                else:
                    text = format_time_range(
                        recess.start.time(), recess.end.time(), self.o.fullwidth
                    )
                    text += "休憩"
                out.append(Para(text, "recess"))
        return out


def conclusion_ja(title: str, decision: Decision, fullwidth: bool = False) -> str:
    """The 結論 sentence: ``<title>については、認める。ただし、<conditions>こと。``."""
    subject = title if title.endswith("について") else f"{title}について"
    conditions = "".join(decision.conditions.splitlines()).strip()
    outcome = decision.outcome
    if outcome is Outcome.NO_DECISION:
        body = _sentence(conditions) if conditions else ""
    elif outcome is Outcome.APPROVED_WITH_CONDITIONS:
        body = "認める。ただし、" + _condition(conditions)
    else:
        body = {
            Outcome.APPROVED: "認める。",
            Outcome.REJECTED: "認めない。",
            Outcome.CONTINUED: "継続審議とする。",
        }[outcome]
        if conditions:
            body += _sentence(conditions)
    text = f"{subject}は、{body}" if body else ""
    vote = decision.vote
    if vote is not None and (vote.for_ or vote.against or vote.abstain):
        tally = f"賛成{vote.for_}・反対{vote.against}"
        if vote.abstain:
            tally += f"・棄権{vote.abstain}"
        text += f"({to_fullwidth(tally) if fullwidth else tally})"
    return text


def _condition(text: str) -> str:
    """``…こと。`` once, whether or not the clerk typed ただし, こと or the full stop."""
    text = text.removeprefix("ただし、").removeprefix("ただし").rstrip("。． ")
    return (text if text.endswith("こと") else text + "こと") + "。"


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "．")) else text + "。"


def compose_ja(meeting: Meeting, options: ExportOptions) -> MinutesView:
    """The Japanese minutes of a meeting, composed for the templates."""
    ja = _Ja(meeting, options)
    items = [ja.item(item, depth) for item, depth in meeting.iter_items()]
    closing = f"{ja.time(meeting.closed_at)}終了" if meeting.closed_at else ""
    mark = "" if options.final else "【案】"
    if not options.public:
        mark += "【内部用】"
    return MinutesView(
        lang="ja",
        title=f"{meeting.header.title}{meeting.header.body}",
        subtitle="",
        draft_mark=mark,
        parts=ja.front(),
        record_heading="審議の内容(審議経過、結論等)",
        items=items,
        closing=closing,
    )
