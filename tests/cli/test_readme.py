"""The README's key table follows the one table the app's keys come from."""

from __future__ import annotations

from pathlib import Path

from live_notes.tui.keys import ALL, plain_key

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_key_is_in_the_readme_with_its_default() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [c.id for c in ALL if f"| {plain_key(c.key)} | `{c.id}` |" not in text]
    assert missing == []


def test_plain_key_names() -> None:
    assert plain_key("ctrl+down,alt+down") == "Ctrl+Down / Alt+Down"
    assert plain_key("f9") == "F9"
    assert plain_key("ctrl+f") == "Ctrl+F"
    assert plain_key("plus") == "+"
