"""First run: the UI speaks the locale's language when no meeting is open; the go-to
dialog shows each item's number once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.live import SIZE, dirs, make_app, text_of

from live_notes.config import Config
from live_notes.tui.app import LiveNotesApp
from live_notes.tui.i18n import locale_lang
from live_notes.tui.screens.dialogs.goto import GotoScreen

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "ja"),
        ({}, "ja"),
    ],
)
def test_the_locale_chooses_the_language(environ: dict[str, str], lang: str) -> None:
    assert locale_lang(environ) == lang


def test_auto_follows_the_locale_when_no_meeting_is_open(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert LiveNotesApp(dirs / "data", None, config=Config()).ui_lang == "en"
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert LiveNotesApp(dirs / "data", None, config=Config()).ui_lang == "ja"


async def test_the_goto_dialog_shows_each_number_once(dirs: Path) -> None:
    app, _ = make_app(dirs, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, GotoScreen)
        listing = text_of(app, "#items").splitlines()
        assert listing[0] == " 1. Call to order"
        assert not any(". 1." in row or ". 2. " in row[4:] for row in listing)


async def test_the_goto_dialog_keeps_japanese_labels(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        listing = text_of(app, "#items").splitlines()
        assert listing[1].startswith(" 2. ア ")


async def test_the_palette_speaks_japanese_and_its_screenshot_needs_no_downloads(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Input

    monkeypatch.setenv("HOME", str(dirs / "home"))  # no ~/Downloads there
    monkeypatch.setenv("LIVE_NOTES_EXPORT_DIR", str(dirs / "minutes"))
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "コマンドを検索…"
        await pilot.press(*"Screenshot", "enter")
        await pilot.pause(0.5)
        saved = list((dirs / "minutes").glob("*.svg"))
        assert len(saved) == 1
        said = app.said[-1]
        assert said == f"画面を保存しました: {saved[0]}" and "[$" not in said


async def test_the_abbreviations_are_listed_from_the_palette(dirs: Path) -> None:
    from live_notes.tui.screens.dialogs.peek import PeekScreen

    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+p", *"略語", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, PeekScreen)
        shown = str(app.screen.query_one("#peek-lines").render())
        assert ";t  →  担当課" in shown
        assert text_of(app, ".title").startswith("略語一覧")
        await pilot.press("escape")
