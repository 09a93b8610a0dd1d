"""Every key of keys.md, pressed on the live screen: what the store holds and what shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import SIZE, dirs, live, make_app, rows, stored, text_of
from textual.widgets import Input

from live_notes.domain.models import MeetingStatus, Outcome, Presence, Section
from live_notes.tui.screens.dialogs.attendance import AttendanceScreen
from live_notes.tui.screens.dialogs.decision import DecisionScreen
from live_notes.tui.screens.dialogs.help import HelpScreen

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]  # the fixture, used by name


async def open_at_sewer(pilot) -> None:  # type: ignore[no-untyped-def]
    """Open the meeting and go to item ア (the sewer item, a deliberation)."""
    await pilot.press("ctrl+o", "ctrl+g", *"2", "enter")


async def test_typing_and_enter_commit_a_line(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        assert text_of(app, "#role") == "担当課"  # the department explains its item
        await pilot.press(*"概要の説明", "enter")
        meeting = stored(app)
        line = meeting.utterances[-1]
        assert (line.item_id, line.section, line.role_id, line.text) == (
            "sewer",
            Section.EXPLANATION,
            "department",
            "概要の説明",
        )
        assert rows(app)[-1].endswith("概要の説明")
        assert "09:30 担当課" in rows(app)[-1]
        assert live(app).entry.value == ""


async def test_enter_on_empty_entry_saves_nothing(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("enter", "space", "enter")
        assert stored(app).utterances == []


async def test_function_keys_choose_the_role(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        expected = ["会長", "委員", "担当課", "事務局", "副会長", "その他"]
        for number, label in enumerate(expected, start=2):
            await pilot.press(f"f{number}")
            assert text_of(app, "#role") == label
        await pilot.press("f4", *"説明", "enter")
        assert stored(app).utterances[-1].role_id == "department"
        await pilot.press("f8")  # the sample's role set has six roles: F8 is none
        assert text_of(app, "#role") in expected


async def test_role_follow_up_answers_a_member(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+t")  # discussion: the follow-up applies there
        await pilot.press("f3", *"質問", "enter")
        assert text_of(app, "#role") == "担当課"
        await pilot.press(*"回答", "enter")
        assert text_of(app, "#role") == "委員"
        roles = [u.role_id for u in stored(app).utterances]
        assert roles == ["member", "department"]


async def test_up_takes_the_last_line_back_and_enter_saves_the_correction(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"誤記あり", "enter", "up")
        assert live(app).entry.value == "誤記あり"
        assert text_of(app, "#role") == "修正中 #1"
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"訂正済み", "enter")
        lines = stored(app).utterances
        assert [u.text for u in lines] == ["訂正済み"]
        assert lines[0].edited_at is not None
        assert rows(app)[-1].endswith("訂正済み")


async def test_escape_cancels_the_correction(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"元の行", "enter", "up", *"追記", "escape")
        assert live(app).entry.value == ""
        assert text_of(app, "#role") == "担当課"  # as before the correction: the explanation
        await pilot.press(*"次の行", "enter")
        assert [u.text for u in stored(app).utterances] == ["元の行", "次の行"]


async def test_item_keys_move_through_the_agenda(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert stored(app).current_item_id == "opening"
        await pilot.press("ctrl+down")
        assert stored(app).current_item_id == "sewer"
        assert "ア 下水道使用料" in text_of(app, "#item-title")
        await pilot.press("alt+down")
        assert stored(app).current_item_id == "tablet"
        await pilot.press("alt+up")
        assert stored(app).current_item_id == "sewer"
        await pilot.press("ctrl+up")
        assert stored(app).current_item_id == "opening"
        assert "> 1. 開会" in live(app).query_one("#agenda").plain  # type: ignore[attr-defined]


async def test_ctrl_g_goes_to_an_item_by_number_or_title(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", *"学習用端末", "enter")
        assert stored(app).current_item_id == "tablet"
        await pilot.press("ctrl+g", *"存在しない", "enter")
        assert "存在しない" in text_of(app, "#message")
        await pilot.press("escape")
        live(app)
        assert stored(app).current_item_id == "tablet"


async def test_ctrl_t_walks_the_sections(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("ctrl+t")
            seen.append(text_of(app, "#section"))
        assert seen == ["質疑", "結論", "※注記", "説明"]
        await pilot.press("ctrl+t", *"行", "enter")
        assert stored(app).utterances[-1].section is Section.DISCUSSION


async def test_ctrl_n_records_a_decision_with_conditions(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, DecisionScreen)
        await pilot.press("2", "enter")  # conditions missing: refused, the dialog stays
        assert isinstance(app.screen, DecisionScreen)
        assert "条件" in text_of(app, "#message")
        await pilot.press("tab", *"記録を残すこと", "enter")
        live(app)
        decision = stored(app).decisions["sewer"]
        assert decision.outcome is Outcome.APPROVED_WITH_CONDITIONS
        assert decision.conditions == "記録を残すこと"
        assert "[済]" in live(app).query_one("#agenda").plain  # type: ignore[attr-defined]


async def test_decision_dialog_escape_and_digits(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+n", "4", "escape")
        assert stored(app).decisions == {}
        await pilot.press("ctrl+n", "4", "enter")
        assert stored(app).decisions["sewer"].outcome is Outcome.CONTINUED
        await pilot.press("ctrl+up", "ctrl+n")  # 開会 takes no decision: a message, no dialog
        live(app)
        assert stored(app).decisions.keys() == {"sewer"}


async def test_f9_attendance_marks_and_audience(dirs: Path) -> None:
    app, clock = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        assert isinstance(app.screen, AttendanceScreen)
        # aoki present (cursor moves on), ishida absent, ueno late, okada left early
        await pilot.press("p", "a", "l", "e")
        clock.set("09:48")
        await pilot.press("up", "up", "t", "ctrl+u", *"09:45", "enter")
        await pilot.press("plus", "plus", "minus")
        roll = text_of(app, "#roll")
        assert "09:45 到着" in roll
        await pilot.press("escape")
        meeting = stored(app)
        assert meeting.presence("aoki") is Presence.PRESENT
        assert meeting.presence("ishida") is Presence.ABSENT
        assert meeting.presence("ueno") is Presence.LATE
        assert meeting.attendance["ueno"].arrived_at.strftime("%H:%M") == "09:45"  # type: ignore[union-attr]
        assert meeting.presence("okada") is Presence.LEFT_EARLY
        assert meeting.audience == 1
        assert "出席 2/8" in live(app).query_one("#status").plain  # type: ignore[attr-defined]


async def test_quorum_warning_when_too_few_members(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9", "p", "escape")
        status = live(app).query_one("#status").plain  # type: ignore[attr-defined]
        assert "定足数(5)に足りません" in status
        await pilot.press("f9", "down", "p", "p", "p", "p", "escape")
        status = live(app).query_one("#status").plain  # type: ignore[attr-defined]
        assert "出席 5/8" in status and "定足数" not in status


async def test_ctrl_o_opens_then_closes_after_yes(dirs: Path) -> None:
    app, clock = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        meeting = stored(app)
        assert meeting.status is MeetingStatus.IN_SESSION
        assert meeting.opened_at.strftime("%H:%M") == "09:30"  # type: ignore[union-attr]
        assert "開会中" in live(app).query_one("#status").plain  # type: ignore[attr-defined]
        clock.set("12:00")
        await pilot.press("ctrl+o", "n")
        assert stored(app).status is MeetingStatus.IN_SESSION
        await pilot.press("ctrl+o", "y")
        meeting = stored(app)
        assert meeting.status is MeetingStatus.CLOSED
        assert meeting.closed_at.strftime("%H:%M") == "12:00"  # type: ignore[union-attr]
        assert "閉会" in live(app).query_one("#status").plain  # type: ignore[attr-defined]


async def test_ctrl_r_recess_and_resume(dirs: Path) -> None:
    app, clock = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        clock.set("10:40")
        await pilot.press("ctrl+r")
        assert stored(app).status is MeetingStatus.IN_RECESS
        assert "休憩中" in live(app).query_one("#status").plain  # type: ignore[attr-defined]
        clock.set("10:50")
        await pilot.press("ctrl+r")
        meeting = stored(app)
        assert meeting.status is MeetingStatus.IN_SESSION
        recess = meeting.recesses[0]
        assert (recess.start.strftime("%H:%M"), recess.end.strftime("%H:%M")) == (  # type: ignore[union-attr]
            "10:40",
            "10:50",
        )


async def test_ctrl_f_flags_and_unflags_the_last_line(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"要確認の行", "enter", "ctrl+f")
        assert stored(app).utterances[-1].verify is True
        assert "? " in rows(app)[-1]
        await pilot.press("ctrl+f")
        assert stored(app).utterances[-1].verify is False
        assert "?" not in rows(app)[-1]


async def test_ctrl_y_takes_the_last_line_off_the_record(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"非公開の発言", "enter", "ctrl+y")
        assert stored(app).utterances[-1].off_record is True
        assert " x " in rows(app)[-1]
        await pilot.press("ctrl+y")
        assert stored(app).utterances[-1].off_record is False


async def test_ctrl_z_undoes_the_last_change(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"一行目", "enter", *"二行目", "enter", "ctrl+z")
        assert [u.text for u in stored(app).utterances] == ["一行目"]
        assert not any("二行目" in row for row in rows(app))
        await pilot.press("ctrl+z")
        assert stored(app).utterances == []
        await pilot.press("ctrl+z")  # the switch to ア
        assert stored(app).current_item_id == "opening"
        assert "1. 開会" in text_of(app, "#item-title")


async def test_f1_help_lists_every_key_with_the_role_labels(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app, "#keys")
        for expected in ("F2", "会長", "F5", "事務局", "^g", "議題へ", "F9", "出欠", "y", "p"):
            assert expected in keys
        await pilot.press("escape")
        live(app)


async def test_ctrl_p_palette_runs_a_command_by_name(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"出欠")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)


async def test_ctrl_q_quits_and_releases_the_meeting(dirs: Path) -> None:
    from live_notes.store import MeetingStore

    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        meeting_id = live(app).session.meeting.id
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    MeetingStore.open(dirs / "data", meeting_id).close()  # the lock was released


async def test_keys_from_the_config_override_the_defaults(dirs: Path) -> None:
    from live_notes.config import Config

    app, _ = make_app(dirs, config=Config(keys={"live.flag": "f11"}))
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press(*"行", "enter", "f11")
        assert stored(app).utterances[-1].verify is True
        await pilot.press("ctrl+f")  # the default key no longer flags
        assert stored(app).utterances[-1].verify is True
        await pilot.press("f1")
        assert "F11" in text_of(app, "#keys")


async def test_keys_in_one_burst_act_in_the_order_typed(dirs: Path) -> None:
    """Lines, Ctrl+T and a role key arriving together: each line gets the section and
    role in force when its Enter was typed (a priority key must not overtake an Enter
    still queued in the entry)."""
    from textual import events

    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        burst = [*"説明", "enter", "ctrl+t", *"質問", "enter", "f5", *"補足", "enter"]
        for key in burst:
            character = "\r" if key == "enter" else (key if len(key) == 1 else None)
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        got = [(u.section, u.role_id, u.text) for u in stored(app).utterances]
    assert got == [
        (Section.EXPLANATION, "department", "説明"),
        (Section.DISCUSSION, "member", "質問"),
        (Section.DISCUSSION, "secretariat", "補足"),
    ]


async def test_keys_typed_right_after_a_dialog_key_reach_the_dialog(dirs: Path) -> None:
    """F9 and the marks in one burst: the marks go to the roll call, not into the entry."""
    from textual import events

    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        for key in ["f9", "p", "p", "a"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        from live_notes.tui.screens.live import LiveScreen

        beneath = next(s for s in app.screen_stack if isinstance(s, LiveScreen))
        assert beneath.entry.value == ""
        marks = {pid: a.status for pid, a in stored(app).attendance.items()}
    assert marks == {"aoki": Presence.PRESENT, "ishida": Presence.PRESENT, "ueno": Presence.ABSENT}


async def test_decision_dialog_records_mover_seconder_and_vote(dirs: Path) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await open_at_sewer(pilot)
        await pilot.press("ctrl+n", "1", "tab", "tab", *"委員A", "tab", *"委員B")
        await pilot.press("tab", *"5", "tab", *"-1", "tab", "enter")  # -1 votes: refused
        assert isinstance(app.screen, DecisionScreen)
        assert stored(app).decisions == {}
        assert "0 以上" in text_of(app, "#message")
        await pilot.press("shift+tab", "backspace", "backspace", *"1", "enter")
        live(app)
        decision = stored(app).decisions["sewer"]
        assert (decision.mover, decision.seconder) == ("委員A", "委員B")
        assert decision.vote is not None
        assert (decision.vote.for_, decision.vote.against, decision.vote.abstain) == (5, 1, 0)
        await pilot.press("ctrl+n")  # the dialog shows what was recorded
        assert isinstance(app.screen, DecisionScreen)
        shown = [app.screen.query_one(f"#{n}", Input).value for n in ("mover", "vote-for")]
        assert shown == ["委員A", "5"]
