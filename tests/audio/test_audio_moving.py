"""The recording goes with its meeting when the meeting is saved into another folder."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from support.audio import write_tones
from support.store_attacks import saved_lines, writer_with_lines

from live_notes.audio.recorder import Recorder
from live_notes.audio.segments import Timeline, audio_dir, recorded_seconds
from live_notes.audio.sources import FileSource

if TYPE_CHECKING:
    from pathlib import Path


def test_saving_elsewhere_takes_the_recording_along_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, session = writer_with_lines(data_dir, "委員 一行目")
    meeting_id = store.meeting.id
    old = audio_dir(data_dir, meeting_id)
    recorder = Recorder(old, FileSource(write_tones(tmp_path / "in.wav", 3.0, [1.0]), speed=20))
    recorder.start()
    recorder._thread.join(10)
    recorder.stop()
    recorded = recorded_seconds(old)
    sound = Timeline(old).read(0, 48000)
    assert recorded > 2.5
    os.unlink(data_dir / f"{meeting_id}.lock")  # the lock taken away: the clerk saves elsewhere
    elsewhere = tmp_path / "rescue"
    store.save_elsewhere(elsewhere)
    session.commit_line("委員 移した後の行")
    store.close()
    new = audio_dir(elsewhere, meeting_id)
    assert not old.exists()
    assert recorded_seconds(new) == recorded and Timeline(new).read(0, 48000) == sound
    assert stat.S_IMODE(new.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in new.iterdir())
    assert saved_lines(elsewhere, meeting_id) == ["委員 一行目", "委員 移した後の行"]
