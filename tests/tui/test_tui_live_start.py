"""The start: the live screen takes keys before its meeting is loaded, and loses none.

The meeting is held back (the store's open waits on a gate) while keys are typed,
so what is checked is the order the clerk typed in, not a race with the loader.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

import pytest
from support.live import SIZE, dirs, live, new_meeting, opened, rows
from textual import events

from live_notes.config import Config
from live_notes.domain.models import MeetingStatus
from live_notes.sample import FakeClock, sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.app import LiveNotesApp

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["dirs"]


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Opening a store waits until the test sets the gate (10 s at most)."""
    event = threading.Event()
    real_open = MeetingStore.open

    def open_later(*args: Any, **kwargs: Any) -> MeetingStore:
        event.wait(10)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(MeetingStore, "open", open_later)
    yield event
    event.set()


def app_on(dirs: Path, lang: str = "ja") -> LiveNotesApp:
    """The app started on a new sample meeting, at 09:30 on its day."""
    meeting_id = new_meeting(dirs / "data", lang)
    clock = FakeClock(datetime.combine(sample_meeting(lang).header.date, time(9, 30)))
    return LiveNotesApp(dirs / "data", meeting_id, config=Config(), clock=clock)


def type_keys(app: LiveNotesApp, *keys: str) -> None:
    """Queue key events as the terminal does: one character, or a key name."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key, key))
        else:
            app.post_message(events.Key(key, "\r" if key == "enter" else None))


def saved(app: LiveNotesApp, meeting_id: str) -> list[tuple[str, str]]:
    """(role, text) of every line, from a fresh read of the files."""
    meeting = MeetingStore.open(app.data_dir, meeting_id, readonly=True).meeting
    return [(u.role_id, u.text) for u in meeting.utterances]


async def test_keys_typed_before_the_meeting_is_loaded_are_committed_in_order(
    dirs: Path, gate: threading.Event
) -> None:
    app = app_on(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = live(app)
        assert screen.entry.has_focus and not screen.loaded
        type_keys(app, "ctrl+o", *"一行目", "enter", "f3", *"二行目", "enter", *"三行")
        await pilot.pause()
        assert not screen.loaded and screen.entry.value == "三行"  # typed, nothing lost
        gate.set()
        await opened(pilot)
        assert screen.loaded and screen.entry.value == "三行"
        assert screen.session.meeting.status is MeetingStatus.IN_SESSION
        shown = [row for row in rows(app) if "行目" in row]
        assert [row[-3:] for row in shown] == ["一行目", "二行目"]
        meeting_id = screen.session.meeting.id
        type_keys(app, "enter")
        await pilot.pause()
    lines = saved(app, meeting_id)
    assert [text for _, text in lines] == ["一行目", "二行目", "三行"]
    assert lines[1][0] == "member"  # F3 came between the first line and the second


async def test_a_dialog_key_before_the_meeting_is_loaded_is_refused_and_said(
    dirs: Path, gate: threading.Event
) -> None:
    app = app_on(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        type_keys(app, "f9", *"出欠")
        await pilot.pause()
        assert live(app).entry.value == "出欠"
        assert any("会議を開いているところです" in note for note in app.said)
        gate.set()
        await opened(pilot)
        assert live(app).loaded and live(app).entry.value == "出欠"


async def test_an_english_meeting_gets_an_english_screen_with_what_was_typed(
    dirs: Path, gate: threading.Event
) -> None:
    app = app_on(dirs, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        type_keys(app, "ctrl+o", *"first", "enter", *"next")
        await pilot.pause()
        gate.set()
        await opened(pilot)
        screen = live(app)
        assert screen.lang == "en" and screen.entry.value == "next"
        assert rows(app)[-1].endswith("first")
        meeting_id = screen.session.meeting.id
    assert [text for _, text in saved(app, meeting_id)] == ["first"]


async def test_a_meeting_that_cannot_open_says_what_was_typed(
    dirs: Path, gate: threading.Event
) -> None:
    app = app_on(dirs)
    gate.set()  # the holder below opens at once; the app's own open waits on a new gate
    holder_store = MeetingStore.open(app.data_dir, app.meeting_id or "")
    gate.clear()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            type_keys(app, *"一行目", "enter", *"二")
            await pilot.pause()
            gate.set()
            await opened(pilot)
            assert app.store is None and not app.opening
            assert any("会議を開けません" in note for note in app.said)
            assert any("一行目 二" in note for note in app.said)  # the clerk can copy it
    finally:
        holder_store.close()


async def test_ctrl_q_before_the_meeting_is_loaded_quits_once_the_lines_are_saved(
    dirs: Path, gate: threading.Event
) -> None:
    app = app_on(dirs)
    meeting_id = app.meeting_id or ""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        type_keys(app, "ctrl+o", *"一行目", "enter", "ctrl+q")
        await pilot.pause()
        assert app.is_running  # not before the line is saved
        gate.set()
        for _ in range(2000):
            if not app.is_running:
                break
            await asyncio.sleep(0.005)
        assert not app.is_running
    assert [text for _, text in saved(app, meeting_id)] == ["一行目"]
    MeetingStore.open(app.data_dir, meeting_id).close()  # the lock was released


async def test_a_held_line_refused_once_loaded_goes_back_in_the_entry(
    dirs: Path, gate: threading.Event
) -> None:
    app = app_on(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        type_keys(app, *"一行目", "enter", *"二")  # the meeting is not open: no item yet
        await pilot.pause()
        gate.set()
        await opened(pilot)
        assert live(app).entry.value == "一行目 二"
        meeting_id = live(app).session.meeting.id
    assert saved(app, meeting_id) == []


async def test_the_app_ending_while_the_meeting_loads_ends_cleanly(
    dirs: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal closed (or the test ended) before the meeting was loaded: the
    loaded meeting arrives while the live screen is being taken down, and is closed."""
    app = app_on(dirs)
    meeting_id = app.meeting_id or ""
    real_prune = app._prune

    async def prune_then_load(*nodes: Any, parent: Any = None) -> Any:
        await real_prune(*nodes, parent=parent)  # the screen's parts are gone
        gate.set()
        for _ in range(2000):
            if app.opening is None:  # the loaded meeting was handed to the app
                break
            await asyncio.sleep(0.005)

    monkeypatch.setattr(app, "_prune", prune_then_load)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not live(app).loaded
    assert app.opening is None and app.store is None
    MeetingStore.open(app.data_dir, meeting_id).close()  # the lock was released


async def test_the_screen_up_while_an_english_meeting_loads_speaks_english(
    dirs: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No locale says (as on Windows) and a Japanese meeting is stored beside it: the
    screen up before the meeting is loaded already speaks the meeting's language."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")
    new_meeting(dirs / "data", "ja")
    app = app_on(dirs, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not live(app).loaded and live(app).lang == "en"
        type_keys(app, "f9")
        await pilot.pause()
        assert any("opening" in note.lower() for note in app.said), app.said
        gate.set()
        await opened(pilot)
        assert live(app).loaded and live(app).lang == "en"
