"""SVG snapshots of the meetings, setup, review and export screens, Japanese and English.

120×40, the sample meetings from data/, a frozen clock, no user config, no
cursor blink. Update with ``pytest --snapshot-update`` and look at the result.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from live_notes.config import Config
from live_notes.domain.session import Session
from live_notes.sample import SAMPLE_EN, SAMPLE_JA, FakeClock, run_steps, sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.screens.dialogs.export import ExportScreen
from live_notes.tui.screens.meetings import MeetingsScreen
from live_notes.tui.screens.review import ReviewScreen
from live_notes.tui.screens.setup import SetupScreen
from live_notes.tui.themes import load_themes

SIZE = (120, 40)
FROZEN = datetime(2024, 11, 11, 14, 0)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative paths on screen (the same on every machine), no user config."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LIVE_NOTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))


def _store_samples(lang: str) -> str:
    """Both samples planned, the one in `lang` driven to closing; returns the driven id."""
    data = Path("data")
    other = "en" if lang == "ja" else "ja"
    MeetingStore.create(data, sample_meeting(other)).close()
    meeting = sample_meeting(lang)
    store = MeetingStore.create(data, meeting)
    clock = FakeClock(datetime.combine(meeting.header.date, datetime.min.time()))
    run_steps(Session(store.meeting, sink=store.append, clock=clock), SAMPLE_JA if lang == "ja" else SAMPLE_EN)
    store.close()
    return store.meeting.id


class SnapApp(App[None]):
    """Hosts one screen, with the themes registered and the meeting open."""

    def __init__(self, lang: str, screen: str, meeting_id: str) -> None:
        super().__init__()
        self.ui_lang = lang
        self.config = Config()
        self.key_overrides: dict[str, str] = {}
        self.data_dir = Path("data")
        self.which = screen
        self.meeting_id = meeting_id
        self.store: MeetingStore | None = None
        self.session: Session | None = None

    def open_meeting(self, meeting_id: str) -> bool:
        self.store = MeetingStore.open(self.data_dir, meeting_id)
        self.session = Session(self.store.meeting, sink=self.store.append, clock=lambda: FROZEN)
        return True

    def on_mount(self) -> None:
        for theme in load_themes():
            self.register_theme(theme)
        self.theme = "live-dark"
        if self.which == "meetings":
            self.push_screen(MeetingsScreen(self.data_dir))
            return
        self.open_meeting(self.meeting_id)
        assert self.session is not None
        if self.which == "setup":
            self.push_screen(SetupScreen(self.session))
        else:
            self.push_screen(ReviewScreen(self.session))
            if self.which == "export":
                self.push_screen(ExportScreen(self.session.meeting, Path("out")))

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()


async def _calm(pilot: Pilot[Any]) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("screen", ["meetings", "setup", "review", "export"])
def test_screen(snap_compare: Any, lang: str, screen: str) -> None:
    meeting_id = _store_samples(lang)
    app = SnapApp(lang, screen, meeting_id)
    assert snap_compare(app, terminal_size=SIZE, run_before=_calm)


@pytest.mark.parametrize("lang", ["ja"])
def test_setup_agenda_tab(snap_compare: Any, lang: str) -> None:
    meeting_id = _store_samples(lang)
    app = SnapApp(lang, "setup", meeting_id)
    assert snap_compare(app, press=["f5"], terminal_size=SIZE, run_before=_calm)


def test_review_in_high_contrast(snap_compare: Any) -> None:
    meeting_id = _store_samples("ja")
    app = SnapApp("ja", "review", meeting_id)

    async def contrast(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "live-contrast"
        await _calm(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=contrast)
