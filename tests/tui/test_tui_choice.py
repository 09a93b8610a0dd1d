"""A choice (◀ value ▶) takes its keys from the key table like every other key: listed
in F1 help, and moved by the clerk's ``[keys]`` overrides."""

from __future__ import annotations

from textual.app import App, ComposeResult

from live_notes.tui.keys import ALL
from live_notes.tui.widgets.choice import Choice

OPTIONS = [("open", "公開"), ("closed", "非公開"), ("partly", "一部公開")]


class OneChoice(App[None]):
    def compose(self) -> ComposeResult:
        yield Choice(OPTIONS, "open", id="choice")


async def test_left_right_and_space_step_through_the_options() -> None:
    app = OneChoice()
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        await pilot.press("right")
        assert choice.value == "closed"
        await pilot.press("space")
        assert choice.value == "partly"
        await pilot.press("left", "left")
        assert choice.value == "open"


async def test_a_clerk_override_of_a_choice_key_takes_effect() -> None:
    app = OneChoice()
    async with app.run_test() as pilot:
        app.set_keymap({"choice.next": "n", "choice.previous": "p"})
        choice = app.query_one(Choice)
        choice.focus()
        await pilot.press("n")
        assert choice.value == "closed"
        await pilot.press("p", "p")
        assert choice.value == "partly"
        assert "◀ 一部公開 ▶" in str(choice.render())


def test_the_choice_keys_are_in_the_table_that_f1_help_lists() -> None:
    table = {c.id: (c.key, c.en, c.ja, c.group) for c in ALL}
    assert table["choice.previous"] == ("left", "Previous choice", "前の選択肢", "group.form")
    assert table["choice.next"] == ("right,space", "Next choice", "次の選択肢", "group.form")
