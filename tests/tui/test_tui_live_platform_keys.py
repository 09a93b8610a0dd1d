"""Role keys without F6–F10 (``role_keys = "alt"``), and the items' Alt keys shown first
on macOS, where Ctrl+Up/Down belong to Mission Control."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import SIZE, dirs, make_app, stored, text_of

from live_notes.config import Config, load_config
from live_notes.store.platform import CURRENT
from live_notes.tui.bindings import preset_keys
from live_notes.tui.keys import BY_ID, item_keys

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


def test_the_presets() -> None:
    assert preset_keys("function") == {}
    alt = preset_keys("alt")
    assert alt["live.role1"] == "alt+1" and alt["live.role7"] == "alt+7"


def test_role_keys_is_read_from_config_toml(dirs: Path) -> None:
    folder = dirs / "config"
    folder.mkdir()
    (folder / "config.toml").write_text('role_keys = "alt"\n', encoding="utf-8")
    assert load_config().role_keys == "alt"
    (folder / "config.toml").write_text('role_keys = "f"\n', encoding="utf-8")
    config = load_config()
    assert config.role_keys == "function" and any("role_keys" in p for p in config.problems)


async def test_alt_digits_choose_the_roles_with_the_alt_preset(dirs: Path) -> None:
    app, _ = make_app(dirs, config=Config(role_keys="alt"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter")
        await pilot.press("alt+1")
        assert text_of(app, "#role") == "会長"
        await pilot.press("alt+3", *"担当課の説明", "enter")
        assert stored(app).utterances[-1].role_id == "department"
        await pilot.press("f2")  # the F keys are left to the input method
        assert text_of(app, "#role") != "会長"


def test_on_macos_the_items_alt_keys_come_first() -> None:
    assert item_keys(macos=True) == ("alt+down,ctrl+down", "alt+up,ctrl+up")
    assert item_keys(macos=False) == ("ctrl+down,alt+down", "ctrl+up,alt+up")
    expected = item_keys(CURRENT.macos)
    assert (BY_ID["live.next_item"].key, BY_ID["live.prev_item"].key) == expected
