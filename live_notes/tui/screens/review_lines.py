"""Review's commands on a line's place: a ※ note after it, up and down in its item,
split in two at the cursor, merged with the next (a mixin of `ReviewScreen`).

Each is one domain command (`live_notes.domain.line_commands`), one undo; a refusal
is said through the screen's one message line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from live_notes.domain.errors import ClerkError
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.dialogs.form import Field, FormDialog
from live_notes.tui.screens.dialogs.split import SplitDialog
from live_notes.tui.widgets.review_list import line_option_id

if TYPE_CHECKING:
    from collections.abc import Callable

    from live_notes.domain.models import Utterance
    from live_notes.domain.session import Session
    from live_notes.tui.widgets.review_list import ReviewList

add_messages(
    {
        "review.note.title": ("※ note on {item}", "{item} に ※ 注記"),
        "review.note.after": ("※ note after line #{id}", "{id} 番の行の後に ※ 注記"),
        "review.note.text": ("Note", "注記"),
        "review.noted": ("※ note added to {item}.", "{item} に ※ 注記を追加しました。"),
        "review.noted_after": (
            "※ note added after line #{id}.",
            "{id} 番の行の後に ※ 注記を追加しました。",
        ),
        "review.moved_up": ("Line #{id} moved up.", "{id} 番の行を上へ移しました。"),
        "review.moved_down": ("Line #{id} moved down.", "{id} 番の行を下へ移しました。"),
        "review.split": (
            "Line #{id} split in two (#{id} and #{new}).",
            "{id} 番の行を 2 行({id} 番と {new} 番)に分けました。",
        ),
        "review.merged": (
            "Line #{id} merged with the next line.",
            "{id} 番の行を次の行と結合しました。",
        ),
    }
)


class LineActions:
    """The line-placing actions of the review screen."""

    session: Session
    app: Any
    lang: str

    if TYPE_CHECKING:

        @property
        def lines(self) -> ReviewList: ...

        def say(self, what: str | ClerkError, error: bool = False) -> None: ...

        def place_lines(self, *lines: Utterance, gone: tuple[int, ...] = (), keep: str) -> None: ...

        def _run(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

        def _need_line(self) -> Utterance | None: ...

        def _submit(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def action_note(self) -> None:
        """A ※ note after the line under the cursor (on a heading: at the item's end)."""
        line = self.lines.current_line()
        item_id = self.lines.current_item_id()
        item = self.session.meeting.item(item_id) if item_id else None
        lang = self.lang
        if item is None:
            self.say(t("review.no_line", lang), error=True)
            return
        name = f"{item.label} {item.title}".strip()

        def submit(values: dict[str, str]) -> Utterance:
            if line is not None:
                return self._submit(self.session.note_after, line.id, values["text"])
            return self._submit(self.session.add_note, item.id, values["text"])

        def done(note: Utterance | None) -> None:
            if note is not None:
                self.place_lines(note, keep=line_option_id(note.id))
                if line is not None:
                    self.say(t("review.noted_after", lang, id=line.id))
                else:
                    self.say(t("review.noted", lang, item=name))

        if line is not None:
            title = t("review.note.after", lang, id=line.id)
        else:
            title = t("review.note.title", lang, item=name)
        fields = [Field("text", t("review.note.text", lang), multiline=True)]
        self.app.push_screen(FormDialog(title, fields, submit), done)

    def action_move_line(self, step: int) -> None:
        """Move the line under the cursor up (-1) or down (1) within its item."""
        line = self._need_line()
        if line is None:
            return
        moved = self._run(self.session.move_line, line.id, step)
        if isinstance(moved, ClerkError):
            return
        self.place_lines(moved, keep=line_option_id(line.id))
        key = "review.moved_up" if step < 0 else "review.moved_down"
        self.say(t(key, self.lang, id=line.id))

    def action_split(self) -> None:
        """Split the line under the cursor in two, where the clerk puts the cursor."""
        line = self._need_line()
        if line is None:
            return

        def done(position: int | None) -> None:
            if position is None:
                return
            parts = self._run(self.session.split_line, line.id, position)
            if isinstance(parts, ClerkError):
                return
            self.lines.show_line(parts[0])
            self.place_lines(parts[1], keep=line_option_id(parts[1].id))
            self.say(t("review.split", self.lang, id=line.id, new=parts[1].id))

        self.app.push_screen(SplitDialog(line.id, line.text), done)

    def action_merge(self) -> None:
        """Join the line under the cursor with the next line of its item."""
        line = self._need_line()
        if line is None:
            return
        lines = self.session.meeting.utterances
        index = self.session.line_index(line.id)
        following = next((o.id for o in lines[index + 1 :] if o.item_id == line.item_id), 0)
        merged = self._run(self.session.merge_with_next, line.id)
        if isinstance(merged, ClerkError):
            return
        self.lines.show_line(merged)
        self.place_lines(gone=(following,), keep=line_option_id(line.id))
        self.say(t("review.merged", self.lang, id=line.id))
