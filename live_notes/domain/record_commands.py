"""The record's way to approval as `Session` commands: circulated (N), approved, final.

States: recording → draft ready → circulated (N) → approved (date, approving
meeting) → final. An approved record is locked: every change is refused until it
is reopened with a reason, which is journalled and kept (`Meeting.reopenings`).
Keeping each circulated version's content is the store's part
(`live_notes.store.versions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.domain.errors import CommandError
from live_notes.domain.events import RecordReopened, RecordStateSet
from live_notes.domain.models import MeetingStatus
from live_notes.domain.text import clean_line

if TYPE_CHECKING:
    from datetime import date, datetime

    from live_notes.domain.events import PlainChange
    from live_notes.domain.models import Meeting


def record_state(meeting: Meeting) -> str:
    """Where the record stands: "recording", "draft ready", "circulated (N)",
    "approved" or "final"."""
    if meeting.locked:
        return "final" if meeting.final else "approved"
    if meeting.circulated:
        return f"circulated ({meeting.circulated})"
    if meeting.draft_ready:
        return "draft ready"
    return "recording"


def approval_problem(meeting: Meeting) -> CommandError | None:
    """Why the minutes cannot be approved now (None: they can): the meeting is not
    closed, or the draft is not marked ready (nor circulated), or they are approved."""
    if meeting.locked:
        return CommandError("record_locked")
    if meeting.status is not MeetingStatus.CLOSED:
        return CommandError("not_closed")
    if not (meeting.draft_ready or meeting.circulated):
        return CommandError("not_draft_ready")
    return None


class RecordCommands:
    """Circulation and approval commands of `Session` (a mixin)."""

    meeting: Meeting

    if TYPE_CHECKING:

        def _do(
            self, label: str, change: PlainChange, inverse: list[PlainChange] | None
        ) -> None: ...

        def now(self) -> datetime: ...

    def _state(self, label: str, **fields: object) -> None:
        meeting = self.meeting
        old = {name: getattr(meeting, name) for name in fields}
        self._do(label, RecordStateSet(fields=fields), [RecordStateSet(fields=old)])

    def mark_circulated(self, number: int) -> None:
        """Record that version `number` was circulated (its content is kept by the store)."""
        if self.meeting.status is not MeetingStatus.CLOSED:
            raise CommandError("not_closed")
        self._state("circulate", circulated=number)

    def approve(self, on: date, by: str) -> None:
        """Approve the minutes (at meeting `by`, on date `on`): the record is locked.

        Only a draft marked ready (or circulated) is approved; before that: ``not_closed``
        or ``not_draft_ready``.
        """
        by = clean_line(by)
        problem = approval_problem(self.meeting)
        if problem is not None and problem.code != "record_locked":
            raise problem
        if not by:
            raise CommandError("approver_needed")
        self._state("approve", approved_on=on.isoformat(), approved_by=by, locked=True)

    def make_final(self) -> None:
        """Make approved minutes final (signed)."""
        if not self.meeting.locked:
            raise CommandError("not_approved")
        self._state("final", final=True)

    def reopen_record(self, reason: str) -> None:
        """Open an approved record again for a change; the reason is kept and shown."""
        reason = clean_line(reason)
        if not self.meeting.locked:
            raise CommandError("not_approved")
        if not reason:
            raise CommandError("reason_needed")
        inverse = RecordStateSet(fields={"locked": True, "final": self.meeting.final})
        self._do("reopen", RecordReopened(at=self.now(), reason=reason), [inverse])
