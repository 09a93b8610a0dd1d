"""A meeting written by the second format (schema 2: before the recording) still opens.

tests/store/v2 holds the snapshot and journal of the Japanese sample (opened, three lines
and a recess in the snapshot, a fourth line in the journal only), written by live-notes at
schema 2 (280c5c2) and never rewritten since. Its lines have no place in a recording;
recorded lines added now have one, and the file is saved at the current schema.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from live_notes.domain.models import SCHEMA_VERSION
from live_notes.domain.session import Session
from live_notes.store import MeetingStore
from live_notes.store.admin import check

V2 = Path(__file__).resolve().parent / "v2"
MEETING_ID = "2024-11-11-wakabano-joho-2"


def test_a_second_format_meeting_opens_and_takes_recorded_lines(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(V2, data)
    for path in data.iterdir():
        path.chmod(0o600)
    data.chmod(0o700)
    assert SCHEMA_VERSION == 3
    [report] = check(data, MEETING_ID)
    assert report.ok, report.findings
    store = MeetingStore.open(data, MEETING_ID)
    meeting = store.meeting
    assert [u.text for u in meeting.utterances][-1] == "ジャーナルにだけある行"
    assert all(u.audio_at is None and u.audio_end is None for u in meeting.utterances)
    assert meeting.recesses[0].audio_at is None and meeting.item_audio == {}
    session = Session(meeting, sink=store.append)
    session.audio = lambda: 12.5
    session.commit_line("録音のある行")
    store.compact()
    store.close()
    record = json.loads((data / f"{MEETING_ID}.json").read_text(encoding="utf-8"))
    assert record["meeting"]["1"]["schema_version"] == SCHEMA_VERSION
    again = MeetingStore.open(data, MEETING_ID, readonly=True).meeting
    assert len(again.utterances) == 5
    assert (again.utterances[-1].audio_at, again.utterances[-1].audio_end) == (12.5, 12.5)
    assert again.utterances[0].audio_at is None
