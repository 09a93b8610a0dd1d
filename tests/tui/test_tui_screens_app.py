"""The meetings, setup, review and export screens inside the real app (F10, F12, Ctrl+L)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from support.screens import reopen, screen_text, stored_sample

from live_notes.config import load_config
from live_notes.paths import export_dir
from live_notes.tui.app import LiveNotesApp
from live_notes.tui.screens.dialogs.export import ExportScreen
from live_notes.tui.screens.meetings import MeetingsScreen
from live_notes.tui.screens.review import ReviewScreen
from live_notes.tui.screens.setup import SetupScreen

if TYPE_CHECKING:
    from pathlib import Path


def _app(data: Path) -> LiveNotesApp:
    return LiveNotesApp(data, config=load_config(), clock=lambda: datetime(2024, 11, 11, 14, 0))


async def test_from_the_list_to_review_export_and_setup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    meeting_id = stored_sample(data, "ja")
    app = _app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.meeting.id == meeting_id
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("v", "f")  # the one flagged line, checked
        assert "要確認 0 件" in screen_text(app)
        await pilot.press("escape", "f12")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = export_dir() / f"{meeting_id}.ja.public.docx"  # the test's own folder
        assert f"書き出しました: {written}" in screen_text(app)
        assert written.stat().st_size > 0
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#h-place").value = "市役所本庁舎 5階 大会議室"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert "保存しました" in screen_text(app)
    meeting = reopen(data, meeting_id)
    assert meeting.header.place == "市役所本庁舎 5階 大会議室"
    assert not any(line.verify for line in meeting.utterances)


def test_stored_sample_is_closed_and_complete(tmp_path: Path) -> None:
    meeting_id = stored_sample(tmp_path)
    meeting = reopen(tmp_path, meeting_id)
    assert meeting.status.value == "closed"
    assert len(meeting.utterances) == 26
