"""The data folder deleted while the app has a meeting open: the next line is not shown
as committed; it stays in the entry, the clerk is told, and the meeting can be saved
in another folder, where typing goes on."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from support.live import dirs, make_app, type_text, until
from textual.widgets import Input, Static

from faults.support import record
from live_notes.store import MeetingStore
from live_notes.tui.screens.dialogs.save_elsewhere import SaveElsewhereDialog
from live_notes.tui.screens.live import LiveScreen

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


async def test_the_data_folder_deleted_mid_meeting(dirs: Path) -> None:
    app, _clock = make_app(dirs)
    rescue = dirs / "rescue"
    async with app.run_test() as pilot:
        assert app.session is not None
        meeting_id = app.session.meeting.id
        await pilot.press("ctrl+o", "ctrl+down")  # open the meeting, on the first item
        await type_text(app, pilot, "一行目", enter=True)
        await until(pilot, lambda: len(app.session.meeting.utterances) == 1)  # type: ignore[union-attr]
        shutil.rmtree(app.data_dir)
        await type_text(app, pilot, "二行目", enter=True)
        await until(pilot, lambda: isinstance(app.screen, SaveElsewhereDialog))
        screen = app.screen_stack[-2]
        assert isinstance(screen, LiveScreen)
        kept = screen.entry.value
        banner = str(screen.query_one("#banner", Static).render())
        shown = [u.text for u in app.session.meeting.utterances]
        field = app.screen.query_one("#f-folder", Input)
        assert "live-notes-rescue-" in field.value
        field.value = str(rescue)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, SaveElsewhereDialog))
        await pilot.press("enter")  # the line kept in the entry, saved in the new place
        await until(pilot, lambda: len(app.session.meeting.utterances) == 2)  # type: ignore[union-attr]
        await type_text(app, pilot, "三行目", enter=True)
        await until(pilot, lambda: len(app.session.meeting.utterances) == 3)  # type: ignore[union-attr]
        assert app.data_dir == rescue
    saved = [
        u.text for u in MeetingStore.open(rescue, meeting_id, readonly=True).meeting.utterances
    ]
    record(
        "Data folder deleted under the app",
        "the data folder removed while the live screen is open, then a line committed",
        rounds=1,
        lost=3 - len(saved),
        shown_as_committed_unsaved=int("二行目" in shown),
    )
    assert kept == "二行目"
    assert "削除されました" in banner
    assert "二行目" not in shown
    assert saved == ["一行目", "二行目", "三行目"]
