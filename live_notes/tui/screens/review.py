"""The review screen: every item with its lines, to fix them after (or during) the meeting.

The lines sit in a `ReviewList` (widgets/review_list.py), a virtual list that stays
quick at 10,000 lines.

| key | action |
|---|---|
| Enter | edit the line (text and role); on a decision: its outcome, wording, votes |
| m | move the line to another item or section |
| d | delete the line (Ctrl+Z puts it back) |
| o | off the record / on the record again |
| f | flag "verify later" / unflag |
| v | jump to the next flagged line |
| l | show only the flagged lines (again: all) |
| n | add a ※ note after the line (on a heading: at the item's end) |
| Shift+Up / Shift+Down | move the line up / down within its item |
| s | split the line in two at the cursor |
| j | join the line with the next of its item |
| t | correct the recorded times and the line's (HH:MM fields) |
| / | find in the meeting (Enter on a hit: to its line) |
| Ctrl+H | find and replace, each hit taken or skipped, one undo |
| r | mark the minutes "draft ready" (closed, nothing flagged) |
| a | approve the minutes (approving meeting, date; only once "draft ready") |
| Ctrl+Z | undo |
| Escape | back |
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from rich.cells import cell_len
from textual.screen import Screen
from textual.widgets import Footer, Static

from live_notes.domain.errors import ClerkError
from live_notes.domain.line_commands import Hit
from live_notes.domain.models import Section, Utterance
from live_notes.tui.attempt import attempt
from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, counted, t, undone
from live_notes.tui.keys import REVIEW
from live_notes.tui.screens.dialogs.find import FindDialog
from live_notes.tui.screens.dialogs.form import DialogError, Field, FormDialog
from live_notes.tui.screens.review_decisions import DecisionActions
from live_notes.tui.screens.review_lines import LineActions
from live_notes.tui.screens.review_record import RecordActions
from live_notes.tui.screens.review_times import TimeActions
from live_notes.tui.widgets.message_line import MessageLine, Says
from live_notes.tui.widgets.review_list import ReviewList, line_option_id

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import ComposeResult

    from live_notes.domain.session import Session

R = TypeVar("R")

add_messages(
    {
        "review.head": (
            "{body} {title} — {status} · {lines} · {flagged} flagged{ready}",
            "{body} {title} — {status}・{lines}・要確認 {flagged} 件{ready}",
        ),
        "review.ready": (" · draft ready", "・案完成"),
        "review.undone": ("Undone: {what}.", "元に戻しました: {what}"),
        "review.only_flagged": (
            " — flagged lines only (l shows all)",
            " — 要確認の行のみ表示中(l ですべて表示)",
        ),
        "review.no_line": ("Select a line first.", "先に行を選んでください。"),
        "review.edit.title": ("Edit line #{id}", "{id} 番の行を修正"),
        "review.edit.text": ("Text", "発言"),
        "review.edit.role": ("Speaker role", "発言者区分"),
        "review.move.title": ("Move line #{id}", "{id} 番の行を移動"),
        "review.move.item": ("Agenda item", "議題"),
        "review.move.section": ("Section", "区分"),
        "review.saved": ("Line #{id} saved.", "{id} 番の行を保存しました。"),
        "review.moved": ("Line #{id} moved.", "{id} 番の行を移動しました。"),
        "review.deleted": (
            "Line #{id} deleted (Ctrl+Z puts it back).",
            "{id} 番の行を削除しました(Ctrl+Z で元に戻せます)。",
        ),
        "review.flagged": ("Line #{id} flagged “verify later”.", "{id} 番の行を要確認にしました。"),
        "review.unflagged": ("Line #{id} checked.", "{id} 番の行の要確認を解除しました。"),
        "review.off_now": ("Line #{id} is off the record.", "{id} 番の行を記録外にしました。"),
        "review.on_now": ("Line #{id} is on the record.", "{id} 番の行を記録に戻しました。"),
        "review.none_flagged": ("Nothing is flagged.", "要確認の行はありません。"),
        "review.found": ("Line #{id}.", "{id} 番の行です。"),
        "review.replaced": (
            "Replaced in {count} (Ctrl+Z puts them back).",
            "{count}で置換しました(Ctrl+Z で元に戻せます)。",
        ),
        "review.draft_ready": (
            "The minutes are marked “draft ready”.",
            "会議録を「案完成」にしました。",
        ),
    }
)


class ReviewScreen(
    LineActions, TimeActions, DecisionActions, RecordActions, Says, Keyed, Screen[None]
):
    """Every agenda item with its lines, and the keys to fix them.

    Attributes:
        session: The session of the open meeting; every change goes through it.
    """

    DEFAULT_CSS = """
    ReviewScreen #review-head { text-style: bold; background: $panel; padding: 0 1;
        width: 1fr; }
    ReviewScreen #review-lines { height: 1fr; border: none; }
    ReviewScreen #review-message { height: auto; padding: 0 1; width: 1fr; }
    ReviewScreen #review-message.-error { color: $error; }
    """

    KEYS = REVIEW
    KEYS_PRIORITY = True

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        """Head line, the list, a message line and the footer."""
        yield Static("", id="review-head", markup=False)
        yield ReviewList(self.session, self.lang, id="review-lines")
        yield MessageLine(id="review-message")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list and put the cursor on the first line."""
        self.rebuild()
        self.say("")
        self.lines.focus()

    @property
    def lines(self) -> ReviewList:
        """The list of items and lines."""
        return self.query_one(ReviewList)

    def rebuild(self, keep: str | None = None) -> None:
        """Fill the list again; keep the cursor on option `keep` if given."""
        self.lines.rebuild(keep)
        self.update_head()

    def refresh_items(self, *item_ids: str, keep: str | None = None) -> None:
        """Show these items again (only their rows are remade); keep the cursor on `keep`."""
        self.lines.refresh_items(*item_ids, keep=keep)
        self.update_head()

    def place_lines(self, *lines: Utterance, gone: tuple[int, ...] = (), keep: str) -> None:
        """Show lines added or moved in their places and the `gone` ones taken out (only
        their rows change); the cursor on row `keep`."""
        self.lines.place_lines(*lines, gone=gone)
        if self.lines.has_option(keep):
            self.lines.highlighted = self.lines.get_option_index(keep)
        self.update_head()

    def update_head(self) -> None:
        """The head line: meeting, status, counts, draft-ready mark."""
        meeting = self.session.meeting
        lang = self.lang
        head = t(
            "review.head",
            lang,
            body=meeting.header.body,
            title=meeting.header.title,
            status=t(f"status.{meeting.status.value}", lang),
            lines=counted(len(meeting.utterances), "line", lang),
            flagged=len(self.session.flagged()),
            ready=t("review.ready", lang) if meeting.draft_ready else "",
        )
        if self.lines.only_flagged:
            head += t("review.only_flagged", lang)
        shown = self.query_one("#review-head", Static)
        was = str(shown.content)
        if head == was:
            return
        # One row before and after: no layout of the screen (~10 ms at 10,000 lines).
        room = shown.content_region.width
        shown.update(head, layout=not 0 < max(cell_len(head), cell_len(was)) <= room)

    def current_line(self) -> Utterance | None:
        """The line under the cursor (None on a heading)."""
        return self.lines.current_line()

    def _refresh_line(self, line: Utterance) -> None:
        self.lines.show_line(line)
        self.update_head()

    def _run(self, command: Callable[..., R], *args: Any, **kwargs: Any) -> R | ClerkError:
        """Run a session command (`attempt`); a refusal or a failed save is shown."""
        result = attempt(command, *args, **kwargs)
        if isinstance(result, ClerkError):
            self.say(result)
        return result

    def _need_line(self) -> Utterance | None:
        line = self.current_line()
        if line is None:
            self.say(t("review.no_line", self.lang), error=True)
        return line

    def _submit(self, command: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run a session command for a dialog: a refusal keeps the dialog open."""
        result = attempt(command, *args, **kwargs)
        if isinstance(result, ClerkError):
            raise DialogError(result.message(self.lang))
        return result

    # -- actions -------------------------------------------------------------------------

    def action_edit(self) -> None:
        """Edit the text and role of the line under the cursor (or the decision under it)."""
        option_id = self.lines.highlighted_id() or ""
        if option_id.startswith("decision:"):
            self.edit_decision(option_id.removeprefix("decision:"))
            return
        line = self._need_line()
        if line is None:
            return
        lang = self.lang
        roles = [(r.id, r.label(self.session.lang)) for r in self.session.meeting.role_set.roles]
        if line.role_id not in {r for r, _ in roles}:
            roles.insert(0, (line.role_id, line.role_id or "※"))
        fields = [
            Field("text", t("review.edit.text", lang), line.text, multiline=True),
            Field("role", t("review.edit.role", lang), line.role_id, roles),
        ]

        def submit(values: dict[str, str]) -> Utterance:
            changes: dict[str, Any] = {"text": values["text"]}
            if values["role"] != line.role_id:
                changes["role_id"] = values["role"]
            return self._submit(self.session.update_line, line.id, **changes)

        def done(saved: Utterance | None) -> None:
            if saved is not None:
                self._refresh_line(saved)
                self.say(t("review.saved", lang, id=saved.id))

        dialog = FormDialog(t("review.edit.title", lang, id=line.id), fields, submit)
        self.app.push_screen(dialog, done)

    def action_move(self) -> None:
        """Move the line under the cursor to another item or section."""
        line = self._need_line()
        if line is None:
            return
        lang = self.lang
        items = [
            (item.id, ("  " * depth + f"{item.label} {item.title}".strip())[:60])
            for item, depth in self.session.meeting.iter_items()
        ]
        sections = [(s.value, t(f"section.{s.value}", lang)) for s in Section]
        fields = [
            Field("item", t("review.move.item", lang), line.item_id, items),
            Field("section", t("review.move.section", lang), line.section.value, sections),
        ]

        def submit(values: dict[str, str]) -> Utterance:
            return self._submit(
                self.session.update_line, line.id, item_id=values["item"], section=values["section"]
            )

        def done(moved: Utterance | None) -> None:
            if moved is not None:
                self.place_lines(moved, keep=line_option_id(moved.id))
                self.say(t("review.moved", lang, id=moved.id))

        dialog = FormDialog(t("review.move.title", lang, id=line.id), fields, submit)
        self.app.push_screen(dialog, done)

    def action_delete(self) -> None:
        """Delete the line under the cursor."""
        line = self._need_line()
        if line is None:
            return
        option_list = self.lines
        index = option_list.highlighted or 0
        if isinstance(self._run(self.session.delete_line, line.id), ClerkError):
            return
        self.lines.remove_line(line)
        self.update_head()
        option_list.highlighted = min(index, option_list.option_count - 1)
        self.say(t("review.deleted", self.lang, id=line.id))

    def action_off_record(self) -> None:
        """Leave the line out of the public edition, or put it back."""
        line = self._need_line()
        if line is None:
            return
        updated = self._run(self.session.update_line, line.id, off_record=not line.off_record)
        if not isinstance(updated, ClerkError):
            self._refresh_line(updated)
            key = "review.off_now" if updated.off_record else "review.on_now"
            self.say(t(key, self.lang, id=line.id))

    def action_flag(self) -> None:
        """Flag the line "verify later", or mark it checked."""
        line = self._need_line()
        if line is None:
            return
        flag = self._run(self.session.toggle_flag, line.id)
        if isinstance(flag, ClerkError):
            return
        self._refresh_line(self.session.line(line.id))
        self.say(t("review.flagged" if flag else "review.unflagged", self.lang, id=line.id))

    def action_next_flagged(self) -> None:
        """Move the cursor to the next flagged line, wrapping round."""
        self.say("" if self.lines.next_flagged() else t("review.none_flagged", self.lang))

    def action_only_flagged(self) -> None:
        """Show only the flagged lines, or all lines again."""
        self.lines.only_flagged = not self.lines.only_flagged
        self.rebuild()
        if self.lines.only_flagged and not self.session.flagged():
            self.say(t("review.none_flagged", self.lang))

    def action_find(self) -> None:
        """Find in the meeting's lines; Enter on a hit puts the cursor on its line."""

        def done(hit: Hit | int | None) -> None:
            if isinstance(hit, Hit):
                if self.lines.only_flagged:
                    self.lines.only_flagged = False
                    self.rebuild()
                row = line_option_id(hit.line_id)
                if self.lines.has_option(row):
                    self.lines.highlighted = self.lines.get_option_index(row)
                else:
                    self.rebuild(keep=row)
                self.say(t("review.found", self.lang, id=hit.line_id))

        self.app.push_screen(FindDialog(self.session, self.lang), done)

    def action_replace(self) -> None:
        """Find and replace across the meeting, each hit taken or skipped; one undo."""

        def done(count: Hit | int | None) -> None:
            if isinstance(count, int) and not isinstance(count, bool):
                self.rebuild()
                self.say(t("review.replaced", self.lang, count=counted(count, "line", self.lang)))

        self.app.push_screen(FindDialog(self.session, self.lang, replacing=True), done)

    def action_draft_ready(self) -> None:
        """Mark the minutes "draft ready" (refused while open or flagged lines remain)."""
        if isinstance(self._run(self.session.mark_draft_ready), ClerkError):
            return
        self.update_head()
        self.say(t("review.draft_ready", self.lang))

    def action_undo(self) -> None:
        """Undo the last change (of this screen or of the live screen before it)."""
        what = self._run(self.session.undo)
        if not isinstance(what, ClerkError):
            self.rebuild()
            self.say(undone(what, self.lang, "review.undone"))

    def action_back(self) -> None:
        """Back to the screen below."""
        self.app.pop_screen()
