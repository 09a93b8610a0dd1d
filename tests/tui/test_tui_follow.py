"""The read-only follower looks at the meeting's files away from the keys: a slow disk
never holds up what the clerk presses meanwhile."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from support.live import SIZE, new_meeting

from live_notes.config import Config
from live_notes.tui.app import LiveNotesApp
from live_notes.tui.screens import follow
from live_notes.tui.screens.follow import FollowScreen

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


async def test_a_key_is_answered_while_the_files_are_being_looked_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))
    meeting_id = new_meeting(tmp_path / "data", "en")
    app = LiveNotesApp(tmp_path / "data", meeting_id, config=Config(ui_lang="en"), read_only=True)
    gate, looked = threading.Event(), threading.Event()
    real_signature = follow._signature

    def slow_signature(paths: list[Path]) -> tuple[tuple[int, int], ...]:
        gate.wait(5)  # a disk that takes its time
        looked.set()
        return real_signature(paths)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowScreen)
        monkeypatch.setattr(follow, "_signature", slow_signature)
        screen.poll()
        await pilot.press("x")
        await pilot.pause()
        answered_meanwhile = not looked.is_set() and any(
            note.startswith("Read-only") for note in app.said
        )
        gate.set()
        await app.workers.wait_for_complete()
    assert answered_meanwhile
