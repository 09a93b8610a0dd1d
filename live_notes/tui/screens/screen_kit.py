"""Pieces shared by the meetings, setup, review and export screens.

- `ui_lang`: the language the UI speaks ("ja" unless the app says otherwise).
- `lang_keys` + `LangKeysMixin`: bindings whose footer text follows that language.
  Each key is bound twice, once per language, with the same id (so a keymap
  rebinds both); `check_action` hides the one of the other language.
- `Choice`: a one-line picker cycled with the arrow keys (no pop-up, so Enter
  stays free to save the form around it).
- `FormDialog`: a modal form of labelled fields with a message next to each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from live_notes.tui.i18n import add_messages, t

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from textual.app import App, ComposeResult

    from live_notes.tui.commands import Command

LANGS = ("en", "ja")

add_messages(
    {
        "kit.save": ("Save", "保存"),
        "kit.cancel": ("Cancel", "取消"),
        "kit.form_hint": (
            "Enter saves · Esc cancels · Tab to the next field",
            "Enter で保存・Esc で取消・Tab で次の欄",
        ),
    }
)


def show_text(widget: Static, text: str) -> None:
    """Put a message in a line of the screen; an empty message takes no room."""
    widget.update(text)
    widget.display = bool(text)


def ui_lang(app: App[Any]) -> str:
    """The language the UI speaks: the app's ``ui_lang``, Japanese when it has none."""
    lang = getattr(app, "ui_lang", "ja")
    return lang if lang in LANGS else "ja"


def lang_keys(
    key: str,
    action: str,
    en: str,
    ja: str,
    *,
    id: str,
    show: bool = True,
    priority: bool = False,
    key_display: str | None = None,
) -> list[BindingType]:
    """One key, bound once per UI language: ``action('en')`` and ``action('ja')``.

    The action method takes the language as its last argument; `LangKeysMixin`
    shows and runs only the binding of the current language.
    """
    return [
        Binding(
            key,
            _with_lang(action, lang),
            text,
            id=id,
            show=show,
            priority=priority,
            key_display=key_display,
            tooltip=text,
        )
        for lang, text in (("en", en), ("ja", ja))
    ]


KEY_DISPLAY = {
    "shift+up": "⇧↑",
    "shift+down": "⇧↓",
    "shift+left": "⇧←",
    "shift+right": "⇧→",
}
"""Short footer labels for keys Textual would spell out."""


def _with_lang(action: str, lang: str) -> str:
    """``open`` → ``open('en')``; ``tab('roles')`` → ``tab('roles', 'en')``."""
    if action.endswith(")"):
        return f"{action[:-1]}, {lang!r})"
    return f"{action}({lang!r})"


def lang_bindings(commands: Sequence[Command], priority: bool = False) -> list[BindingType]:
    """The bindings of a table of commands, in both UI languages (see `lang_keys`)."""
    out: list[BindingType] = []
    for command in commands:
        out += lang_keys(
            command.key,
            command.action,
            command.en,
            command.ja,
            id=command.id,
            show=command.show,
            priority=priority,
            key_display=KEY_DISPLAY.get(command.key),
        )
    return out


class LangKeysMixin:
    """Hides and disables the bindings of `lang_keys` that are not in the UI language."""

    app: App[Any]

    @property
    def lang(self) -> str:
        """The language the UI speaks now."""
        return ui_lang(self.app)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the binding of the current language is shown and run."""
        if parameters and parameters[-1] in LANGS:
            return parameters[-1] == self.lang
        return True


class Choice(Widget, can_focus=True):
    """A value picked from a short list with Left/Right (or Space), shown in one line.

    Attributes:
        index: Position of the chosen option.
    """

    DEFAULT_CSS = """
    Choice { height: 1; width: 1fr; padding: 0 1; background: $boost; }
    Choice:focus { background: $primary 30%; text-style: bold; }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "◀", show=False),
        Binding("right,space", "step(1)", "▶", show=False),
    ]

    index: reactive[int] = reactive(0)
    """Position of the chosen option in `options`."""

    @dataclass
    class Changed(Message):
        """The choice changed."""

        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            """The choice that changed."""
            return self.choice

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str | None = None,
        *,
        id: str | None = None,
    ) -> None:
        """Options are (value, label) pairs; `value` is the one chosen at first."""
        super().__init__(id=id)
        self.options = list(options)
        values = [v for v, _ in self.options]
        self.set_reactive(Choice.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> str:
        """The chosen value."""
        return self.options[self.index][0]

    @value.setter
    def value(self, value: str) -> None:
        values = [v for v, _ in self.options]
        if value in values:
            self.index = values.index(value)

    def render(self) -> str:
        """◀ label ▶."""
        return f"◀ {self.options[self.index][1]} ▶"

    def action_step(self, step: int) -> None:
        """Move to the next or previous option, wrapping round."""
        self.index = (self.index + step) % len(self.options)
        self.post_message(self.Changed(self, self.value))


@dataclass
class Field:
    """One field of a `FormDialog`: a text input, or a `Choice` when `choices` is given."""

    name: str
    label: str
    value: str = ""
    choices: list[tuple[str, str]] = field(default_factory=list)
    placeholder: str = ""


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


class FormDialog(LangKeysMixin, ModalScreen[Any]):
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
    FormDialog .form-row Choice { margin: 1 0 0 0; }
    FormDialog .form-error { color: $error; width: 1fr; height: auto; padding: 0 0 0 18; }
    FormDialog #form-hint { color: $foreground-muted; padding: 1 0 0 0; }
    """

    BINDINGS = [
        *lang_keys("enter", "submit", "Save", "保存", id="form.submit"),
        *lang_keys("escape", "cancel", "Cancel", "取消", id="form.cancel"),
    ]

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
                        else:
                            yield Input(
                                spec.value, placeholder=spec.placeholder, id=f"f-{spec.name}"
                            )
                    yield Static("", id=f"e-{spec.name}", classes="form-error", markup=False)
            yield Label(t("kit.form_hint", self.lang), id="form-hint")

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
        self.action_submit(self.lang)

    def action_submit(self, _lang: str = "") -> None:
        """Hand the values over; close on success, show the problems otherwise."""
        try:
            result = self._submit(self.values())
        except DialogError as error:
            self.show_error(error)
            return
        self.dismiss(result)

    def action_cancel(self, _lang: str = "") -> None:
        """Close without saving."""
        self.dismiss(None)
