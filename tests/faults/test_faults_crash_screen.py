"""A bug while the clerk types: one line in the clerk's language, never the program's
insides (Textual's own crash screen prints every frame's variables: roster names,
the line being typed); the typed line kept as the draft; a report without
variables, 0600, beside the settings."""

from __future__ import annotations

import stat
from typing import TYPE_CHECKING

import pytest
from support.live import dirs, live, make_app, type_text

from faults.support import record
from live_notes.store import MeetingStore
from live_notes.tui.crash import Crash
from live_notes.tui.screens.live import LiveScreen

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


async def test_a_bug_in_a_key_shows_one_line_and_keeps_the_typed_line(
    dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app, _clock = make_app(dirs)
    typed = "委員から個人情報の扱いについて質問"

    def broken_flag(self: LiveScreen) -> None:
        member = self.session.meeting.people[0].name  # a local: must not be shown
        line = self.entry.value
        raise RuntimeError(f"flag failed ({len(member)}, {len(line)})")

    monkeypatch.setattr(LiveScreen, "action_flag", broken_flag)
    with pytest.raises(Crash) as raised:
        async with app.run_test() as pilot:
            assert app.session is not None
            member = app.session.meeting.people[0].name
            meeting_id = app.session.meeting.id
            await type_text(app, pilot, typed)
            assert live(app).entry.value == typed
            await pilot.press("ctrl+f")
            await pilot.pause()
    shown = raised.value.message + capsys.readouterr().err
    report = next((dirs / "config").glob("crash-*.txt"))
    text = report.read_text(encoding="utf-8")
    draft = MeetingStore.open(app.data_dir, meeting_id, readonly=True).load_draft()
    record(
        "Crash screen",
        "a bug in a key handler while a line is typed",
        rounds=1,
        names_or_lines_shown=int(member in shown or typed in shown),
        locals_in_report=int(member in text or typed in text),
        lost=int(draft != typed),
    )
    assert member not in shown and typed not in shown
    assert "申し訳ありません" in raised.value.message and str(report) in raised.value.message
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "RuntimeError: flag failed" in text and "broken_flag" in text
    assert member not in text and typed not in text
    assert draft == typed
    assert app.return_code == 1
