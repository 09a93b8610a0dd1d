"""Plan files built to hurt: nested past any sense, or with thousands of mistakes.

``live-notes new`` must answer each with one short line that names the file,
the line and the place, quickly, and create nothing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from faults.support import record, run_cli

if TYPE_CHECKING:
    from pathlib import Path

FAULT = "Deep and long plan files"
HEADER = '[meeting]\nbody = "Board"\ntitle = "Seventh"\ndate = 2024-11-12\n\n'


def _nested_items(levels: int) -> str:
    item = '{ title = "leaf" }'
    for _ in range(levels):
        item = '{ title = "item", children = [' + item + "] }"
    return "agenda = [" + item + "]\n" + HEADER


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("items 11 deep", _nested_items(11), "line 1: agenda[0].children"),
        ("items 300 deep", _nested_items(300), "line 1: tables and arrays nested too deeply"),
        ("arrays 60 deep", "x = " + "[" * 60 + "]" * 60 + "\n" + HEADER, "line 1: x[0]"),
        ("arrays 50,000 deep", "x = " + "[" * 50_000 + "]" * 50_000 + "\n" + HEADER, "line 1"),
    ],
    ids=["items-11", "items-300", "arrays-60", "arrays-50000"],
)
def test_a_deeply_nested_plan_is_one_line_naming_the_file(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    plan = tmp_path / "deep.toml"
    plan.write_text(text, encoding="utf-8")
    code, out, err = run_cli("--data-dir", str(tmp_path / "data"), "new", str(plan))
    assert code == 1 and out == "", name
    assert err.startswith(f"live-notes: {plan}: {expected}"), err[:300]
    assert err.count("\n") == 1 and len(err) < 500
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").glob("*.json"))
    record(FAULT, "plans nested deeply, and plans with 8,000 mistakes", rounds=1)


def test_eight_thousand_roster_mistakes_are_counted_not_listed(tmp_path: Path) -> None:
    people = "".join(f'[[people]]\nid = "p{i}"\nname = ""\n\n' for i in range(8000))
    plan = tmp_path / "roster.toml"
    plan.write_text(HEADER + people, encoding="utf-8")
    start = time.perf_counter()
    code, _out, err = run_cli("--data-dir", str(tmp_path / "data"), "new", str(plan))
    took = time.perf_counter() - start
    assert code == 1
    assert err.count("\n") == 1 and len(err) < 3000, len(err)
    assert "people[0].name: must not be empty" in err
    assert err.rstrip().endswith("… and 7,980 more")
    assert took < 5, took  # was 7.2 s (48 s on a busy machine): every line was searched per mistake
    record(FAULT, rounds=1)
