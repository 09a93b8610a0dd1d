"""A recorded decision in review: shown as its own row under its item, and its outcome,
wording, votes, mover and seconder edited by keys (one undo)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.review import ReviewApp, shown_ids
from support.screens import reopen, screen_text

from live_notes.domain.models import Outcome, Vote
from live_notes.tui.screens.dialogs.form import FormDialog
from live_notes.tui.screens.review import ReviewScreen
from live_notes.tui.widgets.choice import Choice
from live_notes.tui.widgets.review_list import ReviewList
from live_notes.tui.widgets.text_fields import ExpandingInput, LineText

if TYPE_CHECKING:
    from pathlib import Path


async def test_a_decision_is_shown_and_edited_in_review(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    before = reopen(data, meeting_id)
    item_id = next(iter(before.decisions))
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        ids = shown_ids(app)
        row = f"decision:{item_id}"
        assert row in ids
        option_list = app.screen.query_one(ReviewList)
        assert "結論:" in str(option_list.get_option(row).prompt)
        option_list.highlighted = ids.index(row)
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#f-outcome", Choice).value == before.decisions[item_id].outcome
        dialog.query_one("#f-outcome", Choice).value = Outcome.APPROVED_WITH_CONDITIONS.value
        dialog.query_one("#f-conditions", LineText).text = "運用状況を次回報告すること。"
        dialog.query_one("#f-for", ExpandingInput).value = "５"
        dialog.query_one("#f-against", ExpandingInput).value = "1"
        dialog.query_one("#f-abstain", ExpandingInput).value = "0"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert "の結論を保存しました" in screen_text(app)
        shown = str(app.screen.query_one(ReviewList).get_option(row).prompt)
        assert "運用状況を次回報告すること。" in shown and "賛成 5・反対 1・棄権 0" in shown
        after = reopen(data, meeting_id).decisions[item_id]
        assert after.outcome is Outcome.APPROVED_WITH_CONDITIONS
        assert after.conditions == "運用状況を次回報告すること。"
        assert after.vote == Vote.model_validate({"for": 5, "against": 1, "abstain": 0})
        await pilot.press("ctrl+z")
        assert "結論の記録" in screen_text(app)
    assert reopen(data, meeting_id).decisions[item_id] == before.decisions[item_id]


async def test_a_bad_vote_count_keeps_the_dialog_open(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    before = reopen(data, meeting_id)
    item_id = next(iter(before.decisions))
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        option_list = app.screen.query_one(ReviewList)
        option_list.highlighted = shown_ids(app).index(f"decision:{item_id}")
        await pilot.press("enter")
        app.screen.query_one("#f-for", ExpandingInput).value = "多数"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormDialog)
        assert "票数(0 以上の数)を書いてください。" in screen_text(app)
    assert reopen(data, meeting_id).decisions == before.decisions
