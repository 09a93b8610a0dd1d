"""SIGKILL the real app under tmux while the clerk types: nothing shown is lost.

Two rounds (one ending half typed after a pause, one right after Enter) run in
``make test``; ``make faults`` runs 25 rounds ending at random.
``LIVE_NOTES_APP_KILL_SEED`` fixes the seed.
"""

from __future__ import annotations

import os
import random
from typing import TYPE_CHECKING

import pytest
from support.crash_writer import new_meeting

from faults.app_kill import AppKiller
from faults.support import full_run, record, rounds
from faults.tmux_app import TmuxApp, tmux_available

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [
    pytest.mark.skipif(not tmux_available(), reason="needs tmux"),
    pytest.mark.timeout(600),
]


def test_kill_the_app_while_typing(tmp_path: Path) -> None:
    seed = int(os.environ.get("LIVE_NOTES_APP_KILL_SEED", random.randrange(1 << 30)))
    data_dir = tmp_path / "data"
    meeting_id = new_meeting(data_dir)
    app = TmuxApp(tmp_path, env={"LIVE_NOTES_CONFIG_DIR": str(tmp_path / "config")})
    killer = AppKiller(app, data_dir, meeting_id, seed)
    count = rounds(2, 25)
    try:
        result = killer.run(count, modes=None if full_run() else ["typing-quiet", "enter"])
    finally:
        app.stop()
    record(
        "Kill the app under tmux",
        "live-notes under tmux, lines typed (Japanese, English, role keys), SIGKILL at a "
        "random moment: half typed, right after Enter, or during start-up",
        rounds=result.rounds,
        lost=result.lost,
        unopenable=result.unopenable,
        tracebacks=result.tracebacks,
        shown=result.shown,
        invented=result.invented,
        not_offered=result.not_offered,
        **{f"draft_{kind}": n for kind, n in result.drafts.items()},
    )
    context = f"seed {seed}: " + "\n".join(result.problems[:3])
    assert result.rounds == count, context
    assert result.shown >= count, context  # lines really were typed and shown
    assert (result.lost, result.invented, result.unopenable) == (0, 0, 0), context
    assert result.tracebacks == 0 and result.not_offered == 0, context
    assert result.problems == [], context
