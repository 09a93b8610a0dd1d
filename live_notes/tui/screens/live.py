"""The live screen: the clerk types the meeting here, one key per command.

Each key calls one `Session` method, synchronously, through `LiveView.run`: the
session hands the change to the store (written and fsynced) before it applies
it, so what the screen shows is on disk. A refusal is said in the clerk's
language; a store failure (e.g. a full disk) raises a banner that says the line
was not saved and stays in the entry.

Typing touches only the entry line: the lines view, agenda and status bar are
redrawn after commands and by a once-a-second clock tick, never per key, and
the draft is saved at most 0.5 s after the entry changes, typing or not
(`live_notes.tui.drafts`).

The screen can come up before its meeting is loaded (the app's start): the
entry takes keys at once, and what Enter and the command keys ask meanwhile is
held (`live_notes.tui.held`), then done in the order pressed when it arrives.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from live_notes.domain.errors import ClerkError, CommandError
from live_notes.tui.attempt import attempt
from live_notes.tui.held import needs_meeting, refused_until_loaded
from live_notes.tui.i18n import add_messages, t, undone
from live_notes.tui.keys import APP, ENTRY, LIVE, Command
from live_notes.tui.screens.live_view import LiveView, excerpt

if TYPE_CHECKING:
    from live_notes.domain.models import AgendaItem, Outcome, Vote

__all__ = ["LiveScreen"]

add_messages(
    {
        "live.corrected": ("Line #{id} corrected.", "#{id} の行を修正しました。"),
        "live.flagged": (
            "Line #{id} “{text}” flagged “verify later”.",
            "#{id}「{text}」に「要確認」を付けました。",
        ),
        "live.unflagged": (
            "Flag removed from line #{id} “{text}”.",
            "#{id}「{text}」の「要確認」を外しました。",
        ),
        "live.decision_busy": (
            "The entry holds a line: commit it (Enter) or clear it, then Ctrl+N.",
            "入力中の行があります。確定(Enter)するか消してから Ctrl+N を押してください。",
        ),
        "live.decision_replace": (
            "“{outcome}” is recorded for this item. Replace it? y / n",
            "この議題には「{outcome}」が記録されています。置き換えますか? y / n",
        ),
        "live.off_record": (
            "Last line off the record (left out of the public minutes).",
            "直前の行を非公開にしました(公開用の会議録には載りません)。",
        ),
        "live.on_record": ("Last line back on the record.", "直前の行を公開に戻しました。"),
        "live.last_item": ("This is the last item.", "最後の議題です。"),
        "live.first_item": ("This is the first item.", "最初の議題です。"),
        "live.opened": ("Opened at {time}.", "{time} 開会"),
        "live.closed": ("Closed at {time}.", "{time} 閉会"),
        "live.recessed": ("Recess from {time}.", "{time} 休憩"),
        "live.resumed": ("Resumed at {time}.", "{time} 再開"),
        "live.close_question": (
            "Close the meeting now ({time})? y / n",
            "閉会しますか({time})? y / n",
        ),
        "live.decision_saved": ("Decision saved.", "結論を記録しました。"),
    }
)


ESSENTIAL = ("app.help", "app.quit", "app.review", "app.export", "app.palette")
"""The keys the footer shows first, at any width: help, quit, review, export, commands."""


def essentials_first(commands: tuple[Command, ...]) -> tuple[Command, ...]:
    """`commands` with the `ESSENTIAL` ones first (the footer is cut on the right)."""
    first = sorted(
        (replace(c, show=True) for c in commands if c.id in ESSENTIAL),
        key=lambda c: ESSENTIAL.index(c.id),
    )
    return (*first, *(c for c in commands if c.id not in ESSENTIAL))


class LiveScreen(LiveView):
    """Live capture of one meeting. Keys: `live_notes.tui.keys.LIVE` (keys.md)."""

    KEYS = essentials_first((*(c for c in LIVE if c not in ENTRY), *APP))
    KEYS_ORDERED = True
    """The screen's keys; Enter, Up and Escape are the entry line's own (see `ENTRY`)."""

    # -- the keys ------------------------------------------------------------------------------

    async def action_ordered(self, action: str) -> None:
        """Run a key's action after every key typed before it.

        A priority key (F3, Ctrl+T, Ctrl+F …) is handled as soon as it arrives, while
        the letters and the Enter typed just before it may still wait in the entry's
        queue: run at once, F4 typed right after "question⏎" would tag the question
        as the answer. Queued behind them in the entry, it acts in the order typed.
        """
        self.entry.call_later(self.run_action, action)

    def action_commit(self) -> None:
        """Enter: commit the line (or save the correction); on disk before the next key.

        Before the meeting is loaded, the line is held and committed once it is."""
        entry = self.entry
        if not self.loaded:
            if entry.value.strip():
                self.held.hold("commit", entry.value)
                entry.value = ""
            return
        text = entry.expanded_value()
        session = self.session
        if self.editing is not None:
            line_id = self.editing
            if isinstance(self.run(session.update_line, line_id, text=text), ClerkError):
                return
            self.editing = None
            self.notify(t("live.corrected", self.lang, id=line_id))
            self._after_line(changed=True)
            return
        if self._commit(text):
            self._after_line(changed=False)

    def _commit(self, text: str) -> bool:
        """Commit one line and show it; False when refused (said to the clerk)."""
        session = self.session
        before = len(session.meeting.utterances)
        if isinstance(self.run(session.commit_line, text, quiet=("empty_line",)), ClerkError):
            return False
        meeting = session.meeting
        if len(meeting.utterances) == before + 1 and self._shown_item == meeting.current_item_id:
            self.lines_view.append(meeting.utterances[-1])
        else:
            self.show_item(force=True)
        return True

    def _after_line(self, changed: bool) -> None:
        entry = self.entry
        entry.value = ""
        if changed:
            self.show_item(force=True)
        self.refresh_chips()
        self.save_draft()  # the committed line is no draft any more: say so at once

    @needs_meeting
    def action_take_back(self) -> None:
        """Up with an empty entry: the last line comes back for correction."""
        if self.entry.value or self.editing is not None:
            return
        line = self.run(self.session.last_line)
        if isinstance(line, ClerkError):
            return
        self.editing = line.id
        self.entry.value = line.text
        self.entry.cursor_position = len(line.text)
        self.refresh_chips()

    def action_cancel(self) -> None:
        """Escape: drop the correction, the line stays as it was."""
        if self.editing is None:
            return
        self.editing = None
        self.entry.value = ""
        self.refresh_chips()

    @needs_meeting
    def action_role(self, number: int) -> None:
        """F2 … F8: the speaker role of the next line."""
        if not isinstance(self.run(self.session.role_by_number, number), ClerkError):
            self.refresh_chips()

    @refused_until_loaded
    def action_speaker(self) -> None:
        """Ctrl+S: name the speaker (a number or a name); the role follows."""
        session = self.session
        meeting = session.meeting
        last = session.last_speaker(session.role_id)
        offered = meeting.person(last) if last else None

        def done(person_id: str | None) -> None:
            if person_id and not isinstance(self.run(session.name_speaker, person_id), ClerkError):
                self.refresh_chips()

        from live_notes.tui.screens.dialogs.speaker import SpeakerScreen

        self.app.push_screen(SpeakerScreen(meeting.people, offered, self.lang), done)

    def _switched(self) -> None:
        self.show_item()
        self.tick()
        self.refresh_chips()

    @needs_meeting
    def action_next_item(self) -> None:
        """Ctrl+Down: next agenda item."""
        self._step(1)

    @needs_meeting
    def action_prev_item(self) -> None:
        """Ctrl+Up: previous agenda item."""
        self._step(-1)

    def _step(self, step: int) -> None:
        moved = self.run(self.session.step_item, step)
        if not isinstance(moved, ClerkError):
            if moved is None:
                key = "live.last_item" if step > 0 else "live.first_item"
                self.notify(t(key, self.lang))
            self._switched()

    @refused_until_loaded
    def action_goto(self) -> None:
        """Ctrl+G: go to an item by number or title."""

        def find(query: str) -> AgendaItem | str:
            found = attempt(self.session.find_item, query)
            return found.message(self.lang) if isinstance(found, ClerkError) else found

        def done(item_id: str | None) -> None:
            if item_id is None:
                return
            if not isinstance(self.run(self.session.switch_item, item_id), ClerkError):
                self._switched()

        from live_notes.tui.screens.dialogs.goto import GotoScreen  # dialogs load on first use

        self.app.push_screen(GotoScreen(self.session.leaf_items(), find, self.lang), done)

    @refused_until_loaded
    def action_peek(self) -> None:
        """Alt+G: look at another item's lines; the input target stays where it is."""
        session = self.session

        def find(query: str) -> AgendaItem | str:
            found = attempt(session.find_item, query)
            return found.message(self.lang) if isinstance(found, ClerkError) else found

        def done(item_id: str | None) -> None:
            item = session.meeting.item(item_id) if item_id else None
            if item is None:
                return
            label = self.lines_view.role_label
            rows = [
                f"{u.created_at:%H:%M} {label(u.role_id, u.person_id)}  {u.text}"
                for u in session.meeting.lines_of(item.id)
            ]
            title = f"{item.label} {item.title}".strip()
            self.app.push_screen(PeekScreen(title, rows, self.lang))

        from live_notes.tui.screens.dialogs.goto import GotoScreen
        from live_notes.tui.screens.dialogs.peek import PeekScreen

        self.app.push_screen(GotoScreen(session.leaf_items(), find, self.lang), done)

    def action_toggle_agenda(self) -> None:
        """Ctrl+\\: hide the agenda pane (the transcript takes the width), or show it."""
        agenda = self.query_one("#agenda")
        agenda.display = not agenda.display

    @refused_until_loaded
    def action_find(self) -> None:
        """Find in the lines, read-only: the entry, item and section stay as they are."""
        from live_notes.tui.screens.dialogs.find import FindDialog  # dialogs load on first use

        self.app.push_screen(FindDialog(self.session, self.lang))

    @needs_meeting
    def action_next_section(self) -> None:
        """Ctrl+T: explanation → discussion → conclusion → note (※)."""
        if not isinstance(self.run(self.session.next_section), ClerkError):
            self.refresh_chips()

    @refused_until_loaded
    def action_decision(self) -> None:
        """Ctrl+N: the decision dialog for the current item."""
        session = self.session
        item = session.current_item()
        if item is None:
            self.notify(CommandError("no_current_item").message(self.lang), severity="warning")
            return
        if not item.takes_decision:
            label = f"{item.label} {item.title}".strip()
            message = CommandError("no_decision_item", item=label).message(self.lang)
            self.notify(message, severity="warning")
            return

        if self.entry.value.strip():  # keys meant for the entry must not choose an outcome
            self.notify(t("live.decision_busy", self.lang), severity="warning")
            return
        recorded = session.meeting.decisions.get(item.id)
        if recorded is not None:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._open_decision(item)

            from live_notes.tui.screens.dialogs.confirm import ConfirmScreen

            outcome = t(f"outcome.{recorded.outcome.value}", self.lang)
            question = t("live.decision_replace", self.lang, outcome=outcome)
            self.app.push_screen(ConfirmScreen(question, self.lang), answered)
            return
        self._open_decision(item)

    def _open_decision(self, item: AgendaItem) -> None:
        session = self.session
        replace = item.id in session.meeting.decisions  # the clerk said yes to replacing it

        def save(
            outcome: Outcome, conditions: str, vote: Vote | None, mover: str, seconder: str
        ) -> str | None:
            refused = attempt(
                session.record_decision,
                outcome,
                conditions,
                vote,
                mover=mover,
                seconder=seconder,
                replace=replace,
            )
            return refused.message(self.lang) if isinstance(refused, ClerkError) else None

        def done(saved: bool | None) -> None:
            if saved:
                self.notify(t("live.decision_saved", self.lang))
                self.tick()

        from live_notes.tui.screens.dialogs.decision import DecisionScreen

        dialog = DecisionScreen(item, session.meeting.decisions.get(item.id), save, self.lang)
        self.app.push_screen(dialog, done)

    @refused_until_loaded
    def action_attendance(self) -> None:
        """F9: the roll call."""
        from live_notes.tui.screens.dialogs.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.session, self.lang))

    @needs_meeting
    def action_open_close(self) -> None:
        """Ctrl+O: open the meeting; once open, close it after a y/n question."""
        from live_notes.domain.models import MeetingStatus

        session = self.session
        status = session.meeting.status
        if status is MeetingStatus.PLANNED:
            at = self.run(session.open)
            if not isinstance(at, ClerkError):
                self.notify(t("live.opened", self.lang, time=at.strftime("%H:%M")))
                self.refresh_all()
            return
        if status is MeetingStatus.CLOSED:
            self.notify(CommandError("already_closed").message(self.lang), severity="warning")
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            closed = self.run(session.close)
            if not isinstance(closed, ClerkError):
                self.notify(t("live.closed", self.lang, time=closed.strftime("%H:%M")))
                self.refresh_all()

        from live_notes.tui.screens.dialogs.confirm import ConfirmScreen

        question = t("live.close_question", self.lang, time=session.now().strftime("%H:%M"))
        self.app.push_screen(ConfirmScreen(question, self.lang), done)

    @needs_meeting
    def action_recess(self) -> None:
        """Ctrl+R: recess, or resume."""
        result = self.run(self.session.toggle_recess)
        if not isinstance(result, ClerkError):
            in_recess, at = result
            key = "live.recessed" if in_recess else "live.resumed"
            self.notify(t(key, self.lang, time=at.strftime("%H:%M")))
            self.tick()
            self.show_item(force=True)  # the recess row in the transcript

    @needs_meeting
    def action_flag(self) -> None:
        """Ctrl+F: flag "verify later" the line being typed (committing it), the line
        being corrected, or with an empty entry the last line (again: unflag)."""
        session = self.session
        entry = self.entry
        if self.editing is not None:
            line_id: int = self.editing
        elif entry.value.strip():
            before = len(session.meeting.utterances)
            if not self._commit(entry.expanded_value()):
                return
            self._after_line(changed=False)
            if len(session.meeting.utterances) != before + 1:
                return
            line_id = session.meeting.utterances[-1].id
        else:
            last = self.run(session.last_line)
            if isinstance(last, ClerkError):
                return
            line_id = last.id
        flag = self.run(session.toggle_flag, line_id)
        if not isinstance(flag, ClerkError):
            text = excerpt(session.line(line_id).text)
            key = "live.flagged" if flag else "live.unflagged"
            self.notify(t(key, self.lang, id=line_id, text=text))
            self.show_item(force=True)

    @needs_meeting
    def action_off_record(self) -> None:
        """Ctrl+Y: the last line is left out of the public minutes (again: back in)."""
        session = self.session

        def toggle() -> None:
            line = session.last_line()
            session.update_line(line.id, off_record=not line.off_record)

        if not isinstance(self.run(toggle), ClerkError):
            off = session.last_line().off_record
            self.notify(t("live.off_record" if off else "live.on_record", self.lang))
            self.show_item(force=True)

    @needs_meeting
    def action_undo(self) -> None:
        """Ctrl+Z: undo the last change."""
        what = self.run(self.session.undo)
        if not isinstance(what, ClerkError):
            self.notify(undone(what, self.lang))
            self.refresh_all()
