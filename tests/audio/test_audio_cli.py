"""The recording on the command line: joined into one file, indexed as WebVTT, in the JSON
export, left out of the archive unless asked, removed by purge; no PortAudio, one line."""

from __future__ import annotations

import json
import os
import stat
import sys
from typing import TYPE_CHECKING

import pytest
import soundfile
from support.audio import RATE, recorded_meeting, write_tones

from live_notes.audio.segments import Timeline, audio_dir
from live_notes.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def recorded(tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "meetings"
    wav = write_tones(tmp_path / "in.wav", 6.0, [1.0, 3.0])
    return data, recorded_meeting(data, wav, [1.0, 3.0])


def test_the_recording_is_joined_into_one_flac(
    capsys: pytest.CaptureFixture[str], recorded: tuple[Path, str], tmp_path: Path
) -> None:
    data, meeting_id = recorded
    out = tmp_path / "sound.flac"
    code, said, err = run(capsys, "--data-dir", str(data), "audio", meeting_id, "--out", str(out))
    assert (code, err) == (0, "")
    assert said.strip() == f"{out} (0:00:06 of sound)"
    info = soundfile.info(str(out))
    assert (info.format, info.samplerate, info.channels, info.frames) == ("FLAC", RATE, 1, 6 * RATE)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    samples, _ = soundfile.read(str(out), dtype="int16")
    assert abs(int(samples[RATE + 100])) > 1000 and abs(int(samples[2 * RATE])) < 100
    code, _, err = run(capsys, "--data-dir", str(data), "audio", meeting_id, "--out", str(out))
    assert code == 1 and "exists already" in err


def test_vtt_has_a_cue_per_line_and_a_chapter_per_item(
    capsys: pytest.CaptureFixture[str], recorded: tuple[Path, str], tmp_path: Path
) -> None:
    data, meeting_id = recorded
    out = tmp_path / "index.vtt"
    code, _, err = run(capsys, "--data-dir", str(data), "export", meeting_id, "--out", str(out))
    assert (code, err) == (0, "")
    text = out.read_text(encoding="utf-8")
    blocks = {block.split("\n", 1)[0]: block.split("\n")[1:] for block in text.split("\n\n")}
    assert text.startswith("WEBVTT\n\n")
    chapters = [name for name in blocks if name.startswith("item-")]
    assert chapters == ["item-opening", "item-sewer"]  # the two items taken up, in order
    assert blocks["item-sewer"][0] == "00:00:00.000 --> 00:00:05.000"  # over its lines
    assert blocks["item-sewer"][1].startswith("▶ ア 下水道使用料")
    assert blocks["line-1"] == ["00:00:01.000 --> 00:00:03.000", "担当課: 発言 0 &lt;b&gt;"]
    assert blocks["line-2"] == ["00:00:03.000 --> 00:00:05.000", "担当課: 発言 1 &lt;b&gt;", ""]


def test_json_export_carries_the_offsets_and_the_sound_only_when_asked(
    capsys: pytest.CaptureFixture[str], recorded: tuple[Path, str], tmp_path: Path
) -> None:
    data, meeting_id = recorded
    out = tmp_path / "a.json"
    code, said, _ = run(capsys, "--data-dir", str(data), "export", meeting_id, "--out", str(out))
    assert code == 0 and said.strip() == str(out)
    lines = json.loads(out.read_text(encoding="utf-8"))["meeting"]["utterances"]
    assert [(u["audio_at"], u["audio_end"]) for u in lines] == [(1.0, 2.5), (3.0, 4.5)]
    assert not list(tmp_path.glob("*.flac"))
    with_audio = tmp_path / "b.json"
    code, said, _ = run(
        capsys, "--data-dir", str(data), "export", meeting_id, "--out", str(with_audio),
        "--with-audio",
    )  # fmt: skip
    assert code == 0 and said.splitlines()[1] == f"{tmp_path / 'b.flac'} (0:00:06 of sound)"
    assert soundfile.info(str(tmp_path / "b.flac")).frames == 6 * RATE
    elsewhere = tmp_path / "elsewhere"
    code, said, _ = run(capsys, "--data-dir", str(elsewhere), "import", str(with_audio))
    assert code == 0 and said.splitlines() == [
        meeting_id,
        f"recording {tmp_path / 'b.flac'} (0:00:06 of sound)",
    ]
    brought = Timeline(audio_dir(elsewhere, meeting_id))
    original = Timeline(audio_dir(data, meeting_id))
    assert brought.read(0, 6 * RATE) == original.read(0, 6 * RATE)  # FLAC keeps every sample
    code, _, err = run(
        capsys, "--data-dir", str(data), "export", meeting_id, "--out", str(tmp_path / "c.docx"),
        "--with-audio",
    )  # fmt: skip
    assert code == 1 and "--with-audio goes with the JSON archive" in err


def test_show_says_how_long_the_recording_is(
    capsys: pytest.CaptureFixture[str], recorded: tuple[Path, str]
) -> None:
    data, meeting_id = recorded
    code, out, _ = run(capsys, "--data-dir", str(data), "show", meeting_id)
    assert code == 0 and "recording: 0:00:06 in 1 segment\n" in out


def test_purge_removes_the_recording(
    capsys: pytest.CaptureFixture[str], recorded: tuple[Path, str]
) -> None:
    data, meeting_id = recorded
    assert (data / f"{meeting_id}.audio").is_dir()
    code, out, _ = run(capsys, "--data-dir", str(data), "purge", meeting_id, "--yes")
    assert code == 0 and f"removed {data / meeting_id}.audio" in out
    assert not any(p.name.startswith(meeting_id) for p in data.iterdir())


def test_without_portaudio_devices_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # as where PortAudio is missing
    code, out, err = run(capsys, "devices")
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "libportaudio2" in err


def test_open_refuses_a_file_that_is_no_wav_in_one_line(
    capsys: pytest.CaptureFixture[str], recorded: tuple[Path, str], tmp_path: Path
) -> None:
    data, meeting_id = recorded
    bad = tmp_path / "notes.wav"
    bad.write_text("not sound")
    code, _, err = run(
        capsys, "--data-dir", str(data), "open", meeting_id, "--record-from", str(bad)
    )
    assert code == 1 and len(err.splitlines()) == 1 and "not a WAV file" in err


def test_check_says_the_recordings_length_and_a_line_for_each_unreadable_segment(
    capsys: pytest.CaptureFixture[str], recorded: tuple[Path, str]
) -> None:
    data, meeting_id = recorded
    code, out, _ = run(capsys, "--data-dir", str(data), "check", meeting_id)
    assert code == 0, out
    assert f"{meeting_id}: ok" in out and "recording: 0:00:06, every segment readable" in out
    folder = audio_dir(data, meeting_id)
    (folder / "0000100000.wav").write_bytes(b"RIFF\x10\x00")  # a header cut short
    (folder / "0000200000.wav").write_bytes(b"garbage, not a sound" * 10)
    code, out, _ = run(capsys, "--data-dir", str(data), "check", meeting_id)
    assert code == 1
    said = [line.strip() for line in out.splitlines() if "recording:" in line]
    assert said == [
        "recording: 0000100000.wav: not a readable WAV file (header cut at 6 bytes)",
        "recording: 0000200000.wav: not a readable WAV file (no 16-bit PCM WAV header)",
    ]
