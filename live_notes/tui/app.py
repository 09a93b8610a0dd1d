"""The application: opens a meeting's store, builds the live session, switches screens.

Start-up: with a meeting id, that meeting opens on the live screen (in two
steps, so the clerk can type at once: see `live_notes.tui.opening`). Without
one, an empty data directory gets the Japanese sample meeting (so a first run
shows something real); otherwise the meetings screen lists what is there.

Screens reach the app through its typed interface (`live_notes.tui.host`).

Run it with ``python -m live_notes.tui.app [MEETING_ID]`` (``live-notes`` does
the same through the command line).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

from live_notes.tui.app_actions import AppActions
from live_notes.tui.bindings import apply_keymap, bindings, format_key, preset_keys
from live_notes.tui.i18n import add_messages, locale_said, t
from live_notes.tui.keys import APP
from live_notes.tui.opening import Opening, first_screen, opening_lang
from live_notes.tui.palette import CommandsProvider
from live_notes.tui.recording import recording_of
from live_notes.tui.recording_actions import RecordingActions
from live_notes.tui.screens.live import LiveScreen
from live_notes.tui.stored_lang import stored_lang

if TYPE_CHECKING:  # loaded when needed: the live screen's first frame does without them
    from live_notes.abbrev import Abbreviations
    from live_notes.config import Config
    from live_notes.domain.errors import ClerkError
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore

add_messages(
    {
        "app.cannot_open": (
            "The meeting could not be opened: {detail}",
            "会議を開けません: {detail}",
        ),
        "app.recovered": ("When opening: {detail}", "開くときの処理: {detail}"),
        "app.config_problem": ("Settings: {detail}", "設定: {detail}"),
    }
)

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class LiveNotesApp(RecordingActions, AppActions):
    """live-notes: take a meeting's minutes live from the keyboard.

    Attributes:
        data_dir: Where the meetings are.
        config: The clerk's settings.
        store: The open meeting's store, or None.
        session: The live session on the open meeting, or None.
        opening: The meeting being loaded behind the live screen (the start), or None.
    """

    CSS_PATH = "app.tcss"
    TITLE = "live-notes"
    BINDINGS = [replace(b, show=False) for b in bindings(APP) if isinstance(b, Binding)]
    """App-wide keys, for every screen; not in the footer here (English only at class
    level): the live screen shows them, in the clerk's language, from the same table."""
    COMMANDS = App.COMMANDS | {CommandsProvider}

    def __init__(
        self,
        data_dir: Path | None = None,
        meeting_id: str | None = None,
        config: Config | None = None,
        clock: Clock | None = None,
        draft_delay: float | None = None,
        read_only: bool = False,
        record: str | None = None,
    ) -> None:
        """`draft_delay`: longest wait before the line being typed is kept (tests shorten it);
        `read_only`: follow `meeting_id` as another live-notes writes it (`screens.follow`);
        `record`: record the meeting once open ("": the input device; else a WAV file)."""
        # What is loaded by now (Textual, the settings' pydantic) lives as long as the
        # process: out of the cyclic collector's passes, a full pass during the first
        # frame no longer walks it (measured: 12-16 ms of the start).
        gc.freeze()
        super().__init__()
        if data_dir is None:
            from live_notes.paths import default_data_dir

            data_dir = default_data_dir()
        if config is None:
            from live_notes.config import load_config

            config = load_config()
        self.data_dir = Path(data_dir)
        self.meeting_id = meeting_id
        self.config = config
        self.clock: Clock = clock or _now
        self.draft_delay = draft_delay
        self.read_only = read_only
        self.record = record
        self.store: MeetingStore | None = None
        self.session: Session | None = None
        self.key_overrides = {**preset_keys(config.role_keys), **config.keys}
        self.abbreviations: Abbreviations = {}
        self._abbreviations_loaded = False
        self.opening: Opening | None = None
        self.said: list[str] = []

    def _handle_exception(self, error: Exception) -> None:
        """A bug: one line for the clerk, the typed line kept, a report (`tui.crash`)."""
        from live_notes.tui.crash import crashed

        super()._handle_exception(crashed(self, error))

    # -- language, keys, abbreviations ---------------------------------------------------

    @property
    def ui_lang(self) -> str:
        """The UI's language: the config's, else the open meeting's, else the locale's,
        else (no locale, as on Windows) the stored meetings' when they share one."""
        if self.config.ui_lang != "auto":
            return self.config.ui_lang
        if self.session is not None:
            return self.session.lang
        return locale_said() or stored_lang(self.data_dir)

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer and the help: function keys as printed on the keyboard (F9)."""
        return format_key(binding.key, super().get_key_display(binding))

    def on_mount(self) -> None:
        """Themes and keys, then the first screen (abbreviations: with the meeting)."""
        from live_notes.tui.themes import setup_themes

        setup_themes(self)
        apply_keymap(self)
        for problem in self.config.problems:
            self.notify(t("app.config_problem", self.ui_lang, detail=problem), severity="warning")
        self.start()

    def use_abbreviations(self, abbreviations: Abbreviations, problems: list[str]) -> None:
        """The clerk's abbreviations, once loaded; a problem with the file is said."""
        if self._abbreviations_loaded:
            return
        self._abbreviations_loaded = True
        self.abbreviations = abbreviations
        for problem in problems:
            self.notify(t("app.config_problem", self.ui_lang, detail=problem), severity="warning")

    # -- opening and closing meetings ------------------------------------------------------

    def start(self) -> None:
        """The first screen: the meeting asked for (`Opening`), the sample, or the list."""
        if self.meeting_id and self.read_only:
            from live_notes.tui.screens.follow import follow

            follow(self, self.meeting_id)
        elif self.meeting_id:
            screen = self._live_screen(None, None, lang=opening_lang(self, self.meeting_id))
            self.opening = Opening(self, screen, self.meeting_id)
            self._replace_top(screen)
        else:
            first_screen(self)

    def open_meeting(self, meeting_id: str) -> bool:
        """Open a meeting for writing and show it on the live screen; True when shown.

        A refusal (another live-notes holds it, a damaged or newer file) is said
        in a notification; whatever was open stays open.
        """
        from live_notes.store import MeetingStore
        from live_notes.tui.attempt import ClerkError, attempt

        if self.store is not None and self.store.meeting.id == meeting_id:
            self.show_live(self.store)
            return True
        store = attempt(MeetingStore.open, self.data_dir, meeting_id)
        if isinstance(store, ClerkError):
            self.cannot_open(store)
            return False
        self.show_live(store)
        return True

    def cannot_open(self, refusal: ClerkError) -> None:
        """Say why a meeting could not be opened."""
        self.refuse(refusal, "app.cannot_open")

    def _live_screen(
        self,
        session: Session | None,
        store: MeetingStore | None,
        lang: str | None = None,
        **kwargs: Any,
    ) -> LiveScreen:
        if self.draft_delay is not None:
            kwargs["draft_delay"] = self.draft_delay
        return LiveScreen(
            session,
            store,
            lang=lang or self.ui_lang,
            clock=self.clock,
            abbreviations=self.abbreviations,
            **kwargs,
        )

    def show_live(self, store: MeetingStore, waiting: LiveScreen | None = None) -> None:
        """Show the open store on the live screen; `waiting`: the screen up before it loaded."""
        from live_notes.domain.session import Session

        if waiting is None:
            self.close_meeting()
            if not self._abbreviations_loaded:
                from live_notes.abbrev import load_abbreviations

                self.use_abbreviations(*load_abbreviations())
        self.store = store
        self.session = Session(store.meeting, sink=store.append, clock=self.clock)
        for note in store.recovered:
            self.notify(t("app.recovered", self.ui_lang, detail=note), severity="warning")
        recording_of(self).opened(self.session, store, self.record)
        self.record = None  # the meeting asked for, not the next one opened
        if waiting is not None and waiting.lang == self.ui_lang:
            waiting.attach(self.session, store)
        else:  # a new screen, in the meeting's language, takes over what was typed
            held = (waiting.held.items, waiting.entry.value) if waiting is not None else ([], "")
            self._replace_top(self._live_screen(self.session, store, held=held))
        # The open meeting (thousands of lines) lives as long as the screen: keep it out
        # of the cyclic collector's full passes, which otherwise walk every line and
        # stall typing for tens of milliseconds (measured: 60–90 ms at 10,000 lines).
        self.call_after_refresh(gc.freeze)

    def _replace_top(self, screen: Any) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def close_meeting(self) -> None:
        """Save the line being typed and release the open meeting, if any."""
        from live_notes.tui.attempt import attempt, refusal

        self.opening = None
        recording_of(self).close()
        for screen in self.screen_stack:
            if isinstance(screen, LiveScreen) and screen.store is self.store:
                screen.save_draft(wait=True)
        if self.store is not None and (failed := refusal(attempt(self.store.close))):
            self.refuse(failed)
        self.store = None
        self.session = None
        gc.unfreeze()  # the closed meeting may be collected now

    def show_meetings(self) -> None:
        """Switch to the meetings screen (the open meeting is saved and released)."""
        from live_notes.tui.screens.meetings import MeetingsScreen

        if self.opening is not None:  # what is typed meanwhile has nowhere to go yet
            self.notify(t("app.opening", self.ui_lang), severity="warning")
            return
        self.close_meeting()
        self._replace_top(MeetingsScreen(self.data_dir))

    # -- app-wide actions ----------------------------------------------------------------------

    def on_unmount(self) -> None:
        """However the app ends, the meeting's journal is folded in and its lock released."""
        self.close_meeting()

    async def action_quit(self) -> None:
        """Ctrl+Q: nothing to save (it is saved already); the draft and the lock are released.

        While the meeting is loading, the app quits once it is loaded and the lines
        typed meanwhile are saved; a second Ctrl+Q quits at once."""
        if self.opening is not None and not self.opening.quit_when_open:
            self.opening.quit_when_open = True
            return
        self.close_meeting()
        self.exit()


def main(argv: list[str] | None = None) -> int:
    """Run the app on the default data directory, optionally on one meeting."""
    args = sys.argv[1:] if argv is None else argv
    LiveNotesApp(None, args[0] if args else None).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
