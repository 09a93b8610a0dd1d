"""Review at 10,000 lines, through the domain and the store: find, edit, move, delete,
a note after a line, replace-all, and a diff of two 10,000-line versions.

Each command is timed as the clerk gets it: validated, journalled (fsynced) and
applied to the meeting. (The screen's share of the same keys is in the tui figures.)
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Figure, median, percentile
from bench.store_bench import build_meeting, scratch_parent, timed
from live_notes.domain.line_commands import find
from live_notes.domain.session import Session
from live_notes.domain.versions import diff_lines
from live_notes.store import MeetingStore

LINES = 10_000
REPEAT = 50
TARGET_MS = 50.0
DIFF_TARGET_S = 0.5


def _figure(name: str, samples: list[float], what: str) -> list[Figure]:
    p99 = percentile(samples, 99)
    return [
        Figure(f"review.{name}_p50_ms.{LINES}", median(samples), "ms", what),
        Figure(f"review.{name}_p99_ms.{LINES}", p99, "ms", what, "≤ 50 ms", p99 <= TARGET_MS),
    ]


def command_figures(base: Path) -> list[Figure]:
    """find, edit, move, delete, note and replace at 10,000 lines."""
    store = MeetingStore.create(base / "review", build_meeting(LINES))
    try:
        session = Session(store.meeting, sink=store.append)
        meeting = store.meeting
        middle = meeting.utterances[LINES // 2].id
        figures = _figure(
            "find",
            timed(lambda: find(meeting, "非開示"), REPEAT),
            f"find a word on every one of {LINES:,} lines",
        )
        figures += _figure(
            "find_rare",
            timed(lambda: find(meeting, "(12"), REPEAT),
            f"find a text on 1% of {LINES:,} lines",
        )
        counter = iter(range(10**6))
        figures += _figure(
            "edit",
            timed(lambda: session.update_line(middle, text=f"訂正 {next(counter)}"), REPEAT),
            "edit a line's text",
        )
        steps = iter([-1, 1] * REPEAT)
        figures += _figure(
            "move",
            timed(lambda: session.move_line(middle, next(steps)), REPEAT),
            "move a line up or down within its item",
        )
        figures += _figure(
            "note",
            timed(lambda: session.note_after(middle, "※資料参照"), REPEAT),
            "place a ※ note after a line",
        )
        victims = iter([line.id for line in meeting.utterances[100 : 100 + REPEAT]])
        figures += _figure(
            "delete",
            timed(lambda: session.delete_line(next(victims)), REPEAT),
            "delete a line",
        )
        hits = find(meeting, "理由")[:200]
        start = time.perf_counter()
        session.replace(hits, "わけ")
        replace_ms = (time.perf_counter() - start) * 1000
        figures.append(
            Figure(
                f"review.replace_200_ms.{LINES}",
                replace_ms,
                "ms",
                "replace 200 chosen hits as one journalled change",
            )
        )
    finally:
        store.close()
    return figures


def diff_figure() -> Figure:
    """The diff of two 10,000-line versions with 100 lines changed."""
    old = build_meeting(LINES)
    new = old.model_copy(deep=True)
    for line in new.utterances[::100]:
        line.text += "(訂正)"
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        diff_lines(old, new, "version 1", "version 2")
        samples.append(time.perf_counter() - start)
    worst = max(samples)
    return Figure(
        f"review.diff_s.{LINES}",
        worst,
        "s",
        f"diff two {LINES:,}-line versions, 100 lines changed (worst of 5)",
        "≤ 0.5 s",
        worst <= DIFF_TARGET_S,
    )


def run() -> list[Figure]:
    """Every review figure, measured in one run."""
    with tempfile.TemporaryDirectory(prefix="live-notes-bench-", dir=scratch_parent()) as tmp:
        figures = command_figures(Path(tmp))
    figures.append(diff_figure())
    return figures


if __name__ == "__main__":
    for fig in run():
        mark = "" if fig.met is None else (" ok" if fig.met else " MISSED")
        print(f"{fig.name:45} {fig.value:12.3f} {fig.unit:3} {fig.target}{mark}")
