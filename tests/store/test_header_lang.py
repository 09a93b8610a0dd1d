"""`header_lang`: a meeting's language read from the head of its snapshot, without
loading it (the screen that comes up while the meeting loads speaks it)."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from live_notes.sample import sample_meeting
from live_notes.store import MeetingStore
from live_notes.store.files import header_lang

if TYPE_CHECKING:
    from pathlib import Path


def test_the_language_of_each_sample_is_read_from_its_file(tmp_path: Path) -> None:
    for lang in ("ja", "en"):
        meeting = sample_meeting(lang)
        MeetingStore.create(tmp_path / lang, meeting).close()
        assert header_lang(tmp_path / lang, meeting.id) == lang


def test_a_missing_damaged_or_oddly_named_file_says_nothing(tmp_path: Path) -> None:
    meeting = sample_meeting("en")
    MeetingStore.create(tmp_path, meeting).close()
    snapshot = tmp_path / f"{meeting.id}.json"
    assert header_lang(tmp_path, "no-such-meeting") is None
    assert header_lang(tmp_path, "../" + meeting.id) is None
    shutil.copy(snapshot, tmp_path / "whole.json")
    snapshot.write_bytes(snapshot.read_bytes()[:60])  # cut before the header
    assert header_lang(tmp_path, meeting.id) is None
    snapshot.write_bytes((tmp_path / "whole.json").read_bytes().replace(b'"en"', b'"xx"'))
    assert header_lang(tmp_path, meeting.id) is None
