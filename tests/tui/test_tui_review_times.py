"""Review's time dialog (t), by keys: every recorded time corrected as HH:MM, checked by
the domain, refusals shown in the dialog, one undo."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from support.review import ReviewApp, goto, line_with
from support.screens import reopen, screen_text

from live_notes.tui.screens.dialogs.form import FormDialog
from live_notes.tui.screens.review import ReviewScreen
from live_notes.tui.screens.review_times import parse_hhmm
from live_notes.tui.widgets.text_fields import ExpandingInput

if TYPE_CHECKING:
    from pathlib import Path


def _field(app: ReviewApp, label: str) -> ExpandingInput:
    """The time field whose label is `label`."""
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    spec = next(spec for spec in dialog.fields if spec.label == label)
    return dialog.query_one(f"#f-{spec.name}", ExpandingInput)


async def test_times_are_corrected_in_the_dialog_and_undone(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    line = line_with(reopen(data, meeting_id), "専用回線を使用し")
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, line.id)
        await pilot.press("t")
        assert _field(app, "開会").value == "09:30"
        assert _field(app, "閉会").value == "12:00"
        assert _field(app, "上野健太 出席").value == "09:48"
        _field(app, "開会").value = "９：２８"  # full-width, as the IME may give it
        _field(app, "閉会").value = "11:58"
        _field(app, f"{line.id} 番の行").value = "10:05"
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        assert "時刻を訂正しました" in screen_text(app)
        after = reopen(data, meeting_id)
        assert after.opened_at is not None and after.opened_at.time() == time(9, 28)
        assert after.closed_at is not None and after.closed_at.time() == time(11, 58)
        moved = next(u for u in after.utterances if u.id == line.id)
        assert moved.created_at.time() == time(10, 5)
        await pilot.press("ctrl+z")
        assert "時刻の訂正" in screen_text(app)
    undone = reopen(data, meeting_id)
    assert undone.opened_at is not None and undone.opened_at.time() == time(9, 30)
    assert undone.closed_at is not None and undone.closed_at.time() == time(12, 0)


async def test_a_bad_or_refused_time_keeps_the_dialog_open(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        _field(app, "閉会").value = "正午"
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)
        assert "時刻は 時:分 で書いてください。" in screen_text(app)
        _field(app, "閉会").value = "09:00"  # before the opening: the domain refuses
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)
        assert "閉会時刻" in screen_text(app) and "より前です" in screen_text(app)
        await pilot.press("escape")
    closed = reopen(data, meeting_id).closed_at
    assert closed is not None and closed.time() == time(12, 0)


def test_parse_hhmm() -> None:
    assert parse_hhmm("9:30") == (9, 30)
    assert parse_hhmm("０９：３０") == (9, 30)
    assert parse_hhmm("24:00") is None
    assert parse_hhmm("930") is None
