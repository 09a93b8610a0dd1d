"""The whole Japanese sample meeting through the keyboard alone, checked against the script.

Each step of `live_notes.sample.SAMPLE_JA` becomes the keys a clerk would press
(F9 and arrows for attendance, Ctrl+O, Ctrl+G, Ctrl+T, F-keys only where the
script names a role, typing and Enter, Ctrl+N, Ctrl+R, Ctrl+F, Ctrl+Y, Ctrl+O y).
Only ("at", …) steps touch something else: the frozen clock. The store's content
must then equal `driven_sample("ja")`, the same script run through the Session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import SIZE, dirs, live, make_app, stored, type_text

from live_notes.domain.models import Meeting, Section
from live_notes.sample import SAMPLE_JA, FakeClock, Step, driven_sample
from live_notes.tui.screens.dialogs.attendance import roll_order
from live_notes.tui.screens.dialogs.decision import OUTCOMES

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot

    from live_notes.tui.app import LiveNotesApp

__all__ = ["dirs"]

MARK_KEYS = {"present": "p", "absent": "a", "late": "l", "left_early": "e"}
SECTION_ORDER = [Section.EXPLANATION, Section.DISCUSSION, Section.CONCLUSION, Section.NOTE]


def keys_for(step: Step, meeting: Meeting) -> list[str]:
    """The keys a clerk presses for one step, given the meeting as it stands."""
    kind, *args = step
    if kind == "audience":
        change = int(args[0]) - meeting.audience
        return ["f9", *(["plus"] * change if change > 0 else ["minus"] * -change), "escape"]
    if kind == "open":
        return ["ctrl+o"]
    if kind == "close":
        return ["ctrl+o", "y"]
    if kind == "item":
        leaves = [item.id for item, _ in meeting.iter_items() if not item.children]
        return ["ctrl+g", *str(leaves.index(args[0]) + 1), "enter"]
    if kind == "section":
        now = SECTION_ORDER.index(meeting.current_section)
        target = SECTION_ORDER.index(Section(args[0]))
        return ["ctrl+t"] * ((target - now) % len(SECTION_ORDER))
    if kind == "role":
        ids = [role.id for role in meeting.role_set.roles]
        return [f"f{ids.index(args[0]) + 2}"]
    if kind == "flag":
        return ["ctrl+f"]
    if kind == "off_record":
        return ["ctrl+y"]
    if kind == "decision":
        number = [o.value for o in OUTCOMES].index(args[0]) + 1
        return ["ctrl+n", str(number), "tab"]  # then the conditions are typed, then Enter
    if kind in ("recess", "resume"):
        return ["ctrl+r"]
    raise AssertionError(f"no keys for {step!r}")


def roll_call(marks: list[Step], meeting: Meeting) -> list[str]:
    """One F9 visit for consecutive marks: the cursor walks from person to person."""
    order = [p.id for p in roll_order(meeting.people)]
    keys, cursor = ["f9"], 0
    for _, person, status in marks:
        target = order.index(person)
        keys += ["down"] * (target - cursor) + ["up"] * (cursor - target)
        keys.append(MARK_KEYS[status])
        cursor = min(target + 1, len(order) - 1)  # a mark moves the cursor on
    return [*keys, "escape"]


async def drive(app: LiveNotesApp, pilot: Pilot[None], clock: FakeClock) -> None:
    """Run the script: the clock for ("at", …), keys for everything else."""
    steps = list(SAMPLE_JA)
    while steps:
        step = steps.pop(0)
        if step[0] == "at":
            clock.set(step[1])
            continue
        if step[0] == "mark":
            marks = [step]
            while steps and steps[0][0] == "mark":
                marks.append(steps.pop(0))
            await pilot.press(*roll_call(marks, live(app).session.meeting))
            continue
        if step[0] == "line":
            await type_text(app, pilot, step[1], enter=True)
        elif step[0] == "decision":
            await pilot.press(*keys_for(step, live(app).session.meeting))
            await type_text(app, pilot, step[2] if len(step) > 2 else "")
            await pilot.press("enter")
        else:
            await pilot.press(*keys_for(step, live(app).session.meeting))
        assert not live(app).query_one("#banner").display, step


async def review_by_keys(app: LiveNotesApp, pilot: Pilot[None]) -> None:
    """After closing: F10, the flagged line (v) resolved (f), a ※ note after it (n, typed,
    Ctrl+S), the minutes marked draft ready (r)."""
    await pilot.press("f10", "v", "f", "n")
    await type_text(app, pilot, "会議後、保存期間を卒業後1年と確認した。")
    await pilot.press("ctrl+s", "r", "escape")


async def test_the_sample_meeting_by_keys_alone(dirs: Path) -> None:
    app, clock = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await drive(app, pilot, clock)
        got = stored(app)
        await review_by_keys(app, pilot)
        reviewed = stored(app)
    want = driven_sample("ja")

    # Review: the one flagged line resolved, a ※ note right after it, the draft ready.
    flagged = [u for u in got.utterances if u.verify]
    assert len(flagged) == 1 and [u for u in reviewed.utterances if u.verify] == []
    ids = [u.id for u in reviewed.utterances]
    note = reviewed.utterances[ids.index(flagged[0].id) + 1]
    assert (note.item_id, note.section, note.text) == (
        flagged[0].item_id,
        Section.NOTE,
        "会議後、保存期間を卒業後1年と確認した。",
    )
    assert len(reviewed.utterances) == len(got.utterances) + 1
    assert reviewed.draft_ready

    def lines(meeting: Meeting) -> list[tuple[object, ...]]:
        return [
            (u.item_id, u.section, u.role_id, u.text, u.verify, u.off_record, u.created_at)
            for u in meeting.utterances
        ]

    for item, _ in want.iter_items():
        assert lines(got) and [row for row in lines(got) if row[0] == item.id] == [
            row for row in lines(want) if row[0] == item.id
        ], item.id
    assert lines(got) == lines(want)
    assert got.decisions == want.decisions
    assert {pid: a.status for pid, a in got.attendance.items()} == {
        pid: a.status for pid, a in want.attendance.items()
    }
    assert got.attendance == want.attendance
    assert got.audience == want.audience
    assert (got.status, got.opened_at, got.closed_at) == (
        want.status,
        want.opened_at,
        want.closed_at,
    )
    assert got.recesses == want.recesses
    assert got.item_seconds == want.item_seconds
