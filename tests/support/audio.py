"""Sound for the recording tests: WAV files with tones at known places, and finding them."""

from __future__ import annotations

import math
import struct
import wave
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.audio.segments import Timeline

RATE = 16000


def write_tones(
    path: Path, seconds: float, onsets: list[float], rate: int = RATE, tone: float = 0.4
) -> Path:
    """A mono 16-bit WAV of `seconds`: quiet noise, and a 440 Hz tone of `tone` s at each onset."""
    frames = round(seconds * rate)
    loud = set()
    for onset in onsets:
        loud.update(range(round(onset * rate), min(frames, round((onset + tone) * rate))))
    samples = [
        int(12000 * math.sin(2 * math.pi * 440 * i / rate)) if i in loud else (i * 7919) % 41 - 20
        for i in range(frames)
    ]
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{frames}h", *samples))
    return path


def onsets_in(timeline: Timeline, threshold: int = 3000) -> list[float]:
    """Where tones begin in a recording, in seconds (10 ms windows, 0.2 s apart at least)."""
    data = timeline.read(0, round(timeline.duration * timeline.rate))
    samples = memoryview(data).cast("h")
    window = timeline.rate // 100
    found: list[float] = []
    for start in range(0, len(samples) - window, window):
        peak = max(abs(s) for s in samples[start : start + window : 4])
        at = start / timeline.rate
        if peak > threshold and (not found or at - found[-1] > 0.5):
            found.append(at)
    return found


def recorded_meeting(data_dir: Path, wav: Path, offsets: list[float]) -> str:
    """The Japanese sample meeting, recorded from `wav` (played fast) with one line typed
    at each of `offsets` seconds (each committed 1.5 s later); its id."""
    from live_notes.audio.recorder import Recorder
    from live_notes.audio.segments import audio_dir
    from live_notes.audio.sources import FileSource
    from live_notes.domain.plan import parse_plan
    from live_notes.domain.session import Session
    from live_notes.resources import sample_plan
    from live_notes.store import MeetingStore

    meeting = parse_plan(sample_plan("ja").read_text(encoding="utf-8"), "sample")
    with MeetingStore.create(data_dir, meeting) as store:
        session = Session(store.meeting, sink=store.append)
        where = [0.0]
        session.audio = lambda: where[0]
        session.open()
        session.switch_item(session.leaf_items()[1].id)
        for number, offset in enumerate(offsets):
            where[0] = offset
            session.begin_line()
            where[0] = offset + 1.5
            session.commit_line(f"発言 {number} <b>")
        recorder = Recorder(audio_dir(data_dir, store.meeting.id), FileSource(wav, speed=50))
        recorder.start()._thread.join(30)
        return store.meeting.id
