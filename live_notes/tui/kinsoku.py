"""Line breaking for Japanese and English text at a width in terminal cells (禁則処理).

`wrap` splits a text into rows no wider than the width it is given, keeping every
character (only the spaces at a break are left out): no row starts with closing
punctuation (。、）」 …) and none ends with an opening bracket (（「 …); a character
is carried down to the next row instead (追い出し). English words are not cut unless
one is longer than a row. `breaks` gives the same rows as places to break a text
that keeps its spaces (the wrapping entry, where a space hangs at a row's end).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size

CLOSING = frozenset(
    "、。，．,.・：；:;？！?!）)］]｝}〕〉》」』】〙〗’”ゝゞヽヾー々…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
"""Characters that must not start a row (行頭禁則)."""

OPENING = frozenset("（(［[｛{〔〈《「『【〘〖‘“")
"""Characters that must not end a row (行末禁則)."""


def _word_char(char: str) -> bool:
    """A character of an English word (a break between two of them cuts the word)."""
    return char.isascii() and not char.isspace()


def wrap(text: str, width: int) -> list[str]:
    """`text` in rows of at most `width` cells (at least one character a row)."""
    return [text[start:end] for start, end in spans(text, width)]


def spans(text: str, width: int) -> list[tuple[int, int]]:
    """Where `wrap`'s rows are in `text`: (start, end) of each, the spaces at a break left
    out; one empty row for an empty text."""
    width = max(width, 2)
    rows: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while start < length:
        end, cells = start, 0
        while end < length:
            size = get_character_cell_size(text[end])
            if cells + size > width:
                break
            cells += size
            end += 1
        end = max(end, start + 1)
        if end < length:
            end = _break_at(text, start, end)
        stop = end
        while stop > start and text[stop - 1] == " ":
            stop -= 1
        rows.append((start, stop))
        start = end
        while start < length and text[start] == " ":
            start += 1
    return rows or [(0, 0)]


def breaks(text: str, width: int) -> list[int]:
    """Where `text` breaks into rows of at most `width` cells, kinsoku applied: the index
    each row after the first starts at. Every character is kept; spaces at a break stay
    at the end of the row before (a row starts with a space only after a run of them
    wider than the row). A pasted line of 60,000 characters takes one pass to measure."""
    width = max(width, 2)
    cells = list(accumulate(map(get_character_cell_size, text), initial=0))
    out: list[int] = []
    start, length = 0, len(text)
    while cells[length] - cells[start] > width:
        end = bisect_right(cells, cells[start] + width, start, length + 1) - 1
        end = _break_at(text, start, max(end, start + 1))
        while end < length and text[end] == " " and end - start < width * 2:
            end += 1
        if end >= length:
            break
        out.append(end)
        start = end
    return out


def _break_at(text: str, start: int, end: int) -> int:
    """Where a row from `start` that fills up at `end` should end instead."""
    if _word_char(text[end]) and _word_char(text[end - 1]):
        space = text.rfind(" ", start + 1, end)
        if space > start:
            return space + 1
    best = end
    while best - 1 > start and (text[best] in CLOSING or text[best - 1] in OPENING):
        best -= 1
    return best
