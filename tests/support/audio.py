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
