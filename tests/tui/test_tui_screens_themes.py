"""The shipped themes: they load, register with an app, and the high-contrast one is."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.color import Color
from textual.widgets import Label

from live_notes.tui.themes import ThemeError, load_themes, theme_from_toml


def _contrast(a: str, b: str) -> float:
    """Contrast ratio of two colours, WCAG-style, from their perceived brightness."""
    la = Color.parse(a).brightness
    lb = Color.parse(b).brightness
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def test_the_three_themes_are_shipped() -> None:
    names = [theme.name for theme in load_themes()]
    assert {"live-dark", "live-light", "live-contrast"} <= set(names)
    light = next(t for t in load_themes() if t.name == "live-light")
    assert light.dark is False


def test_high_contrast_is_higher_than_the_others() -> None:
    themes = {theme.name: theme for theme in load_themes()}
    ratios = {
        name: _contrast(str(theme.foreground), str(theme.background))
        for name, theme in themes.items()
    }
    assert ratios["live-contrast"] > ratios["live-dark"]
    assert ratios["live-contrast"] > ratios["live-light"]
    assert ratios["live-contrast"] >= 20  # white on black: 21 in WCAG terms


def test_a_broken_theme_file_is_named() -> None:
    with pytest.raises(ThemeError, match=r"mine\.toml: unknown theme field"):
        theme_from_toml('name = "x"\nprimary = "#000000"\ncolour = "red"\n', "mine.toml")
    with pytest.raises(ThemeError, match="missing primary"):
        theme_from_toml('name = "x"\n', "mine.toml")


async def test_themes_apply_to_an_app() -> None:
    class ThemedApp(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Label("x", id="x")

    app = ThemedApp()
    async with app.run_test(size=(40, 5)) as pilot:
        for theme in load_themes():
            app.register_theme(theme)
        app.theme = "live-contrast"
        await pilot.pause()
        assert app.screen.styles.background == Color.parse("#000000")
        app.theme = "live-light"
        await pilot.pause()
        assert app.screen.styles.background == Color.parse("#F7F7F5")
