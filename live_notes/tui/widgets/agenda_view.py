"""The agenda tree on the left: the current item marked, each item's time so far.

A `Static` rebuilt from the agenda (a few dozen items at most) after a switch
and when a displayed minute changes, never on a keystroke.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from live_notes.domain.models import AgendaItem, Meeting, MeetingStatus


def item_seconds(meeting: Meeting, item: AgendaItem, now: datetime) -> float:
    """Seconds spent on an item so far (its kept total, plus now − since if current)."""
    spent = meeting.item_seconds.get(item.id, 0.0)
    if item.id == meeting.current_item_id and meeting.item_since is not None:
        end = meeting.closed_at if meeting.status is MeetingStatus.CLOSED else now
        if end is not None and end > meeting.item_since:
            spent += (end - meeting.item_since).total_seconds()
    return spent


def agenda_text(meeting: Meeting, now: datetime) -> Text:
    """The tree as text: ``▶ ア 下水道… 12′``; parents without their own time."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for item, depth in meeting.iter_items():
        current = item.id == meeting.current_item_id
        mark = "▶ " if current else "  "
        label = f"{item.label} {item.title}".strip()
        style = "bold reverse" if current else ("dim" if item.children else "")
        line = Text(mark + "  " * depth + label, style=style, no_wrap=True, overflow="ellipsis")
        if not item.children:
            minutes = int(item_seconds(meeting, item, now) // 60)
            if minutes or current:
                line.append(f" {minutes}′", style="italic")
        if meeting.decisions.get(item.id):
            line.append(" ✓", style="bold green")
        text.append_text(line)
        text.append("\n")
    text.rstrip()
    return text


class AgendaView(Static):
    """The agenda tree."""

    DEFAULT_CSS = """
    AgendaView {
        width: 34;
        height: 1fr;
        border-right: vkey $primary 50%;
        padding: 0 1 0 0;
        overflow-x: hidden;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, meeting: Meeting, now: datetime) -> None:
        """Redraw, only if what is shown changed (minutes move once a minute)."""
        text = agenda_text(meeting, now)
        plain = text.plain
        if plain != getattr(self, "_shown", None):
            self._shown = plain
            self.update(text)

    @property
    def plain(self) -> str:
        """What the tree shows (for tests)."""
        return getattr(self, "_shown", "")
