"""Find (review's ``/``) and find-and-replace across the meeting (Ctrl+H).

The hits are listed with some text either side as the clerk types. Find: Enter on a
hit closes the dialog with it (review puts the cursor on its line), and the hit's
whole line is shown under the list. Replace: every hit starts chosen; Space (or
Enter) on a hit takes it or skips it, ``a`` takes or skips them all, Ctrl+S replaces
the chosen ones as one change (one Ctrl+Z puts them all back).

Keys: `live_notes.tui.keys.FIND`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from live_notes.domain.errors import ClerkError
from live_notes.domain.line_commands import Hit, find
from live_notes.tui.attempt import attempt
from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, counted, t
from live_notes.tui.keys import FIND
from live_notes.tui.widgets.message_line import MessageLine
from live_notes.tui.widgets.text_fields import ExpandingInput

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.app import ComposeResult

    from live_notes.domain.session import Session

add_messages(
    {
        "find.title": ("Find", "検索"),
        "find.replace_title": ("Find and replace", "検索と置換"),
        "find.find": ("Find", "検索する文字"),
        "find.with": ("Replace with", "置き換える文字"),
        "find.count": ("{hits}", "{hits}"),
        "find.more": (
            "… {count} more (a longer text finds fewer)",
            "… ほか {count} 件(長く書くと絞り込めます)",
        ),
        "find.chosen": ("{hits}, {chosen} chosen", "{count} 件中 {chosen} 件を置換"),
        "find.hint": (
            "Enter: to the hits / go to the hit · Esc: close",
            "Enter: 一覧へ・その行へ移動 · Esc: 閉じる",
        ),
        "find.replace_hint": (
            "Space: take/skip the hit · a: all · Ctrl+S: replace the chosen · Esc: close",
            "Space: その箇所を置換する/しない · a: すべて · Ctrl+S: 選んだ箇所を置換 · Esc: 閉じる",
        ),
    }
)


MAX_SHOWN = 300
"""Most hits listed (each with its preview); the rest are counted, and all are replaced."""


class FindDialog(Keyed, ModalScreen["Hit | int | None"]):
    """Find in the meeting's lines; with `replacing`, replace the chosen hits.

    Dismissed with the hit chosen (find), the number of lines changed (replace), or None.
    """

    DEFAULT_CSS = """
    FindDialog { align: center middle; }
    FindDialog > Vertical { width: 100; max-width: 96%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1; }
    FindDialog #find-title { text-style: bold; padding: 0 0 1 0; }
    FindDialog .find-row { height: auto; }
    FindDialog .find-row Label { width: 16; padding: 0 1 0 0; }
    FindDialog ExpandingInput { width: 1fr; }
    FindDialog #find-hits { height: 1fr; margin: 1 0 0 0; }
    FindDialog #find-line { height: auto; max-height: 6; color: $foreground-muted; }
    FindDialog #find-hint { color: $foreground-muted; }
    """

    KEYS = FIND
    KEYS_PRIORITY = False

    def __init__(self, session: Session, lang: str, *, replacing: bool = False) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.replacing = replacing
        self.hits: Sequence[Hit] = []
        self.chosen: set[int] = set()

    def compose(self) -> ComposeResult:
        """Title, the search (and replacement) fields, the hits, the hit's line, the hint."""
        lang = self.lang
        with Vertical():
            title = t("find.replace_title" if self.replacing else "find.title", lang)
            yield Label(title, id="find-title")
            with Horizontal(classes="find-row"):
                yield Label(t("find.find", lang))
                yield ExpandingInput(id="find-text")
            if self.replacing:
                with Horizontal(classes="find-row"):
                    yield Label(t("find.with", lang))
                    yield ExpandingInput(id="find-with")
            yield Label("", id="find-count")
            yield OptionList(id="find-hits")
            yield Static("", id="find-line", markup=False)
            yield MessageLine(id="find-message")
            hint = t("find.replace_hint" if self.replacing else "find.hint", lang)
            yield Label(hint, id="find-hint", markup=False)

    def on_mount(self) -> None:
        """The cursor in the search field."""
        self.query_one("#find-text", ExpandingInput).focus()

    @property
    def _list(self) -> OptionList:
        return self.query_one("#find-hits", OptionList)

    def on_input_changed(self, event: ExpandingInput.Changed) -> None:
        """Search again as the text changes (the replacement only redraws the preview)."""
        if event.input.id == "find-text":
            self.hits = find(self.session.meeting, event.value)
            self.chosen = set(range(len(self.hits)))
        self._show_hits()

    def on_input_submitted(self, event: ExpandingInput.Submitted) -> None:
        """Enter in a field: to the hits."""
        event.stop()
        if self.hits:
            self._list.focus()
            self._list.highlighted = self._list.highlighted or 0

    def _show_hits(self) -> None:
        replacement = self.query_one("#find-with", ExpandingInput).value if self.replacing else ""
        options = []
        listed = self.hits[:MAX_SHOWN]
        texts = {line.id: line.text for line in self.session.meeting.utterances} if listed else {}
        for n, hit in enumerate(listed):
            before, found, after = hit.preview(texts.get(hit.line_id, hit.found))
            row = Content(f"#{hit.line_id:<5} ")
            if self.replacing:
                row += Content("[x] " if n in self.chosen else "[ ] ")
            row += Content(before) + Content.styled(found, "reverse")
            if self.replacing and n in self.chosen:
                row += Content.styled(f"→{replacement}", "bold")
            options.append(Option(row + Content(after), id=str(n)))
        if len(self.hits) > MAX_SHOWN:
            more = t("find.more", self.lang, count=len(self.hits) - MAX_SHOWN)
            options.append(Option(Content.styled(more, "dim"), disabled=True))
        highlighted = self._list.highlighted
        self._list.set_options(options)
        if listed:
            self._list.highlighted = min(highlighted or 0, len(listed) - 1)
        key = "find.chosen" if self.replacing else "find.count"
        shown = t(
            key,
            self.lang,
            count=len(self.hits),
            hits=counted(len(self.hits), "hit", self.lang),
            chosen=len(self.chosen),
        )
        self.query_one("#find-count", Label).update(shown)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the whole line of the hit under the cursor (read-only)."""
        hit = self.hits[int(event.option.id or 0)]
        self.query_one("#find-line", Static).update(self.session.line(hit.line_id).text)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a hit: go to it (find), or take/skip it (replace)."""
        event.stop()
        if self.replacing:
            self.action_take()
        else:
            self.dismiss(self.hits[int(event.option.id or 0)])

    def action_take(self) -> None:
        """Take or skip the hit under the cursor."""
        index = self._list.highlighted
        if not self.replacing or index is None or not self._list.has_focus:
            return
        self.chosen ^= {index}
        self._show_hits()

    def action_toggle_all(self) -> None:
        """Take every hit, or skip them all when all are taken."""
        if not self.replacing or not self._list.has_focus:
            return
        every = set(range(len(self.hits)))
        self.chosen = set() if self.chosen == every else every
        self._show_hits()

    def action_replace(self) -> None:
        """Replace the chosen hits, as one change; a refusal is said here."""
        if not self.replacing:
            return
        replacement = self.query_one("#find-with", ExpandingInput).kept_value
        chosen = [hit for n, hit in enumerate(self.hits) if n in self.chosen]
        result = attempt(self.session.replace, chosen, replacement)
        if isinstance(result, ClerkError):
            self.query_one(MessageLine).say(result, self.lang)
            return
        self.dismiss(result)

    def action_close(self) -> None:
        """Close without going anywhere."""
        self.dismiss(None)
