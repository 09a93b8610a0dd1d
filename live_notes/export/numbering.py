"""Numbering in the ways minutes count: 1. / (1) / ア / (ア) / a. / (a).

A pattern is an example of the first number: ``"1."``, ``"(1)"``, ``"ア"``, ``"(ア)"``,
``"a."``, ``"(a)"``, ``"①"``. Whatever surrounds the first number in the pattern
surrounds every number.
"""

from __future__ import annotations

KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
"""The iroha-less order Japanese minutes count sub-items in (ア, イ, ウ, …)."""
IROHA = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
LATIN = "abcdefghijklmnopqrstuvwxyz"

_SEQUENCES = {
    "1": None,
    "１": None,
    "ア": KATAKANA,
    "イ": IROHA,
    "①": CIRCLED,
    "a": LATIN,
    "A": LATIN.upper(),
}


def number_label(n: int, pattern: str) -> str:
    """The `n`th (from 1) number in the pattern's way: ``number_label(2, "(ア)") == "(イ)"``.

    Past the end of a letter sequence the plain digits are used.
    """
    for first, sequence in _SEQUENCES.items():
        at = pattern.find(first)
        if at < 0:
            continue
        if sequence is None or n > len(sequence):
            digits = str(n)
            if first == "１":
                digits = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
            shown = digits
        else:
            shown = sequence[n - 1]
        return pattern[:at] + shown + pattern[at + len(first) :]
    return pattern + str(n) if pattern else str(n)
