"""The start: on one meeting in two steps, so the clerk can type at once; else the
sample meeting on a first run, or the meetings list.

The live screen and its entry come up first, with only Textual and light
modules imported; right after that first frame the meeting is loaded (the
store, the model, pydantic) on a worker thread and the screen filled in. Lines
committed and command keys pressed meanwhile are held by the screen
(`live_notes.tui.held`) and done, in order, once it is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.errors import ClerkError
from live_notes.tui.i18n import add_messages, t

if TYPE_CHECKING:
    from live_notes.abbrev import Abbreviations
    from live_notes.store import MeetingStore
    from live_notes.tui.app import LiveNotesApp
    from live_notes.tui.screens.live import LiveScreen

add_messages(
    {
        "app.sample_created": (
            "A sample meeting was created to try things out: {id}",
            "試用のためのサンプル会議を作成しました: {id}",
        ),
        "app.typed_lost": (
            "Not saved (no meeting open), copy it if needed: {text}",
            "保存されていません(会議が開いていません)。必要ならコピーしてください: {text}",
        ),
    }
)


def first_screen(app: LiveNotesApp) -> None:
    """Without a meeting asked for: the sample on an empty data directory (so a first
    run shows something real), else the meetings list."""
    from live_notes.store import meeting_ids
    from live_notes.tui.attempt import attempt

    ids = attempt(meeting_ids, app.data_dir)
    if isinstance(ids, ClerkError):
        app.refuse(ids)
    elif not ids:
        create_sample(app)
    else:
        app.show_meetings()


def create_sample(app: LiveNotesApp) -> None:
    """Create the Japanese sample meeting in the data directory and open it."""
    from live_notes.meetings import create_meeting, read_plan
    from live_notes.tui.attempt import attempt

    text, source = read_plan(None, "ja")
    default = app.config.default_role_set
    store = attempt(create_meeting, app.data_dir, text, source, default)
    if isinstance(store, ClerkError):
        app.refuse(store)
        return
    app.notify(t("app.sample_created", "ja", id=store.meeting.id))
    app.show_live(store)


def opening_lang(app: LiveNotesApp, meeting_id: str) -> str:
    """The language of the live screen up while `meeting_id` loads: the one the loaded
    meeting gives the UI (its own, unless the settings say), read from its file's header
    without loading it; the UI's usual one when that cannot be read. A wrong guess costs
    a new screen once loaded (`LiveNotesApp.show_live`), never a key."""
    if app.config.ui_lang == "auto":
        from live_notes.store.files import header_lang

        guessed = header_lang(app.data_dir, meeting_id)
        if guessed is not None:
            return guessed
    return app.ui_lang


Loaded = tuple["MeetingStore | Exception", "tuple[Abbreviations, list[str]]"]


class Opening:
    """A meeting being loaded behind the live screen that is already up (the start)."""

    def __init__(self, app: LiveNotesApp, screen: LiveScreen, meeting_id: str) -> None:
        self.app = app
        self.screen = screen
        self.meeting_id = meeting_id
        self.quit_when_open = False
        """Ctrl+Q came meanwhile: quit once what was held is saved."""
        screen.after_first_frame = self.start  # not before: it would slow the frame down

    def start(self) -> None:
        """Load the meeting on a worker thread; the entry takes keys meanwhile."""
        self.app.run_worker(self._load, name="open-meeting", thread=True, exit_on_error=False)

    def _load(self) -> None:
        """On the worker thread: the abbreviations and the store, handed to `_loaded`."""
        from live_notes.abbrev import load_abbreviations
        from live_notes.store import MeetingStore

        result: MeetingStore | Exception
        abbreviations: tuple[Abbreviations, list[str]] = ({}, [])
        try:
            abbreviations = load_abbreviations()
            result = MeetingStore.open(self.app.data_dir, self.meeting_id)
        except Exception as exc:  # a refusal, or a bug: raised on the UI thread (`_loaded`)
            result = exc
        try:
            posted = self.app.call_later(self._loaded, result, abbreviations)
        except RuntimeError:  # the event loop is closed: the app has ended
            posted = False
        if not posted and isinstance(result, MeetingStore):
            result.close()

    def _loaded(
        self, result: MeetingStore | Exception, abbreviations: tuple[Abbreviations, list[str]]
    ) -> None:
        """Fill the screen in with the loaded meeting.

        A refusal is said as `LiveNotesApp.open_meeting` says it, and the screen goes;
        what the clerk typed meanwhile is said too, since there is nowhere to keep it.
        """
        app = self.app
        if app.opening is not self or not app.is_running:  # the app is ending meanwhile
            if not isinstance(result, Exception):
                result.close()
            return
        app.opening = None
        if isinstance(result, Exception) and not isinstance(result, ClerkError):
            raise result
        app.use_abbreviations(*abbreviations)
        self.screen.entry.abbreviations = app.abbreviations
        if isinstance(result, ClerkError):
            app.cannot_open(result)
            typed = self.screen.held_text()
            if typed:
                app.notify(t("app.typed_lost", app.ui_lang, text=typed), severity="warning")
            app.pop_screen()
            return
        app.show_live(result, waiting=self.screen)
        if self.quit_when_open:
            app.call_later(app.action_quit)
