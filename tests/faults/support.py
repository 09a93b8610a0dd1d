"""What the fault tests share: round counts, hypothesis profiles and the results folder.

``make faults`` sets ``LIVE_NOTES_FAULTS=1`` (the big round counts and the
``faults`` hypothesis profile) and ``LIVE_NOTES_FAULTS_RESULTS`` (a folder):
each fault test then adds what it tried and what it found to
``<folder>/<fault>.json``, and ``python -m bench.faults_report`` turns the
folder into docs/reliability.md. In ``make test`` nothing is written.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from collections.abc import Iterator

from live_notes.cli import main

FAULTS_ENV = "LIVE_NOTES_FAULTS"
RESULTS_ENV = "LIVE_NOTES_FAULTS_RESULTS"

settings.register_profile(
    "quick",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "faults",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def full_run() -> bool:
    """Whether this is the full fault run (``make faults``), not the quick subset."""
    return os.environ.get(FAULTS_ENV, "") == "1"


def rounds(quick: int, full: int) -> int:
    """The round count for this run."""
    return full if full_run() else quick


def fuzz_settings() -> settings:
    """The hypothesis settings: 50 examples in ``make test``, 1000 under ``make faults``."""
    return settings.get_profile("faults" if full_run() else "quick")


COUNTS = ("rounds", "lost", "unopenable", "tracebacks")
"""What every fault records: rounds tried, acknowledged changes lost, files that did
not open again, tracebacks shown to the clerk."""


def record(fault: str, what: str = "", **counts: int) -> None:
    """Add one test's counts to the results of `fault` (only under ``make faults``).

    Args:
        fault: The fault's name, as the report's row shows it.
        what: One line on what the rounds did (kept from the first call).
        **counts: ``rounds``, ``lost``, ``unopenable``, ``tracebacks``, and any
            other count worth showing (``draft_whole=3``), added to earlier ones.
    """
    folder = os.environ.get(RESULTS_ENV, "").strip()
    if not folder:
        return
    path = Path(folder) / (re.sub(r"[^a-z0-9]+", "-", fault.lower()).strip("-") + ".json")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path.with_suffix(".lock")):
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data.setdefault("fault", fault)
        if what and not data.get("what"):
            data["what"] = what
        totals = data.setdefault("counts", dict.fromkeys(COUNTS, 0))
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + int(value)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with FileLock(path):
        yield


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``live-notes ARGV`` in this process; (exit code, stdout, stderr). Never raises."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()
