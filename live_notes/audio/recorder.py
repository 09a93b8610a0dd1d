"""The recorder: a thread that takes the sound in and writes it into the segments.

The clerk's typing never waits on it: the UI reads `position` and `level` (plain
numbers) and calls `pause`/`resume`/`stop`, which only set flags. A write that
fails (ENOSPC: the disk is full) stops the recording and leaves the reason in
`error` for the screen to show; what was synced before stays whole and plays.
"""

from __future__ import annotations

import contextlib
import errno
import math
import operator
import threading
import time
from enum import StrEnum
from typing import TYPE_CHECKING

from live_notes.audio.errors import AudioError, clock
from live_notes.audio.segments import SegmentWriter, recorded_seconds, repair, segments
from live_notes.audio.sources import BLOCK_SECONDS

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.audio.sources import Source


class State(StrEnum):
    """Where the recorder stands."""

    RECORDING = "recording"
    PAUSED = "paused"
    STOPPED = "stopped"
    ENDED = "ended"
    """The source ran out (a file played to its end)."""
    FAILED = "failed"
    """A write failed (`Recorder.error` says why)."""


FLOOR_DB = -60.0
"""The level meter's bottom: quieter than this shows as nothing."""

LEVEL_SECONDS = 0.25
"""How often the level is measured: the meter is drawn twice a second, no more."""

LEVEL_STRIDE = 16
"""Every how many samples the level looks at (a strided sample of the block: 100 of
1,600 at 16 kHz is plenty for a meter, and the typing shares the interpreter)."""


def level_of(block: bytes) -> float:
    """The loudness of a block of 16-bit sound, 0 (silence, -60 dBFS) … 1 (full scale)."""
    view = memoryview(block)
    samples = view[: len(view) - len(view) % 2].cast("h")[::LEVEL_STRIDE]
    if not samples:
        return 0.0
    mean = sum(map(operator.mul, samples, samples)) / len(samples)
    if mean <= 0:
        return 0.0
    db = 10 * math.log10(mean / 32768.0**2)
    return min(1.0, max(0.0, (db - FLOOR_DB) / -FLOOR_DB))


class Recorder:
    """Records a source into a meeting's ``ID.audio`` folder, after what is there already.

    Args:
        folder: The meeting's audio folder (`segments.audio_dir`).
        source: Where the sound comes from; closed when the recording stops.
        paused: Begin paused (the meeting is in recess).
    """

    def __init__(self, folder: Path, source: Source, paused: bool = False) -> None:
        repair(folder)  # a recording killed earlier: its segments' headers made whole
        existing = segments(folder)
        if existing and (existing[0].rate, existing[0].channels) != (source.rate, source.channels):
            source.close()
            first = existing[0]
            raise AudioError(
                "audio.bad_file",
                path=getattr(source, "path", "input"),
                detail=f"the meeting is recorded at {first.rate} Hz, {first.channels} channel(s)",
            )
        self.folder = folder
        self.source = source
        self._writer = SegmentWriter(folder, source.rate, source.channels, recorded_seconds(folder))
        self._base = self._writer.position
        self._since = time.monotonic()
        self._level = 0.0
        self._lock = threading.Lock()
        self.state = State.PAUSED if paused else State.RECORDING
        self.error: AudioError | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="live-notes-recorder", daemon=True)

    def start(self) -> Recorder:
        """Begin taking the sound in (on the recorder's own thread)."""
        self._since = time.monotonic()
        self._thread.start()
        return self

    # -- what the screen reads ----------------------------------------------------------

    def position(self) -> float:
        """Seconds of sound recorded so far (paused time left out), now."""
        with self._lock:
            if self.state is not State.RECORDING:
                return self._base
            # Between blocks the sound goes on: count it, up to a block and a half late.
            return self._base + min(1.5 * BLOCK_SECONDS, time.monotonic() - self._since)

    def level(self) -> float:
        """The loudness of the last block, 0 … 1 (0 while paused or stopped)."""
        return self._level if self.state is State.RECORDING else 0.0

    @property
    def active(self) -> bool:
        """Recording or paused (not stopped, ended or failed)."""
        return self.state in (State.RECORDING, State.PAUSED)

    # -- what the clerk does ------------------------------------------------------------

    def pause(self) -> None:
        """Stop keeping the sound (the source goes on, unheard) until `resume`."""
        with self._lock:
            if self.state is State.RECORDING:
                self._base = self._writer.position
                self.state = State.PAUSED

    def resume(self) -> None:
        """Keep the sound again, from where the recording stands."""
        with self._lock:
            if self.state is State.PAUSED:
                self._since = time.monotonic()
                self.state = State.RECORDING

    def stop(self, timeout: float = 5.0) -> None:
        """Stop, write what is left and close the segment (waits for the thread)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        with self._lock:
            if self.active:
                self.state = State.STOPPED

    # -- the thread ---------------------------------------------------------------------

    def _run(self) -> None:
        measured = 0.0
        try:
            while not self._stop.is_set():
                block = self.source.read()
                if not block:
                    with self._lock:
                        self.state = State.ENDED
                    break
                if self.state is not State.RECORDING:
                    continue
                now = time.monotonic()
                if now - measured >= LEVEL_SECONDS:  # the meter's pace, not every block
                    self._level, measured = level_of(block), now
                self._writer.write(block)
                with self._lock:
                    self._base = self._writer.position
                    self._since = time.monotonic()
            self._writer.close()
        except OSError as exc:
            self._failed(exc)
        finally:
            with contextlib.suppress(Exception):  # a device that will not close: nothing to keep
                self.source.close()

    def _failed(self, exc: OSError) -> None:
        with contextlib.suppress(OSError):  # still full: the last synced second is kept
            self._writer.close()
        at = clock(self._writer.position)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            error = AudioError("audio.disk_full", at=at)
        else:
            error = AudioError("audio.write_failed", at=at, detail=exc.strerror or exc)
        with self._lock:
            self.error = error
            self.state = State.FAILED
