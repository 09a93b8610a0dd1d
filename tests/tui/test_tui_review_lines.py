"""Review's keys on a line's place: a note after it, up and down, split, join — by keys,
checked in the store and in the list's order on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.review import ReviewApp, goto, line_with, shown_ids
from support.screens import reopen, screen_text

from live_notes.domain.models import Section
from live_notes.tui.screens.dialogs.split import SplitDialog
from live_notes.tui.screens.review import ReviewScreen, line_option_id
from live_notes.tui.widgets.review_list import ReviewList
from live_notes.tui.widgets.text_fields import LineText

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.domain.models import Meeting


def _order(meeting: Meeting, item_id: str) -> list[int]:
    return [line.id for line in meeting.utterances if line.item_id == item_id]


def _shown_lines(app: ReviewApp) -> list[int]:
    return [int(i.removeprefix("line:")) for i in shown_ids(app) if i.startswith("line:")]


async def test_a_note_goes_right_after_the_chosen_line(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    before = reopen(data, meeting_id)
    anchor = line_with(before, "専用回線を使用し")
    follower = _order(before, anchor.item_id)[_order(before, anchor.item_id).index(anchor.id) + 1]
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, anchor.id)
        await pilot.press("n")
        app.screen.query_one("#f-text", LineText).text = "回線の仕様書は後日配付。"
        await pilot.press("ctrl+s")
        assert f"{anchor.id} 番の行の後に ※ 注記を追加しました" in screen_text(app)
        shown = _shown_lines(app)
        note_id = shown[shown.index(anchor.id) + 1]
        assert shown[shown.index(anchor.id) + 2] == follower  # on screen: between the two
    after = reopen(data, meeting_id)
    order = _order(after, anchor.item_id)
    note = next(line for line in after.utterances if line.id == note_id)
    assert (note.text, note.section) == ("回線の仕様書は後日配付。", Section.NOTE)
    assert order[order.index(anchor.id) + 1] == note_id
    assert order[order.index(note_id) + 1] == follower


async def test_a_line_moves_up_and_down_within_its_item(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    before = reopen(data, meeting_id)
    line = line_with(before, "専用回線を使用し")
    order = _order(before, line.item_id)
    at = order.index(line.id)
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, line.id)
        await pilot.press("shift+up")
        assert f"{line.id} 番の行を上へ移しました" in screen_text(app)
        shown = _shown_lines(app)
        assert shown.index(line.id) + 1 == shown.index(order[at - 1])
        assert isinstance(app.screen, ReviewScreen)
        highlighted = app.screen.lines.highlighted_option
        assert highlighted is not None and highlighted.id == line_option_id(line.id)
    moved = _order(reopen(data, meeting_id), line.item_id)
    assert moved.index(line.id) == at - 1
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, line.id)
        await pilot.press("shift+down")
        last = order[-1]
        goto(app, last)
        await pilot.press("shift+down")  # already the last: refused, said plainly
        assert f"{last}番の行はすでに議題の最後です。" in screen_text(app)
    assert _order(reopen(data, meeting_id), line.item_id) == order


async def test_split_at_the_cursor_then_join_and_undo(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    line = line_with(reopen(data, meeting_id), "専用回線を使用し")
    cut = line.text.index("、") + 1
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, line.id)
        await pilot.press("s")
        assert isinstance(app.screen, SplitDialog)
        await pilot.press("home", *["right"] * cut, "ctrl+s")
        assert f"{line.id} 番の行を 2 行" in screen_text(app)
        split = reopen(data, meeting_id)
        first = next(u for u in split.utterances if u.id == line.id)
        second = split.utterances[_order(split, line.item_id).index(line.id) + 1 :]
        assert first.text == line.text[:cut]
        goto(app, line.id)
        await pilot.press("j")
        assert f"{line.id} 番の行を次の行と結合しました" in screen_text(app)
        assert next(u for u in reopen(data, meeting_id).utterances if u.id == line.id).text == (
            line.text
        )
        await pilot.press("ctrl+z")
        assert "行の結合" in screen_text(app)
    assert second  # the second half existed as a line of its own
    after = reopen(data, meeting_id)
    assert next(u for u in after.utterances if u.id == line.id).text == line.text[:cut]


async def test_a_delete_updates_the_rows_in_place(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    line = line_with(meeting, "専用回線を使用し")
    count = len(_order(meeting, line.item_id))
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        before = shown_ids(app)
        goto(app, line.id)
        await pilot.press("d")
        after = shown_ids(app)
        assert after == [i for i in before if i != line_option_id(line.id)]
        heading = app.screen.query_one(ReviewList).get_option(f"item:{line.item_id}")
        assert f"({count - 1} 行)" in str(heading.prompt)
        await pilot.press("ctrl+z")
        assert shown_ids(app) == before


async def test_counts_read_as_words_in_english_one_line_is_not_lines(
    sample: tuple[Path, str],
) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    items = {line.item_id for line in meeting.utterances}
    item_id = min(
        (i for i in items if len(_order(meeting, i)) >= 2), key=lambda i: len(_order(meeting, i))
    )
    order = _order(meeting, item_id)
    app = ReviewApp(data, meeting_id, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        for line_id in order[1:]:
            goto(app, line_id)
            await pilot.press("d")
        heading = app.screen.query_one(ReviewList).get_option(f"item:{item_id}")
        assert str(heading.prompt).endswith("(1 line)")
        assert f"· {len(meeting.utterances) - len(order) + 1} lines ·" in screen_text(app)
        await pilot.press("ctrl+z")
        assert "Undone: the deletion of a line." in screen_text(app)
        heading = app.screen.query_one(ReviewList).get_option(f"item:{item_id}")
        assert str(heading.prompt).endswith("(2 lines)")
