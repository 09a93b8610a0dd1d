"""Where the sound comes from: the input device, or a WAV file played in real time.

A source gives blocks of 16-bit PCM (about a tenth of a second each) from `read`,
waiting until the block has been "heard": the recorder cannot tell a file from a
microphone, so tests, benchmarks and demonstrations record from a file exactly as
a meeting is recorded. sounddevice (PortAudio) is imported only by
`DeviceSource`; without PortAudio the clerk is told in one line (`AudioError`).
"""

from __future__ import annotations

import time
import wave
from pathlib import Path
from typing import Any, Protocol

from live_notes.audio.errors import AudioError

BLOCK_SECONDS = 0.1
"""The length of one block the recorder takes."""

DEFAULT_RATE = 16000
"""Sample rate of a recording from a device: 16 kHz mono is clear speech."""


class Source(Protocol):
    """A stream of sound for the recorder."""

    rate: int
    channels: int

    def read(self) -> bytes:
        """The next block of sound, waiting for it; b"" once the source has ended."""
        ...

    def close(self) -> None:
        """Stop taking sound in."""
        ...


class FileSource:
    """A WAV file (16-bit PCM) played into the recorder in real time, as if spoken.

    `speed` > 1 plays faster than real time (tests); `loop` starts again at the end.
    """

    def __init__(self, path: Path | str, speed: float = 1.0, loop: bool = False) -> None:
        self.path = Path(path)
        try:
            self._wav = wave.open(str(self.path), "rb")  # noqa: SIM115 - read block by block
        except (OSError, EOFError, wave.Error) as exc:
            raise AudioError("audio.bad_file", path=self.path, detail=exc) from None
        if self._wav.getsampwidth() != 2:
            self._wav.close()
            raise AudioError("audio.bad_file", path=self.path, detail="not 16-bit PCM")
        self.rate = self._wav.getframerate()
        self.channels = self._wav.getnchannels()
        self.speed = speed
        self.loop = loop
        self._block = max(1, round(self.rate * BLOCK_SECONDS))
        self._started = time.monotonic()
        self._given = 0
        """Frames handed out so far: the next block is due when they have been heard."""

    def read(self) -> bytes:
        """The next block, once its time has come (real time from the first read)."""
        if self._given == 0:
            self._started = time.monotonic()
        data = self._wav.readframes(self._block)
        if not data and self.loop:
            self._wav.rewind()
            data = self._wav.readframes(self._block)
        if not data:
            return b""
        self._given += len(data) // (2 * self.channels)
        due = self._started + self._given / self.rate / self.speed
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        return data

    def close(self) -> None:
        """Close the file."""
        self._wav.close()


def load_sounddevice(playing: bool = False) -> Any:
    """The sounddevice module, or AudioError when PortAudio is missing.

    `playing`: the message speaks of playing the sound rather than recording it.
    """
    try:
        import sounddevice
    except (OSError, ImportError):
        raise AudioError("audio.no_portaudio_play" if playing else "audio.no_portaudio") from None
    return sounddevice


class DeviceSource:
    """The input device (the configured one, or the default) through PortAudio."""

    def __init__(self, device: str | int | None = None, rate: int = DEFAULT_RATE) -> None:
        sd = load_sounddevice()
        self.rate = rate
        self.channels = 1
        self._frames = max(1, round(rate * BLOCK_SECONDS))
        try:
            self._stream = sd.RawInputStream(
                samplerate=rate,
                channels=1,
                dtype="int16",
                device=device if device not in ("", None) else None,
                blocksize=self._frames,
            )
            self._stream.start()
        except Exception as exc:  # PortAudioError, ValueError: no such device
            raise AudioError("audio.no_device", detail=_plain(exc)) from None

    def read(self) -> bytes:
        """The next block from the device (an overflow loses nothing already recorded)."""
        data, _overflowed = self._stream.read(self._frames)
        return bytes(data)

    def close(self) -> None:
        """Stop and close the stream."""
        try:
            self._stream.stop()
        finally:
            self._stream.close()


def input_devices() -> list[tuple[int, str, bool]]:
    """(index, name, is the default) of every input device; AudioError without PortAudio."""
    sd = load_sounddevice()
    try:
        devices = sd.query_devices()
        default = sd.default.device[0]
    except Exception as exc:
        raise AudioError("audio.no_device", detail=_plain(exc)) from None
    return [
        (index, str(info["name"]), index == default)
        for index, info in enumerate(devices)
        if info.get("max_input_channels", 0) > 0
    ]


def _plain(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
