"""A meeting written by the first format (schema 1: times without offset, no zone) still opens.

tests/store/v1 holds the snapshot and journal of the Japanese sample, 40 steps in (opened at
09:30, ten lines), written by the first release (ee04d0f) and never rewritten since.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from live_notes.domain.models import SCHEMA_VERSION
from live_notes.domain.session import Session
from live_notes.store import MeetingStore
from live_notes.store.admin import check

V1 = Path(__file__).resolve().parent / "v1"
MEETING_ID = "2024-11-11-wakabano-joho-2"


def test_a_first_format_meeting_opens_takes_lines_and_closes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(V1, data)
    for path in data.iterdir():
        path.chmod(0o600)
    data.chmod(0o700)
    assert SCHEMA_VERSION > 1
    [report] = check(data, MEETING_ID)
    assert report.ok, report.findings
    store = MeetingStore.open(data, MEETING_ID)
    meeting = store.meeting
    assert len(meeting.utterances) == 10
    assert meeting.utterances[0].text.startswith("担当課である下水道課から事前に")
    session = Session(meeting, sink=store.append)
    session.commit_line("第一形式の会議に足した行")
    session.close()
    store.close()
    again = MeetingStore.open(data, MEETING_ID, readonly=True)
    assert again.meeting.utterances[-1].text == "第一形式の会議に足した行"
    opened, closed = again.meeting.opened_at, again.meeting.closed_at
    assert opened is not None and closed is not None
    assert (opened.hour, opened.minute) == (9, 30)
    assert closed >= opened
    assert isinstance(closed, datetime)
