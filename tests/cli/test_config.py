"""The clerk's config file: defaults, mistakes reported (never a traceback), saving keeps the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.config import Config, load_config, save_config

if TYPE_CHECKING:
    from pathlib import Path


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "config.toml")
    assert config == Config()
    assert config.problems == []
    assert (config.theme, config.ui_lang, config.default_role_set) == (
        "live-dark",
        "auto",
        "",
    )


def test_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "live-light"\nui_lang = "en"\n[keys]\n"live.flag" = "ctrl+y"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.theme == "live-light"
    assert config.ui_lang == "en"
    assert config.keys == {"live.flag": "ctrl+y"}


def test_broken_toml_gives_defaults_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "live-light\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme == "live-dark"
    assert len(config.problems) == 1
    assert "config.toml" in config.problems[0] and "not valid TOML" in config.problems[0]


def test_a_bad_value_keeps_the_other_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "live-light"\nui_lang = "fr"\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme == "live-light"
    assert config.ui_lang == "auto"
    assert any("ui_lang" in problem for problem in config.problems)


def test_saving_keeps_what_the_clerk_wrote(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '# mine\nui_lang = "ja"\nmy_note = "keep me"\n[keys]\n"live.undo" = "ctrl+backspace"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    config.theme = "live-contrast"
    save_config(config, path)
    again = load_config(path)
    assert again.theme == "live-contrast"
    assert again.ui_lang == "ja"
    assert again.keys == {"live.undo": "ctrl+backspace"}
    assert 'my_note = "keep me"' in path.read_text(encoding="utf-8")


def test_saving_creates_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_config(Config(theme="live-light"), path)
    assert load_config(path).theme == "live-light"


def test_strings_with_quotes_and_japanese_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(theme='a "quoted" 名前\\x'), path)
    assert load_config(path).theme == 'a "quoted" 名前\\x'


def test_unset_settings_are_not_written(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(theme="live-light"), path)
    text = path.read_text(encoding="utf-8")
    assert "label_style" not in text and "None" not in text
    assert load_config(path) == Config(theme="live-light")


def test_wrong_types_are_named_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = 3\nkeys = { "live.flag" = 5 }\nexport_dir = "~/議事録"\n', encoding="utf-8"
    )
    config = load_config(path)
    assert config.theme == "live-dark" and config.keys == {}
    assert config.export_dir == "~/議事録"
    assert [p.split(": ")[1] for p in config.problems] == ["theme", "keys"]


def test_export_mode_setting_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('export_mode = "0755"\n', encoding="utf-8")
    config = load_config(path)
    assert config.export_mode == "0600"
    assert any("export_mode" in problem for problem in config.problems)
    path.write_text('export_mode = "0640"\n', encoding="utf-8")
    assert load_config(path).export_mode == "0640"
