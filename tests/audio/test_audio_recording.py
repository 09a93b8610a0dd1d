"""Recording from a WAV file played in real time: segments, positions, lines' offsets."""

from __future__ import annotations

import os
import stat
import time
import wave
from typing import TYPE_CHECKING

from support.audio import RATE, onsets_in, write_tones
from support.sessions import Clock, new_session, replay

from live_notes.audio import segments as segs
from live_notes.audio.recorder import Recorder, State
from live_notes.audio.segments import Timeline, audio_dir
from live_notes.audio.sources import FileSource

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from live_notes.domain.events import Change


def _wait_for(recorder: Recorder, position: float) -> None:
    while recorder.position() < position and recorder.state is State.RECORDING:
        time.sleep(0.005)


def test_a_recording_from_a_file_is_kept_in_private_segments_that_play(tmp_path: Path) -> None:
    wav = write_tones(tmp_path / "in.wav", 3.0, [1.0])
    folder = audio_dir(tmp_path / "data", "M1")
    recorder = Recorder(folder, FileSource(wav, speed=4)).start()
    recorder._thread.join(10)
    assert recorder.state is State.ENDED
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    (segment,) = segs.segments(folder)
    assert stat.S_IMODE(os.stat(segment.path).st_mode) == 0o600
    with wave.open(str(segment.path)) as played:  # the header tells the whole length
        assert (played.getframerate(), played.getnframes()) == (RATE, 3 * RATE)
    assert abs(recorder.position() - 3.0) < 0.01
    assert onsets_in(Timeline(folder)) == [1.0]


def test_lines_fall_within_a_fifth_of_a_second_of_their_sound(tmp_path: Path) -> None:
    """The clerk starts typing as each tone begins and commits a second later: each
    line's audio_at is where its tone is in the recording (±0.2 s), found in the sound."""
    onsets = [0.5, 2.0, 3.5]
    wav = write_tones(tmp_path / "in.wav", 5.0, onsets)
    folder = audio_dir(tmp_path / "data", "M1")
    journal: list[Change] = []
    session = new_session(Clock(), journal)
    session.open()
    session.switch_item(session.leaf_items()[1].id)
    recorder = Recorder(folder, FileSource(wav)).start()
    session.audio = recorder.position
    started = time.monotonic()
    for number, onset in enumerate(onsets):
        while time.monotonic() - started < onset:
            time.sleep(0.002)
        session.begin_line()
        time.sleep(0.3)
        session.commit_line(f"発言 {number}")
    recorder.stop()
    heard = onsets_in(Timeline(folder))
    assert len(heard) == 3
    lines = replay(journal).utterances  # the offsets are journalled with the lines
    for line, tone in zip(lines, heard, strict=True):
        assert line.audio_at is not None and line.audio_end is not None
        assert abs(line.audio_at - tone) <= 0.2, (line.audio_at, tone)
        assert 0.2 <= line.audio_end - line.audio_at <= 0.5


def test_paused_time_is_left_out_and_the_next_recording_goes_on_after(tmp_path: Path) -> None:
    wav = write_tones(tmp_path / "in.wav", 2.0, [])
    folder = audio_dir(tmp_path / "data", "M1")
    recorder = Recorder(folder, FileSource(wav)).start()
    _wait_for(recorder, 0.5)
    recorder.pause()
    held = recorder.position()
    time.sleep(0.5)
    assert recorder.position() == held
    assert recorder.level() == 0.0
    recorder.resume()
    recorder._thread.join(5)
    first = segs.recorded_seconds(folder)
    assert 1.3 <= first <= 1.65  # two seconds played, half a second of it paused
    again = Recorder(folder, FileSource(wav, speed=8)).start()
    again._thread.join(5)
    assert [round(s.start, 1) for s in segs.segments(folder)] == [0.0, round(first, 1)]
    assert abs(Timeline(folder).duration - (first + 2.0)) < 0.01


def test_an_item_a_recess_and_a_decision_take_their_place_too(tmp_path: Path) -> None:
    journal: list[Change] = []
    session = new_session(Clock(), journal)
    where = [12.5]
    session.audio = lambda: where[0]
    session.open()
    item = next(i for i in session.leaf_items() if i.takes_decision)
    session.switch_item(item.id)
    where[0] = 20.0
    session.toggle_recess()
    session.toggle_recess()
    where[0] = 31.25
    session.record_decision(outcome="approved")
    meeting = replay(journal)
    assert meeting.item_audio[item.id] == 12.5
    assert meeting.recesses[0].audio_at == 20.0
    assert meeting.decisions[item.id].audio_at == 31.25


def test_edits_keep_a_lines_place_and_lines_typed_unrecorded_have_none() -> None:
    journal: list[Change] = []
    session = new_session(Clock(), journal)
    session.open()
    session.switch_item(session.leaf_items()[1].id)
    quiet = session.commit_line("録音なし")
    session.audio = lambda: 40.0
    session.begin_line()
    session.audio = lambda: 42.0
    line = session.commit_line("録音あり")
    session.update_line(line.id, text="録音あり(修正)")
    meeting = replay(journal)
    assert (meeting.utterances[-2].audio_at, meeting.utterances[-2].audio_end) == (None, None)
    assert quiet.audio_at is None
    edited = meeting.utterances[-1]
    assert (edited.text, edited.audio_at, edited.audio_end) == ("録音あり(修正)", 40.0, 42.0)


def test_the_level_is_measured_at_the_meters_pace_not_every_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from live_notes.audio import recorder as recorder_module

    measured: list[float] = []
    real = recorder_module.level_of

    def counted(block: bytes) -> float:
        measured.append(real(block))
        return measured[-1]

    monkeypatch.setattr(recorder_module, "level_of", counted)
    wav = write_tones(tmp_path / "in.wav", 2.0, [0.0], tone=2.0)
    recorder = Recorder(audio_dir(tmp_path / "data", "M1"), FileSource(wav)).start()
    _wait_for(recorder, 1.0)
    assert recorder.level() > 0.6  # a loud tone shows loud
    recorder._thread.join(5)
    assert 4 <= len(measured) <= 10  # four times a second, not at each of the 20 blocks
    assert real(bytes(3200)) == 0.0 and real(b"\xff\x7f" * 1600) > 0.99
