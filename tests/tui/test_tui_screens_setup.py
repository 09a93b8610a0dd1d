"""The setup screen, driven by keys: header, roster, roles, agenda, materials; saving."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.screens import ScreensApp, reopen, screen_text, stored_sample
from textual.widgets import Input

from live_notes.tui.screens.dialogs.form import FormDialog
from live_notes.tui.screens.setup import SetupScreen, agenda_rows, agenda_tree
from live_notes.tui.widgets.choice import Choice
from live_notes.tui.widgets.list_editor import ListEditor

if TYPE_CHECKING:
    from pathlib import Path


class SetupApp(ScreensApp):
    """Opens the stored meeting, then shows its setup."""

    def __init__(self, data_dir: Path, meeting_id: str, lang: str = "ja") -> None:
        def first(app: ScreensApp) -> SetupScreen:
            app.open_meeting(meeting_id)
            assert app.session is not None
            return SetupScreen(app.session)

        super().__init__(data_dir, first, ui_lang=lang)


@pytest.fixture
def planned(tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    data.mkdir()
    return data, stored_sample(data, "ja", driven=False)


def _fill(app: ScreensApp, **values: str) -> None:
    for name, value in values.items():
        widget = app.screen.query_one(f"#f-{name}")
        if isinstance(widget, Choice):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value


async def test_header_edit_is_saved(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    app = SetupApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#h-place", Input).value = "市役所本庁舎 5階 大会議室"
        app.screen.query_one("#h-scheduled_start", Input).value = "10:00"
        app.screen.query_one("#h-quorum", Input).value = "6"
        app.screen.query_one("#h-publicity", Choice).value = "public"
        await pilot.press("ctrl+s")
        assert "保存しました" in screen_text(app)
    header = reopen(data, meeting_id).header
    assert header.place == "市役所本庁舎 5階 大会議室"
    assert header.scheduled_start is not None and header.scheduled_start.hour == 10
    assert header.quorum == 6 and header.publicity.value == "public"


async def test_bad_header_fields_are_refused_next_to_the_field(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    app = SetupApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#h-date", Input).value = "next Monday"
        app.screen.query_one("#h-body", Input).value = ""
        app.screen.query_one("#h-quorum", Input).value = "five"
        await pilot.press("ctrl+s")
        text = screen_text(app)
        assert "Not saved: see the header fields." in text
        assert "Not a date" in str(app.screen.query_one("#he-date").render())
        assert "Not a whole number" in str(app.screen.query_one("#he-quorum").render())
        assert app.focused is app.screen.query_one("#h-date")
        await pilot.press("escape")
        assert isinstance(app.screen, SetupScreen)  # unsaved: asks again
        assert "Not saved yet" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, SetupScreen)
    assert reopen(data, meeting_id).header.body == "若葉野市情報公開・個人情報保護審議会"


async def test_roster_add_edit_remove(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    app = SetupApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        assert isinstance(app.focused, ListEditor)
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)
        _fill(app, id="aoki", name="新井花子")
        await pilot.press("enter")
        assert "この ID はすでに使われています" in screen_text(app)
        _fill(app, id="arai", name="新井花子", seat="12", member_role="member")
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("down", "enter")  # the row after the new one: ishida
        _fill(app, title="弁護士")
        await pilot.press("enter")
        await pilot.press("up", "up", "d")  # remove aoki (the chair, first row)
        await pilot.press("ctrl+s")
        assert "保存しました" in screen_text(app)
    people = reopen(data, meeting_id).people
    ids = [p.id for p in people]
    assert "aoki" not in ids and ids[:2] == ["arai", "ishida"]
    arai = people[0]
    assert (arai.name, arai.seat, arai.member_role and arai.member_role.value) == (
        "新井花子",
        12,
        "member",
    )
    assert people[1].title == "弁護士"


async def test_roles_reorder_and_edit(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    app = SetupApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.press("shift+down")  # chair below member: F2 is now 委員
        await pilot.press("enter")
        _fill(app, ja="議長")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        assert "Saved." in screen_text(app)
    roles = reopen(data, meeting_id).role_set.roles
    assert [r.id for r in roles][:2] == ["member", "chair"]
    assert roles[1].ja == "議長"


async def test_agenda_add_indent_and_presenters(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    before = reopen(data, meeting_id)
    app = SetupApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        editor = app.screen.query_one("#ed-agenda", ListEditor)
        last = len(editor.entries) - 1
        editor.move_cursor(row=last)
        await pilot.press("a")
        _fill(app, id="extra", label="(9)", title="Extra report", presenters="nobody")
        await pilot.press("enter")
        assert "No one with id nobody" in screen_text(app)
        _fill(app, presenters="")
        await pilot.press("enter")
        await pilot.press("shift+right")  # under the previous item
        await pilot.press("ctrl+s")
        assert "Saved." in screen_text(app)
    after = reopen(data, meeting_id)
    parent = [item for item, _ in after.iter_items()][len(editor.entries) - 2]
    assert [c.id for c in parent.children][-1] == "extra"
    assert len(list(after.iter_items())) == len(list(before.iter_items())) + 1


async def test_an_item_with_lines_cannot_be_removed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    meeting_id = stored_sample(data, "ja", driven=True)
    app = SetupApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        editor = app.screen.query_one("#ed-agenda", ListEditor)
        index = next(n for n, row in enumerate(editor.entries) if row.value.id == "sewer")
        editor.move_cursor(row=index)
        await pilot.press("d", "f2", "ctrl+s")  # saved from another tab
        assert "議題 sewer には" in screen_text(app)
        assert app.focused is editor  # the domain's reason names the agenda: its tab is shown
    assert reopen(data, meeting_id).item("sewer") is not None


async def test_materials_groups_and_items(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    app = SetupApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        editor = app.screen.query_one("#ed-materials", ListEditor)
        editor.move_cursor(row=0)
        await pilot.press("a")
        _fill(app, text="資料A 席次表")
        await pilot.press("enter", "shift+right", "ctrl+s")
        assert "保存しました" in screen_text(app)
    materials = reopen(data, meeting_id).materials
    assert "資料A 席次表" in materials[0].items


def test_agenda_rows_round_trip(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    agenda = reopen(data, meeting_id).agenda
    assert agenda_tree(agenda_rows(agenda)) == agenda


async def test_a_bad_edit_is_refused_with_the_domain_message(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    app = SetupApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        editor = app.screen.query_one("#ed-people", ListEditor)
        index = next(n for n, row in enumerate(editor.entries) if row.value.id == "yamaguchi")
        editor.move_cursor(row=index)
        await pilot.press("d", "ctrl+s")  # still a presenter of an agenda item
        text = screen_text(app)
        assert "保存していません" in text and "yamaguchi" in text
        assert app.focused is app.screen.query_one("#ed-agenda")
    assert reopen(data, meeting_id).person("yamaguchi") is not None


async def test_escape_without_changes_leaves_at_once(planned: tuple[Path, str]) -> None:
    data, meeting_id = planned
    app = SetupApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4", "f2")  # looking around changes nothing
        await pilot.press("escape")
        assert not isinstance(app.screen, SetupScreen)
