"""Help (F1): every key, grouped, from the same table the footer and the palette use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from live_notes.tui.bindings import Keyed, key_display
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import ALL, DIALOG, group_title

if TYPE_CHECKING:
    from textual.app import App, ComposeResult

    from live_notes.domain.models import RoleSet

add_messages(
    {
        "help.title": ("Keys", "キー操作"),
        "help.hint": ("Esc / F1: close", "Esc / F1: 閉じる"),
    }
)

HELP_GROUPS = (
    "group.lines",
    "group.roles",
    "group.agenda",
    "group.meeting",
    "group.app",
    "group.attendance",
    "group.decision",
    "group.dialog",
    "group.meetings",
    "group.review",
    "group.setup",
    "group.setup_lists",
    "group.export",
    "group.form",
    "group.find",
)


def help_text(app: App[Any], lang: str, role_set: RoleSet | None) -> Text:
    """Every command by group: key, then what it does (roles by their label when known)."""
    text = Text()
    for group in HELP_GROUPS:
        text.append(group_title(group, lang) + "\n", style="bold underline")
        for command in ALL:
            if command.group != group:
                continue
            keys = key_display(app, command)
            description = command.description(lang)
            if command.id.startswith("live.role") and role_set is not None:
                number = int(command.id.removeprefix("live.role"))
                if number > len(role_set.roles):
                    continue
                description = role_set.roles[number - 1].label(lang)
            pad = " " * max(1, 22 - cell_len(keys))
            text.append(f"  {keys}{pad}{description}\n")
        text.append("\n")
    text.rstrip()
    return text


class HelpScreen(Keyed, ModalScreen[None]):
    """Every key, grouped."""

    KEYS = tuple(c for c in DIALOG if c.id == "dialog.close")

    def __init__(self, lang: str, role_set: RoleSet | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.role_set = role_set

    def compose(self) -> ComposeResult:
        """The title and the key table."""
        with Vertical(classes="dialog wide"):
            yield Static(t("help.title", self.lang), classes="title")
            with VerticalScroll():
                yield Static(help_text(self.app, self.lang, self.role_set), id="keys")
            yield Static(t("help.hint", self.lang), classes="hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
