"""What the clerk is told when something is refused or fails: in the clerk's language,
on the screen, and the app keeps running (no traceback)."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

import pytest
from support.live import SIZE, dirs, live, make_app, new_meeting, stored, text_of

from live_notes.domain.models import Presence
from live_notes.tui.screens.dialogs.attendance import AttendanceScreen

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of a change from now on fails as on a full disk."""
    from live_notes.store import files

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "write_all", full)


async def test_an_unreadable_draft_at_start_is_said_and_the_app_goes_on(dirs: Path) -> None:
    meeting_id = new_meeting(dirs / "data")
    (dirs / "data" / f"{meeting_id}.draft").mkdir()  # cannot be read as a file
    app, _ = make_app(dirs, meeting_id=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.is_running
        said = app.said
        assert any("入力中の行" in n or "line being typed" in n for n in said), said
        await pilot.press("ctrl+o", "ctrl+down", *"続けて入力", "enter")
        assert stored(app).utterances[-1].text == "続けて入力"


async def test_attendance_on_a_full_disk_says_so_and_keeps_the_dialog(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        full_disk(monkeypatch)
        await pilot.press("p", "plus")
        assert isinstance(app.screen, AttendanceScreen)
        message = text_of(app, "#message")
        assert "ディスクがいっぱいです" in message, message
        assert "disk" not in message
        monkeypatch.undo()
        await pilot.press("p")
        assert stored(app).presence("aoki") is Presence.PRESENT


async def test_the_full_disk_banner_speaks_the_clerks_language_once(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+down")
        full_disk(monkeypatch)
        await pilot.press(*"大事な発言", "enter")
        banner = text_of(app, "#banner")
        assert "ディスクがいっぱいです" in banner, banner
        assert not any(c.isascii() and c.isalpha() for c in banner), banner  # no English
        assert banner.count("入力欄") == 1  # the advice once
        assert live(app).entry.value == "大事な発言"


async def test_the_full_disk_banner_in_english(dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, _ = make_app(dirs, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+down")
        full_disk(monkeypatch)
        await pilot.press(*"Important", "enter")
        banner = text_of(app, "#banner")
        assert "the disk is full" in banner, banner
        assert banner.count("entry") == 1, banner


@pytest.mark.parametrize(
    ("lang", "keys", "said"),
    [
        ("ja", [*"一行目", "enter"], "取り消しました: 行の確定"),
        ("ja", ["ctrl+t"], "取り消しました: 区分の切り替え"),
        ("en", [*"first", "enter"], "Undone: the line."),
    ],
)
async def test_undo_says_what_was_undone_in_the_clerks_language(
    dirs: Path, lang: str, keys: list[str], said: str
) -> None:
    app, _ = make_app(dirs, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+down", *keys, "ctrl+z")
        assert app.said[-1] == said, app.said
