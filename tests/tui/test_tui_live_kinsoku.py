"""Line breaking (kinsoku): no character lost, no 。、）」 at a row start, no （「 at a row end."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from rich.cells import cell_len
from support.live import dirs, entry_rows, live, make_app, rows, type_text

from live_notes.tui.kinsoku import CLOSING, OPENING, breaks, wrap

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]

SPEECH = "全国銀行協会との契約について、当市としては、これまでの経緯を踏まえて（仮称）「新しい制度」を検討しているところであります。"


@pytest.mark.parametrize("width", range(4, 70))
def test_every_character_is_kept_and_rows_fit(width: int) -> None:
    rows = wrap(SPEECH, width)
    assert "".join(rows) == SPEECH
    assert all(cell_len(row) <= width for row in rows)
    assert not any(row[0] in CLOSING for row in rows[1:]), rows
    assert not any(row[-1] in OPENING for row in rows[:-1]), rows


def test_a_comma_is_carried_down_with_the_character_before_it() -> None:
    assert wrap("あいうえ、かきくけ", 8) == ["あいう", "え、かき", "くけ"]


def test_an_opening_bracket_goes_to_the_next_row() -> None:
    assert wrap("あいう「かき」", 8) == ["あいう", "「かき」"]


def test_english_breaks_between_words_and_keeps_long_words_whole_as_far_as_it_can() -> None:
    assert wrap("the quick brown fox", 10) == ["the quick", "brown fox"]
    assert wrap("abcdefghijkl", 5) == ["abcde", "fghij", "kl"]


def test_empty_and_narrow() -> None:
    assert wrap("", 10) == [""]
    assert "".join(wrap("漢字", 1)) == "漢字"


async def test_no_character_is_dropped_in_the_transcript_at_60_columns(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter")
        await type_text(app, pilot, SPEECH, enter=True)
        await pilot.press("ctrl+y")  # off the record: marked as review marks it
        shown = [row for row in rows(app) if not row.startswith("--")]
        joined = "".join(row.split("  ")[-1].strip() for row in shown)
        assert joined.endswith(SPEECH), shown  # every character, in order
        assert "〔記録外〕" in "".join(shown[:2])
        continuation = [row.strip() for row in shown[1:]]
        assert not any(row[0] in CLOSING for row in continuation), continuation
        width = live(app).lines_view.scrollable_content_region.width
        assert all(cell_len(row) <= width for row in shown)


async def test_a_flagged_line_shows_the_flag_mark(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter")
        await type_text(app, pilot, "要確認の発言")
        await pilot.press("ctrl+f")
        assert any("⚑" in row and "要確認の発言" in row for row in rows(app))


@pytest.mark.parametrize("width", range(4, 70))
def test_breaks_keep_every_character_and_agree_with_the_rows(width: int) -> None:
    cuts = breaks(SPEECH, width)
    pieces = [SPEECH[a:b] for a, b in zip([0, *cuts], [*cuts, len(SPEECH)], strict=True)]
    assert pieces == wrap(SPEECH, width)  # the entry breaks where the transcript does


def test_breaks_leave_spaces_at_the_end_of_the_row_before() -> None:
    text = "the quick brown fox"
    cuts = breaks(text, 10)
    assert [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)] == [
        "the quick ",
        "brown fox",
    ]


@pytest.mark.parametrize("width", range(76, 100, 2))
async def test_the_entry_breaks_its_rows_with_kinsoku(dirs: Path, width: int) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter")
        await type_text(app, pilot, SPEECH)
        shown = entry_rows(app)
        assert len(shown) > 1
        assert "".join(shown) == SPEECH  # every character, in order
        assert not any(row[0] in CLOSING for row in shown[1:]), shown
        assert not any(row[-1] in OPENING for row in shown[:-1]), shown
