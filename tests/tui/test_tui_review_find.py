"""Find and find-and-replace from the review screen, by keys: the hits with their
context, Enter to a hit, each hit taken or skipped, one undo for the lot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import SIZE, live, make_app, stored, until
from support.review import ReviewApp
from support.screens import reopen, screen_text
from textual.widgets import OptionList

from live_notes.tui.screens.dialogs.find import FindDialog
from live_notes.tui.screens.review import ReviewScreen, line_option_id

if TYPE_CHECKING:
    from pathlib import Path


def _hits_shown(app: ReviewApp) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one("#find-hits", OptionList).options]


async def test_find_lists_hits_in_context_and_enter_goes_to_the_line(
    sample: tuple[Path, str],
) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    with_word = [line for line in meeting.utterances if "端末" in line.text]
    assert len(with_word) >= 2
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, FindDialog)
        app.screen.query_one("#find-text").value = "端末"  # type: ignore[attr-defined]
        await pilot.pause()
        shown = _hits_shown(app)
        assert len(shown) == sum(line.text.count("端末") for line in with_word)
        assert f"{len(shown)} 件" in screen_text(app)
        assert shown[0].startswith(f"#{with_word[0].id}")
        await pilot.press("enter", "down", "enter")  # to the list, the second hit, go
        assert isinstance(app.screen, ReviewScreen)
        option = app.screen.lines.highlighted_option
        second = [line.id for line in with_word for _ in range(line.text.count("端末"))][1]
        assert option is not None and option.id == line_option_id(second)
    assert reopen(data, meeting_id).utterances == meeting.utterances  # nothing changed


async def test_replace_previews_each_hit_skips_one_and_one_undo_puts_all_back(
    sample: tuple[Path, str],
) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    with_word = [line for line in meeting.utterances if "端末" in line.text]
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+h")
        dialog = app.screen
        assert isinstance(dialog, FindDialog)
        dialog.query_one("#find-text").value = "端末"  # type: ignore[attr-defined]
        dialog.query_one("#find-with").value = "タブレット端末"  # type: ignore[attr-defined]
        await pilot.pause()
        shown = _hits_shown(app)
        assert all("[x]" in row and "→タブレット端末" in row for row in shown)
        await pilot.press("enter", "space")  # to the list; skip the first hit
        assert "[ ]" in _hits_shown(app)[0]
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert "行で置換しました" in screen_text(app)
        replaced = reopen(data, meeting_id)
        first = next(u for u in replaced.utterances if u.id == with_word[0].id)
        assert first.text.count("タブレット端末") == with_word[0].text.count("端末") - 1
        last = next(u for u in replaced.utterances if u.id == with_word[-1].id)
        assert last.text == with_word[-1].text.replace("端末", "タブレット端末")
        await pilot.press("ctrl+z")
        assert "置換" in screen_text(app)
    assert reopen(data, meeting_id).utterances == meeting.utterances


async def test_find_in_the_live_screen_leaves_the_entry_and_item_alone(tmp_path: Path) -> None:
    app, _ = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *"abc", "enter", *"xyz")
        await until(pilot, lambda: len(stored(app).utterances) == 1)
        item = stored(app).current_item_id
        await pilot.press("alt+f")
        dialog = app.screen
        assert isinstance(dialog, FindDialog)
        dialog.query_one("#find-text").value = "abc"  # type: ignore[attr-defined]
        await pilot.pause()
        assert _hits_shown(app)[0].startswith("#1")
        await pilot.press("enter")  # to the hits: the whole line is shown under them
        assert "abc" in screen_text(app)
        await pilot.press("escape")
        assert live(app).entry.value == "xyz"
        assert live(app).entry.has_focus
        assert stored(app).current_item_id == item
