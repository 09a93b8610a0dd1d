"""The live screen beyond single keys: drafts, a full disk, pastes, abbreviations, start-up."""

from __future__ import annotations

import errno
import importlib
from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len
from support.live import (
    SIZE,
    dirs,
    live,
    make_app,
    new_meeting,
    opened,
    rows,
    stored,
    text_of,
    until,
)
from textual import events

from live_notes.config import Config, load_config
from live_notes.domain.text import MAX_LINE
from live_notes.store import MeetingStore
from live_notes.tui.app import LiveNotesApp

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


def draft_file(app: LiveNotesApp) -> Path:
    assert app.session is not None
    return app.data_dir / f"{app.session.meeting.id}.draft"


async def test_the_line_being_typed_is_kept_after_the_delay_not_per_key(dirs: Path) -> None:
    app, _ = make_app(dirs, draft_delay=3600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *"途中まで入力")
        await pilot.pause()
        draft = draft_file(app)
        assert not draft.exists()  # not per keystroke: once the delay is over
        await pilot.press("ctrl+l")  # leaving the screen keeps it at once
        assert draft.read_text(encoding="utf-8") == "途中まで入力"


async def test_the_line_being_typed_is_kept_and_offered_back(dirs: Path) -> None:
    app, _ = make_app(dirs, draft_delay=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *"途中まで入力")
        draft = draft_file(app)
        await until(pilot, lambda: draft.exists() and draft.read_text("utf-8") == "途中まで入力")
        meeting_id = live(app).session.meeting.id
    # as after a crash: the next start finds the draft and puts it back
    again, _ = make_app(dirs, meeting_id=meeting_id, draft_delay=0.05)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert live(again).entry.value == "途中まで入力"
        notes = again.said
        assert any("前回入力中だった行" in note for note in notes)
        await pilot.press("enter")
        assert stored(again).utterances[-1].text == "途中まで入力"
        await until(pilot, lambda: not draft_file(again).exists())  # committed: nothing to offer


async def test_a_full_disk_keeps_the_line_in_the_entry(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from live_notes.store import files

    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+down")

        def full(fd: int, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        real = files.write_all
        monkeypatch.setattr(files, "write_all", full)
        await pilot.press(*"大事な発言", "enter")
        banner = text_of(app, "#banner")
        assert "保存できませんでした" in banner and "ディスクがいっぱいです" in banner
        assert live(app).entry.value == "大事な発言"
        assert stored(app).utterances == []
        assert rows(app) == []
        monkeypatch.setattr(files, "write_all", real)
        await pilot.press("enter")
        assert [u.text for u in stored(app).utterances] == ["大事な発言"]
        assert live(app).query_one("#banner").display is False
        assert live(app).entry.value == ""


async def test_a_huge_paste_is_refused_without_freezing(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        entry = live(app).entry
        entry.post_message(events.Paste("あ" * (MAX_LINE + 1)))
        await pilot.pause()
        await pilot.press("x")  # how long this takes: `make bench` (tui.paste_refused_ms)
        assert entry.value == "x"
        notes = app.said
        assert any("貼り付けを取り消しました" in note for note in notes)


async def test_a_large_paste_is_taken_and_typing_goes_on(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        entry = live(app).entry
        big = "議事" * 30_000  # 60,000 characters, 180 KB of UTF-8
        entry.post_message(events.Paste(big))
        await pilot.pause()
        await pilot.press("x")  # how long this takes: `make bench` (tui.paste_taken_ms)
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == big + "x"


async def test_escapes_and_control_characters_are_removed_from_a_paste(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        entry = live(app).entry
        entry.post_message(events.Paste("赤\x1b[31m字\x1b]0;title\x07\x00です\r\n次"))
        await pilot.pause()
        assert entry.value == "赤字です  次"
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == "赤字です  次"
        assert "\x1b" not in "".join(rows(app))


async def test_an_abbreviation_expands_on_space_and_at_enter(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *";t", "space")
        assert live(app).entry.value == "担当課"
        await pilot.press(*"から;st", "enter")
        assert stored(app).utterances[-1].text == "担当課から説明した。"


async def test_long_japanese_lines_wrap_under_the_text_column(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        long = "外部電子計算組織との結合による個人情報の処理について説明した。" * 4
        await pilot.press("ctrl+o")
        live(app).entry.value = long
        await pilot.press("enter")
        shown = rows(app)[1:]
        assert len(shown) > 1
        assert "".join(row.strip() for row in shown).endswith(long)
        first, second = shown[0], shown[1]
        text_column = cell_len(first) - cell_len(first.split(" ")[-1])
        assert cell_len(second) - cell_len(second.lstrip(" ")) == text_column
        width = live(app).lines_view.scrollable_content_region.width
        assert all(cell_len(row) <= width for row in shown)


async def test_the_english_sample_speaks_english(dirs: Path) -> None:
    app, _ = make_app(dirs, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+down", *"Any questions?", "enter")
        status = live(app).query_one("#status").plain  # type: ignore[attr-defined]
        assert "In session" in status
        assert text_of(app, "#section") == "Explanation"
        assert "Chair" in rows(app)[-1] or "Member" in rows(app)[-1]


async def test_ui_language_from_the_config_wins(dirs: Path) -> None:
    app, _ = make_app(dirs, config=Config(ui_lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert "In session" in live(app).query_one("#status").plain  # type: ignore[attr-defined]
        assert text_of(app, "#role") == "委員"  # roles stay in the meeting's language


async def test_first_start_creates_the_sample_meeting(dirs: Path) -> None:
    app = LiveNotesApp(dirs / "data", config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = live(app)
        assert screen.session.meeting.header.body == "若葉野市情報公開・個人情報保護審議会"
    assert any(p.suffix == ".json" for p in (dirs / "data").iterdir())


async def test_a_meeting_open_elsewhere_is_refused_with_a_message(dirs: Path) -> None:
    meeting_id = new_meeting(dirs / "data")
    holder = MeetingStore.open(dirs / "data", meeting_id)
    try:
        app = LiveNotesApp(dirs / "data", meeting_id, config=Config())
        async with app.run_test(size=SIZE) as pilot:
            await opened(pilot)
            assert app.store is None
            notes = app.said
            assert any(
                "会議を開けません" in n and "別の live-notes で書き込み中" in n for n in notes
            )
    finally:
        holder.close()


async def test_a_theme_chosen_is_remembered(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "live-light"
        await pilot.pause()
    assert load_config().theme == "live-light"


async def test_a_theme_chosen_from_the_palette_is_remembered(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"live-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "live-light"
        live(app)  # back on the live screen
    assert load_config().theme == "live-light"
    again, _ = make_app(dirs, config=load_config(), meeting_id=new_meeting(dirs / "data"))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "live-light"


async def test_meetings_list_and_back(dirs: Path) -> None:
    from live_notes.tui.screens import meetings

    meeting_id = new_meeting(dirs / "data")
    app = LiveNotesApp(dirs / "data", config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, meetings.MeetingsScreen)
        app.open_meeting(meeting_id)
        await pilot.pause()
        await pilot.press("ctrl+o", *"一覧から開いた", "enter")
        assert stored(app).utterances[-1].text == "一覧から開いた"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, meetings.MeetingsScreen)
        assert app.store is None  # released: another window could open it now
    MeetingStore.open(dirs / "data", meeting_id).close()


@pytest.mark.parametrize(
    ("key", "module", "name"),
    [
        ("f10", "live_notes.tui.screens.review", "ReviewScreen"),
        ("f12", "live_notes.tui.screens.dialogs.export", "ExportScreen"),
    ],
)
async def test_review_and_export_keys_open_their_screens(
    dirs: Path, key: str, module: str, name: str
) -> None:
    screens = importlib.import_module(module)
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", key)
        await pilot.pause()
        assert isinstance(app.screen, getattr(screens, name))


async def test_the_clock_and_the_item_times_move_once_a_second(dirs: Path) -> None:
    app, clock = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+down")  # ア from 09:30
        clock.set("09:42")
        await pilot.pause(1.2)
        status = live(app).query_one("#status").plain  # type: ignore[attr-defined]
        assert status.startswith("09:42:00") and "開会から 0:12:00" in status
        agenda = live(app).query_one("#agenda").plain  # type: ignore[attr-defined]
        assert "12分" in next(row for row in agenda.splitlines() if row.startswith(">"))
        await pilot.press("ctrl+down")  # イ: ア keeps its 12 minutes
        clock.set("09:45")
        await pilot.pause(1.2)
        rows_ = live(app).query_one("#agenda").plain.splitlines()  # type: ignore[attr-defined]
        assert any("ア" in row and "12分" in row for row in rows_)
        assert any(row.startswith(">") and "イ" in row and "3分" in row for row in rows_)


async def test_setup_is_reached_from_the_palette(dirs: Path) -> None:
    from live_notes.tui.screens import setup

    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"会議の準備")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, setup.SetupScreen)
