"""The top bar: body and session title, status, time since opening, attendance, wall clock.

A one-row `Static` redrawn by the screen once a second (the clock) and after a
command; the text is rebuilt only from the header and a few counters, so it
costs the same whatever the meeting's size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from live_notes.tui.i18n import add_messages, t

if TYPE_CHECKING:  # the model loads after the live screen's first frame
    from collections.abc import Callable
    from datetime import datetime

    from live_notes.domain.models import Meeting

add_messages(
    {
        "bar.attendance": ("Present {present}/{expected}", "出席 {present}/{expected}"),
        "bar.quorum_lost": (
            "below quorum ({quorum})",
            "定足数({quorum})に足りません",
        ),
        "bar.since_open": ("since opening {elapsed}", "開会から {elapsed}"),
        "bar.recess": ("recess {elapsed}", "休憩 {elapsed}"),
    }
)


def attendance_counts(meeting: Meeting) -> tuple[int, int]:
    """(members present now, members on the roster): `Meeting.members_present`."""
    return meeting.members_present(now=True)


def quorum_lost(meeting: Meeting) -> bool:
    """Whether fewer members are present than the body's quorum (once marking has begun)."""
    quorum = meeting.header.quorum
    if quorum is None or not meeting.attendance:
        return False
    return attendance_counts(meeting)[0] < quorum


def elapsed(seconds: float) -> str:
    """``H:MM:SS`` for a duration."""
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def seconds_in_session(meeting: Meeting, now: datetime) -> float:
    """Time since opening, until closing if closed."""
    if meeting.opened_at is None:
        return 0.0
    end = meeting.closed_at or now
    return (end - meeting.opened_at).total_seconds()


class StatusBar(Static):
    """Body, title, status, time since opening, attendance, clock."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    plain: str = ""
    """What the bar shows, as plain text."""
    recording: Callable[[str], Text | None] | None = None
    """Gives the recording's part (● REC, its time, the level) in a language, drawn with
    the rest at each redraw; set by `tui.recording`."""
    _last: tuple[Meeting, datetime, str] | None = None

    def redraw(self) -> None:
        """Draw again from the last meeting and time shown (the recording's part changed)."""
        if self._last is not None:
            self.show(*self._last)

    def show(self, meeting: Meeting, now: datetime, lang: str) -> None:
        """Redraw from the meeting and the clock."""
        from live_notes.domain.models import MeetingStatus

        self._last = (meeting, now, lang)
        header = meeting.header
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(now.strftime("%H:%M:%S") + "  ", style="bold")
        status = meeting.status
        status_style = {
            MeetingStatus.PLANNED: "",
            MeetingStatus.IN_SESSION: "bold green",
            MeetingStatus.IN_RECESS: "bold yellow",
            MeetingStatus.CLOSED: "bold",
        }[status]
        text.append(f"[{t('status.' + status.value, lang)}]", style=status_style)
        if status is MeetingStatus.IN_RECESS and meeting.recesses:
            pause = max(0.0, (now - meeting.recesses[-1].start).total_seconds())
            text.append(" " + t("bar.recess", lang, elapsed=elapsed(pause)), style="bold yellow")
        if meeting.opened_at is not None:
            since = elapsed(seconds_in_session(meeting, now))
            text.append("  " + t("bar.since_open", lang, elapsed=since))
        part = self.recording(lang) if self.recording is not None else None
        if part is not None:
            text.append("  ").append_text(part)
        present, expected = attendance_counts(meeting)
        text.append("  " + t("bar.attendance", lang, present=present, expected=expected))
        if quorum_lost(meeting):
            text.append(" " + t("bar.quorum_lost", lang, quorum=header.quorum), "bold red")
        # The names last: on a narrow terminal they are what gets cut, not the figures.
        text.append(f"  {header.body} {header.title}", style="bold")
        if text.plain != self.plain:
            self.plain = text.plain
            self.update(text)
