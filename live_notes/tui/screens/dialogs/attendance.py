"""Attendance (F9): the roll call, one key per mark.

Members first, then the secretariat, then department staff (then anyone
else), as the minutes list them. Each mark is one `Session.mark` call, saved
before the next key; the list is redrawn from the meeting after each.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from live_notes.domain.models import Group, Person, Presence
from live_notes.tui.attempt import attempt, refusal
from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import ATTENDANCE, DIALOG
from live_notes.tui.widgets.message_line import MessageLine, Says
from live_notes.tui.widgets.status_bar import attendance_counts

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from live_notes.domain.session import Session

add_messages(
    {
        "att.title": ("Attendance", "出欠"),
        "att.summary": (
            "Members present {present}/{expected}   Audience {audience}",
            "出席委員 {present}/{expected}   傍聴者 {audience}人",
        ),
        "att.hint": (
            "↑↓ move  p present  a absent  l late  e left early  t time  +/- audience  Esc back",
            "↑↓ 移動  p 出席  a 欠席  l 遅刻  e 早退  t 時刻  +/- 傍聴者  Esc 戻る",
        ),
        "att.arrived": ("arrived {time}", "{time} 到着"),
        "att.left": ("left {time}", "{time} 退席"),
        "att.time_title": ("Time for {name} (HH:MM)", "{name} の時刻 (HH:MM)"),
        "att.bad_time": (
            "Write the time as HH:MM, e.g. 09:48.",
            "時刻は 09:48 のように入力してください。",
        ),
        "att.no_time": (
            "Only a late arrival or an early departure has a time.",
            "時刻があるのは遅刻と早退だけです。",
        ),
    }
)

GROUP_ORDER = (Group.MEMBER, Group.SECRETARIAT, Group.DEPARTMENT, Group.OTHER)


def group_words(session: Session, lang: str) -> dict[Group, str]:
    """The heading of each group; department staff named as the meeting's house style
    names them (説明者, 提案課職員 …) when the screen speaks the style's language."""
    from live_notes.export.style import DEFAULT_STYLES, StyleError, load_style

    words = {group: t(f"group.{group.value}", lang) for group in GROUP_ORDER}
    header = session.meeting.header
    try:
        style = load_style(header.style or DEFAULT_STYLES[header.lang.value])
    except StyleError:  # the plan names a style that is not here: the plain words
        return words
    if style.lang == lang:
        words[Group.DEPARTMENT] = style.group("department").strip("〔〕")
    return words


def roll_order(people: list[Person]) -> list[Person]:
    """Members, then secretariat, then department staff, then others; roster order within."""
    return sorted(people, key=lambda p: GROUP_ORDER.index(p.group))


class TimeScreen(Keyed, ModalScreen[str | None]):
    """Ask for a time (HH:MM); dismisses with the text, or None."""

    KEYS = tuple(c for c in DIALOG if c.id in ("dialog.ok", "dialog.cancel"))

    def __init__(self, title: str, value: str, lang: str) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.lang = lang

    def compose(self) -> ComposeResult:
        """The question and the field."""
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="title")
            yield Input(self.value, id="time")

    def action_ok(self) -> None:
        """Return the typed time."""
        self.dismiss(self.query_one("#time", Input).value)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)


class AttendanceScreen(Says, Keyed, ModalScreen[None]):
    """The roll call.

    | key | action |
    |---|---|
    | Up / Down | move between people |
    | p / a / l / e | present / absent / late from now / left early now |
    | t | edit the arrival or departure time |
    | + / - | audience count up / down |
    | Escape | back to the live screen |
    """

    KEYS = ATTENDANCE
    AUTO_FOCUS = ""  # nothing focused: the keys go to the screen (None would mean "the app's")

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.people = roll_order(session.meeting.people)
        self.group_words = group_words(session, lang)
        self.cursor = 0

    def compose(self) -> ComposeResult:
        """Title, summary, the list, a message line and the keys."""
        with Vertical(classes="dialog wide"):
            yield Static(t("att.title", self.lang), classes="title")
            yield Static("", id="summary")
            with VerticalScroll(id="roll-scroll"):
                yield Static("", id="roll")
            yield MessageLine(id="message", classes="error", keep_room=True)
            yield Static(t("att.hint", self.lang), classes="hint")

    def on_mount(self) -> None:
        """Draw the list."""
        self.redraw()

    def redraw(self) -> None:
        """Rebuild the list and the summary from the meeting."""
        meeting = self.session.meeting
        lang = self.lang
        text = Text()
        group: Group | None = None
        for index, person in enumerate(self.people):
            if person.group is not group:
                group = person.group
                text.append(f"{self.group_words[group]}\n", style="bold underline")
            mark = meeting.attendance.get(person.id)
            status = mark.status if mark else Presence.UNKNOWN
            when = ""
            if mark and mark.arrived_at:
                when += " " + t("att.arrived", lang, time=mark.arrived_at.strftime("%H:%M"))
            if mark and mark.left_at:
                when += " " + t("att.left", lang, time=mark.left_at.strftime("%H:%M"))
            pointer = ">" if index == self.cursor else " "
            name = f"{person.title} {person.name}".strip()
            label = t("presence." + status.value, lang)
            pad = " " * max(1, 12 - cell_len(label))  # cells, not characters: 出席 is 4 wide
            row = f"{pointer} {label}{pad}{name}{when}\n"
            text.append(row, style="reverse" if index == self.cursor else "")
        text.rstrip()
        self.query_one("#roll", Static).update(text)
        present, expected = attendance_counts(meeting)
        summary = t(
            "att.summary", lang, present=present, expected=expected, audience=meeting.audience
        )
        self.query_one("#summary", Static).update(summary)

    def action_cursor(self, step: int) -> None:
        """Move to the previous (-1) or next (+1) person."""
        if self.people:
            self.cursor = max(0, min(len(self.people) - 1, self.cursor + step))
            self.redraw()

    def action_mark(self, status: str) -> None:
        """Mark the person at the cursor; the cursor moves on to the next person."""
        if not self.people:
            return
        person = self.people[self.cursor]
        refused = refusal(attempt(self.session.mark, person.id, Presence(status)))
        self.say(refused or "")
        if refused:
            return
        self.cursor = min(len(self.people) - 1, self.cursor + 1)
        self.redraw()

    def action_audience(self, step: int) -> None:
        """Audience count up or down."""
        refused = refusal(attempt(self.session.set_audience, self.session.meeting.audience + step))
        self.say(refused or "")
        if not refused:
            self.redraw()

    def action_edit_time(self) -> None:
        """Edit the arrival (late) or departure (left early) time of the person at the cursor."""
        person = self.people[self.cursor]
        mark = self.session.meeting.attendance.get(person.id)
        if mark is None or mark.status not in (Presence.LATE, Presence.LEFT_EARLY):
            self.say(t("att.no_time", self.lang))
            return
        at = mark.arrived_at if mark.status is Presence.LATE else mark.left_at
        status = mark.status

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                hhmm = time.fromisoformat(value.strip())
            except ValueError:
                self.say(t("att.bad_time", self.lang))
                return
            day = (at or self.session.now()).date()
            refused = refusal(
                attempt(self.session.mark, person.id, status, at=datetime.combine(day, hhmm))
            )
            self.say(refused or "")
            if not refused:
                self.redraw()

        title = t("att.time_title", self.lang, name=person.name)
        shown = at.strftime("%H:%M") if at else ""
        self.app.push_screen(TimeScreen(title, shown, self.lang), done)

    def action_close(self) -> None:
        """Back to the live screen."""
        self.dismiss(None)
