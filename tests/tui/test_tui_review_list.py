"""The review list at any width and with the keys and mouse the clerk uses on it: every
character of a line shown (wrapped by kinsoku rules), the cursor moved by keys and by a
click, and the view following the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.review import ReviewApp, goto, line_with, visible_rows
from support.screens import reopen

from live_notes.tui.kinsoku import CLOSING
from live_notes.tui.screens.review import ReviewScreen
from live_notes.tui.widgets.review_list import ReviewList, line_option_id
from live_notes.tui.widgets.row_text import RowText

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.tui.widgets.virtual_list import Row

LONG = (
    "本会議終了後、情報政策課と総務課で協議し、操作ログの点検結果を毎年度第1回の"
    "審議会で報告することとした。Audit logs are kept for five years."
)


@pytest.mark.parametrize("width", [4, 9, 16, 23, 30, 31, 45, 80])
def test_a_row_keeps_every_character_at_any_width(width: int) -> None:
    row = RowText((("    ", ""), ("09:48", "dim"), (" ", ""), ("委員  ", "bold")), ((LONG, ""),))
    rows = ["".join(segment.text for segment in line) for line in row.rows(width)]
    assert len(rows) == row.height(width)
    assert all(sum(2 if ord(c) > 0x2E7F else 1 for c in r) <= max(width, 2) for r in rows)
    assert "".join(rows).replace(" ", "") == ("09:48委員" + LONG).replace(" ", "")
    body = [r.strip() for r in rows]
    assert not any(r and r[0] in CLOSING for r in body[1:])  # no row starts with 、 or 。


async def test_keys_click_and_the_view_follow_the_cursor(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(60, 14)) as pilot:
        listing = app.screen.query_one(ReviewList)
        first = listing.highlighted_option
        assert first is not None and first.id == f"line:{meeting.utterances[0].id}"
        await pilot.press("end")
        last = listing.highlighted_option
        assert last is not None and last.id == listing.options[-1].id
        assert listing.scroll_offset.y > 0  # the end of the list is in view
        assert any(meeting.item("closing").title in row for row in visible_rows(app))  # type: ignore[union-attr]
        await pilot.press("home")
        assert listing.highlighted == 0 and listing.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert (listing.highlighted or 0) > 3
        await pilot.press("pageup")
        assert listing.highlighted == 0
        target = line_with(meeting, "担当課である下水道課")
        rows = visible_rows(app)
        y = next(n for n, row in enumerate(rows) if "担当課である下水道課" in row)
        await pilot.click(ReviewList, offset=(10, y))
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == f"line:{target.id}"
        await pilot.press("down")  # to the next line, over the section's label (質疑)
        below = listing.highlighted_option
        assert below is not None
        assert below.id == f"line:{line_with(meeting, '送信データを作成する').id}"


async def test_a_long_line_wraps_whole_in_a_narrow_review(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    target = max(meeting.utterances, key=lambda line: len(line.text))
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(40, 30)) as pilot:
        goto(app, target.id)
        await pilot.pause()
        shown = "".join(visible_rows(app)).replace(" ", "")
        assert target.text.replace(" ", "") in shown


def rows_of(rows: list[Row]) -> list[tuple[str | None, str]]:
    return [(row.id, str(row.prompt)) for row in rows]


async def test_rows_changed_in_place_match_the_whole_list_made_again(
    sample: tuple[Path, str],
) -> None:
    data, meeting_id = sample
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        listing = screen.query_one(ReviewList)
        session = listing.session
        meeting = session.meeting
        line = line_with(meeting, "専用の端末を使用し")
        other = next(i.id for i in session.leaf_items() if i.id != line.item_id)
        discussion = [
            u for u in meeting.utterances if u.item_id == line.item_id and u.section == "discussion"
        ]
        lone = discussion[len(discussion) // 2]

        def to(item_id: str, section: str, target: int = line.id) -> None:
            moved = session.update_line(target, item_id=item_id, section=section)
            screen.place_lines(moved, keep=line_option_id(moved.id))

        async def keys(target: int | None, *pressed: str) -> None:
            if target is not None:
                goto(app, target)
            await pilot.press(*pressed)

        def note() -> None:
            added = session.note_after(line.id, "※資料2参照")
            screen.place_lines(added, keep=line_option_id(added.id))

        def split() -> None:
            first, second = session.split_line(line.id, 4)
            listing.show_line(first)
            screen.place_lines(second, keep=line_option_id(second.id))

        steps = [
            lambda: to(other, "discussion"),
            note,
            lambda: keys(line.id, "shift+down"),
            lambda: keys(line.id, "shift+up", "shift+up"),
            split,
            lambda: keys(line.id, "j"),
            lambda: to(line.item_id, "explanation"),
            lambda: to(line.item_id, "conclusion"),
            lambda: to(line.item_id, "other", lone.id),  # 質疑 … その他 … 質疑
            lambda: keys(lone.id, "d"),  # the only その他 line between 質疑 lines
            lambda: keys(None, "ctrl+z"),
            lambda: keys(line.id, "d"),
            lambda: keys(None, "ctrl+z"),
        ]
        for step in steps:
            done = step()
            if done is not None:
                await done
            await pilot.pause()
            assert rows_of(list(listing.options)) == rows_of(listing.whole_rows())
        assert listing.has_option(line_option_id(lone.id))  # the undo put it back


async def test_rows_remade_for_changed_items_match_the_whole_list_made_again(
    sample: tuple[Path, str],
) -> None:
    data, meeting_id = sample
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.screen.query_one(ReviewList)
        session = listing.session
        meeting = session.meeting

        def shown() -> list[tuple[str | None, str]]:
            return [(row.id, str(row.prompt)) for row in listing.options]

        line = line_with(meeting, "専用の端末を使用し")
        other = next(i.id for i in session.leaf_items() if i.id != line.item_id)
        steps = [
            lambda: session.update_line(line.id, item_id=other, section="discussion"),
            lambda: session.note_after(line.id, "※資料2参照"),
            lambda: session.move_line(line.id, 1),
            lambda: session.split_line(line.id, 4),
            lambda: session.merge_with_next(line.id),
            lambda: session.update_line(line.id, item_id=line.item_id, section="explanation"),
        ]
        for step in steps:
            before = {u.id: u.item_id for u in meeting.utterances}
            step()
            changed = {u.item_id for u in meeting.utterances if before.get(u.id) != u.item_id}
            listing.refresh_items(line.item_id, other, *changed)
            await pilot.pause()
            partly = shown()
            listing.rebuild()
            assert partly == shown()
