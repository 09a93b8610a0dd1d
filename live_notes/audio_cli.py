"""The recording's commands: ``devices``, ``audio ID --out FILE.flac``, and what ``open``,
``export`` and ``purge`` do with the sound."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def print_devices() -> list[str]:
    """The lines `live-notes devices` prints: each input device, the default marked."""
    from live_notes.audio.sources import input_devices

    found = input_devices()
    if not found:
        return ["no sound input device found"]
    return [f"{'*' if default else ' '} {index:>3}  {name}" for index, name, default in found]


def write_audio(data_dir: Path, meeting_id: str, out: Path, overwrite: bool) -> str:
    """Join a meeting's recording into `out`; the line to print."""
    from live_notes.audio.errors import clock
    from live_notes.audio.join import join
    from live_notes.audio.segments import audio_dir

    seconds = join(audio_dir(data_dir, meeting_id), out, overwrite=overwrite)
    return f"{out} ({clock(seconds)} of sound)"


def recording_line(data_dir: Path, meeting_id: str) -> str:
    """`show`: how much sound the meeting's recording holds ("" when none)."""
    from live_notes.audio.errors import clock
    from live_notes.audio.segments import audio_dir, segments

    found = segments(audio_dir(data_dir, meeting_id))
    if not found:
        return ""
    end = max(segment.end for segment in found)
    count = len(found)
    return f"recording: {clock(end)} in {count} segment{'s' if count > 1 else ''}"


def restore_audio(data_dir: Path, meeting_id: str, sound: Path) -> str:
    """`import`: the recording written beside an archive brought back; the line to print."""
    from live_notes.audio.errors import clock
    from live_notes.audio.join import restore
    from live_notes.audio.segments import audio_dir

    seconds = restore(sound, audio_dir(data_dir, meeting_id))
    return f"recording {sound} ({clock(seconds)} of sound)"


def record_source(args: argparse.Namespace) -> str | None:
    """What `open` records from: "" the input device, a WAV file's path, or None."""
    if args.record_from:
        path = Path(args.record_from)
        if not path.is_file():
            raise ValueError(f"{path}: no such sound file")
        from live_notes.audio.sources import FileSource

        FileSource(path).close()  # a file that is no 16-bit WAV is refused before the screen
        return str(path.resolve())
    return "" if args.record else None


def add_arguments(parser: argparse.ArgumentParser, kind: str) -> None:
    """The recording's options of `open` ("open") or `export` ("export")."""
    if kind == "open":
        how = parser.add_mutually_exclusive_group()
        how.add_argument(
            "--record",
            action="store_true",
            help="record the meeting's sound from the input device (see `live-notes devices`)",
        )
        how.add_argument(
            "--record-from",
            metavar="FILE.wav",
            help="record from a WAV file played in real time, as if it were the microphone",
        )
    else:
        parser.add_argument(
            "--with-audio",
            action="store_true",
            help="with --format json: also write the recording beside the archive (.flac)",
        )
