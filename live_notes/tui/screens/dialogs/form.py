"""A modal form of labelled fields with a message next to each (review's edit, move and
note; the meetings screen's new and copy; the setup lists' rows).

Keys: `live_notes.tui.keys.FORM` (Enter or Ctrl+S saves, Escape cancels); Tab moves on.
A multi-line field (a line's text, a note) is a `LineText`: Enter does nothing there,
Ctrl+S saves, and the hint under the form says so. Abbreviations expand in every text
field (`live_notes.tui.widgets.text_fields`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from live_notes.tui.bindings import Keyed
from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import BY_ID, FORM, plain_key
from live_notes.tui.widgets.choice import Choice
from live_notes.tui.widgets.message_line import show_text
from live_notes.tui.widgets.text_fields import ExpandingInput, LineText

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import ComposeResult

add_messages(
    {
        "kit.form_hint": (
            "Enter saves · Esc cancels · Tab to the next field",
            "Enter で保存・Esc で取消・Tab で次の欄",
        ),
        "kit.form_hint_text": (
            "{save} saves · {cancel} cancels · Tab to the next field",
            "{save} で保存・{cancel} で取消・Tab で次の欄",
        ),
    }
)


@dataclass
class Field:
    """One field of a `FormDialog`: a text input, or a `Choice` when `choices` is given.

    A `multiline` field wraps its text over several rows (a line's text, a note).
    """

    name: str
    label: str
    value: str = ""
    choices: list[tuple[str, str]] = field(default_factory=list)
    placeholder: str = ""
    multiline: bool = False


class DialogError(Exception):
    """Raised by a form's `submit` callback: keeps the dialog open and shows the problem.

    Attributes:
        message: Shown at the top of the form.
        fields: Field name → message, shown next to that field.
    """

    def __init__(self, message: str = "", fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class FormDialog(Keyed, ModalScreen[Any]):
    """A modal form: Enter hands the values to `submit`; its result closes the dialog.

    `submit(values)` returns what the dialog is dismissed with, or raises
    `DialogError` to keep it open with the messages shown next to the fields.
    """

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > #form { width: 96; max-width: 96%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1; }
    FormDialog #form-title { text-style: bold; width: 1fr; padding: 0 0 1 0; }
    FormDialog #form-message { color: $error; width: 1fr; height: auto; }
    FormDialog .form-row { height: auto; }
    FormDialog .form-label { width: 18; padding: 1 1 0 0; }
    FormDialog .form-row Input { width: 1fr; }
    FormDialog .form-row LineText { width: 1fr; margin: 0 0 0 0; }
    FormDialog .form-row Choice { margin: 1 0 0 0; }
    FormDialog .form-error { color: $error; width: 1fr; height: auto; padding: 0 0 0 18; }
    FormDialog #form-hint { color: $foreground-muted; padding: 1 0 0 0; }
    """

    KEYS = FORM
    KEYS_PRIORITY = False

    def __init__(
        self, title: str, fields: list[Field], submit: Callable[[dict[str, str]], Any]
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self._submit = submit

    def compose(self) -> ComposeResult:
        """Title, message, then one row per field with its error line."""
        with Vertical(id="form"):
            yield Label(self.form_title, id="form-title", markup=False)
            yield Static("", id="form-message", markup=False)
            with VerticalScroll(id="form-fields", can_focus=False):
                for spec in self.fields:
                    with Horizontal(classes="form-row"):
                        yield Label(spec.label, classes="form-label")
                        if spec.choices:
                            yield Choice(spec.choices, spec.value, id=f"f-{spec.name}")
                        elif spec.multiline:
                            yield LineText(spec.value, id=f"f-{spec.name}")
                        else:
                            yield ExpandingInput(
                                spec.value, placeholder=spec.placeholder, id=f"f-{spec.name}"
                            )
                    yield Static("", id=f"e-{spec.name}", classes="form-error", markup=False)
            yield Label(self.hint(), id="form-hint", markup=False)

    def hint(self) -> str:
        """How to save: Enter, or (with a multi-line field, where Enter does nothing) Ctrl+S."""
        if not any(spec.multiline for spec in self.fields):
            return t("kit.form_hint", self.lang)
        keys = host(self.app).key_overrides

        def key(command_id: str) -> str:
            return plain_key(keys.get(command_id, BY_ID[command_id].key))

        return t("kit.form_hint_text", self.lang, save=key("form.save"), cancel=key("form.cancel"))

    def on_mount(self) -> None:
        """The first field takes the keys; empty message lines take no room."""
        show_text(self.query_one("#form-message", Static), "")
        for spec in self.fields:
            show_text(self.query_one(f"#e-{spec.name}", Static), "")
        if self.fields:
            self.query_one(f"#f-{self.fields[0].name}").focus()

    def values(self) -> dict[str, str]:
        """The current value of every field."""
        out: dict[str, str] = {}
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, ExpandingInput | LineText):
                out[spec.name] = widget.kept_value
            else:
                out[spec.name] = widget.value if isinstance(widget, Input | Choice) else ""
        return out

    def show_error(self, error: DialogError) -> None:
        """Show a refusal at the top and next to each field it names."""
        show_text(self.query_one("#form-message", Static), error.message)
        for spec in self.fields:
            show_text(self.query_one(f"#e-{spec.name}", Static), error.fields.get(spec.name, ""))
        for spec in self.fields:
            if spec.name in error.fields:
                self.query_one(f"#f-{spec.name}").focus()
                break

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in any field saves the form."""
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        """Hand the values over; close on success, show the problems otherwise."""
        try:
            result = self._submit(self.values())
        except DialogError as error:
            self.show_error(error)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
