"""The real app recording under tmux (`open ID --record-from FILE.wav`), killed with SIGKILL
while the clerk types: every committed line keeps its place, and that place is in the
sound kept (give or take the tenth of a second being taken in at the kill); every segment opens as it was left; the next start records on after it."""

from __future__ import annotations

import wave
from typing import TYPE_CHECKING

import pytest
from support.audio import write_tones
from support.crash_writer import new_meeting

from faults.support import record, rounds
from faults.tmux_app import TmuxApp, tmux_available
from live_notes.audio.segments import Timeline, audio_dir, segments
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [
    pytest.mark.skipif(not tmux_available(), reason="needs tmux"),
    pytest.mark.timeout(600),
]


def test_kill_the_recording_app_while_typing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    meeting_id = new_meeting(data_dir)
    wav = write_tones(tmp_path / "in.wav", 120.0, [float(n) for n in range(0, 120, 2)])
    app = TmuxApp(tmp_path, env={"LIVE_NOTES_CONFIG_DIR": str(tmp_path / "config")})
    count = rounds(1, 5)
    typed: list[str] = []
    unplayable = misplaced = 0
    try:
        for number in range(count):
            app.start(
                "--data-dir", str(data_dir), "open", meeting_id, "--record-from", str(wav),
                name=f"app{number}",
            )  # fmt: skip
            assert app.wait_for(lambda rows: any("● 録音 0:00:0" in row for row in rows), 20)
            for line in range(3):
                text = f"録音中の行 {number}-{line}"
                app.text(text)
                app.keys("Enter")
                assert app.wait_for(lambda rows, t=text: any(t in row for row in rows), 10)
                typed.append(text)
            app.text("打ちかけ")
            app.kill9()
            folder = audio_dir(data_dir, meeting_id)
            for segment in segments(folder):
                try:
                    with wave.open(str(segment.path)) as played:
                        played.readframes(played.getnframes())
                except (wave.Error, EOFError) as exc:
                    unplayable += 1
                    print(segment.path, exc)
            kept = Timeline(folder).duration
            lines = MeetingStore.open(data_dir, meeting_id, readonly=True).meeting.utterances
            assert [u.text for u in lines] == typed
            for line in lines:  # give or take the block being taken in at the kill (0.1 s)
                if line.audio_end is None or line.audio_end > kept + 0.2:
                    misplaced += 1
                    print(line.text, line.audio_end, kept)
    finally:
        app.stop()
    starts = [round(s.start, 1) for s in segments(audio_dir(data_dir, meeting_id))]
    record(
        "Kill the recording app",
        "live-notes under tmux recording a WAV file, lines typed and committed, SIGKILL "
        "with a line half typed: committed lines whose place is not in the kept sound",
        rounds=count,
        lost=misplaced,
        unopenable=unplayable,
        tracebacks=0,
    )
    assert (misplaced, unplayable) == (0, 0)
    assert len(starts) == count and starts == sorted(starts)  # each start records on after
