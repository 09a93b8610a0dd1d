"""Small screens (80x24): the attendance list scrolls and finds a person, the agenda
pane narrows itself and can be hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import dirs, live, make_app, rows, stored

from live_notes.domain.models import Person
from live_notes.sample import sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.screens.dialogs.attendance import AttendanceScreen

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]

SMALL = (80, 24)


def big_roster(dirs: Path) -> str:
    """The sample meeting with 30 more members (seats 11 … 40)."""
    meeting = sample_meeting("ja")
    meeting.people.extend(
        Person(id=f"m{seat}", name=f"委員{seat}号", seat=seat) for seat in range(11, 41)
    )
    MeetingStore.create(dirs / "data", meeting).close()
    return meeting.id


async def test_the_attendance_list_scrolls_with_the_cursor(dirs: Path) -> None:
    app, _ = make_app(dirs, meeting_id=big_roster(dirs))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        await pilot.press(*["down"] * 25)
        await pilot.pause(0.2)
        scroll = screen.query_one("#roll-scroll")
        roll = screen.query_one("#roll")
        shown = str(roll.render()).splitlines()
        row = next(n for n, text in enumerate(shown) if text.startswith(">"))
        assert scroll.scroll_y <= row < scroll.scroll_y + scroll.scrollable_content_region.height


async def test_the_attendance_list_finds_a_person_by_seat_or_name(dirs: Path) -> None:
    app, _ = make_app(dirs, meeting_id=big_roster(dirs))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f9", "slash", "3", "2", "enter")
        screen = app.screen
        assert isinstance(screen, AttendanceScreen)
        assert screen.people[screen.cursor].name == "委員32号"
        await pilot.press("p")
        assert screen.session.meeting.attendance["m32"].status.value == "present"
        await pilot.press("slash")
        await pilot.press(*"委員17", "enter")
        assert screen.people[screen.cursor].name == "委員17号"
        await pilot.press("slash", *"zz", "enter")
        assert "zz" in str(screen.query_one("#message").render())


async def test_the_agenda_narrows_on_a_small_screen_and_hides_on_a_key(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+o")
        agenda = live(app).query_one("#agenda")
        lines = live(app).lines_view
        assert agenda.outer_size.width <= 22
        narrow_lines = lines.size.width
        await pilot.press("ctrl+backslash")
        assert not agenda.display
        assert lines.size.width >= narrow_lines + 20
        await pilot.press("ctrl+backslash")
        assert agenda.display
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.2)
        assert agenda.outer_size.width == 34


async def test_a_recess_shows_in_the_transcript_and_the_status_bar(dirs: Path) -> None:
    app, clock = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter", *"休憩前", "enter")
        clock.set("10:30")
        await pilot.press("ctrl+r")
        clock.set("10:35")
        await pilot.pause(1.2)
        status = live(app).query_one("#status").plain  # type: ignore[attr-defined]
        assert "休憩 0:05:00" in status
        assert rows(app)[-1] == "-- 休憩 10:30〜 --"
        await pilot.press(*"休憩中の発言", "enter")
        assert rows(app)[-2] == "-- 休憩 10:30〜 --"
        assert "〔休憩中〕休憩中の発言" in rows(app)[-1]
        clock.set("10:45")
        await pilot.press("ctrl+r", *"再開後", "enter")
        shown = rows(app)
        assert "-- 休憩 10:30〜10:45 --" in shown
        assert "〔休憩中〕" not in shown[-1] and "再開後" in shown[-1]


async def test_a_look_at_another_item_leaves_the_input_target_alone(dirs: Path) -> None:
    from live_notes.tui.screens.dialogs.peek import PeekScreen

    app, _ = make_app(dirs)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter", *"アの行", "enter")
        await pilot.press("ctrl+down", *"イの行", "enter")  # now at イ
        await pilot.press("alt+g", "2", "enter")  # look at ア
        assert isinstance(app.screen, PeekScreen)
        shown = str(app.screen.query_one("#peek-lines").render())
        assert "アの行" in shown and "イの行" not in shown
        await pilot.press("escape", *"続き", "enter")
        got = stored(app)
        assert got.current_item_id == "tablet"
        assert got.utterances[-1].item_id == "tablet" and got.utterances[-1].text == "続き"
