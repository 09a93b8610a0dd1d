"""Exporting a 10,000-line meeting: text, Markdown, HTML, Word and the JSON archive.

Each figure is the median wall time of `live_notes.export.export` writing the file
(composition, template, fsync and rename included) into a temporary folder.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Figure, median
from live_notes.export import ExportOptions, export
from live_notes.sample import big_meeting

LINES = 10_000
PLAN = [
    # format, repetitions, target in seconds (None: no target, a comparison figure)
    ("txt", 5, 0.5),
    ("md", 5, 0.5),
    ("html", 5, 0.5),
    ("docx", 3, 1.5),
    ("json", 5, None),
]


def run() -> list[Figure]:
    """Median export times for the 10,000-line meeting, one figure per format."""
    meeting = big_meeting(LINES)
    options = ExportOptions(edition="internal")  # every line goes out
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, repeat, target in PLAN:
            samples = []
            for n in range(repeat):
                path = Path(tmp) / f"minutes-{n}.{fmt}"
                start = time.perf_counter()
                export(meeting, path, options=options)
                samples.append(time.perf_counter() - start)
            value = median(samples)
            figures.append(
                Figure(
                    name=f"export.{fmt}_s.{LINES}",
                    value=value,
                    unit="s",
                    what=f"export a {LINES:,}-line meeting to .{fmt} (median of {repeat})",
                    target=f"≤ {target:g} s" if target is not None else "",
                    met=None if target is None else value <= target,
                )
            )
    return figures
