"""The recording under attack: kill -9 while recording, and a disk that fills up.

- kill: a real child process recording a WAV file in real time is SIGKILLed at a
  random moment; the sound lost is at most two seconds and every segment plays.
- disk full: a real small tmpfs fills while recording; the recording stops with the
  reason for the clerk, what was written before plays, and lines go on being saved
  in the store on another disk.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from typing import TYPE_CHECKING

import pytest
from support.audio import write_tones
from support.sessions import Clock, new_session

from faults.audio_kill import kill_rounds
from faults.support import record, rounds
from live_notes.audio.recorder import Recorder, State
from live_notes.audio.segments import Timeline, segments
from live_notes.audio.sources import FileSource

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.domain.events import Change

pytestmark = pytest.mark.timeout(600)


def test_kill_9_while_recording_loses_at_most_two_seconds(tmp_path: Path) -> None:
    seed = int(os.environ.get("LIVE_NOTES_AUDIO_KILL_SEED", random.randrange(1 << 30)))
    wav = write_tones(tmp_path / "in.wav", 8.0, [float(n) for n in range(8)], tone=0.3)
    result = kill_rounds(tmp_path, wav, rounds(2, 20), seed)
    worst = max(result.lost)
    record(
        "Kill the recording",
        "a process recording a WAV file in real time (one-second segments) killed with "
        "SIGKILL after 1.5-4 s: the sound lost, every segment opened as left",
        rounds=result.rounds,
        lost=sum(1 for lost in result.lost if lost > 2.0),
        unopenable=result.unplayable,
        worst_lost_ms=round(worst * 1000),
        wrong_sound=result.wrong,
    )
    context = f"seed {seed}: lost {result.lost} " + "; ".join(result.problems[:3])
    assert worst <= 2.0, context
    assert (result.unplayable, result.wrong) == (0, 0), context


def test_a_full_disk_stops_the_recording_and_not_the_typing(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        wav = write_tones(tmp_path / "in.wav", 20.0, [1.0])
        journal: list[Change] = []
        session = new_session(Clock(), journal)
        session.open()
        session.switch_item(session.leaf_items()[1].id)
        recorder = Recorder(mount / "M.audio", FileSource(wav, speed=8)).start()
        session.audio = recorder.position
        typed = 0
        deadline = time.monotonic() + 15
        while recorder.state is State.RECORDING and time.monotonic() < deadline:
            session.begin_line()
            session.commit_line(f"満杯の間も入力 {typed}")
            typed += 1
            time.sleep(0.05)
        assert recorder.state is State.FAILED
        assert recorder.error is not None and recorder.error.code == "audio.disk_full"
        message = recorder.error.message("ja")
        assert "ディスクがいっぱい" in message and "記録は続けられます" in message
        session.commit_line("録音が止まった後の行")  # the typing goes on
        kept = Timeline(mount / "M.audio")
        assert 5.0 < kept.duration < 7.0  # 200 KB of 16 kHz sound: about six seconds
        for segment in segments(mount / "M.audio"):
            with open(segment.path, "rb") as handle:
                assert len(handle.read()) >= 44 + segment.frames * 2
        assert len(session.meeting.utterances) == typed + 1
        record(
            "Disk full while recording",
            "a 200 KB tmpfs filled by the recording: it stops with the reason, the sound "
            "written plays, lines are still committed",
            rounds=1,
            lost=0,
            tracebacks=0,
        )
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
