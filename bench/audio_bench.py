"""The recording's figures (issue 13), all with a WAV file played in as the microphone:

- typing one character with the recording on ÷ off, p99, at 10 and 10,000 lines (the
  live screen's own keystroke case, `bench.tui_bench.case_keys`, in fresh processes,
  on and off alternating), and Enter to the line shown at 10,000 lines, on ÷ off;
- the recorder's CPU: a process recording 16 kHz mono for `CPU_SECONDS`, its CPU
  time ÷ the wall time, as % of one core; the disk it writes, per hour;
- the sound lost after kill -9, over `KILLS` kills (`tests/faults/audio_kill.py`);
- lines' offsets against the sound: tones at known places, a line begun as each
  starts; the largest gap between a line's `audio_at` and its tone found in the
  recording.

``python -m bench.audio_bench CASE LINES on|off`` runs one typing case.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Figure, median, percentile

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
KILLS = 20
CPU_SECONDS = 20.0
TONES = 10


def _support() -> None:
    """The tests' helpers (tones, the kill harness) on the path."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)


def _noise(path: Path, seconds: float) -> Path:
    _support()
    from support.audio import write_tones

    return write_tones(path, seconds, [float(n) for n in range(0, int(seconds), 3)])


# -- typing with the recording on, in a child process ------------------------------------


def child(case: str, lines: int, on: bool) -> None:
    """Run the live screen's case `case` ("keys" or "commit") with the recording on or off."""
    import bench.tui_bench as tui

    scratch = Path(tempfile.mkdtemp(prefix="audio-bench-", dir=tui._scratch_parent()))
    os.environ.setdefault("LIVE_NOTES_CONFIG_DIR", str(scratch / "config"))
    wav = _noise(scratch / "in.wav", 600.0) if on else None
    plain_ready = tui.ready

    def live_app(data_dir: Path, meeting_id: str) -> Any:
        from live_notes.config import Config
        from live_notes.tui.app import LiveNotesApp

        return LiveNotesApp(data_dir, meeting_id, config=Config(), record=str(wav) if on else None)

    async def ready(app: Any) -> None:
        from live_notes.tui.recording import recording_of

        await plain_ready(app)
        if on:
            await tui.until(lambda: recording_of(app).recorder is not None)

    tui.live_app, tui.ready = live_app, ready  # type: ignore[assignment]
    try:
        cases = {"keys": tui.case_keys, "commit": tui.case_commit}
        samples = asyncio.run(cases[case](scratch / "data", lines))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps({"samples": samples}))


def spawn(case: str, lines: int, on: bool) -> list[float]:
    """One typing case in a fresh process (TEXTUAL_FPS=1000, as the live screen's bench)."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.audio_bench", case, str(lines), "on" if on else "off"],
        cwd=ROOT,
        env={**os.environ, "TEXTUAL_FPS": "1000"},
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"audio bench case {case} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])["samples"]


# -- the recorder alone ------------------------------------------------------------------

CPU_CHILD = """
import resource, sys, time
from pathlib import Path
from live_notes.audio.recorder import Recorder
from live_notes.audio.sources import FileSource
begin = resource.getrusage(resource.RUSAGE_SELF)
started = time.monotonic()
recorder = Recorder(Path(sys.argv[2]), FileSource(sys.argv[1])).start()
recorder._thread.join()
wall = time.monotonic() - started
end = resource.getrusage(resource.RUSAGE_SELF)
cpu = (end.ru_utime - begin.ru_utime) + (end.ru_stime - begin.ru_stime)
print(cpu / wall, wall)
"""


def recorder_cpu(work: Path) -> tuple[float, float, float]:
    """(% of one core, seconds recorded, bytes written) for a 16 kHz mono recording."""
    wav = _noise(work / "cpu.wav", CPU_SECONDS)
    folder = work / "cpu.audio"
    out = subprocess.run(
        [sys.executable, "-c", CPU_CHILD, str(wav), str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    share, _wall = map(float, out.stdout.split())
    from live_notes.audio.segments import recorded_seconds

    written = sum(path.stat().st_size for path in folder.iterdir())
    return share * 100, recorded_seconds(folder), written


def offsets(work: Path) -> list[float]:
    """|line's audio_at − its tone's onset in the recording|, for `TONES` lines."""
    _support()
    from support.audio import onsets_in, write_tones

    from live_notes.audio.recorder import Recorder
    from live_notes.audio.segments import Timeline
    from live_notes.audio.sources import FileSource
    from live_notes.domain.session import Session
    from live_notes.sample import sample_meeting

    onsets = [0.5 + 1.5 * n for n in range(TONES)]
    wav = write_tones(work / "tones.wav", onsets[-1] + 1.5, onsets)
    session = Session(sample_meeting("ja"))
    session.open()
    session.switch_item(session.leaf_items()[1].id)
    recorder = Recorder(work / "tones.audio", FileSource(wav)).start()
    session.audio = recorder.position
    started = time.monotonic()
    for number, onset in enumerate(onsets):
        while time.monotonic() - started < onset:
            time.sleep(0.002)
        session.begin_line()
        time.sleep(0.4)
        session.commit_line(f"line {number}")
    recorder.stop()
    heard = onsets_in(Timeline(work / "tones.audio"))
    lines = session.meeting.utterances
    return [abs((line.audio_at or 0) - tone) for line, tone in zip(lines, heard, strict=True)]


def run() -> list[Figure]:
    """Every figure of the recording, measured side by side in this run."""
    figures: list[Figure] = []
    keys: dict[tuple[int, bool], list[float]] = {(n, on): [] for n in (10, 10_000) for on in (0, 1)}
    for _ in range(ROUNDS):  # alternating, so a busy moment falls on all alike
        for (n, on), samples in keys.items():
            samples += spawn("keys", n, bool(on))
    for n in (10, 10_000):
        on, off = percentile(keys[(n, True)], 99), percentile(keys[(n, False)], 99)
        figures.append(
            Figure(
                f"audio.keystroke_p99_ratio.{n}",
                on / off,
                "×",
                f"typing one character at {n:,} lines, p99 with the recording on ÷ off "
                f"({on:.2f} ÷ {off:.2f} ms; medians {median(keys[(n, True)]):.2f} and "
                f"{median(keys[(n, False)]):.2f} ms; {len(keys[(n, True)])} keys each)",
                "≤ 1.1×",
                on / off <= 1.1,
            )
        )
    commits = {on: spawn("commit", 10_000, on) for on in (False, True)}
    on, off = percentile(commits[True], 99), percentile(commits[False], 99)
    figures.append(
        Figure(
            "audio.commit_shown_p99_ratio.10000",
            on / off,
            "×",
            f"Enter to the line shown at 10,000 lines, p99 recording on ÷ off "
            f"({on:.2f} ÷ {off:.2f} ms)",
        )
    )
    with tempfile.TemporaryDirectory(prefix="audio-bench-") as scratch:
        work = Path(scratch)
        cpu, seconds, written = recorder_cpu(work)
        figures.append(
            Figure(
                "audio.recorder_cpu_pct",
                cpu,
                "%",
                f"CPU of a process recording 16 kHz mono for {seconds:.0f} s, % of one core",
                "≤ 5%",
                cpu <= 5,
            )
        )
        figures.append(
            Figure(
                "audio.disk_mb_per_hour",
                written / seconds * 3600 / 1e6,
                "MB",
                "disk per hour of meeting: 16-bit WAV segments at 16 kHz mono "
                "(`live-notes audio --out` makes a FLAC about half of it for speech)",
            )
        )
        _support()
        from faults.audio_kill import kill_rounds

        wav = _noise(work / "kill.wav", 8.0)
        killed = kill_rounds(work, wav, KILLS, seed=13)
        worst = max(killed.lost)
        figures.append(
            Figure(
                "audio.sound_lost_after_kill_s",
                worst,
                "s",
                f"sound lost after kill -9 while recording, worst of {killed.rounds} kills "
                f"(median {median(killed.lost):.3f} s; segments that did not play: "
                f"{killed.unplayable}; rounds whose sound differed: {killed.wrong})",
                "≤ 2 s",
                worst <= 2 and killed.unplayable == 0 and killed.wrong == 0,
            )
        )
        gaps = offsets(work)
        figures.append(
            Figure(
                "audio.line_offset_error_s",
                max(gaps),
                "s",
                f"largest gap between a line's place and its tone in the recording, "
                f"{len(gaps)} lines (median {median(gaps):.3f} s)",
                "≤ 0.2 s",
                max(gaps) <= 0.2,
            )
        )
    return figures


if __name__ == "__main__":
    child(sys.argv[1], int(sys.argv[2]), sys.argv[3] == "on")
    sys.exit(0)
