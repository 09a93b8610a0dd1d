"""The header form of the setup screen: body, title, date, times, place, publicity, quorum.

Each field has its message line under it; `HeaderForm.header` checks the
values with the `Header` model and reports problems by field.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from live_notes.domain.models import Header, LabelStyle, Lang, Publicity
from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.meetings import parse_day
from live_notes.tui.screens.setup_specs import field_problems
from live_notes.tui.widgets.choice import Choice

if TYPE_CHECKING:
    from textual.app import ComposeResult

add_messages(
    {
        "header.body": ("Body", "会議体"),
        "header.title": ("Session title", "会議名"),
        "header.lang": ("Language", "言語"),
        "header.date": ("Date", "開催日"),
        "header.scheduled_start": ("Starts", "開始予定"),
        "header.scheduled_end": ("Ends", "終了予定"),
        "header.place": ("Place", "開催場所"),
        "header.publicity": ("Publicity", "公開・非公開"),
        "header.publicity_reason": ("Reason (closed)", "非公開の理由"),
        "header.quorum": ("Quorum", "定足数"),
        "header.label_style": ("Speaker labels", "発言者の表記"),
        "header.bad_time": (
            "Not a time: write it as 09:30.",
            "時刻は 09:30 のように入力してください。",
        ),
        "header.bad_date": (
            "Not a date: write it as 2025-04-21.",
            "日付は 2025-04-21 のように入力してください。",
        ),
        "header.not_number": ("Not a whole number.", "整数を入力してください。"),
        "header.reason_needed": (
            "A closed meeting needs the reason.",
            "非公開・一部非公開の場合は理由を入力してください。",
        ),
        "header.hint": (
            "Enter: next field · ← →: choose · Ctrl+S: save everything",
            "Enter: 次の欄・← →: 選択・Ctrl+S: すべて保存",
        ),
        "lang.ja": ("Japanese", "日本語"),
        "lang.en": ("English", "英語"),
        "publicity.public": ("public", "公開"),
        "publicity.closed": ("closed", "非公開"),
        "publicity.partly_closed": ("partly closed", "一部非公開"),
        "style.inline": ("委員 text", "委員 発言"),
        "style.paren_line": ("(委員) on its own line", "(委員) を行頭に独立"),
        "style.bracket": ("【委員】text", "【委員】発言"),
        "style.mark": ("○山田委員 text", "○山田委員 発言"),
    }
)

TEXT_FIELDS = ("body", "title", "date", "scheduled_start", "scheduled_end", "place")
CHOICES: dict[str, tuple[str, list[str]]] = {
    "lang": ("lang", [lang.value for lang in Lang]),
    "publicity": ("publicity", [p.value for p in Publicity]),
    "label_style": ("style", [s.value for s in LabelStyle]),
}
ORDER = (
    "body",
    "title",
    "lang",
    "date",
    "scheduled_start",
    "scheduled_end",
    "place",
    "publicity",
    "publicity_reason",
    "quorum",
    "label_style",
)


class HeaderProblems(Exception):
    """Problems with the header form, by field name."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def _parse_time(text: str) -> time | None:
    hours, _, minutes = text.strip().replace("：", ":").partition(":")
    if not (hours.isdigit() and minutes.isdigit()):
        raise ValueError(text)
    return time(int(hours), int(minutes))


class HeaderForm(VerticalScroll, can_focus=False):
    """The header's fields, one per row, each with its message line."""

    DEFAULT_CSS = """
    HeaderForm .header-hint { color: $foreground-muted; padding: 0 1; }
    HeaderForm .header-row { height: auto; }
    HeaderForm .header-label { width: 20; padding: 1 1 0 1; }
    HeaderForm .header-row Input { width: 1fr; }
    HeaderForm .header-row Choice { margin: 1 0 0 0; }
    HeaderForm .header-error { color: $error; height: auto; padding: 0 0 0 21; }
    """

    def __init__(self, header: Header, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.original = header

    def compose(self) -> ComposeResult:
        """One row per field."""
        lang = host(self.app).ui_lang
        h = self.original
        texts: dict[str, str] = {
            "body": h.body,
            "title": h.title,
            "date": h.date.isoformat(),
            "scheduled_start": h.scheduled_start.strftime("%H:%M") if h.scheduled_start else "",
            "scheduled_end": h.scheduled_end.strftime("%H:%M") if h.scheduled_end else "",
            "place": h.place,
            "publicity_reason": h.publicity_reason,
            "quorum": "" if h.quorum is None else str(h.quorum),
        }
        yield Label(t("header.hint", lang), classes="header-hint")
        for name in ORDER:
            with Horizontal(classes="header-row"):
                yield Label(t(f"header.{name}", lang), classes="header-label")
                if name in CHOICES:
                    prefix, values = CHOICES[name]
                    options = [(v, t(f"{prefix}.{v}", lang)) for v in values]
                    current = getattr(h, name).value
                    yield Choice(options, current, id=f"h-{name}")
                else:
                    yield Input(texts[name], id=f"h-{name}")
            error = Static("", id=f"he-{name}", classes="header-error", markup=False)
            error.display = False
            yield error

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter goes on to the next field."""
        event.stop()
        self.screen.focus_next()

    def raw(self) -> dict[str, str]:
        """What the fields hold."""
        out: dict[str, str] = {}
        for name in ORDER:
            widget = self.query_one(f"#h-{name}")
            out[name] = widget.value if isinstance(widget, Input | Choice) else ""
        return out

    def header(self) -> Header:
        """The header from the fields, checked.

        Raises:
            HeaderProblems: what is wrong, by field.
        """
        lang = host(self.app).ui_lang
        raw = self.raw()
        problems: dict[str, str] = {}
        data: dict[str, Any] = self.original.model_dump()
        for name in ("body", "title", "place", "publicity_reason"):
            data[name] = raw[name].strip()
        for name in ("lang", "publicity", "label_style"):
            data[name] = raw[name]
        day = parse_day(raw["date"])
        if day is None:
            problems["date"] = t("header.bad_date", lang)
        data["date"] = day
        for name in ("scheduled_start", "scheduled_end"):
            try:
                data[name] = _parse_time(raw[name]) if raw[name].strip() else None
            except ValueError:
                problems[name] = t("header.bad_time", lang)
        quorum = raw["quorum"].strip()
        if quorum and not quorum.isdigit():
            problems["quorum"] = t("header.not_number", lang)
        data["quorum"] = int(quorum) if quorum.isdigit() else None
        if raw["publicity"] != Publicity.PUBLIC.value and not data["publicity_reason"]:
            problems["publicity_reason"] = t("header.reason_needed", lang)
        if not problems:
            try:
                return Header.model_validate(data)
            except ValidationError as exc:
                problems = field_problems(exc, lang)
        raise HeaderProblems(problems)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each problem under its field; focus the first."""
        for name in ORDER:
            line = self.query_one(f"#he-{name}", Static)
            line.update(problems.get(name, ""))
            line.display = name in problems
        for name in ORDER:
            if name in problems:
                self.query_one(f"#h-{name}").focus()
                break
