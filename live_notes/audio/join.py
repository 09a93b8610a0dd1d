"""The recording as one file: the segments joined (gaps as silence), written by soundfile.

FLAC keeps every sample at about half the size of the segments; Ogg Vorbis or
Opus are far smaller, for listening only. soundfile (libsndfile) is imported here,
when a file is written, never when the app starts.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from live_notes.audio.errors import AudioError
from live_notes.audio.segments import Timeline

JOIN_FORMATS: dict[str, tuple[str, str]] = {
    ".flac": ("FLAC", "PCM_16"),
    ".wav": ("WAV", "PCM_16"),
    ".ogg": ("OGG", "VORBIS"),
    ".opus": ("OGG", "OPUS"),
}
"""File suffix → soundfile's (format, subtype)."""

CHUNK_SECONDS = 60
"""How much sound is read and written at a time (memory stays small for hours)."""


def join(folder: Path, out: Path, overwrite: bool = False) -> float:
    """Write the recording in `folder` into one file `out` (0600); the seconds written.

    Raises:
        AudioError: no recording, or a format soundfile cannot write.
        FileExistsError: `out` exists and not `overwrite`.
    """
    import numpy
    import soundfile

    timeline = Timeline(folder)
    if timeline.duration <= 0:
        raise AudioError("audio.none")
    kind = JOIN_FORMATS.get(out.suffix.lower())
    if kind is None:
        raise ValueError(
            f"{out}: give the file one of the suffixes {', '.join(JOIN_FORMATS)} "
            "(FLAC keeps every sample)"
        )
    if out.exists() and not overwrite:
        raise FileExistsError(f"{out} exists already: add --force to replace it")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
    os.close(fd)
    try:
        os.chmod(tmp, 0o600)
        chunk = CHUNK_SECONDS * timeline.rate
        total = round(timeline.duration * timeline.rate)
        with soundfile.SoundFile(
            tmp, "w", timeline.rate, timeline.channels, kind[1], format=kind[0]
        ) as sound:
            for start in range(0, total, chunk):
                data = timeline.read(start / timeline.rate, min(chunk, total - start))
                samples = numpy.frombuffer(data, dtype="<i2").reshape(-1, timeline.channels)
                sound.write(samples)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return total / timeline.rate


def restore(sound: Path, folder: Path) -> float:
    """Bring a joined recording (`join`'s file) back as a meeting's segments; the seconds.

    Raises:
        AudioError: the file cannot be read as sound, or is not 16-bit-able PCM.
    """
    import numpy
    import soundfile

    from live_notes.audio.segments import SegmentWriter

    try:
        source = soundfile.SoundFile(str(sound))
    except (OSError, RuntimeError, soundfile.LibsndfileError) as exc:
        raise AudioError("audio.bad_file", path=sound, detail=exc) from None
    with source:
        writer = SegmentWriter(folder, source.samplerate, source.channels, 0.0)
        try:
            for block in source.blocks(blocksize=CHUNK_SECONDS * source.samplerate, dtype="int16"):
                writer.write(numpy.ascontiguousarray(block).astype("<i2").tobytes())
        finally:
            writer.close()
        return source.frames / source.samplerate
