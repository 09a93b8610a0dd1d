"""Messages never cover the entry: on the live screen the app's own messages go to the
message line above it; a notification on the way to it is drawn at the top."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import SIZE, dirs, entry_rows, live, make_app, screen_rows, type_text, until

from live_notes.config import Config
from live_notes.tui.app import LiveNotesApp

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

__all__ = ["dirs"]


async def test_an_app_message_on_the_live_screen_goes_above_the_entry(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVE_NOTES_EXPORT_DIR", str(dirs / "minutes"))
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        typed = "委員の質問をここまで入力したところで画面を保存します"
        await type_text(app, pilot, typed)
        await pilot.press("ctrl+p", *"Screenshot", "enter")
        await until(pilot, lambda: any("画面を保存しました" in row for row in screen_rows(app)))
        assert "".join(entry_rows(app)).startswith(typed)
        message = live(app).query_one("#live-message")
        assert "画面を保存しました" in str(message.render())
        assert message.region.bottom <= live(app).entry.region.y
        assert app.said[-1].startswith("画面を保存しました")


async def test_a_notification_before_the_live_screen_is_drawn_at_the_top(
    dirs: Path,
) -> None:
    from textual.widgets._toast import Toast

    app = LiveNotesApp(dirs / "data", None, config=Config())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        shown = lambda: [t for t in app.screen.query(Toast) if t.region.height]  # noqa: E731
        await until(pilot, lambda: bool(shown()))  # the sample meeting was made
        entry = live(app).entry.region
        for toast in shown():
            assert "サンプル会議" in str(toast.render())
            assert toast.region.bottom <= SIZE[1] // 2 < entry.y
