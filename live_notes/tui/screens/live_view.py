"""The live screen's view: its parts, how they are redrawn, the line being typed, and
the one way its keys run a session command (`LiveView.run`). The keys themselves are
`LiveScreen`'s (live.py).

Each key calls one `Session` method, synchronously: the session hands the
change to the store (written and fsynced) before it applies it, so what the
screen shows is on disk. A refusal (`CommandError`) is said in the clerk's
language; a store failure (`StoreError`, e.g. a full disk) raises a banner that
says the line was not saved and stays in the entry.

Typing touches only the entry line: the lines view, agenda and status bar are
redrawn after commands and by a once-a-second clock tick, never per key, and
the draft is saved at most 0.5 s after the entry changes, typing or not.

The screen can come up before its meeting is loaded (the app's start): the
entry takes keys at once, and what Enter and the command keys ask meanwhile is
held, then done in the order pressed by `attach` when the meeting arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from live_notes.domain.errors import ClerkError, CommandError
from live_notes.domain.text import MAX_LINE
from live_notes.tui.attempt import attempt
from live_notes.tui.bindings import Keyed
from live_notes.tui.drafts import DRAFT_DELAY, Drafts
from live_notes.tui.held import Held, HeldKeys
from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.kinsoku import wrap
from live_notes.tui.widgets.agenda_view import AgendaView
from live_notes.tui.widgets.entry import Chip, EntryLine
from live_notes.tui.widgets.lines_view import ROLE_KINDS, LinesView, conclusion_row
from live_notes.tui.widgets.message_line import MessageLine
from live_notes.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:  # the model, the session and the store load after the first frame
    from textual.app import ComposeResult
    from textual.notifications import SeverityLevel
    from textual.timer import Timer

    from live_notes.abbrev import Abbreviations
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore

add_messages(
    {
        "live.not_saved": ("NOT SAVED: {detail}", "【未保存】{detail}"),
        "live.not_saved_note": (
            "NOT SAVED: see the red line above the entry.",
            "保存できませんでした。入力欄の上の赤い表示をご覧ください。",
        ),
        "live.draft_back": (
            "The line you were typing before has been put back in the entry.",
            "前回入力中だった行を入力欄に戻しました。",
        ),
        "live.correcting": ("Editing #{id}", "修正中 #{id}"),
        "live.paste_refused": (
            "Paste refused: {n:,} characters is more than one line may hold ({max:,}).",
            "貼り付けを取り消しました: {n:,} 文字は1行の上限({max:,} 文字)を超えています。",
        ),
        "live.more": (
            "… {n:,} earlier lines of this item: see review (F10)",
            "… この議題の前の {n:,} 行は確認画面 (F10) で",
        ),
        "live.no_item": ("no item", "議題なし"),
        "live.off_record_mark": ("[off the record] ", "〔記録外〕"),
        "live.recess_mark": ("[during the recess] ", "〔休憩中〕"),
        "live.recess_row": ("Recess {start}–{end}", "休憩 {start}〜{end}"),
    }
)

Clock = Callable[[], datetime]


def excerpt(text: str, width: int = 20) -> str:
    """The start of a line, to name it in a message (cut with "…" when longer)."""
    return text if len(text) <= width else f"{text[: width - 1]}…"


R = TypeVar("R")
CHAIRS = ("chair", "vice_chair")
"""Role ids of the chair, who moderates (coloured apart from both sides)."""
MESSAGE_SECONDS = 8.0
"""How long a message stays on the line above the entry."""


class LiveView(Keyed, Screen[None]):
    """The live screen without its keys (see `LiveScreen`)."""

    AUTO_FOCUS = "EntryLine"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """Under 100 columns the agenda pane narrows itself (app.tcss)."""

    def __init__(
        self,
        session: Session | None,
        store: MeetingStore | None,
        lang: str,
        clock: Clock,
        abbreviations: Abbreviations | None = None,
        held: tuple[list[Held], str] = ([], ""),
        draft_delay: float = DRAFT_DELAY,
    ) -> None:
        """`session` None: the meeting is still loading (see `attach`); `held`: the keys
        held and the text typed while it loaded, taken over from another screen;
        `draft_delay`: longest wait before the line being typed is kept."""
        super().__init__()
        self._session = session
        self.store = store
        self.lang = lang
        """The UI language (messages); role labels follow the meeting's language."""
        self.clock = clock
        self.abbreviations = abbreviations or {}
        self.editing: int | None = None
        """Id of the line taken back for correction (Up), or None."""
        self.draft_delay = draft_delay
        self.drafts: Drafts | None = None
        """The line being typed, kept (once the meeting is loaded, with a store)."""
        self._shown_item: str | None = None
        self._entry = EntryLine(abbreviations, id="entry")
        self.held = HeldKeys(held[0])
        """Lines committed and commands asked before the meeting was loaded."""
        self._typed_before = held[1]
        self._message_timer: Timer | None = None
        self.after_first_frame: Callable[[], object] | None = None
        """Called once the screen, still without its meeting, has been drawn (the start)."""

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Status bar; agenda and lines; banner; role, section and entry (the footer comes
        with the meeting, see `_begin`)."""

        def role_label(role_id: str, person_id: str | None = None) -> str:
            session = self._session  # None before the meeting is loaded: no lines then
            person = session.meeting.person(person_id) if session and person_id else None
            if person is not None:
                return person.name  # the named speaker, in the role's colour
            role = session.meeting.role_set.get(role_id) if session else None
            return role.label(session.lang) if role and session else role_id

        yield StatusBar(id="status")
        with Horizontal(id="main"):
            yield AgendaView(id="agenda")
            with Vertical(id="right"):
                yield Static("", id="item-title")
                yield LinesView(
                    role_label,
                    lambda section: t(f"section.{section.value}", self.lang),
                    lambda n: t("live.more", self.lang, n=n),
                    off_record_mark=t("live.off_record_mark", self.lang),
                    role_kind=self.role_kind,
                    recess_label=self._recess_label,
                    recess_mark=t("live.recess_mark", self.lang),
                    id="lines",
                )
        yield Static("", id="banner")
        yield MessageLine(id="live-message", keep_room=True)
        with Horizontal(id="entry-row"):
            yield Chip("", id="role")
            yield Chip("", id="section")
            yield self._entry

    def on_mount(self) -> None:
        """Fill every part, start the clock, put a kept draft back (once loaded)."""
        self.query_one("#banner").display = False
        if self.loaded:
            self._begin()
        elif self.after_first_frame is not None:
            self.call_after_refresh(self.after_first_frame)

    async def _add_footer(self) -> None:
        from textual.widget import MountError

        try:
            # The palette's key in the row, not docked over its right end: a docked key
            # over a cut Japanese description garbles both.
            await self.mount(Footer(show_command_palette=False))
        except MountError:  # the screen has gone meanwhile (the app quit at once)
            return
        self.refresh_bindings()  # a footer mounted after the focus has no keys until then

    def attach(self, session: Session, store: MeetingStore | None) -> None:
        """The meeting is loaded: fill every part in, then do what was asked meanwhile."""
        self._session = session
        self.store = store
        self._begin()

    def _begin(self) -> None:
        # The footer (a widget per key) comes with the meeting: the first frame, the
        # one the clerk waits for, is the entry and the empty frame around it.
        self.call_later(self._add_footer)
        if self._typed_before:
            self.entry.value = self._typed_before
            self.entry.cursor_position = len(self._typed_before)
        self.refresh_all()
        self.set_interval(1.0, self.tick)
        if self.store is not None:
            self.drafts = Drafts(
                self,
                lambda: "" if self.editing is not None else self.entry.value,
                self.store.save_draft,
                self._draft_failed,
                self.draft_delay,
            )
            draft = attempt(self.store.load_draft)
            if isinstance(draft, ClerkError):
                self.notify(draft.message(self.lang), severity="error")
                draft = ""
            if draft:  # before what was typed while the meeting loaded, if anything
                typed = self.entry.value
                self.entry.value = f"{draft} {typed}" if typed else draft
                self.entry.cursor_position = len(self.entry.value)
                self.drafts.saved = draft
                self.notify(t("live.draft_back", self.lang))
        self._run_held()

    def _run_held(self) -> None:
        """Do what was asked before the meeting was loaded, in the order pressed."""
        from live_notes.abbrev import expand_trailing

        def commit(text: str) -> bool:
            return self._commit(expand_trailing(text, self.entry.abbreviations))

        def put_back(texts: str) -> None:
            self.entry.value = " ".join(part for part in [texts, self.entry.value] if part)

        def action(name: str, args: tuple[Any, ...]) -> None:
            getattr(self, f"action_{name}")(*args)

        if self.held.replay(commit, action, put_back):
            self.refresh_chips()
            self.save_draft()

    def _commit(self, text: str) -> bool:
        """Commit one line and show it; False when refused (`LiveScreen._commit`)."""
        raise NotImplementedError

    def held_text(self) -> str:
        """The lines held and the text in the entry, as one line (when no meeting opens)."""
        return self.held.text(self.entry.value)

    def on_screen_suspend(self) -> None:
        """A dialog or another screen on top: remember where the record stood."""
        self._suspended_at = self._seq()

    def on_screen_resume(self) -> None:
        """Back from a dialog: the entry has the focus again, and what changed is shown.

        The lines are reloaded only if something was recorded meanwhile (review may
        have edited any line); after a dialog that changed nothing this is free.
        """
        self.entry.focus()
        if self._session is None:
            return
        if self.store is None or self._seq() != getattr(self, "_suspended_at", None):
            self.refresh_all()

    def _seq(self) -> int | None:
        """The store's count of saved changes (None without a store)."""
        return self.store.last_seq if self.store is not None else None

    @property
    def session(self) -> Session:
        """The live session; only once the meeting is loaded (see `loaded`)."""
        if self._session is None:
            raise RuntimeError("the meeting is not loaded yet")
        return self._session

    @property
    def loaded(self) -> bool:
        """Whether the meeting is loaded (before: the entry takes keys, commands wait)."""
        return self._session is not None

    @property
    def entry(self) -> EntryLine:
        """The entry line."""
        return self._entry

    @property
    def lines_view(self) -> LinesView:
        """The current item's lines."""
        return self.query_one("#lines", LinesView)

    # -- redrawing -----------------------------------------------------------------------

    def tick(self) -> None:
        """Once a second: the clock, the time since opening and the item times, in
        the meeting's zone (the times it recorded are its wall-clock times)."""
        meeting = self.session.meeting
        now = meeting.wall(self.session.now())
        self.query_one(StatusBar).show(meeting, now, self.lang)
        self.query_one(AgendaView).show(meeting, now, self.lang)

    def refresh_all(self) -> None:
        """Redraw everything from the meeting (after commands other than a commit)."""
        self.tick()
        self.refresh_chips()
        self.show_item(force=True)

    def show_item(self, force: bool = False) -> None:
        """Load the current item's lines into the view (on a switch, or when forced)."""
        meeting = self.session.meeting
        item_id = meeting.current_item_id
        if not force and item_id == self._shown_item:
            return
        self._shown_item = item_id
        item = meeting.item(item_id) if item_id else None
        title = f"{item.label} {item.title}".strip() if item else t("live.no_item", self.lang)
        self.query_one("#item-title", Static).update(title)
        lines = meeting.lines_of(item_id) if item_id else []
        decision = meeting.decisions.get(item_id) if item_id else None
        self.lines_view.set_lines(lines, meeting.recesses, conclusion_row(decision, self.lang))

    def _recess_label(self, start: datetime, end: datetime | None) -> str:
        until = end.strftime("%H:%M") if end else ""
        return t("live.recess_row", self.lang, start=start.strftime("%H:%M"), end=until)

    def role_kind(self, role_id: str) -> str:
        """How a role is coloured (`ROLE_KINDS`): the chair apart from the two sides."""
        if role_id in CHAIRS:
            return "chair"
        session = self._session
        role = session.meeting.role_set.get(role_id) if session else None
        side = role.side.value if role else ""
        return side if side in ("asking", "answering") else "role"

    def refresh_chips(self) -> None:
        """The role the next line gets, and its section (or the line being corrected)."""
        session = self.session
        role = session.meeting.role_set.get(session.role_id)
        label = role.label(session.lang) if role else session.role_id
        speaker = session.meeting.person(session.speaker_id) if session.speaker_id else None
        if speaker is not None:
            label = f"{label} {speaker.name}"
        if self.editing is not None:
            label = t("live.correcting", self.lang, id=self.editing)
        chip = self.query_one("#role", Chip)
        chip.update(label)
        kind = self.role_kind(session.role_id) if self.editing is None else "role"
        for other in ROLE_KINDS:
            chip.set_class(other == kind, f"-{other}")
        section = session.meeting.current_section
        chip = self.query_one("#section", Chip)
        chip.update(t(f"section.{section.value}", self.lang))
        chip.set_class(section.value == "note", "-note")  # note mode is never unnoticed

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Say something on the message line above the entry, never over it; it goes
        after `timeout` seconds (or the next message), and the app keeps it in `said`."""
        lines = self.query("#live-message").results(MessageLine)
        line = next(lines, None)
        if line is None:  # the screen is being taken down: the app says it
            self.app.notify(message, severity=severity, timeout=timeout, markup=markup)
            return
        host(self.app).remember(message)
        width = line.content_region.width or self.size.width - 2
        shown = "\n".join(wrap(message, width))  # kinsoku: no 。 or 、 starts a row
        line.say(shown, self.lang, error=severity != "information")
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(timeout or MESSAGE_SECONDS, self._clear_message)

    def _clear_message(self) -> None:
        self._message_timer = None
        for line in self.query("#live-message").results(MessageLine):
            line.say("", self.lang)

    def banner(self, message: str | None) -> None:
        """Show (or with None, hide) the red banner above the entry."""
        widget = self.query_one("#banner", Static)
        widget.update(message or "")
        widget.display = message is not None

    # -- running commands ------------------------------------------------------------------

    def run(
        self, command: Callable[..., R], *args: Any, quiet: tuple[str, ...] = (), **kwargs: Any
    ) -> R | ClerkError:
        """Run one session command (`attempt`): its result, or the refusal, said to the
        clerk (a change the store could not save raises the red banner)."""
        result = attempt(command, *args, **kwargs)
        if isinstance(result, CommandError):
            if result.code not in quiet:
                self.notify(result.message(self.lang), severity="warning")
        elif isinstance(result, ClerkError):
            self.banner(t("live.not_saved", self.lang, detail=result.message(self.lang)))
            self.notify(t("live.not_saved_note", self.lang), severity="error", timeout=10)
            from live_notes.tui.screens.dialogs.save_elsewhere import offer_save_elsewhere

            offer_save_elsewhere(self, result)  # when the files were taken away
        else:
            self.banner(None)
        return result

    # -- the line being typed -----------------------------------------------------------------

    @on(EntryLine.Changed, "#entry")
    def _typed(self) -> None:
        if self.entry.value:
            self._schedule_draft()
        else:  # cleared: a crash now must not offer the old text back
            self.save_draft()

    @on(EntryLine.PasteRefused)
    def _paste_refused(self, event: EntryLine.PasteRefused) -> None:
        self.notify(
            t("live.paste_refused", self.lang, n=event.length, max=MAX_LINE), severity="warning"
        )

    def _schedule_draft(self) -> None:
        if self.drafts is not None:
            self.drafts.changed()

    def save_draft(self, wait: bool = False) -> None:
        """Keep the line being typed now; `wait`: on disk on return."""
        if self.drafts is not None:
            self.drafts.save(wait)

    def _draft_failed(self, exc: ClerkError) -> None:
        self.notify(exc.message(self.lang), severity="error")

    def on_unmount(self) -> None:
        """Leaving the screen keeps the line being typed, while the meeting is still open."""
        if self.store is not None and self.store is host(self.app).store:
            self.save_draft(wait=True)
        if self.drafts is not None:
            self.drafts.close()
