"""Who speaks (Ctrl+S): name the speaker of the next lines by number or name.

The people are numbered (by seat, else in roster order, members first); a digit
that can only mean one of them chooses at once, so most members take one key
after Ctrl+S. Enter on an empty field takes the person offered: the last
speaker of the current role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import DIALOG
from live_notes.tui.screens.dialogs.attendance import roll_order

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from live_notes.domain.models import Person

add_messages(
    {
        "speaker.title": ("Who speaks: number or name", "発言者: 番号または氏名"),
        "speaker.offered": ("Enter: {name} again", "Enter: もう一度 {name}"),
        "speaker.hint": ("Enter: choose   Esc: cancel", "Enter: 決定   Esc: 取消"),
        "speaker.none": ("No one matches “{query}”.", "「{query}」に当たる人がいません。"),
    }
)


def numbered(people: list[Person]) -> list[tuple[int, Person]]:
    """Each person with the number the clerk types: the seat, else the place in the roll."""
    ordered = roll_order(people)
    if all(p.seat is not None for p in ordered):
        return [(p.seat or 0, p) for p in ordered]
    return list(enumerate(ordered, 1))


def find(rows: list[tuple[int, Person]], query: str) -> Person | None:
    """The person numbered `query`, else the first whose name contains it."""
    query = "".join(query.split())
    if not query:
        return None
    if query.isdigit():
        return next((p for n, p in rows if n == int(query)), None)
    folded = query.casefold()
    return next((p for _, p in rows if folded in "".join(p.name.split()).casefold()), None)


class SpeakerScreen(Keyed, ModalScreen[str | None]):
    """The numbered people and a field; dismisses with the person's id, or None.

    | key | action |
    |---|---|
    | digits, letters | the number or part of the name |
    | Enter | choose (empty: the person offered) |
    | Escape | cancel |
    """

    KEYS = tuple(c for c in DIALOG if c.id in ("dialog.ok", "dialog.cancel"))

    def __init__(self, people: list[Person], offered: Person | None, lang: str) -> None:
        super().__init__()
        self.rows = numbered(people)
        self.offered = offered
        self.lang = lang

    def compose(self) -> ComposeResult:
        """Title, the numbered people, the field, a message line and the keys."""
        with Vertical(classes="dialog"):
            yield Static(t("speaker.title", self.lang), classes="title")
            listing = "  ".join(f"{n}.{p.name}" for n, p in self.rows)
            yield Static(listing, id="people")
            if self.offered is not None:
                yield Static(t("speaker.offered", self.lang, name=self.offered.name))
            yield Input(id="who")
            yield Static("", id="message", classes="error")
            yield Static(t("speaker.hint", self.lang), classes="hint")

    @on(Input.Changed, "#who")
    def _typed(self, event: Input.Changed) -> None:
        """A number no longer one could start chooses at once (one key for seats 1–9)."""
        value = event.value.strip()
        if value.isdigit() and int(value) * 10 > max((n for n, _ in self.rows), default=0):
            self.action_ok()

    def action_ok(self) -> None:
        """Choose the person typed (or offered), or say why not."""
        query = self.query_one("#who", Input).value
        person = find(self.rows, query) if query.strip() else self.offered
        if person is None:
            if query.strip():
                self.query_one("#message", Static).update(
                    t("speaker.none", self.lang, query=query.strip())
                )
            return
        self.dismiss(person.id)

    def action_cancel(self) -> None:
        """Close without naming anyone."""
        self.dismiss(None)
