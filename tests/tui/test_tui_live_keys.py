"""Keys land where the clerk expects (issue 12): Ctrl+F flags the line being typed, a
dialog never takes keys meant for the entry, note mode is never silent, messages have
their own line, and the clock shows the meeting's own time."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from support.live import SIZE, dirs, live, make_app, stored, text_of, type_text

from live_notes.domain.models import Outcome, Section
from live_notes.sample import sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.screens.dialogs.confirm import ConfirmScreen
from live_notes.tui.screens.dialogs.decision import DecisionScreen

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot

    from live_notes.tui.app import LiveNotesApp

__all__ = ["dirs"]

SMALL = (80, 24)


async def open_at_sewer(pilot: Pilot[None]) -> None:
    """Open the meeting and go to item ア (the sewer item, a deliberation)."""
    await pilot.press("ctrl+o", "ctrl+g", "2", "enter")


async def test_ctrl_f_with_text_flags_the_line_being_typed(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"前の行", "enter")
        await type_text(app, pilot, "今打っている行")
        await pilot.press("ctrl+f")
        lines = stored(app).utterances
        assert [(u.text, u.verify) for u in lines[-2:]] == [
            ("前の行", False),
            ("今打っている行", True),
        ]
        assert live(app).entry.value == ""
        said = app.said[-1]
        assert f"#{lines[-1].id}" in said and "今打っている行" in said and "要確認" in said


async def test_ctrl_f_with_an_empty_entry_flags_the_last_line_and_names_it(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await type_text(
            app, pilot, "最後の行は長いのでメッセージでは途中で切られて省略されます", enter=True
        )
        await pilot.press("ctrl+f")
        last = stored(app).utterances[-1]
        assert last.verify
        assert f"#{last.id}「最後の行は長いのでメッセージでは途中で…」" in app.said[-1]
        await pilot.press("ctrl+f")
        assert not stored(app).utterances[-1].verify
        assert "外しました" in app.said[-1]


async def test_ctrl_n_while_typing_leaves_the_keys_to_the_entry(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+n", "2", "tab", *"条件", "enter")  # recorded on purpose
        await type_text(app, pilot, "ほか")
        await pilot.press("ctrl+n")  # by accident, in the middle of the line
        await type_text(app, pilot, "1件です。", enter=True)
        live(app)  # no dialog came up
        got = stored(app)
        assert got.utterances[-1].text == "ほか1件です。"
        assert got.decisions["sewer"].outcome is Outcome.APPROVED_WITH_CONDITIONS
        assert "Ctrl+N" in app.said[-1]


async def test_replacing_a_recorded_decision_asks_first(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+n", "2", "tab", *"条件", "enter")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ConfirmScreen)
        assert "認める。ただし…" in text_of(app, "#question")
        await pilot.press("1", "enter")  # neither answers the question
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        live(app)
        assert stored(app).decisions["sewer"].outcome is Outcome.APPROVED_WITH_CONDITIONS
        await pilot.press("ctrl+n", "y")  # yes: the dialog, showing what was recorded
        assert isinstance(app.screen, DecisionScreen)
        assert app.screen.outcome is Outcome.APPROVED_WITH_CONDITIONS


async def test_coming_back_to_an_item_with_a_note_shows_no_note_mode(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+t", *"質問", "enter")
        session = live(app).session
        session.add_note("sewer", "資料は後日")  # as review adds one
        await pilot.press("ctrl+down", "ctrl+up")
        assert text_of(app, "#section") == "質疑"
        await pilot.press(*"続き", "enter")
        assert stored(app).utterances[-1].section is Section.DISCUSSION
        await pilot.press("ctrl+t", "ctrl+t")  # conclusion, then note: shown as such
        chip = live(app).query_one("#section")
        assert text_of(app, "#section") == "※注記" and chip.has_class("-note")


async def test_messages_have_their_own_line_above_the_entry(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"行", "enter", "ctrl+f", *"次の行を打つ")
        await pilot.pause()
        screen = live(app)
        message = screen.query_one("#live-message")
        assert "要確認" in text_of(app, "#live-message")
        assert message.region.bottom <= screen.entry.region.y  # above, never over it
        assert not app._notifications  # no toast over the screen
        assert screen.entry.value == "次の行を打つ"


def set_tz(name: str | None) -> None:
    if name is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = name
    time.tzset()


async def test_the_status_bar_shows_the_meeting_zone_time(dirs: Path) -> None:
    """The computer runs on UTC, the meeting is held in Tokyo: the clock, the time
    since opening and the item times are Tokyo's."""
    saved = os.environ.get("TZ")
    set_tz("UTC")
    try:
        meeting = sample_meeting("ja")
        meeting.zone = "Asia/Tokyo"
        MeetingStore.create(dirs / "data", meeting).close()
        app, clock = make_app(dirs, meeting_id=meeting.id)  # 09:30 on the computer's clock
        async with app.run_test(size=SIZE) as pilot:
            assert live(app).session.meeting.zone == "Asia/Tokyo"
            await pilot.press("ctrl+o", "ctrl+down")
            clock.set("09:42")
            await pilot.pause(1.2)
            status = live(app).query_one("#status").plain  # type: ignore[attr-defined]
            assert status.startswith("18:42:00") and "開会から 0:12:00" in status
            agenda = live(app).query_one("#agenda").plain  # type: ignore[attr-defined]
            assert "12分" in next(row for row in agenda.splitlines() if row.startswith(">"))
    finally:
        set_tz(saved)


def screen_rows(app: LiveNotesApp) -> list[str]:
    """The screen's rows as the terminal shows them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_the_footer_shows_help_quit_review_and_export_at_any_width(dirs: Path) -> None:
    for size in (SIZE, SMALL):
        app, _ = make_app(dirs / str(size[0]))
        async with app.run_test(size=size) as pilot:
            await pilot.press("ctrl+o")
            await pilot.pause(0.2)
            for _ in range(2):
                row = screen_rows(app)[-1]
                for essential in ("F1", "^q", "F10", "F12"):
                    assert essential in row, (size, row)
                await pilot.resize_terminal(60, 20)  # then back: no garbling
                await pilot.pause(0.1)
                await pilot.resize_terminal(*size)
                await pilot.pause(0.2)


async def test_the_footer_is_not_garbled_where_it_is_cut(dirs: Path) -> None:
    for size in (SIZE, SMALL):
        app, _ = make_app(dirs / f"cut{size[0]}")
        async with app.run_test(size=size) as pilot:
            await pilot.press("ctrl+o")
            await pilot.pause(0.2)
            row = screen_rows(app)[-1]
            assert "^p コマンド" in row, row  # whole, in the row
            words = [w for w in row.split() if not w.startswith(("^", "F"))]
            known = {c.ja for c in live(app).KEYS} | {"↓"}
            assert all(w in known for w in words[:-1]), row  # the last may be cut
