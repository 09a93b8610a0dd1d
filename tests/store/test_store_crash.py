"""Kill -9 at random moments: every acknowledged change is there and the meeting opens.

The writer is a separate process (tests/support/crash_writer.py) taking minutes through a
live session; see that module for how acknowledgements are counted. The quick
version runs in ``make test``; ``make faults`` runs 200 rounds (marked slow).
``LIVE_NOTES_KILL_ROUNDS`` and ``LIVE_NOTES_KILL_SEED`` change the count and the seed.
"""

from __future__ import annotations

import os
import random
from typing import TYPE_CHECKING, Any

import pytest
from support import crash_writer

if TYPE_CHECKING:
    from pathlib import Path

QUICK_ROUNDS = int(os.environ.get("LIVE_NOTES_KILL_ROUNDS", "30"))


def _seed() -> int:
    return int(os.environ.get("LIVE_NOTES_KILL_SEED", random.randrange(1 << 30)))


def _assert_nothing_lost(result: crash_writer.KillResult, rounds: int, seed: int) -> None:
    context = f"seed {seed}: {result.problems[:5]}"
    assert result.rounds == rounds, context
    assert result.unopenable == 0, context
    assert result.lost == 0, context
    assert result.problems == [], context
    assert result.acknowledged >= rounds * 10, context  # the writer really wrote


def test_kill_at_random_moments_loses_nothing_acknowledged(tmp_path: Path) -> None:
    seed = _seed()
    result = crash_writer.kill_rounds(tmp_path / "data", QUICK_ROUNDS, seed=seed)
    _assert_nothing_lost(result, QUICK_ROUNDS, seed)


@pytest.mark.slow
def test_kill_200_rounds(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("200 rounds run with -m slow (make faults)")
    seed = _seed()
    result = crash_writer.kill_rounds(tmp_path / "data", 200, seed=seed)
    _assert_nothing_lost(result, 200, seed)


def test_the_check_sees_a_lost_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If reopening gave back less than was acknowledged, the kill test would say so."""
    real = crash_writer.state_of

    def forgetful(store: Any) -> dict[str, Any]:
        state = real(store)
        if state["lines"]:
            state["lines"].pop(max(state["lines"]))
        return state

    monkeypatch.setattr(crash_writer, "state_of", forgetful)
    result = crash_writer.kill_rounds(tmp_path / "data", 3, seed=7)
    assert result.lost > 0 and result.problems


def test_expected_state_follows_each_command() -> None:
    state: dict[str, Any] = {"lines": {}, "attendance": {}, "item": "a", "draft": ""}
    state = crash_writer.effect(state, {"op": "add", "id": 1, "text": "一"})
    state = crash_writer.effect(state, {"op": "edit", "id": 1, "text": "二"})
    state = crash_writer.effect(state, {"op": "mark", "person": "aoki", "status": "late"})
    state = crash_writer.effect(state, {"op": "switch", "item": "b"})
    assert state == {"lines": {1: "二"}, "attendance": {"aoki": "late"}, "item": "b", "draft": ""}
    deleted = crash_writer.effect(state, {"op": "delete", "id": 1})
    assert crash_writer.differences(state, deleted) == 1
