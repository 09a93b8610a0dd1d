"""A recorded decision is a row of the live transcript (issue 11), after the item's lines,
and follows the record: recorded, replaced, undone, edited in review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import SIZE, dirs, live, make_app, stored

from live_notes.domain.models import Outcome

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot

    from live_notes.tui.app import LiveNotesApp

__all__ = ["dirs"]


def rows(app: LiveNotesApp) -> list[str]:
    return live(app).lines_view.plain_rows()


async def open_at_sewer(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+o", "ctrl+g", "2", "enter")


async def test_a_recorded_decision_is_a_row_after_the_items_lines(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"質問です", "enter")
        assert not any("結論" in row for row in rows(app))
        await pilot.press("ctrl+n", "2", "tab", *"期限を守る", "enter")
        await pilot.pause()
        assert stored(app).decisions["sewer"].outcome is Outcome.APPROVED_WITH_CONDITIONS
        assert rows(app)[-1] == "── 結論: 認める。ただし… 期限を守る ──"
        assert "質問です" in rows(app)[-2]

        await pilot.press(*"追加の発言", "enter")  # a later line goes above the decision
        await pilot.pause()
        assert "追加の発言" in rows(app)[-2]
        assert rows(app)[-1] == "── 結論: 認める。ただし… 期限を守る ──"

        await pilot.press("ctrl+n", "y")  # replaced
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert rows(app)[-1] == "── 結論: 認めない 期限を守る ──"

        await pilot.press("ctrl+z")  # undone: the conditional approval again
        await pilot.pause()
        assert rows(app)[-1] == "── 結論: 認める。ただし… 期限を守る ──"


async def test_a_decision_edited_in_review_is_shown_on_return(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+n", "1", "enter")
        await pilot.pause()
        assert rows(app)[-1] == "── 結論: 認める ──"
        session = live(app).session
        await pilot.press("f10")
        await pilot.pause()
        session.edit_decision("sewer", conditions="全員一致")  # as review edits it
        await pilot.press("escape")
        await pilot.pause()
        assert rows(app)[-1] == "── 結論: 認める 全員一致 ──"
        await pilot.press("f10")
        await pilot.pause()
        session.remove_decision("sewer")
        await pilot.press("escape")
        await pilot.pause()
        assert not any("結論" in row for row in rows(app))
