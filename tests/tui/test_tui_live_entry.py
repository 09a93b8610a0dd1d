"""The entry wraps (issue 12): a long utterance grows the field to a few rows, every
character on screen, the cursor always in view; Enter commits the whole line; no key,
paste or Ctrl+J ever puts a line break in it; Up and Down move between its rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.live import (
    SIZE,
    dirs,
    entry_rows,
    live,
    make_app,
    rows_of,
    screen_rows,
    stored,
    type_text,
    until,
)
from textual import events

from live_notes.tui.widgets.entry import ENTRY_ROWS

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot

__all__ = ["dirs"]

SMALL = (80, 24)

LONG = (
    "全国銀行協会との契約について、当市としてはどのような手続きで締結に至ったのか、"
    "また個人情報の取扱いに関する条項がどのように定められているのか、担当課の見解を伺いたい。"
)
"""A member's question of 89 characters: two rows at 120 columns, three at 80."""


async def open_at_sewer(pilot: Pilot[None]) -> None:
    """Open the meeting and go to item ア (the sewer item, a deliberation)."""
    await pilot.press("ctrl+o", "ctrl+g", "2", "enter")


@pytest.mark.parametrize("size", [SIZE, SMALL])
async def test_a_long_japanese_line_wraps_and_every_character_is_on_screen(
    dirs: Path, size: tuple[int, int]
) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=size) as pilot:
        await open_at_sewer(pilot)
        await type_text(app, pilot, LONG)
        await pilot.pause()
        shown = entry_rows(app)
        assert len(shown) == (2 if size == SIZE else 3)
        assert "".join(shown) == LONG  # nothing cut, nothing scrolled away
        entry = live(app).entry
        assert entry.region.bottom == size[1] - 1  # above the footer, the footer still shown
        assert "^q" in screen_rows(app)[-1]
        message = live(app).query_one("#live-message")
        assert message.region.bottom <= entry.region.y - 1  # messages never over it
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == LONG
        assert entry.value == "" and entry.region.height == 1  # back to one row
        transcript = "".join(rows_of(app, live(app).lines_view)).replace(" ", "")
        assert LONG in transcript  # committed, and shown whole


async def test_a_line_longer_than_the_entry_scrolls_inside_with_the_cursor_shown(
    dirs: Path,
) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await open_at_sewer(pilot)
        await type_text(app, pilot, LONG * 3 + "最後")
        await pilot.pause()
        entry = live(app).entry
        assert entry.region.height == ENTRY_ROWS
        assert live(app).lines_view.size.height >= 10  # the transcript keeps its room
        assert "^q" in screen_rows(app)[-1]  # and the footer its row
        assert entry_rows(app)[-1].endswith("最後")  # where the cursor is: in view
        x, y = app.cursor_position  # where the terminal puts its cursor (and the IME's)
        assert entry.region.contains(x, y)
        await pilot.press("ctrl+a")  # the start of the line: its first row scrolls into view
        await pilot.pause()
        assert entry_rows(app)[0].startswith(LONG[:10])
        await pilot.press("ctrl+k")  # Ctrl+K and Ctrl+U take the whole line, as in an Input
        assert entry.value == ""
        await type_text(app, pilot, LONG * 3 + "最後")
        await pilot.press("left", "ctrl+u", "enter")
        assert stored(app).utterances[-1].text == "後"


async def test_up_and_down_move_between_the_rows_and_up_on_an_empty_entry_takes_back(
    dirs: Path,
) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await open_at_sewer(pilot)
        await type_text(app, pilot, LONG)
        entry = live(app).entry
        rows = entry_rows(app)
        assert len(rows) == 3
        await pilot.press("up", "x")  # a row up from the end of the last row: same column
        assert entry.value.index("x") == len(rows[0]) + len(rows[2])
        await pilot.press("backspace", "up", "up", "x")  # the first row; then its start
        assert entry.value.index("x") == 0
        await pilot.press("backspace", "down", "down", "down", "y", "enter")
        assert stored(app).utterances[-1].text == LONG + "y"
        await pilot.press("up")  # the entry empty: the last line comes back to correct
        assert entry.value == LONG + "y"
        await pilot.press("up", "backspace", "enter")  # a row up, a character less, saved
        texts = [u.text for u in stored(app).utterances]
        assert len(texts) == 1 and len(texts[0]) == len(LONG)  # corrected, not a new line


async def test_no_line_break_gets_in_by_key_ctrl_j_or_paste(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await open_at_sewer(pilot)
        await type_text(app, pilot, LONG[:40])
        app.post_message(events.Key("shift+enter", None))
        await type_text(app, pilot, LONG[40:])
        entry = live(app).entry
        assert entry.value == LONG
        app.post_message(events.Key("ctrl+j", "\n"))  # Enter in the terminal's cooked mode
        await pilot.pause()
        assert stored(app).utterances[-1].text == LONG
        entry.post_message(events.Paste("一行目の質問\r\n二行目の質問\n三行目"))
        await pilot.pause()
        assert entry.value == "一行目の質問  二行目の質問 三行目"
        assert len(entry_rows(app)) == 1
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == "一行目の質問  二行目の質問 三行目"
        app.copy_to_clipboard("貼り\n付け")  # Ctrl+V: the app's clipboard, same rule
        await pilot.press("ctrl+v")
        assert entry.value == "貼り 付け"


async def test_keys_in_a_burst_edit_a_wrapped_line_in_the_order_typed(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await open_at_sewer(pilot)
        keys = [*LONG, "backspace", "backspace", "left", "backspace", *"質問", "enter", *"次"]
        for key in keys:
            character = "\r" if key == "enter" else (key if len(key) == 1 else None)
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert [u.text for u in stored(app).utterances] == [LONG[:-4] + "質問" + LONG[-3]]
        assert live(app).entry.value == "次"


async def test_a_long_wrapped_draft_is_offered_back_whole_after_a_crash(dirs: Path) -> None:
    app, _ = make_app(dirs, draft_delay=0.05)
    async with app.run_test(size=SMALL) as pilot:
        await open_at_sewer(pilot)
        await type_text(app, pilot, LONG)
        assert app.session is not None
        draft = app.data_dir / f"{app.session.meeting.id}.draft"
        await until(pilot, lambda: draft.exists() and draft.read_text("utf-8") == LONG)
        meeting_id = app.session.meeting.id
    again, _ = make_app(dirs, meeting_id=meeting_id)
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert live(again).entry.value == LONG
        assert "".join(entry_rows(again)) == LONG  # every row of it on screen
        await pilot.press("enter")
        assert stored(again).utterances[-1].text == LONG


async def test_english_wraps_between_words(dirs: Path) -> None:
    text = (
        "The chair asked whether the contract with the bankers association had been "
        "reviewed by the legal department before it was signed last spring."
    )
    app, _ = make_app(dirs, lang="en")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+o")
        await type_text(app, pilot, text)
        shown = entry_rows(app)
        assert len(shown) == 3
        assert " ".join(shown) == text  # no word cut at a row's end
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == text
