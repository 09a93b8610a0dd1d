"""The WebVTT index: timestamps, lines left out (unrecorded, off the record in public)."""

from __future__ import annotations

from support.sessions import Clock, new_session

from live_notes.export import ExportOptions, render
from live_notes.export.vtt import timestamp


def test_timestamps_count_hours_minutes_seconds_and_milliseconds() -> None:
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(3723.4567) == "01:02:03.457"
    assert timestamp(-1) == "00:00:00.000"


def test_unrecorded_lines_and_off_record_lines_in_public_are_left_out() -> None:
    session = new_session(Clock(), [])
    session.open()
    session.switch_item(session.leaf_items()[1].id)
    session.commit_line("録音前の行")
    session.audio = lambda: 3600.0
    session.commit_line("公開の行")
    secret = session.commit_line("記録外の行 --> <i>")
    session.update_line(secret.id, off_record=True)
    public = render(session.meeting, "vtt", ExportOptions()).decode()
    internal = render(session.meeting, "vtt", ExportOptions(edition="internal")).decode()
    assert "録音前の行" not in public and "録音前の行" not in internal
    assert "公開の行" in public and "記録外の行" not in public
    assert "記録外の行 --&gt; &lt;i&gt;" in internal  # no cue timing or tag forged by a line
    assert "01:00:00.000 --> 01:00:02.000" in internal
