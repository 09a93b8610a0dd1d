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


def _cue(vtt: str, name: str) -> str:
    lines = vtt.splitlines()
    return lines[lines.index(name) + 1]


def test_a_chapter_spans_its_item_and_an_item_come_back_to_covers_its_lines() -> None:
    session = new_session(Clock(), [])
    session.open()
    first, second = session.leaf_items()[1:3]
    now = {"at": 10.37}
    session.audio = lambda: now["at"]

    def line(text: str, begun: float, ended: float) -> None:
        now["at"] = begun
        session.begin_line()
        now["at"] = ended
        session.commit_line(text)

    session.switch_item(first.id)
    line("下水道の説明", 12.0, 18.0)
    line("質疑", 18.5, 21.0)
    now["at"] = 30.0
    session.switch_item(second.id)
    line("次の議題", 31.0, 35.0)
    now["at"] = 40.0
    session.switch_item(first.id)  # back to the first item: its chapter still covers this
    line("戻って一言", 41.0, 45.5)
    vtt = render(session.meeting, "vtt", ExportOptions(edition="internal")).decode()
    assert _cue(vtt, f"item-{first.id}") == "00:00:10.370 --> 00:00:45.500"
    assert _cue(vtt, f"item-{second.id}") == "00:00:30.000 --> 00:00:35.000"
    assert vtt.index(f"item-{first.id}") < vtt.index("下水道の説明")
