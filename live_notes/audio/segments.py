"""The recording on disk: WAV segments in ``<data>/<ID>.audio/``, and the timeline they make.

Each segment is a 16-bit PCM WAV file named by where it starts in the recording, in
milliseconds (``0000312500.wav`` starts at 312.5 s), so the timeline is the files'
names and lengths: a gap (a pause of the recorder never leaves one; a killed
recording may) is silence when played or joined, and the offsets stored with the
lines keep pointing at the same sound.

Crash-proof like the record: the sound is written as it comes (every block, a tenth
of a second); once a second the header's sizes are patched and the file fsynced,
so a kill -9 keeps what was written (the page cache outlives the process) and a
power cut loses at most the last second. A segment is closed after
`SEGMENT_SECONDS` and a new one begun, so a damaged file costs minutes, not the
meeting. Folder 0700 and files 0600: the sound is personal information like the notes.
"""

from __future__ import annotations

import contextlib
import os
import struct
import time
from dataclasses import dataclass
from pathlib import Path

from live_notes.paths import ensure_private_dir
from live_notes.store import files

SEGMENT_SECONDS = 300.0
"""Longest segment (5 minutes: 9.6 MB at 16 kHz mono)."""

SYNC_SECONDS = 1.0
"""How often the header is patched and the segment fsynced."""

HEADER = 44
"""Bytes of the canonical PCM WAV header the segments carry."""

SAMPLE_BYTES = 2
"""16-bit samples."""


def audio_dir(data_dir: Path, meeting_id: str) -> Path:
    """The folder of a meeting's recording (``<data>/<ID>.audio``)."""
    return Path(data_dir) / f"{files.check_id(meeting_id)}.audio"


def wav_header(rate: int, channels: int, frames: int) -> bytes:
    """A 44-byte PCM WAV header for `frames` frames of 16-bit sound."""
    align = channels * SAMPLE_BYTES
    size = frames * align
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + size,
        b"WAVE",
        b"fmt ",
        16,
        1,
        channels,
        rate,
        rate * align,
        align,
        8 * SAMPLE_BYTES,
        b"data",
        size,
    )


@dataclass(frozen=True)
class Segment:
    """One segment file: where it starts in the recording and how much it holds."""

    path: Path
    start: float
    """Seconds from the beginning of the recording."""
    rate: int
    channels: int
    frames: int
    """Whole frames in the file (its size, whatever the header says after a crash)."""

    @property
    def end(self) -> float:
        """Where it ends in the recording, in seconds."""
        return self.start + self.frames / self.rate

    @property
    def align(self) -> int:
        """Bytes per frame."""
        return self.channels * SAMPLE_BYTES


def read_segment(path: Path) -> Segment | None:
    """The segment in `path`, or None when it is no segment (wrong name or no PCM WAV)."""
    if path.suffix != ".wav" or not path.stem.isdigit():
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEADER)
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return None
    if len(head) < HEADER or head[:4] != b"RIFF" or head[8:16] != b"WAVEfmt ":
        return None
    fmt, channels, rate = struct.unpack("<HHI", head[20:28])
    bits = struct.unpack("<H", head[34:36])[0]
    if fmt != 1 or bits != 8 * SAMPLE_BYTES or channels < 1 or rate < 1:
        return None
    frames = (size - HEADER) // (channels * SAMPLE_BYTES)
    return Segment(path, int(path.stem) / 1000, rate, channels, frames)


def segments(folder: Path) -> list[Segment]:
    """A recording's segments, in order (an absent folder: none)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = [read_segment(folder / name) for name in names]
    return sorted((s for s in found if s is not None), key=lambda s: s.start)


def recorded_seconds(folder: Path) -> float:
    """Where the recording ends (0 when there is none)."""
    return max((s.end for s in segments(folder)), default=0.0)


def repair(folder: Path) -> list[Path]:
    """Patch each segment's header to what the file holds (after a crash); the paths fixed."""
    fixed = []
    for segment in segments(folder):
        header = wav_header(segment.rate, segment.channels, segment.frames)
        with open(segment.path, "r+b") as handle:
            if handle.read(HEADER) != header:
                handle.seek(0)
                handle.write(header)
                handle.truncate(HEADER + segment.frames * segment.align)
                handle.flush()
                os.fsync(handle.fileno())
                fixed.append(segment.path)
    return fixed


class SegmentWriter:
    """Writes the sound into segments from a position on; durable once a second.

    Raises OSError from `write` and `close` (ENOSPC: the disk is full): the caller
    stops recording; what was synced before stays whole.
    """

    def __init__(self, folder: Path, rate: int, channels: int, start: float) -> None:
        self.folder = ensure_private_dir(Path(folder))
        self.rate = rate
        self.channels = channels
        self.align = channels * SAMPLE_BYTES
        self._start = start
        self._fd: int | None = None
        self._frames = 0
        self._synced_at = time.monotonic()
        self._dirty = False

    @property
    def position(self) -> float:
        """Where the next frame goes in the recording, in seconds."""
        return self._start + self._frames / self.rate

    def _open(self) -> int:
        name = f"{round(self._start * 1000):010d}.wav"
        fd = files.open_private(self.folder / name, os.O_WRONLY | os.O_TRUNC)
        files.write_all(fd, wav_header(self.rate, self.channels, 0))
        files.sync(fd)
        files.fsync_dir(self.folder)
        self._fd, self._frames = fd, 0
        return fd

    def write(self, data: bytes) -> None:
        """Append whole frames of sound; sync when a second has passed since the last."""
        fd = self._fd if self._fd is not None else self._open()
        whole = len(data) - len(data) % self.align
        if whole != len(data):  # a part frame (never from a source): left out
            data = data[:whole]
        files.write_all(fd, data)
        self._frames += whole // self.align
        self._dirty = True
        if time.monotonic() - self._synced_at >= SYNC_SECONDS:
            self.sync()
        if self._frames >= SEGMENT_SECONDS * self.rate:
            self._finish()

    def sync(self) -> None:
        """Patch the header's sizes and make the segment durable."""
        self._synced_at = time.monotonic()
        if self._fd is None or not self._dirty:
            return
        os.pwrite(self._fd, wav_header(self.rate, self.channels, self._frames), 0)
        files.sync(self._fd)
        self._dirty = False

    def _finish(self) -> None:
        self.sync()
        fd, self._fd = self._fd, None
        self._start += self._frames / self.rate
        self._frames = 0
        if fd is not None:
            os.close(fd)

    def close(self) -> None:
        """Sync and close the segment being written (the file descriptor closed whatever)."""
        try:
            self._finish()
        finally:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.close(self._fd)
                self._fd = None


class Timeline:
    """The recording as one stream of frames, read from any position (gaps: silence)."""

    def __init__(self, folder: Path) -> None:
        self.segments = segments(folder)
        first = self.segments[0] if self.segments else None
        self.rate = first.rate if first else 16000
        self.channels = first.channels if first else 1
        self.align = self.channels * SAMPLE_BYTES

    @property
    def duration(self) -> float:
        """Where the recording ends, in seconds."""
        return max((s.end for s in self.segments), default=0.0)

    def read(self, at: float, frames: int) -> bytes:
        """`frames` frames from `at` seconds on (fewer at the end; silence in gaps)."""
        start = max(0, round(at * self.rate))
        end = min(start + frames, round(self.duration * self.rate))
        out = bytearray()
        position = start
        for segment in self.segments:
            first = round(segment.start * self.rate)
            last = first + segment.frames
            if last <= position or position >= end:
                continue
            if first > position:  # a gap: silence up to the segment
                gap = min(first, end) - position
                out += bytes(gap * self.align)
                position += gap
                if position >= end:
                    break
            count = min(last, end) - position
            with open(segment.path, "rb") as handle:
                handle.seek(HEADER + (position - first) * self.align)
                out += handle.read(count * self.align).ljust(count * self.align, b"\0")
            position += count
        if position < end:
            out += bytes((end - position) * self.align)
        return bytes(out)


def check_recording(folder: Path) -> tuple[list[str], float]:
    """The recording's problems (one line per file that is not a readable segment) and its
    length in seconds; ([], 0.0) when there is no recording."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return [], 0.0
    problems = []
    for name in names:
        path = folder / name
        if read_segment(path) is not None:
            continue
        if not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError as exc:
            problems.append(f"{name}: cannot be read ({exc.strerror or exc})")
            continue
        if not (name.endswith(".wav") and name[:-4].isdigit()):
            problems.append(f"{name}: not a segment of the recording (a stray file)")
        elif size < HEADER:
            problems.append(f"{name}: not a readable WAV file (header cut at {size} bytes)")
        else:
            problems.append(f"{name}: not a readable WAV file (no 16-bit PCM WAV header)")
    return problems, recorded_seconds(folder)
