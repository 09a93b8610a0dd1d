"""The review list at any width and with the keys and mouse the clerk uses on it: every
character of a line shown (wrapped by kinsoku rules), the cursor moved by keys and by a
click, and the view following the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.review import ReviewApp, goto, line_with, visible_rows
from support.screens import reopen

from live_notes.tui.kinsoku import CLOSING
from live_notes.tui.widgets.review_list import ReviewList
from live_notes.tui.widgets.row_text import RowText

if TYPE_CHECKING:
    from pathlib import Path

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
