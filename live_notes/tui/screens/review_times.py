"""Review's time dialog (``t``): every time the meeting keeps, and the chosen line's, as
HH:MM fields; the changed ones are set together by the domain, which checks them
(closing after opening, a recess inside the session …) — a refusal keeps the dialog
open with the reason. One Ctrl+Z puts the old times back. A mixin of `ReviewScreen`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from live_notes.domain.events import TimeValue
from live_notes.domain.time_commands import RecordedTime, recorded_times
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.dialogs.form import DialogError, Field, FormDialog

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from live_notes.domain.session import Session
    from live_notes.tui.widgets.review_list import ReviewList

add_messages(
    {
        "times.title": ("Recorded times (HH:MM)", "記録された時刻(時:分)"),
        "times.opened": ("Opened", "開会"),
        "times.closed": ("Closed", "閉会"),
        "times.recess_start": ("Recess {n}", "休憩 {n}"),
        "times.recess_end": ("Resumed {n}", "再開 {n}"),
        "times.arrived": ("{label} arrived", "{label} 出席"),
        "times.left": ("{label} left", "{label} 退席"),
        "times.item_start": ("{label}", "{label}"),
        "times.line": ("Line #{n}", "{n} 番の行"),
        "times.bad": ("Write the time as HH:MM.", "時刻は 時:分 で書いてください。"),
        "times.none": ("Nothing changed.", "変更はありません。"),
        "times.saved": ("Times corrected.", "時刻を訂正しました。"),
    }
)

_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


def parse_hhmm(text: str) -> tuple[int, int] | None:
    """(hour, minute) from "9:30" or "０９：３０"; None when it is not a time of day."""
    match = _HHMM.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    return (hour, minute) if hour < 24 and minute < 60 else None


class TimeActions:
    """The time-correcting action of the review screen."""

    session: Session
    app: Any
    lang: str

    if TYPE_CHECKING:

        @property
        def lines(self) -> ReviewList: ...

        def say(self, what: str, error: bool = False) -> None: ...

        def rebuild(self, keep: str | None = None) -> None: ...

        def _submit(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def action_times(self) -> None:
        """Correct the recorded times (and the line under the cursor's)."""
        lang = self.lang
        kept = [rt for rt in recorded_times(self.session.meeting) if rt.at is not None]
        line = self.lines.current_line()
        if line is not None:
            kept.append(RecordedTime("line", str(line.id), line.created_at))
        fields = [
            Field(f"t{n}", t(f"times.{rt.what}", lang, n=rt.key, label=rt.label), _hhmm(rt.at))
            for n, rt in enumerate(kept)
        ]

        def submit(values: dict[str, str]) -> bool:
            changed: list[TimeValue] = []
            bad: dict[str, str] = {}
            for n, rt in enumerate(kept):
                text = values[f"t{n}"]
                if rt.at is None or text.strip() == _hhmm(rt.at):
                    continue
                parsed = parse_hhmm(text)
                if parsed is None:
                    bad[f"t{n}"] = t("times.bad", lang)
                    continue
                at = rt.at.replace(hour=parsed[0], minute=parsed[1], second=0, microsecond=0)
                changed.append(TimeValue(what=rt.what, key=rt.key, at=at))  # type: ignore[arg-type]
            if bad:
                raise DialogError(t("times.bad", lang), bad)
            if not changed:
                return False
            self._submit(self.session.set_times, changed)
            return True

        def done(saved: bool | None) -> None:
            if saved:
                self.rebuild()
                self.say(t("times.saved", lang))
            elif saved is False:
                self.say(t("times.none", lang))

        self.app.push_screen(FormDialog(t("times.title", lang), fields, submit), done)


def _hhmm(at: datetime | None) -> str:
    return at.strftime("%H:%M") if at is not None else ""
