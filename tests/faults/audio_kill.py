"""Kill -9 a process while it records, and measure what sound survives.

A child process records a WAV file (a tone every second over noise) in real time
into a meeting's audio folder, in one-second segments so that a round crosses
several; it says on stdout the moment its source began (CLOCK_MONOTONIC, shared
with this process). The parent kills it with SIGKILL at a random moment and
compares: the sound the source had given by then, against what the segments
hold. Every segment must open as it was left (header as patched at the last
sync, before any repair), and what they hold must be the input's first frames.
Used by the fault test (a few rounds) and by the bench (20 rounds).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import wave
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from live_notes.audio.segments import Timeline, repair, segments

if TYPE_CHECKING:
    from pathlib import Path

CHILD = """
import sys, time
from live_notes.audio import segments
from live_notes.audio.recorder import Recorder
from live_notes.audio.sources import FileSource
segments.SEGMENT_SECONDS = 1.0
source = FileSource(sys.argv[1])
recorder = Recorder(segments.Path(sys.argv[2]), source)
print(time.monotonic(), flush=True)
recorder.start()
recorder._thread.join()
"""


@dataclass
class KillResult:
    """What the rounds found."""

    rounds: int = 0
    lost: list[float] = field(default_factory=list)
    """Seconds of sound lost per round (given by the source, not in the segments)."""
    unplayable: int = 0
    """Segments that did not open as they were left."""
    wrong: int = 0
    """Rounds whose sound is not the input's first frames."""
    problems: list[str] = field(default_factory=list)


def kill_rounds(work: Path, wav: Path, count: int, seed: int) -> KillResult:
    """`count` rounds: record `wav` in a child, SIGKILL it after 1.5–4 s, check the sound."""
    chance = random.Random(seed)
    result = KillResult()
    with wave.open(str(wav)) as source:
        rate = source.getframerate()
        truth = source.readframes(source.getnframes())
    for number in range(count):
        folder = work / f"round{number}" / "M.audio"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(wav), str(folder)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        began = float(child.stdout.readline())
        time.sleep(chance.uniform(1.5, 4.0))
        os.kill(child.pid, signal.SIGKILL)
        killed = time.monotonic()
        child.wait()
        child.stdout.close()
        given = (killed - began) * 1.0  # real time: the source gives a second a second
        for segment in segments(folder):
            try:
                with wave.open(str(segment.path)) as played:
                    played.readframes(played.getnframes())
            except (wave.Error, EOFError, OSError) as exc:
                result.unplayable += 1
                result.problems.append(f"round {number}: {segment.path.name}: {exc}")
        repair(folder)
        timeline = Timeline(folder)
        kept = timeline.read(0, round(timeline.duration * rate))
        if kept != truth[: len(kept)]:
            result.wrong += 1
            result.problems.append(f"round {number}: the sound kept is not the input's")
        result.lost.append(max(0.0, given - timeline.duration))
        result.rounds += 1
    return result
