"""The meetings screen and its copy dialog speak the clerk's language (ui_lang; auto: the
locale when no meeting is open), not Japanese whatever the meetings are."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.live import SIZE, dirs, make_app
from support.screens import screen_text

from live_notes.config import Config
from live_notes.tui.screens.dialogs.form import FormDialog
from live_notes.tui.screens.meetings import MeetingsScreen

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


@pytest.mark.parametrize(("locale", "words"), [("en_US.UTF-8", "Date"), ("ja_JP.UTF-8", "開催日")])
async def test_meetings_screen_and_copy_dialog_follow_the_locale(
    dirs: Path, monkeypatch: pytest.MonkeyPatch, locale: str, words: str
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    app, _ = make_app(dirs, lang="en", config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")  # to the meetings screen: the English meeting closes
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        shown = screen_text(app)
        if locale.startswith("en"):
            assert "会議" not in shown and "Meetings" in shown
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert words in screen_text(app)


async def test_with_no_locale_english_meetings_give_an_english_meetings_screen(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a Windows laptop: no LANG at all, only English meetings."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    app, _ = make_app(dirs, lang="en", config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert app.ui_lang == "en"
        assert screen_text(app).startswith("Meetings — ")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "Session title" in screen_text(app) and "会議名" not in screen_text(app)
