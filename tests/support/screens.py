"""A small app that hosts the meetings, setup, review and export screens for tests.

It offers what those screens ask of the real app (``open_meeting``, ``session``,
``store``, ``ui_lang``), with a frozen clock and no user config, so the screens
are tested on their own. The one test here checks the harness itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.app import App

from live_notes.config import Config
from live_notes.domain.session import Session
from live_notes.sample import SAMPLE_EN, SAMPLE_JA, FakeClock, run_steps, sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.themes import load_themes

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from textual.screen import Screen

    from live_notes.domain.models import Meeting

FROZEN = datetime(2024, 11, 11, 14, 0)
"""The time the tests' sessions see."""


class ScreensApp(App[None]):
    """Hosts one of the screens; `open_meeting` opens a store and a session like the app.

    Attributes:
        data_dir: Where the meetings are.
        ui_lang: The UI language.
        store: The open meeting's store, once one is opened.
        session: Its session.
        opened: Ids passed to `open_meeting`, in order.
    """

    def __init__(
        self, data_dir: Path, first: Callable[[ScreensApp], Screen[Any]], ui_lang: str = "ja"
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.ui_lang = ui_lang
        self.config = Config()
        self.key_overrides: dict[str, str] = {}
        self.said: list[str] = []
        self.abbreviations: dict[str, str] = {}
        self._first = first
        self.store: MeetingStore | None = None
        self.session: Session | None = None
        self.opened: list[str] = []

    def on_mount(self) -> None:
        for theme in load_themes():
            self.register_theme(theme)
        self.theme = "live-dark"
        self.push_screen(self._first(self))

    def open_meeting(self, meeting_id: str) -> bool:
        self.close_meeting()
        self.store = MeetingStore.open(self.data_dir, meeting_id)
        self.session = Session(self.store.meeting, sink=self.store.append, clock=lambda: FROZEN)
        self.opened.append(meeting_id)
        return True

    def close_meeting(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
            self.session = None

    def on_unmount(self) -> None:
        self.close_meeting()


def stored_sample(data_dir: Path, lang: str = "ja", driven: bool = True) -> str:
    """Save the sample meeting (driven to closing, or just planned); return its id."""
    meeting: Meeting = sample_meeting(lang)
    store = MeetingStore.create(data_dir, meeting)
    if driven:
        clock = FakeClock(datetime.combine(meeting.header.date, datetime.min.time()))
        session = Session(store.meeting, sink=store.append, clock=clock)
        run_steps(session, SAMPLE_JA if lang == "ja" else SAMPLE_EN)
    store.close()
    return store.meeting.id


def reopen(data_dir: Path, meeting_id: str) -> Meeting:
    """The meeting as the store holds it (read-only)."""
    with MeetingStore.open(data_dir, meeting_id, readonly=True) as store:
        return store.meeting


def screen_text(app: App[Any]) -> str:
    """Everything the current screen shows, as plain text (Statics and Labels)."""
    from textual.widgets import Static

    return "\n".join(str(w.render()) for w in app.screen.query(Static))
