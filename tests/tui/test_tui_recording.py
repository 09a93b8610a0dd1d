"""Recording from the app (`--record-from` a WAV file): ● REC in the bar, the line's place
in the sound, Alt+R pausing, a recess pausing; review playing a line to a null output."""

from __future__ import annotations

import subprocess
import sys
import time
from typing import TYPE_CHECKING

from support.audio import write_tones
from support.live import SIZE, OpenedApp, dirs, live, new_meeting, stored, text_of, until
from textual import events

from live_notes.audio.segments import audio_dir, recorded_seconds
from live_notes.config import Config
from live_notes.domain.errors import ClerkError
from live_notes.tui.recording import heard_line, meter, recording_of

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from textual.pilot import Pilot

    from live_notes.tui.app import LiveNotesApp

__all__ = ["dirs"]


def recording_app(dirs: Path, seconds: float = 30.0, **config: object) -> LiveNotesApp:
    wav = write_tones(dirs / "in.wav", seconds, [])
    meeting_id = new_meeting(dirs / "data")
    return OpenedApp(
        dirs / "data",
        meeting_id,
        config=Config(**config),
        record=str(wav),  # type: ignore[arg-type]
    )


def bar(app: LiveNotesApp) -> str:
    return text_of(app, "StatusBar")


async def typed(app: LiveNotesApp, pilot: Pilot[None], text: str) -> None:
    for char in text:
        app.post_message(events.Key(char, char))
    await pilot.pause()


async def test_the_bar_shows_rec_and_a_line_takes_its_place_in_the_sound(dirs: Path) -> None:
    app = recording_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "● 録音 0:00:0" in bar(app))
        recorder = recording_of(app).recorder
        assert recorder is not None
        await pilot.press("ctrl+o")
        await until(pilot, lambda: recorder.position() >= 1.0)
        first_key = recorder.position()
        await typed(app, pilot, "録音中の発言")
        await pilot.pause(0.8)
        await pilot.press("enter")
        committed = recorder.position()
        line = stored(app).utterances[-1]
        assert line.text == "録音中の発言"
        assert line.audio_at is not None and line.audio_end is not None
        # the first key's moment, not the commit's (the domain's tests hold it to ±0.2 s)
        assert abs(line.audio_at - first_key) < 0.3
        assert line.audio_end - line.audio_at > 0.5
        assert abs(line.audio_end - committed) < 0.3
        await pilot.press("alt+r")
        await until(pilot, lambda: "❚❚ 録音一時停止" in bar(app))
        held = recorder.position()
        await pilot.pause(0.4)
        assert recorder.position() == held
        await pilot.press("alt+r")
        await until(pilot, lambda: "● 録音" in bar(app) and recorder.position() > held)
        folder = audio_dir(app.data_dir, line_meeting(app))
    assert not recorder.active  # closing the app stops it
    assert recorded_seconds(folder) > 1.0


def line_meeting(app: LiveNotesApp) -> str:
    assert app.session is not None
    return app.session.meeting.id


async def test_a_recess_pauses_the_recording_and_the_resumption_resumes_it(dirs: Path) -> None:
    app = recording_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: recording_of(app).recorder is not None)
        await pilot.press("ctrl+o", "ctrl+r")
        await until(pilot, lambda: "❚❚ 録音一時停止" in bar(app))
        assert stored(app).recesses[0].audio_at is not None
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "● 録音" in bar(app))


async def test_review_plays_the_selected_line_and_follows_it(dirs: Path) -> None:
    app = recording_app(dirs, play_device="null", play_lead=1.0)
    async with app.run_test(size=SIZE) as pilot:
        recording = recording_of(app)
        await until(pilot, lambda: recording.recorder is not None)
        recorder = recording.recorder
        assert recorder is not None
        await pilot.press("ctrl+o")
        for text in ("一行目", "二行目"):
            await until(
                pilot, lambda: recorder.position() >= 1.2 * (1 + len(stored(app).utterances))
            )
            await typed(app, pilot, text)
            await pilot.press("enter")
        done = recorder.position()
        await until(pilot, lambda: recorder.position() > done + 1.0)
        await pilot.press("alt+r")  # paused: the sound so far is what is played
        first, second = stored(app).utterances[-2:]
        assert first.audio_at is not None and second.audio_at is not None
        await pilot.press("f10")
        review = app.screen
        await pilot.pause()
        review.lines.highlighted = review.lines.get_option_index(f"line:{first.id}")  # type: ignore[attr-defined]
        await pilot.press("p")
        player = recording.player
        assert player is not None and player.playing
        assert abs(player.position() - (first.audio_at - 1.0)) < 0.3
        await until(pilot, lambda: player.position() > second.audio_at + 0.1)  # type: ignore[operator]
        await until(pilot, lambda: review.lines.highlighted_id() == f"line:{second.id}")  # type: ignore[attr-defined]
        await pilot.press("space")
        assert not player.playing
        at = player.position()
        await pilot.press("left")
        assert abs(player.position() - max(0.0, at - 5)) < 0.01
        await pilot.press("right")
        back = max(0.0, at - 5)
        assert abs(player.position() - min(back + 5, player.timeline.duration)) < 0.01


async def test_alt_p_replays_the_last_line_from_the_live_screen(dirs: Path) -> None:
    app = recording_app(dirs, play_device="null")
    async with app.run_test(size=SIZE) as pilot:
        recording = recording_of(app)
        await until(pilot, lambda: recording.recorder is not None)
        await pilot.press("ctrl+o")
        await typed(app, pilot, "聞き直す行")
        await pilot.press("enter", "alt+p")
        assert recording.player is not None and recording.player.playing
        await until(pilot, lambda: "▶ 0:00:0" in bar(app))
        await pilot.press("alt+p")
        assert not recording.player.playing
        assert live(app).entry.value == ""


async def test_without_portaudio_the_clerk_is_told_in_one_line_and_types_on(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # as on Linux without libportaudio2
    meeting_id = new_meeting(dirs / "data")
    app = OpenedApp(dirs / "data", meeting_id, config=Config(), record="")  # the device
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: any("libportaudio2" in said for said in app.said))
        said = next(said for said in app.said if "libportaudio2" in said)
        assert "\n" not in said and said.startswith("録音には PortAudio が必要")
        assert "● 録音" not in bar(app)
        await pilot.press("ctrl+o")
        await typed(app, pilot, "録音なしで続ける")
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == "録音なしで続ける"


def test_the_meter_and_the_line_heard() -> None:
    assert meter(0.0) == "     "
    assert meter(1.0) == "█████"
    assert meter(0.5)[:2] == "██" and meter(0.5)[3:] == "  "
    from live_notes.domain.models import Utterance

    lines = [
        Utterance(id=n, item_id="a", text="x", created_at="2024-11-11T10:00", audio_at=at)
        for n, at in ((1, 1.0), (2, None), (3, 4.0))
    ]
    assert heard_line(lines, 0.5) is None
    assert heard_line(lines, 3.9) is lines[0]
    assert heard_line(lines, 9.0) is lines[2]


def test_opening_the_app_without_recording_loads_no_sound_library(tmp_path: Path) -> None:
    code = (
        "import sys, asyncio\n"
        "from live_notes.tui.app import LiveNotesApp\n"
        "async def main():\n"
        f"    app = LiveNotesApp({str(tmp_path / 'data')!r})\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause(0.2)\n"
        "asyncio.run(main())\n"
        "print(sorted(m for m in ('sounddevice', 'soundfile', 'numpy') if m in sys.modules))\n"
    )
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]", time.monotonic() - started


async def test_a_full_disk_stops_the_recording_in_red_and_the_typing_goes_on(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from live_notes.audio.segments import SegmentWriter

    real_write = SegmentWriter.write
    written: list[int] = []

    def fill(self: SegmentWriter, data: bytes) -> None:
        written.append(len(data))
        if len(written) > 10:  # a second of sound, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, data)

    monkeypatch.setattr(SegmentWriter, "write", fill)
    app = recording_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "■ 録音停止 0:00:01" in bar(app))
        said = [s for s in app.said if "ディスクがいっぱい" in s]
        assert said == [
            "ディスクがいっぱいです。録音は 0:00:01 で止まりました(そこまでの音声は保存済み)。記録は続けられます。"
        ]
        await pilot.press("ctrl+o")
        await typed(app, pilot, "止まった後も入力")
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == "止まった後も入力"
        assert stored(app).utterances[-1].audio_at is None  # no place in a stopped recording


async def test_an_audio_folder_that_cannot_be_written_is_said_in_one_line(dirs: Path) -> None:
    app = recording_app(dirs)
    assert app.meeting_id is not None
    (dirs / "data" / f"{app.meeting_id}.audio").write_text("a file where the folder goes")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: any("音声を書き込めません" in said for said in app.said))
        await until(pilot, lambda: "■ 録音停止" in bar(app))
        await pilot.press("ctrl+o")
        await typed(app, pilot, "書けなくても入力")
        await pilot.press("enter")
        assert stored(app).utterances[-1].text == "書けなくても入力"


async def test_playing_without_portaudio_says_playing_needs_it_in_the_clerks_language(
    dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = recording_app(dirs)  # recorded from a file: no PortAudio needed to record
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # as on Linux without libportaudio2
    async with app.run_test(size=SIZE) as pilot:
        recording = recording_of(app)
        await until(pilot, lambda: recording.recorder is not None)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: recording.position() is not None and recording.position() > 1)  # type: ignore[operator]
        await typed(app, pilot, "聞き直したい行")
        await pilot.press("enter", "alt+p")
        await until(pilot, lambda: any("libportaudio2" in said for said in app.said))
        said = next(said for said in app.said if "libportaudio2" in said)
        assert "\n" not in said and said.startswith("再生には PortAudio が必要")
        assert "録音" not in said
        assert stored(app).utterances[-1].text == "聞き直したい行"
    from live_notes.audio.player import DeviceSink

    try:
        DeviceSink(16000)
    except ClerkError as error:
        assert str(error).startswith("Playing needs PortAudio")
    else:
        raise AssertionError("no PortAudio, yet a sink")


async def test_closing_stops_the_recording_and_undoing_it_or_alt_r_starts_it_again(
    dirs: Path,
) -> None:
    app = recording_app(dirs, seconds=60.0)
    async with app.run_test(size=SIZE) as pilot:
        recording = recording_of(app)
        await until(pilot, lambda: recording.recorder is not None)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: (recording.position() or 0.0) > 1.0)
        first = recording.recorder
        assert first is not None
        await pilot.press("ctrl+o", "y")
        await until(pilot, lambda: "■ 録音終了" in bar(app))
        assert not first.active and first.state.value == "stopped"
        part = recording.part("ja")
        assert part is not None and not any(
            "red" in str(span.style) or "reverse" in str(span.style) for span in part.spans
        )
        assert "❚❚" not in bar(app)
        folder = audio_dir(app.data_dir, line_meeting(app))
        kept = recorded_seconds(folder)
        await pilot.press("ctrl+z")  # the closing undone: recording again, after what is kept
        await until(pilot, lambda: recording.recorder is not first and "● 録音" in bar(app))
        second = recording.recorder
        assert second is not None and second.active
        await until(pilot, lambda: recorded_seconds(folder) > kept + 0.3)
        assert (recording.position() or 0.0) >= kept
        await pilot.press("ctrl+o", "y")
        await until(pilot, lambda: "■ 録音終了" in bar(app))
        kept = recorded_seconds(folder)
        await pilot.press("alt+r")
        await until(pilot, lambda: recording.recorder is not second and "● 録音" in bar(app))
        await until(pilot, lambda: recorded_seconds(folder) > kept + 0.3)
