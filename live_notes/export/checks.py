"""What the clerk should look at before the minutes go out, as export warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.models import Lang, Meeting, MeetingStatus, Presence

if TYPE_CHECKING:
    from live_notes.export.options import ExportOptions


def export_warnings(meeting: Meeting, options: ExportOptions) -> list[str]:
    """Lines still flagged "verify later", items without a conclusion, unmarked members."""
    ja = options.lang_for(meeting) is Lang.JA
    warnings: list[str] = []
    flagged = []
    for line in meeting.utterances:
        if line.verify:
            item = meeting.item(line.item_id)
            flagged.append(f"#{line.id} ({item.label or item.title if item else line.item_id})")
    if flagged:
        places = ("、" if ja else ", ").join(flagged)
        if ja:
            warnings.append(f"「要確認」の行が{len(flagged)}件残っています: {places}")
        else:
            lines = "line is" if len(flagged) == 1 else "lines are"
            warnings.append(f"{len(flagged)} {lines} still flagged verify later: {places}")
    missing = [
        item.label or item.title
        for item, _ in meeting.iter_items()
        if item.takes_decision and item.id not in meeting.decisions
    ]
    if missing:
        sep = "、" if ja else ", "
        warnings.append(
            f"結論が記録されていない議題: {sep.join(missing)}"
            if ja
            else f"No conclusion recorded for: {sep.join(missing)}"
        )
    unmarked = [
        p.name
        for p in meeting.people
        if p.group.value == "member" and meeting.presence(p.id) is Presence.UNKNOWN
    ]
    if unmarked:
        sep = "、" if ja else ", "
        warnings.append(
            f"出欠が未入力の委員: {sep.join(unmarked)}"
            if ja
            else f"No attendance mark for: {sep.join(unmarked)}"
        )
    if meeting.status is not MeetingStatus.CLOSED:
        warnings.append(
            "閉会していないため、予定の時刻で記載しています。"
            if ja
            else "The meeting is not closed: the scheduled times are shown."
        )
    return warnings
