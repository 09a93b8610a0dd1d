"""Who speaks: Ctrl+E then a number names the speaker, the role follows, the line keeps
the person, and `export --names` prints the name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.live import SIZE, dirs, live, make_app, rows, stored, text_of

from live_notes.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

__all__ = ["dirs"]


async def test_ctrl_e_and_a_number_name_the_speaker(
    dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter", "ctrl+t")
        await pilot.press("ctrl+s", "3")  # 3: 上野健太, a member (one key after Ctrl+S)
        assert text_of(app, "#role") == "委員 上野健太"
        await pilot.press(*"質問です", "enter")
        await pilot.press("ctrl+s", *"山口", "enter")  # by name: the department's
        assert text_of(app, "#role") == "担当課 山口浩二"
        await pilot.press(*"回答です", "enter")
        await pilot.press("ctrl+s", "enter")  # the member's last speaker, offered again
        await pilot.press(*"再質問", "enter")
        lines = stored(app).utterances[-3:]
        assert [(u.role_id, u.person_id) for u in lines] == [
            ("member", "ueno"),
            ("department", "yamaguchi"),
            ("member", "ueno"),
        ]
        assert any("上野健太" in row and "質問です" in row for row in rows(app))
        meeting_id = live(app).session.meeting.id
    out = dirs / "minutes.txt"
    code = main(
        ["--data-dir", str(dirs / "data"), "export", meeting_id, "--format", "txt", "--names",
         "--out", str(out)]
    )  # fmt: skip
    assert code == 0, capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert "上野" in text and "山口" in text
