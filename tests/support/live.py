"""Shared set-up for the live screen's Pilot tests (no tests of its own).

Each test gets its own data and config directories (the clerk's own config
is kept out), the Japanese or English sample meeting in the store, and a
frozen, settable clock.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual import events

from live_notes.config import Config
from live_notes.sample import FakeClock, sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui import app as app_module
from live_notes.tui.app import LiveNotesApp
from live_notes.tui.screens.live import LiveScreen
from live_notes.tui.widgets.entry import EntryLine

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable

    from textual.pilot import Pilot
    from textual.widget import Widget

    from live_notes.domain.models import Meeting

SIZE = (120, 40)


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data dir and config dir for one test."""
    monkeypatch.setenv("LIVE_NOTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def new_meeting(data_dir: Path, lang: str = "ja") -> str:
    """Create the sample meeting (nothing recorded) and return its id."""
    meeting = sample_meeting(lang)
    store = MeetingStore.create(data_dir, meeting)
    store.close()
    return meeting.id


async def opened(pilot: Pilot[None]) -> None:
    """Wait until the meeting asked for at the start is loaded (or refused).

    The live screen takes keys before its meeting is loaded; a test that looks at
    the meeting, or at what a command did, waits for it first.
    """
    app = pilot.app
    for _ in range(2000):  # 10 s at most
        if not getattr(app, "opening", False):
            break
        await asyncio.sleep(0.005)
    await pilot.pause()


class OpenedApp(LiveNotesApp):
    """The app whose `run_test` hands the pilot over once the meeting is loaded."""

    CSS_PATH = Path(app_module.__file__).with_name("app.tcss")  # not beside this file

    @asynccontextmanager
    async def run_test(self, *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[None]]:  # type: ignore[override]
        async with super().run_test(*args, **kwargs) as pilot:
            await opened(pilot)
            yield pilot


def make_app(
    tmp_path: Path,
    lang: str = "ja",
    config: Config | None = None,
    clock: FakeClock | None = None,
    meeting_id: str | None = None,
    draft_delay: float | None = None,
) -> tuple[LiveNotesApp, FakeClock]:
    """The app on a fresh sample meeting with a frozen clock (09:30 on the meeting's day);
    `draft_delay`: the longest wait before the line being typed is kept."""
    data = tmp_path / "data"
    meeting_id = meeting_id or new_meeting(data, lang)
    if clock is None:
        day = sample_meeting(lang).header.date
        clock = FakeClock(datetime.combine(day, time(9, 30)))
    app = OpenedApp(
        data, meeting_id, config=config or Config(), clock=clock, draft_delay=draft_delay
    )
    return app, clock


async def until(pilot: Pilot[None], check: Callable[[], bool], limit: float = 10) -> None:
    """Let the app run until `check()` holds (`limit` seconds at most, then fail)."""
    for _ in range(int(limit / 0.01)):
        if check():
            return
        await pilot.pause(0.01)
    assert check(), "still not so after the wait"


def stored(app: LiveNotesApp) -> Meeting:
    """The meeting as a fresh read of the files gives it (not the app's memory)."""
    assert app.session is not None
    store = MeetingStore.open(app.data_dir, app.session.meeting.id, readonly=True)
    return store.meeting


def live(app: LiveNotesApp) -> LiveScreen:
    """The live screen (fails if another screen is on top)."""
    screen = app.screen
    assert isinstance(screen, LiveScreen), type(screen).__name__
    return screen


def still(app: LiveNotesApp) -> None:
    """Stop the cursor blinking, for snapshots."""
    for entry in app.screen.query(EntryLine):
        entry.cursor_blink = False


def rows(app: LiveNotesApp) -> list[str]:
    """The lines view's rows as the clerk reads them."""
    return live(app).lines_view.plain_rows()


def text_of(app: LiveNotesApp, selector: str) -> str:
    """The plain text a Static shows."""
    widget = app.screen.query_one(selector)
    return str(widget.render())  # type: ignore[attr-defined]


async def type_text(app: LiveNotesApp, pilot: Pilot[None], text: str, enter: bool = False) -> None:
    """Type text as a fast typist (or the IME committing a phrase) would: every key event
    is queued at once, then Enter, and only then does the test wait.

    Pilot's own `press` waits for the app to go idle after every key (40 ms each) and
    cannot type ideographic punctuation (、。); the events here take the same path as
    the terminal's.
    """
    for char in text:
        app.post_message(events.Key("space" if char == " " else char, char))
    if enter:
        app.post_message(events.Key("enter", "\r"))
    await pilot.pause()


def screen_rows(app: LiveNotesApp) -> list[str]:
    """Every row of the terminal as the app last drew it (plain text)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def rows_of(app: LiveNotesApp, widget: Widget) -> list[str]:
    """A widget's rows as drawn on the screen (the spaces at both ends trimmed)."""
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text.strip() for strip in strips]


def entry_rows(app: LiveNotesApp) -> list[str]:
    """The entry's rows as drawn on the screen."""
    return rows_of(app, live(app).entry)
