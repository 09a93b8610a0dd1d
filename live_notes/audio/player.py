"""Playing the recording back: from a line's moment, paused, 5 s back or forth.

The player reads the timeline (`segments.Timeline`) on its own thread and hands
blocks to a sink: the output device through sounddevice (imported only then), or
`NullSink`, which takes the sound in real time and keeps nothing (tests, and a
machine without PortAudio or speakers, where the highlight still follows).
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, Protocol

from live_notes.audio.errors import AudioError
from live_notes.audio.sources import BLOCK_SECONDS, _plain, load_sounddevice

if TYPE_CHECKING:
    from live_notes.audio.segments import Timeline

SEEK_SECONDS = 5.0
"""How far the back and forward keys move."""


class Sink(Protocol):
    """Where the played sound goes."""

    def write(self, data: bytes) -> None:
        """Play a block (returns when the device has room for the next)."""
        ...

    def close(self) -> None:
        """Stop playing."""
        ...


class NullSink:
    """Takes the sound in real time (or `speed` times faster) and drops it.

    Attributes:
        frames: How many frames it was given.
    """

    def __init__(self, rate: int, channels: int = 1, speed: float = 1.0) -> None:
        self.rate, self.align, self.speed = rate, 2 * channels, speed
        self.frames = 0
        self._due = time.monotonic()

    def write(self, data: bytes) -> None:
        """Wait for the block's time, as a device would."""
        frames = len(data) // self.align
        self.frames += frames
        self._due = max(self._due, time.monotonic()) + frames / self.rate / self.speed
        delay = self._due - time.monotonic() - BLOCK_SECONDS
        if delay > 0:
            time.sleep(delay)

    def close(self) -> None:
        """Nothing to close."""


class DeviceSink:
    """The default output device, through PortAudio."""

    def __init__(self, rate: int, channels: int = 1, device: str | int | None = None) -> None:
        sd = load_sounddevice(playing=True)
        try:
            self._stream: Any = sd.RawOutputStream(
                samplerate=rate, channels=channels, dtype="int16", device=device or None
            )
            self._stream.start()
        except Exception as exc:
            raise AudioError("audio.no_output", detail=_plain(exc)) from None

    def write(self, data: bytes) -> None:
        """Queue a block on the device (waits while its buffer is full)."""
        self._stream.write(data)

    def close(self) -> None:
        """Stop and close the stream."""
        try:
            self._stream.stop()
        finally:
            self._stream.close()


class Player:
    """Plays a recording's timeline into a sink from any position."""

    def __init__(self, timeline: Timeline, sink: Sink) -> None:
        self.timeline = timeline
        self.sink = sink
        self._at = 0.0
        self._playing = False
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="live-notes-player", daemon=True)
        self._thread.start()

    @property
    def playing(self) -> bool:
        """Whether sound is being played now."""
        return self._playing

    def position(self) -> float:
        """Where the playing stands in the recording, in seconds."""
        return self._at

    def play(self, at: float) -> None:
        """Play from `at` seconds (clamped to the recording)."""
        with self._wake:
            self._at = min(max(0.0, at), self.timeline.duration)
            self._playing = True
            self._wake.notify()

    def pause(self) -> None:
        """Stop where it is (`resume` goes on from there)."""
        with self._wake:
            self._playing = False

    def resume(self) -> None:
        """Go on from where it was paused."""
        self.play(self._at)

    def toggle(self) -> bool:
        """Pause, or resume; whether it plays now."""
        if self._playing:
            self.pause()
        else:
            self.resume()
        return self._playing

    def seek(self, seconds: float) -> float:
        """Move by `seconds` (negative: back); the new position."""
        with self._wake:
            self._at = min(max(0.0, self._at + seconds), self.timeline.duration)
            return self._at

    def close(self) -> None:
        """Stop playing and close the sink."""
        with self._wake:
            self._closed = True
            self._playing = False
            self._wake.notify()
        self._thread.join(2.0)
        self.sink.close()

    def _run(self) -> None:
        frames = max(1, round(self.timeline.rate * BLOCK_SECONDS))
        while True:
            with self._wake:
                while not self._playing and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                at = self._at
            data = self.timeline.read(at, frames)
            if not data:
                with self._wake:
                    self._playing = False
                continue
            with self._wake:  # a seek meanwhile wins over this block's advance
                if self._at == at:
                    self._at = at + len(data) // self.timeline.align / self.timeline.rate
            self.sink.write(data)
