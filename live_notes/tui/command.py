"""What one key command is (`Command`), and the help screen's group titles; the
commands themselves are the tables in `live_notes.tui.keys`."""

from __future__ import annotations

from dataclasses import dataclass

from live_notes.tui.i18n import add_messages, t


@dataclass(frozen=True)
class Command:
    """One thing the clerk can do from the keyboard.

    Attributes:
        id: Stable id, the key of the config's ``[keys]`` table (``live.flag``).
        key: Default key(s), Textual's key names, comma separated.
        action: The Textual action the key runs on its screen.
        en: What it does, in English (footer, help, palette).
        ja: What it does, in Japanese.
        group: Help-screen group (a message key: ``group.lines`` …).
        show: Whether the footer shows it.
        palette: Whether the command palette offers it.
    """

    id: str
    key: str
    action: str
    en: str
    ja: str
    group: str
    show: bool = True
    palette: bool = True
    priority: bool | None = None
    """Reach the screen before the focused widget; None: by group (see `bindings`)."""

    def description(self, lang: str) -> str:
        """The description in the clerk's language."""
        return self.ja if lang == "ja" else self.en


add_messages(
    {
        "group.lines": ("Lines", "発言の入力"),
        "group.roles": ("Speaker roles", "発言者区分"),
        "group.agenda": ("Agenda", "議題"),
        "group.meeting": ("Meeting", "会議"),
        "group.app": ("Application", "アプリ"),
        "group.attendance": ("Attendance (F9)", "出欠 (F9)"),
        "group.decision": ("Decision dialog (Ctrl+N)", "結論 (Ctrl+N)"),
        "group.dialog": ("Dialogs", "確認・入力"),
        "group.meetings": ("Meetings screen", "会議一覧"),
        "group.review": ("Review screen", "確認・修正"),
        "group.setup": ("Setup screen", "準備"),
        "group.setup_lists": ("Setup lists", "準備の一覧"),
        "group.export": ("Export dialog", "書き出し"),
        "group.form": ("Form dialogs", "入力フォーム"),
        "group.find": ("Find and replace", "検索と置換"),
    }
)


def group_title(group: str, lang: str) -> str:
    """The help-screen title of a group."""
    return t(group, lang)
