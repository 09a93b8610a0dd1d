"""The app-wide keys (help, meetings, review, export) and the palette's extra entries,
for `LiveNotesApp`; what they need of the app is declared here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

from live_notes.tui.i18n import add_messages, t

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from live_notes.config import Config
    from live_notes.domain.errors import ClerkError
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore
    from live_notes.tui.opening import Opening

add_messages(
    {
        "app.no_meeting": ("No meeting is open.", "会議が開かれていません。"),
        "app.setup": (
            "Set up the meeting (header, roster, agenda)",
            "会議の準備(概要・名簿・議題)",
        ),
        "app.theme": ("Theme: {name}", "テーマ: {name}"),
        "app.abbreviations": (
            "Abbreviations (code + space expands)",
            "略語一覧(略語+スペースで展開)",
        ),
        "app.no_abbreviations": ("No abbreviations.", "略語はありません。"),
        "app.palette_placeholder": ("Search for commands…", "コマンドを検索…"),
        "app.screenshot_saved": ("Screenshot saved: {path}", "画面を保存しました: {path}"),
        "app.screenshot_failed": (
            "The screenshot could not be saved: {detail}",
            "画面を保存できませんでした: {detail}",
        ),
        "app.opening": (
            "The meeting is still opening; try again in a moment.",
            "会議を開いているところです。少し待ってからもう一度どうぞ。",
        ),
    }
)


class AppActions(App[None]):
    """The actions of `live_notes.tui.keys.APP` and the palette's system commands."""

    config: Config
    abbreviations: dict[str, str]
    session: Session | None
    store: MeetingStore | None
    opening: Opening | None
    said: list[str]
    """The latest messages the clerk was shown (notifications), oldest first."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a message; kept in `said`. Plain text by default: a path with [brackets] stays.

        On the live screen it goes to the message line above the entry (never over it);
        elsewhere it is a notification at the top right of the screen (app.tcss)."""
        screen = self.screen_stack[-1] if self.screen_stack else None
        if screen is not None and screen.query("#live-message"):
            screen.notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        self.remember(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def remember(self, message: str) -> None:
        """Keep a message the clerk was shown in `said` (the latest 50)."""
        self.said.append(message)
        del self.said[:-50]

    def refuse(self, refusal: ClerkError, key: str = "", severity: SeverityLevel = "error") -> None:
        """Say a refusal in the clerk's language (inside message `key`'s ``{detail}``)."""
        detail = refusal.message(self.ui_lang)
        self.notify(t(key, self.ui_lang, detail=detail) if key else detail, severity=severity)

    @property
    def ui_lang(self) -> str:
        """The UI's language (`LiveNotesApp.ui_lang`)."""
        raise NotImplementedError

    def show_meetings(self) -> None:
        """Switch to the meetings screen (`LiveNotesApp.show_meetings`)."""
        raise NotImplementedError

    def action_help(self) -> None:
        """F1: every key, grouped."""
        from live_notes.tui.screens.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        role_set = self.session.meeting.role_set if self.session else None
        self.push_screen(HelpScreen(self.ui_lang, role_set))

    def action_meetings(self) -> None:
        """Ctrl+L: the meetings list."""
        self.show_meetings()

    def _has_session(self) -> Session | None:
        if self.session is None:
            key = "app.opening" if self.opening is not None else "app.no_meeting"
            self.notify(t(key, self.ui_lang), severity="warning")
        return self.session

    def action_review(self) -> None:
        """F10: the review screen."""
        from live_notes.tui.screens.review import ReviewScreen

        if session := self._has_session():
            self.push_screen(ReviewScreen(session))

    def action_export(self) -> None:
        """F12: the export dialog, writing to the export folder (see `paths.export_dir`)."""
        from live_notes.paths import export_dir
        from live_notes.tui.screens.dialogs.export import ExportScreen

        if session := self._has_session():
            out_dir = export_dir(self.config.export_dir)
            store = self.store
            circulation = None
            if store is not None:
                from live_notes.versions_cli import Circulation

                circulation = Circulation(session, store.data_dir)
            self.push_screen(ExportScreen(session.meeting, out_dir, circulation=circulation))

    def action_setup(self) -> None:
        """The setup screen (from the palette)."""
        from live_notes.tui.screens.setup import SetupScreen

        if session := self._has_session():
            self.push_screen(SetupScreen(session))

    def action_abbreviations(self) -> None:
        """The abbreviations (from the palette): each code and what it becomes."""
        from live_notes.tui.screens.dialogs.peek import PeekScreen

        lang = self.ui_lang
        rows = [f"{code}  →  {text}" for code, text in sorted(self.abbreviations.items())]
        title = t("app.abbreviations", lang)
        rows = rows or [t("app.no_abbreviations", lang)]
        self.push_screen(PeekScreen(title, rows, lang, plain=True))

    def action_command_palette(self) -> None:
        """Ctrl+P: the palette, its search field in the clerk's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = t("app.palette_placeholder", self.ui_lang)
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """The palette's Screenshot: an SVG in the folder the minutes go to (created if
        missing; ~/Downloads need not exist), said in plain words."""
        from pathlib import Path

        from textual._files import generate_datetime_filename

        from live_notes.paths import export_dir

        folder = Path(path) if path else export_dir(self.config.export_dir)
        target = folder / (filename or generate_datetime_filename(self.title, ".svg", time_format))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(self.export_screenshot(), encoding="utf-8")
        except OSError as exc:
            detail = exc.strerror or str(exc)
            self.notify(t("app.screenshot_failed", self.ui_lang, detail=detail), severity="error")
            return None
        self.notify(t("app.screenshot_saved", self.ui_lang, path=str(target)))
        return None

    def get_system_commands(self, screen: Any) -> Any:
        """The palette's extra entries: the setup screen and the themes."""
        from textual.app import SystemCommand

        yield from super().get_system_commands(screen)
        lang = self.ui_lang
        yield SystemCommand(t("app.setup", lang), "", self.action_setup)
        yield SystemCommand(t("app.abbreviations", lang), "", self.action_abbreviations)
        for name in sorted(self.available_themes):
            if name.startswith("live-"):
                yield SystemCommand(
                    t("app.theme", lang, name=name), "", lambda n=name: setattr(self, "theme", n)
                )
