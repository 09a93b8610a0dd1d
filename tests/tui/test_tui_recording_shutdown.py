"""The recording's twice-a-second tick while the app shuts down (its screens gone) says
nothing and raises nothing: it once ended a quit with ScreenStackError."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.audio import write_tones
from support.live import SIZE, OpenedApp, dirs, new_meeting, until

from live_notes.config import Config
from live_notes.tui.recording import recording_of

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


async def test_a_tick_after_the_screens_are_gone_is_harmless(dirs: Path) -> None:
    wav = write_tones(dirs / "in.wav", 10.0, [])
    app = OpenedApp(dirs / "data", new_meeting(dirs / "data"), config=Config(), record=str(wav))  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: recording_of(app).recorder is not None)
    assert not app.screen_stack
    recording_of(app).tick()
