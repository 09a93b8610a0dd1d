"""The app's colour themes, read from the TOML files shipped in ``themes/``.

One file per theme; its keys are the fields of `textual.theme.Theme` (``name``,
``primary``, ``background``, …) and an optional ``[variables]`` table of CSS
variables. Keeping them as data lets a body add its house colours without code.
"""

from __future__ import annotations

import dataclasses
import tomllib
from typing import TYPE_CHECKING, Any

from textual.theme import Theme

from live_notes.resources import themes_dir

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from live_notes.tui.app import LiveNotesApp

DEFAULT_THEME = "live-dark"
"""The theme used when the config names none (or one that does not exist)."""

_FIELDS = {f.name for f in dataclasses.fields(Theme)}


class ThemeError(ValueError):
    """A theme file that cannot become a `Theme` (named in the message)."""


def theme_from_toml(text: str, source: str = "theme") -> Theme:
    """A theme from the text of one theme file.

    Raises:
        ThemeError: the text is not TOML, lacks ``name``/``primary`` or has unknown keys.
    """
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{source}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise ThemeError(f"{source}: unknown theme field(s): {', '.join(unknown)}")
    missing = [key for key in ("name", "primary") if not data.get(key)]
    if missing:
        raise ThemeError(f"{source}: missing {', '.join(missing)}")
    try:
        return Theme(**data)
    except TypeError as exc:
        raise ThemeError(f"{source}: {exc}") from None


def load_themes(folder: Traversable | None = None) -> list[Theme]:
    """Every theme in the shipped ``themes/`` folder (or `folder`), sorted by name.

    Raises:
        ThemeError: a shipped theme file is broken (a packaging mistake, so loud).
    """
    root = folder if folder is not None else themes_dir()
    files = sorted(
        (entry for entry in root.iterdir() if entry.name.endswith(".toml")),
        key=lambda entry: entry.name,
    )
    themes = [theme_from_toml(entry.read_text(encoding="utf-8"), entry.name) for entry in files]
    return sorted(themes, key=lambda theme: theme.name)


def setup_themes(app: LiveNotesApp) -> None:
    """Register the shipped themes and pick the clerk's (else `DEFAULT_THEME`); a theme
    chosen later (from the palette) is kept in the config file."""
    from live_notes.tui.i18n import t

    themes: list[Theme] = []
    try:
        themes = load_themes()
    except (ThemeError, OSError) as exc:  # a broken theme file must not stop the clerk
        app.notify(str(exc), severity="error")
    for theme in themes:
        app.register_theme(theme)
    if app.config.theme in app.available_themes:
        app.theme = app.config.theme
    elif DEFAULT_THEME in app.available_themes:
        app.theme = DEFAULT_THEME

    def remember(theme: Theme) -> None:
        if theme.name == app.config.theme:
            return
        from live_notes.config import save_config

        app.config.theme = theme.name
        try:
            save_config(app.config)
        except OSError as exc:
            app.notify(t("app.config_problem", app.ui_lang, detail=str(exc)), severity="error")

    app.theme_changed_signal.subscribe(app, remember)
