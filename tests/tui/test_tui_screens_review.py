"""The review screen and the export dialog, driven by keys, checked in the store and on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from support.review import ReviewApp, goto, line_with
from support.screens import ScreensApp, reopen, screen_text, stored_sample

from live_notes.domain.models import Meeting, Section
from live_notes.tui.screens.dialogs.export import ExportScreen
from live_notes.tui.screens.dialogs.form import FormDialog
from live_notes.tui.screens.review import ReviewScreen, line_option_id
from live_notes.tui.widgets.choice import Choice
from live_notes.tui.widgets.review_list import ReviewList
from live_notes.tui.widgets.text_fields import ExpandingInput, LineText

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


async def test_edit_a_line(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    target = line_with(reopen(data, meeting_id), "専用回線を使用し")
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, target.id)
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)
        field = app.screen.query_one("#f-text", LineText)
        assert field.text == target.text
        field.text = "専用回線を使用し、送信データも暗号化する。"
        await pilot.press("tab", "right")  # role: the next one in the role set
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        assert f"{target.id} 番の行を保存しました" in screen_text(app)
        shown = str(app.screen.query_one(ReviewList).get_option(line_option_id(target.id)).prompt)
        assert "送信データも暗号化する" in shown
    line = reopen(data, meeting_id).utterances[target.id - 1]
    assert line.text == "専用回線を使用し、送信データも暗号化する。"
    assert line.role_id == "secretariat"  # department → secretariat in the ja-council order
    assert line.edited_at is not None


async def test_an_empty_edit_is_refused_in_the_dialog(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    target = line_with(reopen(data, meeting_id), "専用回線を使用し")
    app = ReviewApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, target.id)
        await pilot.press("enter")
        app.screen.query_one("#f-text", LineText).text = "   "
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormDialog)
        assert "the line is empty" in screen_text(app)
    assert reopen(data, meeting_id).utterances[target.id - 1].text == target.text


async def test_move_delete_and_undo(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    moved = line_with(meeting, "研修は、会計年度任用職員")
    deleted = line_with(meeting, "承知した。")
    undone = line_with(meeting, "監査結果は、市のホームページ")
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, moved.id)
        await pilot.press("m")
        assert app.screen.query_one("#f-item", Choice).value == "other"
        app.screen.query_one("#f-item", Choice).value = "tablet"
        app.screen.query_one("#f-section", Choice).value = "conclusion"
        await pilot.press("enter")
        assert f"{moved.id} 番の行を移動しました" in screen_text(app)
        goto(app, deleted.id)
        await pilot.press("d")
        assert f"{deleted.id} 番の行を削除しました" in screen_text(app)
        option_list = app.screen.query_one(ReviewList)
        assert line_option_id(deleted.id) not in {o.id for o in option_list.options}
        goto(app, undone.id)
        await pilot.press("d", "ctrl+z")
        assert "元に戻しました" in screen_text(app)
        assert line_option_id(undone.id) in {o.id for o in option_list.options}
    after = reopen(data, meeting_id)
    line = next(u for u in after.utterances if u.id == moved.id)
    assert (line.item_id, line.section) == ("tablet", Section.CONCLUSION)
    assert all(u.id != deleted.id for u in after.utterances)
    assert any(u.id == undone.id for u in after.utterances)
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+z")  # undo survives the restart: the last delete comes back
        assert "元に戻しました: 行の削除" in screen_text(app)
    assert any(u.id == deleted.id for u in reopen(data, meeting_id).utterances)


async def test_off_record_and_flags_then_draft_ready(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    flagged = [line.id for line in meeting.utterances if line.verify]
    assert len(flagged) == 1
    plain = line_with(meeting, "監査で指摘された事項")
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "要確認 1 件" in screen_text(app)
        await pilot.press("r")
        assert "「要確認」の行が 1 件残っています" in screen_text(app)
        goto(app, plain.id)
        await pilot.press("o")
        assert f"{plain.id} 番の行を記録外にしました" in screen_text(app)
        await pilot.press("v")
        option = app.screen.query_one(ReviewList).highlighted_option
        assert option is not None and option.id == line_option_id(flagged[0])
        assert "要確認" in str(option.prompt)
        await pilot.press("f")
        assert "要確認 0 件" in screen_text(app)
        await pilot.press("v")
        assert "要確認の行はありません" in screen_text(app)
        await pilot.press("r")
        assert "案完成" in screen_text(app)
    after = reopen(data, meeting_id)
    assert after.draft_ready is True
    assert not any(line.verify for line in after.utterances)
    assert next(u for u in after.utterances if u.id == plain.id).off_record is True


async def test_draft_ready_is_refused_before_closing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    meeting_id = stored_sample(data, "en", driven=False)
    app = ReviewApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        assert "The meeting is not closed." in screen_text(app)
    assert reopen(data, meeting_id).draft_ready is False


async def test_a_note_after_a_line(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    before = reopen(data, meeting_id)
    target = line_with(before, "端末を更新した後")
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        goto(app, target.id)
        await pilot.press("n")
        app.screen.query_one("#f-text", LineText).text = "会議後、消去証明書の様式を確認した。"
        await pilot.press("ctrl+s")
        assert "に ※ 注記を追加しました" in screen_text(app)
        option = app.screen.query_one(ReviewList).highlighted_option
        assert option is not None and "消去証明書の様式" in str(option.prompt)
    after = reopen(data, meeting_id)
    note = after.utterances[[u.id for u in after.utterances].index(target.id) + 1]
    assert (note.item_id, note.section, note.text) == (
        "tablet",
        Section.NOTE,
        "会議後、消去証明書の様式を確認した。",
    )
    # the live state is left as it was: current item, section and the items' times
    assert after.current_item_id == before.current_item_id
    assert after.current_section == before.current_section
    assert after.item_seconds == before.item_seconds


async def test_export_dialog_writes_the_file_and_says_where(
    sample: tuple[Path, str], tmp_path: Path
) -> None:
    data, meeting_id = sample
    out = tmp_path / "out"
    meeting = reopen(data, meeting_id)

    def first(app: ScreensApp) -> ExportScreen:
        return ExportScreen(meeting, out)

    app = ScreensApp(data, first, ui_lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down")  # docx → md
        await pilot.press("tab", "tab", "down")  # edition: internal
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
    path = out / f"{meeting_id}.ja.internal.md"
    assert path.exists()
    written = path.read_text(encoding="utf-8")
    assert "若葉野市情報公開・個人情報保護審議会" in written
    off_record = [line.text for line in meeting.utterances if line.off_record]
    assert off_record and all(text in written for text in off_record)  # internal: kept
    assert f"Written: {path}" in text
    assert "Check before publishing" in text  # one line is still flagged


async def test_export_failure_is_shown_plainly(sample: tuple[Path, str], tmp_path: Path) -> None:
    data, meeting_id = sample
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    meeting = reopen(data, meeting_id)
    app = ScreensApp(data, lambda app: ExportScreen(meeting, blocker), ui_lang="ja")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "書き出せませんでした" in screen_text(app)


async def test_flagged_only_view(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    flagged = [line_option_id(line.id) for line in meeting.utterances if line.verify]
    app = ReviewApp(data, meeting_id, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        option_list = app.screen.query_one(ReviewList)
        await pilot.press("l")
        shown = [o.id for o in option_list.options if (o.id or "").startswith("line:")]
        assert shown == flagged
        assert "flagged lines only" in screen_text(app)
        highlighted = option_list.highlighted_option
        assert highlighted is not None and highlighted.id == flagged[0]
        await pilot.press("f", "l")  # checked, then back to every line
        shown = [o.id for o in option_list.options if (o.id or "").startswith("line:")]
        assert len(shown) == len(meeting.utterances)
        assert "0 flagged" in screen_text(app)


async def test_the_export_reads_a_copy_not_the_live_meeting(
    sample: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from live_notes.tui.screens.dialogs import export as export_screen

    data, meeting_id = sample
    meeting = reopen(data, meeting_id)
    handed: list[Meeting] = []
    real_export = export_screen.export

    def recording_export(exported: Meeting, *args: Any, **kwargs: Any) -> Any:
        handed.append(exported)
        return real_export(exported, *args, **kwargs)

    monkeypatch.setattr(export_screen, "export", recording_export)
    app = ScreensApp(data, lambda app: ExportScreen(meeting, tmp_path / "out"), ui_lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert len(handed) == 1
    assert handed[0] is not meeting  # the clerk may record on meanwhile
    assert handed[0].utterances is not meeting.utterances
    assert handed[0] == meeting


async def test_approval_needs_the_draft_ready_then_locks(sample: tuple[Path, str]) -> None:
    data, meeting_id = sample
    flagged = [line for line in reopen(data, meeting_id).utterances if line.verify]
    app = ReviewApp(data, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, ReviewScreen)  # no dialog: refused in one line
        assert "「案完成」になっていません" in screen_text(app)
        for line in flagged:
            goto(app, line.id)
            await pilot.press("f")
        await pilot.press("r", "a")
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#f-by", ExpandingInput).value = "令和6年度第3回審議会"
        app.screen.query_one("#f-on", ExpandingInput).value = "２０２４－１２－１６"  # full-width
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewScreen)
        assert "令和6年度第3回審議会で承認されました" in screen_text(app)
    meeting = reopen(data, meeting_id)
    assert meeting.locked and meeting.approved_by == "令和6年度第3回審議会"
    assert str(meeting.approved_on) == "2024-12-16"
