"""SVG snapshots of the live screen and its dialogs, Japanese and English, at 120×40.

The clock is frozen, the clerk's own config is kept out (a tmp config dir and a
default `Config`), notifications are cleared and the cursor does not blink, so
a snapshot only changes when the screen does. Update with
``pytest tests/snapshots/test_snap_live.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.snap import SIZE, app_midway, settle
from textual import events

from live_notes.sample import SAMPLE_EN, SAMPLE_JA

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the clerk's own data and config out."""
    monkeypatch.setenv("LIVE_NOTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))


def test_live_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Japanese sample in item イ, discussion under way, a flagged and an off-record line."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "11:35")))
    assert snap_compare(app, press=[*"次の発言"], terminal_size=SIZE, run_before=settle)


def test_live_en(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """English sample in the roof item, the chair's question and the staff's answers."""
    app = app_midway(tmp_path, "en", SAMPLE_EN.index(("at", "19:10")))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_attendance_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F9 after the roll call: one late arrival with its time, two absent."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "09:48")) + 2)
    assert snap_compare(app, press=["f9", "down", "down"], terminal_size=SIZE, run_before=settle)


def test_decision_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+N in item イ: outcome 2 chosen, the conditions being typed."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "11:35")))
    press = ["ctrl+n", "2", *"記録を残すこと"]
    assert snap_compare(app, press=press, terminal_size=SIZE, run_before=settle)


def test_help_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F1: every key by group, the role keys with the meeting's labels."""
    app = app_midway(tmp_path, "ja", 0)
    assert snap_compare(app, press=["f1"], terminal_size=SIZE, run_before=settle)


def test_help_en(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F1 in English."""
    app = app_midway(tmp_path, "en", 0)
    assert snap_compare(app, press=["f1"], terminal_size=SIZE, run_before=settle)


LONG_JA = (
    "全国銀行協会との契約について、当市としてはどのような手続きで締結に至ったのか、"
    "また個人情報の取扱いに関する条項がどのように定められているのか、担当課の見解を伺いたい。"
    "さらに、契約の更新時期と費用の内訳についても説明を求めます。"
)


async def type_long_line(pilot: Pilot[None]) -> None:
    """Settle, then type `LONG_JA` as the IME hands it over (Pilot cannot press 、。)."""
    await settle(pilot)
    for char in LONG_JA:
        pilot.app.post_message(events.Key(char, char))
    await pilot.pause()


def test_live_long_line_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A long question being typed: the entry has grown to three rows, all of it shown."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "11:35")))
    assert snap_compare(app, terminal_size=SIZE, run_before=type_long_line)


def test_live_long_line_small_ja(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same at 80×24: the entry at its most, four rows, the cursor at the end in view."""
    app = app_midway(tmp_path, "ja", SAMPLE_JA.index(("at", "11:35")))
    assert snap_compare(app, terminal_size=(80, 24), run_before=type_long_line)
