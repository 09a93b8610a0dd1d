"""The meetings screen: what `live-notes` opens on.

A table of the meetings in the data directory (date, body, title, status,
lines); damaged files are listed with what is wrong with them. From here the
clerk opens a meeting, creates one from a plan file, copies one as the next
meeting of the same body, archives one, or opens its setup.

| key | action |
|---|---|
| Enter | open the selected meeting |
| n | new meeting from a plan file (empty path: the sample) |
| c | copy as the next meeting (asks the date and the title) |
| a | archive / unarchive |
| s | setup of the selected meeting |
| h | show / hide archived meetings |
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from live_notes.domain.errors import ClerkError
from live_notes.domain.plan import next_meeting
from live_notes.meetings import create_meeting, read_plan, set_archived
from live_notes.store import MeetingStore, MeetingSummary, list_meetings
from live_notes.tui.attempt import attempt
from live_notes.tui.bindings import Keyed
from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, counted, t
from live_notes.tui.keys import MEETINGS
from live_notes.tui.screens.dialogs.form import DialogError, Field, FormDialog
from live_notes.tui.widgets.message_line import MessageLine, Says, show_text

if TYPE_CHECKING:
    from textual.app import ComposeResult

add_messages(
    {
        "meetings.title": ("Meetings — {path}", "会議一覧 — {path}"),
        "meetings.col.date": ("Date", "日付"),
        "meetings.col.body": ("Body", "会議体"),
        "meetings.col.title": ("Session", "会議名"),
        "meetings.col.status": ("Status", "状態"),
        "meetings.col.lines": ("Lines", "行数"),
        "meetings.damaged": ("damaged", "破損"),
        "meetings.archived": ("archived", "保管"),
        "meetings.empty": (
            "No meetings yet: press n to create one from a plan file (or the sample).",
            "会議がありません。n で計画ファイル(またはサンプル)から作成できます。",
        ),
        "meetings.hidden": (
            "{archived} hidden (h shows them).",
            "保管した会議 {count} 件は非表示です(h で表示)。",
        ),
        "meetings.none_selected": ("No meeting is selected.", "会議が選ばれていません。"),
        "meetings.cannot_open_damaged": (
            "This file is damaged and cannot be opened: {error}",
            "このファイルは破損しているため開けません: {error}",
        ),
        "meetings.new.title": ("New meeting from a plan file", "計画ファイルから新しい会議"),
        "meetings.new.path": ("Plan file", "計画ファイル"),
        "meetings.new.placeholder": (
            "path of a .toml plan (empty: the sample meeting)",
            ".toml の計画ファイルのパス(空欄: サンプル会議)",
        ),
        "meetings.read_error": ("Cannot read {path}: {reason}", "{path} を読めません: {reason}"),
        "meetings.created": ("Created {id}.", "{id} を作成しました。"),
        "meetings.copy.title": (
            "Next meeting of {body}: roster, roles, agenda and materials come along",
            "{body} の次回: 名簿・発言者区分・議題・資料を引き継ぎます",
        ),
        "meetings.copy.date": ("Date", "開催日"),
        "meetings.copy.session": ("Session title", "会議名"),
        "meetings.bad_date": (
            "Not a date: write it as 2025-04-21.",
            "日付として読めません。2025-04-21 のように入力してください。",
        ),
        "meetings.title_needed": ("The session title is needed.", "会議名を入力してください。"),
        "meetings.archived_now": ("{id} archived.", "{id} を保管しました。"),
        "meetings.unarchived_now": ("{id} is back in the list.", "{id} を一覧に戻しました。"),
        "meetings.showing_archived": (
            "Archived meetings are shown.",
            "保管した会議も表示しています。",
        ),
    }
)


def parse_day(text: str) -> date | None:
    """A date typed as 2025-04-21, 2025/4/21 or 2025.4.21; None when it is not one."""
    parts = text.strip().replace("/", "-").replace(".", "-").split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


class MeetingsScreen(Says, Keyed, Screen[None]):
    """The meetings of a data directory, and what can be done with them.

    Attributes:
        data_dir: The directory the meetings are kept in.
        show_archived: Whether archived meetings are listed.
    """

    DEFAULT_CSS = """
    MeetingsScreen #meetings-title { text-style: bold; padding: 0 1; background: $panel;
        width: 1fr; }
    MeetingsScreen #meetings-table { height: 1fr; }
    MeetingsScreen #meetings-message { height: auto; padding: 0 1; width: 1fr; }
    MeetingsScreen #meetings-hint { height: auto; padding: 0 1; width: 1fr;
        color: $foreground-muted; }
    MeetingsScreen #meetings-message.-error { color: $error; }
    """

    KEYS = MEETINGS
    KEYS_PRIORITY = True

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.show_archived = False
        self._rows: dict[str, MeetingSummary] = {}

    def compose(self) -> ComposeResult:
        """Title, the table, a message line and the footer."""
        yield Label(
            t("meetings.title", self.lang, path=self.data_dir), id="meetings-title", markup=False
        )
        table: DataTable[Text] = DataTable(
            id="meetings-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static("", id="meetings-hint", markup=False)
        yield MessageLine(id="meetings-message")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table."""
        table = self.query_one(DataTable)
        for key in ("date", "body", "title", "status", "lines"):
            table.add_column(t(f"meetings.col.{key}", self.lang), key=key)
        self.refresh_list()
        self.say("")
        table.focus()

    def on_screen_resume(self) -> None:
        """Coming back from a meeting: its line count and status may have changed."""
        if self.is_mounted:
            self.refresh_list()

    # -- the list ------------------------------------------------------------------

    def refresh_list(self, select: str | None = None) -> None:
        """Read the data directory again; keep (or move) the cursor on a meeting."""
        table: DataTable[Text] = self.query_one(DataTable)
        current = select or self.selected_id()
        summaries = list_meetings(self.data_dir)
        shown = [s for s in summaries if self.show_archived or not s.archived or s.error]
        table.clear()
        self._rows = {}
        lang = self.lang
        for summary in shown:
            self._rows[summary.id] = summary
            if summary.error:
                status = t("meetings.damaged", lang)
                cells = ["—", summary.id, str(summary.error), status, ""]
            else:
                status = t(f"status.{summary.status.value if summary.status else 'planned'}", lang)
                if summary.archived:
                    status += f" · {t('meetings.archived', lang)}"
                day = summary.date.isoformat() if summary.date else "—"
                cells = [day, summary.body, summary.title, status, str(summary.lines)]
            table.add_row(*(Text(cell) for cell in cells), key=summary.id)  # no markup
        if current in self._rows:
            table.move_cursor(row=table.get_row_index(current))
        hidden = len(summaries) - len(shown)
        hint = ""
        if not summaries:
            hint = t("meetings.empty", lang)
        elif hidden:
            hint = t(
                "meetings.hidden", lang, count=hidden, archived=counted(hidden, "archived", lang)
            )
        show_text(self.query_one("#meetings-hint", Static), hint)

    def selected_id(self) -> str | None:
        """The id of the meeting under the cursor."""
        table: DataTable[Text] = self.query_one(DataTable)
        if not self._rows or table.cursor_row < 0 or table.cursor_row >= table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key if key in self._rows else None

    def _selected(self, openable: bool = True) -> MeetingSummary | None:
        meeting_id = self.selected_id()
        if meeting_id is None:
            self.say(t("meetings.none_selected", self.lang), error=True)
            return None
        summary = self._rows[meeting_id]
        if openable and summary.error:
            self.say(t("meetings.cannot_open_damaged", self.lang, error=summary.error), True)
            return None
        return summary

    # -- actions ---------------------------------------------------------------------

    async def action_open(self) -> None:
        """Open the selected meeting on the live screen."""
        summary = self._selected()
        if summary is not None:
            await self._open(summary.id)

    async def _open(self, meeting_id: str) -> bool:
        return host(self.app).open_meeting(meeting_id)

    async def action_setup(self) -> None:
        """Open the selected meeting, then its setup."""
        from live_notes.tui.screens.setup import SetupScreen

        summary = self._selected()
        if summary is None or not await self._open(summary.id):
            return
        session = host(self.app).session
        if session is not None and session.meeting.id == summary.id:
            await self.app.push_screen(SetupScreen(session))

    def action_new(self) -> None:
        """Ask for a plan file and create a meeting from it."""
        lang = self.lang
        fields = [
            Field("path", t("meetings.new.path", lang), "", [], t("meetings.new.placeholder", lang))
        ]
        dialog = FormDialog(t("meetings.new.title", lang), fields, self._create_from_plan)
        self.app.push_screen(dialog, self._created)

    def _create_from_plan(self, values: dict[str, str]) -> str:
        lang = self.lang
        raw = values["path"].strip()
        try:
            text, source = read_plan(raw or None, lang)
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            problem = t("meetings.read_error", lang, path=raw, reason=reason)
            raise DialogError(fields={"path": problem}) from None
        default = host(self.app).config.default_role_set
        return self._created_id(attempt(create_meeting, self.data_dir, text, source, default))

    def _created_id(self, store: MeetingStore | ClerkError) -> str:
        """The new meeting's id (its store closed); a refusal keeps the dialog open."""
        if isinstance(store, ClerkError):
            raise DialogError(store.message(self.lang))
        store.close()
        return store.meeting.id

    def _created(self, meeting_id: Any) -> None:
        if meeting_id:
            self.refresh_list(select=meeting_id)
            self.say(t("meetings.created", self.lang, id=meeting_id))

    def action_copy(self) -> None:
        """Ask the date and title of the next meeting, and create it from the selected one."""
        summary = self._selected()
        if summary is None:
            return
        lang = self.lang
        fields = [
            Field("date", t("meetings.copy.date", lang), "", [], "YYYY-MM-DD"),
            Field("title", t("meetings.copy.session", lang), summary.title),
        ]
        title = t("meetings.copy.title", lang, body=summary.body)

        def submit(values: dict[str, str]) -> str:
            day = parse_day(values["date"])
            problems = {}
            if day is None:
                problems["date"] = t("meetings.bad_date", lang)
            if not values["title"].strip():
                problems["title"] = t("meetings.title_needed", lang)
            if problems or day is None:
                raise DialogError(fields=problems)
            title = values["title"].strip()
            return self._created_id(attempt(self._next_meeting, summary.id, day, title))

        self.app.push_screen(FormDialog(title, fields, submit), self._created)

    def _next_meeting(self, meeting_id: str, day: date, title: str) -> MeetingStore:
        with MeetingStore.open(self.data_dir, meeting_id, readonly=True) as store:
            previous = store.meeting
        return MeetingStore.create(self.data_dir, next_meeting(previous, day, title))

    def action_archive(self) -> None:
        """Archive the selected meeting (hidden from the list), or bring it back."""
        summary = self._selected()
        if summary is None:
            return
        archived = not summary.archived
        done = attempt(set_archived, self.data_dir, summary.id, archived, host(self.app).store)
        if isinstance(done, ClerkError):
            self.say(done)
            return
        self.refresh_list()
        key = "meetings.archived_now" if archived else "meetings.unarchived_now"
        self.say(t(key, self.lang, id=summary.id))

    def action_show_archived(self) -> None:
        """Show or hide archived meetings."""
        self.show_archived = not self.show_archived
        self.refresh_list()
        if self.show_archived:
            self.say(t("meetings.showing_archived", self.lang))
