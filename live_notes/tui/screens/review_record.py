"""Review's approval (``a``): the approving meeting and the date, kept by the domain,
which locks the record. Only a draft marked ready (``r``) or circulated is approved;
before that the key is refused in one line and no dialog opens. A mixin of `ReviewScreen`.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

from live_notes.domain.record_commands import approval_problem
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.dialogs.form import DialogError, Field, FormDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from live_notes.domain.errors import ClerkError
    from live_notes.domain.session import Session

add_messages(
    {
        "approve.title": ("Approve the minutes", "会議録の承認"),
        "approve.by": ("Approved by (meeting)", "承認した会議"),
        "approve.on": ("On (YYYY-MM-DD)", "承認日(年-月-日)"),
        "approve.bad_date": ("Write the date as YYYY-MM-DD.", "日付は 年-月-日 で書いてください。"),
        "approve.done": (
            "Approved by {by} on {on}: the minutes are locked.",
            "{on} {by}で承認されました。会議録はロックされました。",
        ),
    }
)


class RecordActions:
    """The approving action of the review screen."""

    session: Session
    app: Any
    lang: str

    if TYPE_CHECKING:

        def say(self, what: str | ClerkError, error: bool = False) -> None: ...

        def update_head(self) -> None: ...

        def _submit(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def action_approve(self) -> None:
        """Record the approval (approving meeting, date); refused before "draft ready"."""
        problem = approval_problem(self.session.meeting)
        if problem is not None:
            self.say(problem)
            return
        lang = self.lang
        today = self.session.now().date().isoformat()
        fields = [
            Field("by", t("approve.by", lang)),
            Field("on", t("approve.on", lang), today),
        ]

        def submit(values: dict[str, str]) -> tuple[str, str]:
            text = unicodedata.normalize("NFKC", values["on"]).strip()
            try:
                on = date.fromisoformat(text)
            except ValueError:
                raise DialogError("", {"on": t("approve.bad_date", lang)}) from None
            self._submit(self.session.approve, on, values["by"])
            return self.session.meeting.approved_by, on.isoformat()

        def done(approved: tuple[str, str] | None) -> None:
            if approved is not None:
                self.update_head()
                self.say(t("approve.done", lang, by=approved[0], on=approved[1]))

        self.app.push_screen(FormDialog(t("approve.title", lang), fields, submit), done)
