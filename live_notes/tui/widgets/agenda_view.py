"""The agenda tree on the left: the current item marked, each item's time so far.

A `Static` rebuilt from the agenda (a few dozen items at most) after a switch
and when a displayed minute changes, never on a keystroke.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:  # the model loads after the live screen's first frame
    from datetime import datetime

    from live_notes.domain.models import AgendaItem, Meeting


def item_seconds(meeting: Meeting, item: AgendaItem, now: datetime) -> float:
    """Seconds spent on an item so far (its kept total, plus now − since if current)."""
    from live_notes.domain.models import MeetingStatus

    spent = meeting.item_seconds.get(item.id, 0.0)
    if item.id == meeting.current_item_id and meeting.item_since is not None:
        end = meeting.closed_at if meeting.status is MeetingStatus.CLOSED else now
        if end is not None and end > meeting.item_since:
            spent += (end - meeting.item_since).total_seconds()
    return spent


def agenda_text(meeting: Meeting, now: datetime, lang: str = "ja", width: int = 0) -> Text:
    """The tree as text: ``> ア 下水道… 12分 [済]``; parents without their own time.

    With a `width`, long titles are cut (…) so the time and the mark stay visible.
    ASCII marks only: ambiguous-width symbols (▶, ✓) are two cells wide in many
    Japanese terminals and would break the columns.
    """
    text = Text()
    for item, depth in meeting.iter_items():
        current = item.id == meeting.current_item_id
        style = "bold reverse" if current else ("dim" if item.children else "")
        suffix = Text()
        if not item.children:
            minutes = int(item_seconds(meeting, item, now) // 60)
            if minutes or current:
                suffix.append(f" {minutes}{'分' if lang == 'ja' else 'm'}", style="italic")
        if meeting.decisions.get(item.id):
            suffix.append(" [済]" if lang == "ja" else " [done]", style="bold green")
        # The lead is its own segment (another style) so the columns survive SVG export.
        lead_style = "reverse" if current else "not bold"
        lead = Text(("> " if current else "  ") + "  " * depth, style=lead_style)
        label = Text(f"{item.label} {item.title}".strip(), style=style)
        if width:
            room = max(4, width - lead.cell_len - suffix.cell_len)
            label.truncate(room, overflow="ellipsis")
        text.append_text(lead)
        text.append_text(label)
        text.append_text(suffix)
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

    def show(self, meeting: Meeting, now: datetime, lang: str = "ja") -> None:
        """Redraw, only if what is shown changed (minutes move once a minute)."""
        self._last = (meeting, now, lang)
        text = agenda_text(meeting, now, lang, self.content_region.width)
        plain = text.plain
        if plain != getattr(self, "_shown", None):
            self._shown = plain
            self.update(text)

    def on_resize(self) -> None:
        """Cut the titles again for the new width."""
        last = getattr(self, "_last", None)
        if last is not None:
            self.show(*last)

    @property
    def plain(self) -> str:
        """What the tree shows (for tests)."""
        return getattr(self, "_shown", "")
