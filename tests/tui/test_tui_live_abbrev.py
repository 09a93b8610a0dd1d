"""Abbreviations: the shipped list, the clerk's own file, and where a code expands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from live_notes.abbrev import (
    code_before,
    expand_at,
    expand_trailing,
    load_abbreviations,
    parse_abbreviations,
)

if TYPE_CHECKING:
    from pathlib import Path

TABLE = {";k": "検討する。", ";kk": "今後検討する。", ";t": "担当課"}


def test_the_shipped_list_has_the_common_phrases(tmp_path: Path) -> None:
    table, problems = load_abbreviations(tmp_path / "none.toml")
    assert problems == []
    assert table[";s"] == "承知した。"
    assert table[";k"] == "検討する。"
    assert table[";t"] == "担当課"
    assert all(code.startswith(";") for code in table)


def test_the_clerks_file_adds_and_overrides(tmp_path: Path) -> None:
    mine = tmp_path / "abbrev.toml"
    mine.write_text('[abbrev]\n";s" = "了解した。"\n"@g" = "議長"\n', encoding="utf-8")
    table, problems = load_abbreviations(mine)
    assert problems == []
    assert table[";s"] == "了解した。"
    assert table["@g"] == "議長"
    assert table[";k"] == "検討する。"


def test_a_broken_file_is_reported_and_the_shipped_list_still_works(tmp_path: Path) -> None:
    mine = tmp_path / "abbrev.toml"
    mine.write_text('[abbrev]\n";s" = 3\n', encoding="utf-8")
    table, problems = load_abbreviations(mine)
    assert table[";s"] == "承知した。"
    assert len(problems) == 1 and "';s'" in problems[0]


@pytest.mark.parametrize(
    "text", ['[abbrev]\n"a b" = "x"\n', '[abbrev]\n"x" = ""\n', "abbrev = 1\n", "= nope"]
)
def test_bad_tables_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_abbreviations(text, "mine.toml")


def test_the_longest_code_wins() -> None:
    assert code_before("今後;kk", TABLE) == ";kk"
    assert code_before("今後;k", TABLE) == ";k"
    assert code_before("検討", TABLE) is None


def test_expand_at_the_cursor_keeps_what_follows() -> None:
    text = "これは;kの前"
    assert expand_at(text, len("これは;k"), TABLE) == (
        "これは検討する。の前",
        len("これは検討する。"),
    )
    assert expand_at("ふつうの文", 5, TABLE) is None


def test_expand_trailing_only_touches_the_end() -> None:
    assert expand_trailing(";tから説明;k", TABLE) == ";tから説明検討する。"
    assert expand_trailing("変更なし", TABLE) == "変更なし"
