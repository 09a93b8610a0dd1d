"""The meetings screen, driven by keys: new, copy, archive, open, setup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.screens import ScreensApp, reopen, screen_text, stored_sample
from textual.widgets import DataTable, Input

from live_notes.tui.screens.dialogs.form import FormDialog
from live_notes.tui.screens.meetings import MeetingsScreen, parse_day

if TYPE_CHECKING:
    from pathlib import Path


def _app(data_dir: Path, lang: str = "ja") -> ScreensApp:
    return ScreensApp(data_dir, lambda app: MeetingsScreen(app.data_dir), ui_lang=lang)


def _rows(app: ScreensApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.value = text
    await pilot.pause()


def test_parse_day() -> None:
    assert str(parse_day("2025/4/21")) == "2025-04-21"
    assert parse_day("2025-02-30") is None
    assert parse_day("next week") is None


async def test_new_from_the_sample_plan(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = _app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "会議がありません" in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # empty path: the sample meeting
        assert isinstance(app.screen, MeetingsScreen)
        rows = _rows(app)
        assert rows == [
            ["2024-11-11", "若葉野市情報公開・個人情報保護審議会", "令和6年度第2回", "開会前", "0"]
        ]
        assert "2024-11-11-wakabano-joho-2 を作成しました" in screen_text(app)
    meeting = reopen(data, "2024-11-11-wakabano-joho-2")
    assert [p.id for p in meeting.people][:2] == ["aoki", "ishida"]


async def test_a_bad_plan_is_explained_in_the_dialog(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "bad.toml"
    plan.write_text('[meeting]\nbody = "B"\ntitle = "T"\ndate = 2025-01-01\nlang = "fr"\n')
    app = _app(data, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await _type(pilot, str(plan))
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)
        text = screen_text(app)
        assert "bad.toml" in text and "meeting.lang" in text and "'fr'" in text
        await _type(pilot, str(tmp_path / "missing.toml"))
        await pilot.press("enter")
        assert "Cannot read" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)
    assert not data.exists() or not list(data.glob("*.json"))


async def test_copy_as_next_meeting(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    previous_id = stored_sample(data)
    previous = reopen(data, previous_id)
    app = _app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await _type(pilot, "2025/2/10")
        await pilot.press("tab")
        await _type(pilot, "令和6年度第3回")
        await pilot.press("enter")
        assert isinstance(app.screen, MeetingsScreen)
        assert any(row[2] == "令和6年度第3回" and row[0] == "2025-02-10" for row in _rows(app))
    new_id = next(p.name.removesuffix(".json") for p in data.glob("2025-02-10*.json"))
    new = reopen(data, new_id)
    assert new.header.title == "令和6年度第3回"
    assert str(new.header.date) == "2025-02-10"
    assert new.header.body == previous.header.body
    assert new.people == previous.people
    assert new.role_set == previous.role_set
    assert [i.id for i, _ in new.iter_items()] == [i.id for i, _ in previous.iter_items()]
    assert new.materials == previous.materials
    assert previous.utterances and previous.attendance and previous.decisions
    assert new.utterances == [] and new.attendance == {} and new.decisions == {}
    assert new.status.value == "planned"


async def test_copy_refuses_a_bad_date(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    stored_sample(data)
    app = _app(data, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await _type(pilot, "soon")
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)
        assert "Not a date" in screen_text(app)
    assert len(list(data.glob("*.json"))) == 1


async def test_archive_hides_and_unarchive_brings_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    meeting_id = stored_sample(data, driven=False)
    app = _app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        assert _rows(app) == []
        assert reopen(data, meeting_id).archived is True
        assert "保管した会議 1 件は非表示" in screen_text(app)
        await pilot.press("h")
        assert "保管" in _rows(app)[0][3]
        await pilot.press("a")
        assert reopen(data, meeting_id).archived is False


async def test_enter_opens_and_s_opens_setup(tmp_path: Path) -> None:
    from live_notes.tui.screens.setup import SetupScreen

    data = tmp_path / "data"
    data.mkdir()
    meeting_id = stored_sample(data, "en", driven=False)
    app = _app(data, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert app.opened == [meeting_id]
        await pilot.press("s")
        assert app.opened == [meeting_id, meeting_id]
        assert isinstance(app.screen, SetupScreen)


async def test_a_damaged_file_is_listed_with_its_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "2024-01-01-broken.json").write_text("{ not json")
    app = _app(data, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        rows = _rows(app)
        assert rows[0][1] == "2024-01-01-broken" and rows[0][3] == "damaged"
        await pilot.press("enter")
        assert app.opened == []
        assert "damaged and cannot be opened" in screen_text(app)
