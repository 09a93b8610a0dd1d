"""Text fields after the meeting: a line edited whole, and abbreviations in every field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.review import ReviewApp, goto, line_with
from support.screens import ScreensApp, reopen, screen_text

from live_notes.domain.models import AgendaItem, Outcome, Vote
from live_notes.tui.screens.dialogs.decision import DecisionScreen
from live_notes.tui.screens.dialogs.form import FormDialog
from live_notes.tui.screens.review import ReviewScreen
from live_notes.tui.widgets.text_fields import LineText

if TYPE_CHECKING:
    from pathlib import Path

ABBREVIATIONS = {";g": "議長", ";st": "説明した。"}


async def test_a_long_line_is_edited_whole_with_the_cursor_at_the_end(
    sample: tuple[Path, str],
) -> None:
    data, meeting_id = sample
    target = max(reopen(data, meeting_id).utterances, key=lambda line: len(line.text))
    assert len(target.text) > 60  # wider than the dialog: it has to wrap
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, target.id)
        await pilot.press("enter")
        field = app.screen.query_one("#f-text", LineText)
        assert field.has_focus
        assert field.text == target.text
        assert field.selection.is_empty  # never the whole line selected
        assert field.cursor_location == field.document.end
        assert 1 < field.wrapped_document.height <= field.content_region.height  # read whole
        await pilot.press("X", "enter")  # typed at the end; Enter neither breaks nor saves
        assert isinstance(app.screen, FormDialog)
        assert field.text == target.text + "X"
        assert "Ctrl+S で保存・Escape で取消" in screen_text(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert f"{target.id} 番の行を保存しました" in screen_text(app)
    assert reopen(data, meeting_id).utterances[target.id - 1].text == target.text + "X"


async def test_escape_cancels_an_edit(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    target = line_with(reopen(data, meeting_id), "専用回線を使用し")
    app = ReviewApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, target.id)
        await pilot.press("enter", "backspace", "backspace", "x")
        assert app.screen.query_one("#f-text", LineText).text == target.text[:-2] + "x"
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
    after = reopen(data, meeting_id).utterances[target.id - 1]
    assert (after.text, after.edited_at) == (target.text, None)


async def test_abbreviations_expand_in_a_review_edit(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    target = line_with(reopen(data, meeting_id), "専用回線を使用し")
    app = ReviewApp(data, meeting_id)
    app.abbreviations = ABBREVIATIONS
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, target.id)
        await pilot.press("enter", *";g", "space")
        assert app.screen.query_one("#f-text", LineText).text == target.text + "議長"
        await pilot.press(*"が;st", "ctrl+s")  # a code at the very end: expanded on save
    assert reopen(data, meeting_id).utterances[target.id - 1].text == (
        target.text + "議長が説明した。"
    )


async def test_abbreviations_expand_in_the_note_dialog(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    target = line_with(reopen(data, meeting_id), "端末を更新した後")
    app = ReviewApp(data, meeting_id)
    app.abbreviations = ABBREVIATIONS
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, target.id)
        await pilot.press("n", *";g", "space", *"から;st", "ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
    notes = [line.text for line in reopen(data, meeting_id).utterances if line.role_id == ""]
    assert "議長から説明した。" in notes


async def test_abbreviations_expand_in_the_decision_conditions(tmp_path: Path) -> None:
    saved: list[tuple[Outcome, str, str]] = []

    def save(
        outcome: Outcome, conditions: str, vote: Vote | None, mover: str, seconder: str
    ) -> str | None:
        saved.append((outcome, conditions, mover))
        return None

    item = AgendaItem(id="x", label="議案第1号", title="条例の一部改正")
    app = ScreensApp(tmp_path, lambda app: DecisionScreen(item, None, save, "ja"))
    app.abbreviations = ABBREVIATIONS
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "tab", *";g", "space", *"の;st", "tab", *";g", "enter")
    assert saved == [(Outcome.APPROVED_WITH_CONDITIONS, "議長の説明した。", "議長")]
