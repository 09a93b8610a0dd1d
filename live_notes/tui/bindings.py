"""Keys bound from the one table (`live_notes.tui.keys`), described in the clerk's language.

Bindings are class attributes, built once, in English, each carrying its command's
id (so the clerk's ``[keys]`` overrides apply through `App.set_keymap`). The
language is applied when the footer asks for the keys: `Keyed.active_bindings`
hands it each binding with its command's description in the current language.
A screen names its table in ``KEYS``; `Keyed` builds its ``BINDINGS`` from it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType

from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import BY_ID, IDS, PRIORITY_GROUPS

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import ActiveBinding

    from live_notes.tui.keys import Command

add_messages(
    {
        "app.unknown_key_ids": (
            "Settings: no such key binding id(s): {ids} (see F1 for the ids).",
            "設定: キーの id が見つかりません: {ids}(F1 で確認できます)。",
        ),
    }
)

KEY_DISPLAY = {
    "shift+up": "⇧↑",
    "shift+down": "⇧↓",
    "shift+left": "⇧←",
    "shift+right": "⇧→",
}
"""Short footer labels for keys Textual would spell out."""


def bindings(
    commands: tuple[Command, ...], *, priority: bool | None = None, ordered: bool = False
) -> list[BindingType]:
    """Textual bindings for a table of commands (described in English; see `Keyed`).

    A command's own `priority` wins; else `priority` (None: the live screen's groups
    are priority keys, so the entry line, a text field with editing keys of its own,
    never takes them). With `ordered`, a priority key's action runs as
    ``ordered('<action>')``: the screen's `action_ordered` queues it behind the keys
    typed before it (see `LiveScreen.action_ordered`), because Textual runs a
    priority binding as soon as the key arrives, ahead of letters and an Enter
    still waiting in the entry's queue.
    """
    out: list[BindingType] = []
    for command in commands:
        first = command.priority if command.priority is not None else priority
        urgent = first if first is not None else command.group in PRIORITY_GROUPS
        action = f"ordered({command.action!r})" if ordered and urgent else command.action
        out.append(
            Binding(
                command.key,
                action,
                command.en,
                show=command.show,
                priority=urgent,
                id=command.id,
                key_display=KEY_DISPLAY.get(command.key),
            )
        )
    return out


@lru_cache(maxsize=1024)
def translated(binding: Binding, lang: str) -> Binding:
    """The binding described in `lang` (from its command), or as it is; the same
    object each time it is asked for (the footer redraws often)."""
    command = BY_ID.get(binding.id or "")
    if command is None:
        return binding
    return replace(binding, description=command.description(lang))


class Keyed:
    """A screen (or widget) whose keys come from a table of commands.

    ``KEYS`` names the table; ``KEYS_PRIORITY`` and ``KEYS_ORDERED`` are passed to
    `bindings`. A screen's footer shows every key it offers (its own, its focused
    widget's, the app's) in the clerk's language (`lang`).
    """

    KEYS: ClassVar[tuple[Command, ...]] = ()
    KEYS_PRIORITY: ClassVar[bool | None] = None
    KEYS_ORDERED: ClassVar[bool] = False
    BINDINGS: ClassVar[list[BindingType]] = []
    app: App[Any]
    _lang: str | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "KEYS" in cls.__dict__:  # before Textual merges the class's bindings
            own = list(cls.__dict__.get("BINDINGS", []))
            cls.BINDINGS = own + bindings(
                cls.KEYS, priority=cls.KEYS_PRIORITY, ordered=cls.KEYS_ORDERED
            )
        super().__init_subclass__(**kwargs)

    @property
    def lang(self) -> str:
        """The language the screen speaks: given to it, else the app's."""
        return self._lang if self._lang is not None else host(self.app).ui_lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._lang = lang

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys as the footer shows them: described in the clerk's language."""
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        lang = self.lang
        return {
            key: item._replace(binding=translated(item.binding, lang))
            for key, item in active.items()
        }


def key_display(app: App[Any], command: Command) -> str:
    """The key(s) of a command as the footer shows them, after the clerk's overrides."""
    keys = host(app).key_overrides.get(command.id, command.key)
    shown = []
    for key in keys.split(","):
        shown.append(app.get_key_display(Binding(key.strip(), command.action)))
    return " / ".join(shown)


def format_key(key: str, default: str) -> str:
    """Function keys as the keyboard prints them (F9), others as Textual shows them."""
    name = key.strip()
    if len(name) >= 2 and name[0] == "f" and name[1:].isdigit():
        return name.upper()
    return default


def preset_keys(role_keys: str) -> dict[str, str]:
    """Key overrides of the role-key preset, under the clerk's own ``[keys]``: Alt+1 …
    Alt+7 for the roles with ``role_keys = "alt"`` (F2 … F8 otherwise)."""
    if role_keys == "alt":
        return {f"live.role{n}": f"alt+{n}" for n in range(1, 8)}
    return {}


def apply_keymap(app: App[Any]) -> None:
    """The clerk's ``[keys]`` overrides, by command id; an unknown id is said, not applied."""
    overrides = host(app).key_overrides
    unknown = sorted(set(overrides) - IDS)
    if unknown:
        app.notify(t("app.unknown_key_ids", host(app).ui_lang, ids=", ".join(unknown)))
    app.set_keymap({k: v for k, v in overrides.items() if k in IDS})
