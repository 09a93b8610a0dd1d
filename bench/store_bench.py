"""Store benchmarks: commit latency by meeting size, beside TinyDB's default storage.

Measured side by side in one run, in a scratch directory on a real disk (not a
tmpfs, where fsync costs nothing):

- committing a line through a live `Session` whose sink is `MeetingStore.append`
  (one journal write + fsync), at 100, 1,000 and 10,000 lines already in the meeting;
- TinyDB's default JSONStorage inserting one document per line at the same sizes
  (it rewrites the whole file on every insert);
- a bare 300-byte append + fsync, the floor under any durable commit;
- reopening a 10,000-line meeting, compacted (after a close) and with every line
  still in the journal (after a crash);
- the 200-round kill test (tests/support/crash_writer.py).
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tinydb import TinyDB

from bench.common import Figure, median, percentile
from live_notes.domain.models import Meeting, Presence
from live_notes.domain.plan import parse_plan
from live_notes.domain.session import Session
from live_notes.resources import sample_plan
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from collections.abc import Callable

SIZES = (100, 1000, 10000)
COMMITS = 1000
TINYDB_INSERTS = 60
REOPENS = 5
KILL_ROUNDS = int(os.environ.get("LIVE_NOTES_KILL_ROUNDS", "200"))
ROOT = Path(__file__).resolve().parent.parent
LINE = "委員 個人情報の開示請求について、非開示とした部分の理由を伺いたい。"


def scratch_parent() -> str | None:
    """A directory on a real disk for scratch files: /tmp unless it is a tmpfs."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    for line in mounts:
        fields = line.split()
        if len(fields) > 2 and fields[1] == "/tmp" and fields[2] == "tmpfs":
            return "/var/tmp"
    return None


def build_meeting(lines: int) -> Meeting:
    """The Japanese sample meeting, opened, with `lines` lines spread over its items."""
    meeting = parse_plan(sample_plan("ja").read_text(encoding="utf-8"), "bench")
    session = Session(meeting)
    session.open()
    for person in meeting.people:
        session.mark(person.id, Presence.PRESENT)
    leaves = session.leaf_items()
    per_item = max(1, lines // len(leaves))
    for number in range(lines):
        if number % per_item == 0:
            session.switch_item(leaves[min(number // per_item, len(leaves) - 1)].id)
        session.commit_line(f"{LINE}({number})")
    return meeting


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call of `action`, `repeat` times."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def commit_samples(base: Path) -> tuple[dict[int, list[float]], Path, str]:
    """Commit latencies at each meeting size, taken in turns so disk noise hits all alike.

    Returns the samples by size, and the data dir and id of the 10,000-line meeting.
    """
    sessions: dict[int, Session] = {}
    stores: dict[int, MeetingStore] = {}
    for lines in SIZES:
        stores[lines] = MeetingStore.create(base / f"store-{lines}", build_meeting(lines))
        sessions[lines] = Session(stores[lines].meeting, sink=stores[lines].append)
        timed(lambda s=sessions[lines]: s.commit_line(LINE), 20)  # warm-up
    gc.collect()
    samples: dict[int, list[float]] = {lines: [] for lines in SIZES}
    for _ in range(COMMITS):
        for lines in SIZES:
            session = sessions[lines]
            samples[lines] += timed(lambda s=session: s.commit_line(LINE), 1)
    for store in stores.values():
        store.close()
    biggest = stores[SIZES[-1]]
    return samples, biggest.data_dir, biggest.meeting.id


def tinydb_samples(base: Path, lines: int) -> list[float]:
    """TinyDB's default JSONStorage: one insert per line into a file of `lines` documents."""
    meeting = build_meeting(min(lines, 50))
    doc = meeting.utterances[-1].model_dump(mode="json")
    db = TinyDB(base / f"tinydb-{lines}.json")
    db.insert_multiple(dict(doc, id=i) for i in range(lines))
    samples = timed(lambda: db.insert(doc), TINYDB_INSERTS)
    db.close()
    return samples


def fsync_samples(base: Path) -> list[float]:
    """A bare 300-byte append + fsync."""
    fd = os.open(base / "fsync.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    payload = b"x" * 299 + b"\n"

    def once() -> None:
        os.write(fd, payload)
        os.fsync(fd)

    try:
        timed(once, 20)
        return timed(once, COMMITS)
    finally:
        os.close(fd)


def reopen_samples(data_dir: Path, meeting_id: str) -> list[float]:
    """Seconds to open a meeting for writing (and close it unchanged)."""
    samples = []
    for _ in range(REOPENS):
        start = time.perf_counter()
        store = MeetingStore.open(data_dir, meeting_id)
        samples.append(time.perf_counter() - start)
        assert len(store.meeting.utterances) >= 10000
        store.close()
    return samples


def compact_samples(data_dir: Path, meeting_id: str) -> list[float]:
    """Seconds to fold one new line into the snapshot of a 10,000-line meeting."""
    samples = []
    with MeetingStore.open(data_dir, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        for _ in range(REOPENS):
            session.commit_line(LINE)
            start = time.perf_counter()
            store.compact()
            samples.append(time.perf_counter() - start)
    return samples


def journal_reopen_samples(base: Path) -> list[float]:
    """Seconds to open a 10,000-line meeting whose lines are all still in the journal."""
    source = base / "journal-source"
    meeting = build_meeting(0)
    store = MeetingStore.create(source, meeting)
    session = Session(store.meeting, sink=store.append)
    leaves = session.leaf_items()
    for number in range(10000):
        if number % 1000 == 0:
            session.switch_item(leaves[number // 1000 % len(leaves)].id)
        session.commit_line(f"{LINE}({number})")
    os.close(store._fd or -1)  # a crash: no compaction on close
    assert store._lock is not None
    store._lock.release()
    samples = []
    for attempt in range(REOPENS):
        copy = base / f"journal-copy-{attempt}"
        shutil.copytree(source, copy)
        start = time.perf_counter()
        store = MeetingStore.open(copy, meeting.id)
        samples.append(time.perf_counter() - start)
        assert len(store.meeting.utterances) == 10000 and store.pending == 0
        store.close()
    return samples


def kill_figures(base: Path) -> list[Figure]:
    """The kill test, `KILL_ROUNDS` rounds."""
    sys.path.insert(0, str(ROOT / "tests"))
    from support import crash_writer

    result = crash_writer.kill_rounds(base / "kill", KILL_ROUNDS, seed=int(time.time()))
    lost = result.lost + result.unopenable
    return [
        Figure("store.kill_rounds", result.rounds, "", "writer SIGKILLed at random moments"),
        Figure(
            "store.kill_lost",
            lost,
            "",
            f"acknowledged changes lost or files unopenable ({result.acknowledged} acknowledged)",
            "0",
            lost == 0 and not result.problems,
        ),
    ]


def run() -> list[Figure]:
    """Every store figure, measured in one run."""
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="live-notes-bench-", dir=scratch_parent()) as tmp:
        base = Path(tmp)
        by_size, data_dir, meeting_id = commit_samples(base)
        p99: dict[int, float] = {}
        for lines, samples in by_size.items():
            p99[lines] = percentile(samples, 99)
            what = f"commit a line, {lines:,} lines in the meeting ({COMMITS} commits)"
            figures.append(Figure(f"store.commit_p50_ms.{lines}", median(samples), "ms", what))
            target = "≤ 5 ms" if lines == 10000 else ""
            met = p99[lines] <= 5 if lines == 10000 else None
            figures.append(
                Figure(f"store.commit_p99_ms.{lines}", p99[lines], "ms", what, target, met)
            )
        reopen = reopen_samples(data_dir, meeting_id)
        compact = compact_samples(data_dir, meeting_id)
        ratio = p99[10000] / p99[100]
        figures.append(
            Figure(
                "store.commit_p99_ratio_10000_vs_100",
                ratio,
                "×",
                "commit p99 at 10,000 lines over p99 at 100",
                "≤ 2",
                ratio <= 2,
            )
        )
        for lines in SIZES:
            samples = tinydb_samples(base, lines)
            what = f"TinyDB default JSONStorage, one insert at {lines:,} documents ({TINYDB_INSERTS} inserts)"
            figures.append(
                Figure(f"store.tinydb_default_p50_ms.{lines}", median(samples), "ms", what)
            )
            figures.append(
                Figure(f"store.tinydb_default_p99_ms.{lines}", percentile(samples, 99), "ms", what)
            )
        fsync = fsync_samples(base)
        what = f"bare 300-byte append + fsync ({len(fsync)} times)"
        figures.append(Figure("store.fsync_p50_ms", median(fsync), "ms", what))
        figures.append(Figure("store.fsync_p99_ms", percentile(fsync, 99), "ms", what))
        value = median(reopen)
        figures.append(
            Figure(
                "store.reopen_s.10000",
                value,
                "s",
                f"open a 10,000-line meeting for writing, compacted (median of {REOPENS})",
                "< 0.5 s",
                value < 0.5,
            )
        )
        figures.append(
            Figure(
                "store.compact_s.10000",
                median(compact),
                "s",
                f"fold the journal into the snapshot at 10,000 lines (close; median of {REOPENS})",
            )
        )
        value = median(journal_reopen_samples(base))
        figures.append(
            Figure(
                "store.reopen_journal_s.10000",
                value,
                "s",
                "open a 10,000-line meeting after a crash, every line in the journal "
                f"(replay + compaction, median of {REOPENS})",
                "< 0.5 s",
                value < 0.5,
            )
        )
        draft_dir = base / "draft"
        store = MeetingStore.create(draft_dir, build_meeting(0))
        draft = timed(lambda: store.save_draft(LINE), 300)
        store.close()
        figures.append(
            Figure(
                "store.draft_p99_ms",
                percentile(draft, 99),
                "ms",
                "keep the line being typed (temp file + fsync + rename, 300 times)",
            )
        )
        figures += kill_figures(base)
    return figures
