"""The export dialog: pick a format, a language, an edition, the house style, draft or
final, and how speakers are named (roles, names, or letters for an anonymised edition);
Enter writes the file.

The file goes into the output folder under `default_filename`; the dialog says
where, and lists the warnings (lines still flagged, items without a
conclusion, …). Writing runs in a thread so a large Word file never freezes
the screen.

| key | action |
|---|---|
| Up / Down | choose in the focused list |
| Tab / Shift+Tab | next / previous list |
| Enter | write the file |
| Escape | close |
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from live_notes.domain.errors import ClerkError
from live_notes.export import FORMATS, ExportOptions, ExportResult, default_filename, export
from live_notes.tui.attempt import attempt
from live_notes.tui.bindings import Keyed
from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import EXPORT
from live_notes.tui.widgets.message_line import MessageLine, Says

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from live_notes.domain.models import Meeting
    from live_notes.export.options import Edition
    from live_notes.versions_cli import Circulation

add_messages(
    {
        "export.title": ("Export the minutes of {title}", "{title} の会議録を書き出す"),
        "export.format": ("Format", "形式"),
        "export.lang": ("Language", "言語"),
        "export.edition": ("Edition", "版"),
        "export.fmt.docx": ("Word (.docx)", "Word (.docx)"),
        "export.fmt.md": ("Markdown (.md)", "Markdown (.md)"),
        "export.fmt.html": ("HTML (.html)", "HTML (.html)"),
        "export.fmt.txt": ("Plain text (.txt)", "テキスト (.txt)"),
        "export.fmt.csv": ("CSV of the lines (.csv)", "発言の CSV (.csv)"),
        "export.fmt.json": ("Complete archive (.json)", "完全な保存用 (.json)"),
        "export.lang.ja": ("Japanese", "日本語"),
        "export.lang.en": ("English", "英語"),
        "export.edition.public": ("Public", "公開用(記録外を除く)"),
        "export.edition.internal": ("Internal (all lines)", "内部用(すべて)"),
        "export.style": ("House style", "様式"),
        "export.style.user": ("{name} (yours)", "{name}(独自)"),
        "export.mark": ("Draft or final", "案/確定"),
        "export.mark.draft": ("Draft (marked DRAFT)", "案(【案】を付ける)"),
        "export.mark.final": ("Final", "確定版"),
        "export.mark.circulate": (
            "Draft to circulate (kept as the next version)",
            "回付する案(次の版として保存)",
        ),
        "export.speakers": ("Speakers", "発言者の表記"),
        "export.speakers.roles": ("Roles only", "職名のみ"),
        "export.speakers.names": ("With names", "氏名を付ける"),
        "export.speakers.letters": ("By letter (Member A)", "匿名(A委員…)"),
        "export.circulated": ("Circulated as version {n}.", "第{n}版として回付を記録しました。"),
        "export.not_circulated": (
            "Not recorded as circulated: {reason}",
            "回付は記録していません: {reason}",
        ),
        "export.target": ("Will write: {path}", "書き出し先: {path}"),
        "export.writing": ("Writing {path} …", "{path} を書き出しています…"),
        "export.written": ("Written: {path}", "書き出しました: {path}"),
        "export.warnings": ("Check before publishing:", "公開前に確認してください:"),
        "export.hint": (
            "↑↓ choose · Tab next list · Enter writes · Esc closes",
            "↑↓ で選択・Tab で次の一覧・Enter で書き出し・Esc で閉じる",
        ),
        "export.failed": ("Not written: {reason}", "書き出せませんでした: {reason}"),
    }
)


EDITIONS = ("public", "internal")
MARKS = ("draft", "final")
SPEAKERS = ("roles", "names", "letters")
"""How speakers are labelled: by role (as the public minutes print them), with the
person's name (`export --names`), or by letter, the same per person (`--anonymise`)."""


class ExportScreen(Says, Keyed, ModalScreen[Path | None]):
    """Write the minutes of a meeting in a chosen format, language and edition.

    Dismissed with the path of the last file written (None when nothing was).

    Attributes:
        meeting: The meeting to export.
        out_dir: The folder the file goes into.
        written: The last file written.
    """

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > #export { width: 130; max-width: 98%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1; }
    ExportScreen #export-title { text-style: bold; width: 1fr; padding: 0 0 1 0; }
    ExportScreen #export-choices { height: auto; }
    ExportScreen .export-col { width: 1fr; height: auto; padding: 0 1 0 0; }
    ExportScreen .export-col OptionList { height: auto; max-height: 8; }
    ExportScreen #export-target { width: 1fr; height: auto; padding: 1 0 0 0; }
    ExportScreen #export-message { width: 1fr; height: auto; padding: 1 0 0 0; }
    ExportScreen #export-message.-error { color: $error; }
    ExportScreen #export-hint { color: $foreground-muted; padding: 1 0 0 0; }
    """

    KEYS = EXPORT
    KEYS_PRIORITY = True

    def __init__(
        self, meeting: Meeting, out_dir: Path, *, circulation: Circulation | None = None
    ) -> None:
        super().__init__()
        self.meeting = meeting
        self.out_dir = Path(out_dir)
        self.written: Path | None = None
        self.circulation = circulation
        """Checks, keeps and marks a circulated version (None when the meeting has no
        store: then the dialog does not offer it)."""

    def compose(self) -> ComposeResult:
        """The lists side by side (format, language, edition, style, draft or final,
        speakers), the target path and the message."""
        lang = self.lang
        title = f"{self.meeting.header.body} {self.meeting.header.title}"
        with Vertical(id="export"):
            yield Label(t("export.title", lang, title=title), id="export-title", markup=False)
            with Horizontal(id="export-choices"):
                yield self._column("format", [(f, t(f"export.fmt.{f}", lang)) for f in FORMATS])
                yield self._column(
                    "lang", [(code, t(f"export.lang.{code}", lang)) for code in ("ja", "en")]
                )
                yield self._column(
                    "edition", [(e, t(f"export.edition.{e}", lang)) for e in EDITIONS]
                )
                yield self._column("style", self._styles())
                marks = MARKS if self.circulation is None else (*MARKS, "circulate")
                yield self._column("mark", [(m, t(f"export.mark.{m}", lang)) for m in marks])
                yield self._column(
                    "speakers", [(s, t(f"export.speakers.{s}", lang)) for s in SPEAKERS]
                )
            yield Static("", id="export-target", markup=False)
            yield MessageLine(id="export-message")
            yield Label(t("export.hint", lang), id="export-hint")

    def _column(self, name: str, choices: list[tuple[str, str]]) -> Vertical:
        options = [Option(label, id=value) for value, label in choices]
        return Vertical(
            Label(t(f"export.{name}", self.lang)),
            OptionList(*options, id=f"export-{name}"),
            classes="export-col",
        )

    def _styles(self) -> list[tuple[str, str]]:
        """Every house style (`style_names`), the clerk's own marked so."""
        from live_notes.export.style import style_names

        return [
            (name, name if where == "shipped" else t("export.style.user", self.lang, name=name))
            for name, where in style_names()
        ]

    def on_mount(self) -> None:
        """Start on Word, the meeting's language, the public edition, the meeting's style,
        a draft."""
        from live_notes.export.style import DEFAULT_STYLES

        header = self.meeting.header
        self._choose("lang", header.lang.value)
        self._choose("style", header.style or DEFAULT_STYLES[header.lang.value])
        for name in ("format", "edition", "mark", "speakers"):
            self.query_one(f"#export-{name}", OptionList).highlighted = 0
        self.query_one("#export-format", OptionList).focus()
        self._show_target()
        self.say("")

    def _choose(self, name: str, value: str) -> None:
        from textual.widgets.option_list import OptionDoesNotExist

        option_list = self.query_one(f"#export-{name}", OptionList)
        try:
            option_list.highlighted = option_list.get_option_index(value)
        except OptionDoesNotExist:  # e.g. a style the plan names that is not here
            option_list.highlighted = 0

    def choice(self, name: str) -> str:
        """The value highlighted in one of the lists (format, lang, edition)."""
        option = self.query_one(f"#export-{name}", OptionList).highlighted_option
        return option.id if option is not None and option.id else ""

    def options(self) -> ExportOptions:
        """The export options chosen."""
        from live_notes.config import user_templates
        from live_notes.export.options import options_from_settings

        edition: Edition = "internal" if self.choice("edition") == "internal" else "public"
        config = host(self.app).config
        lang = self.choice("lang") or None
        style = self.choice("style") or None
        final = self.choice("mark") == "final"
        speakers = self.choice("speakers")
        with_names, anonymise = speakers in ("names", "letters"), speakers == "letters"
        try:
            return options_from_settings(
                config.eras,
                config.label_style,
                user_templates(),
                file_mode=int(config.export_mode, 8),
                lang=lang,
                edition=edition,
                style=style,
                final=final,
                with_names=with_names,
                anonymise=anonymise,
            )
        except ValueError as exc:  # a wrong era or label style in the settings
            self.say(str(exc), error=True)
            return ExportOptions(
                lang=lang,
                edition=edition,
                style=style,
                final=final,
                with_names=with_names,
                anonymise=anonymise,
            )

    def target(self) -> Path:
        """Where the file will be written."""
        fmt = self.choice("format") or FORMATS[0]
        return self.out_dir / default_filename(self.meeting, fmt, self.options())

    def _show_target(self) -> None:
        text = t("export.target", self.lang, path=self.target())
        self.query_one("#export-target", Static).update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The file name follows the choices."""
        if self.is_mounted:
            self._show_target()

    def action_write(self) -> None:
        """Write the file with the chosen options. A draft to circulate is checked first
        (refused: nothing is written); its version is kept only once the file is written."""
        circulation = self.circulation if self.choice("mark") == "circulate" else None
        if circulation is not None:
            refused = attempt(circulation.check)
            if isinstance(refused, ClerkError):
                self.say(t("export.failed", self.lang, reason=refused.message(self.lang)), True)
                return
        path = self.target()
        self.say(t("export.writing", self.lang, path=path))
        # The worker reads a copy: the clerk may go on recording in the live meeting.
        meeting = self.meeting.model_copy(deep=True)
        self._write(meeting, path, self.choice("format"), self.options(), circulation)

    @work(thread=True, exclusive=True, group="export")
    def _write(
        self,
        meeting: Meeting,
        path: Path,
        fmt: str,
        options: ExportOptions,
        circulation: Circulation | None,
    ) -> None:
        """Write the file, then (a draft to circulate) keep the copy written as the next
        version's file, off the screen's thread; the journal is marked by `_done`."""
        try:
            result = export(meeting, path, fmt, options)
        except Exception as exc:  # shown to the clerk as it is: a disk, template or data problem
            self.app.call_from_thread(self._failed, self._reason(exc))
            return
        number: int | str | None = None
        if circulation is not None:
            try:
                number = circulation.keep(meeting)
            except Exception as exc:  # the file is written; the version could not be kept
                number = self._reason(exc)
        self.app.call_from_thread(self._done, result, number)

    def _reason(self, exc: Exception) -> str:
        if isinstance(exc, ClerkError):
            return exc.message(self.lang)
        if isinstance(exc, OSError) and exc.strerror:
            return exc.strerror
        return str(exc)

    def _done(self, result: ExportResult, number: int | str | None = None) -> None:
        """Say what was written; a version kept: mark it circulated (journalled) here, on
        the screen's thread (`number`: the version, or why it could not be kept)."""
        self.written = result.path
        lines = [t("export.written", self.lang, path=result.path)]
        if isinstance(number, int) and self.circulation is not None:
            marked = attempt(self.circulation.mark, number)
            if isinstance(marked, ClerkError):
                number = marked.message(self.lang)
            else:
                lines.append(t("export.circulated", self.lang, n=number))
        if isinstance(number, str):
            lines.append(t("export.not_circulated", self.lang, reason=number))
        if result.warnings:
            lines.append(t("export.warnings", self.lang))
            lines += [f"  • {warning}" for warning in result.warnings]
        self.say("\n".join(lines))

    def _failed(self, reason: str) -> None:
        self.say(t("export.failed", self.lang, reason=reason), error=True)

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(self.written)
