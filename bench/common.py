"""What every benchmark module returns, and the statistics they share."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass
class Figure:
    """One measured figure.

    Attributes:
        name: Stable name, the key in docs/benchmarks.json (``store.commit_p99_ms.10000``).
        value: The measured value.
        unit: Unit shown in the table (``ms``, ``s``, ``MB``, ``×``).
        what: What was measured, in words, for the table.
        target: The target, in words (``≤ 5 ms``), or "" for a comparison figure.
        met: Whether the target is met (None for a comparison figure).
    """

    name: str
    value: float
    unit: str
    what: str
    target: str = ""
    met: bool | None = None


def percentile(samples: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank) of samples."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(samples: list[float]) -> float:
    """The median of samples."""
    return statistics.median(samples)
