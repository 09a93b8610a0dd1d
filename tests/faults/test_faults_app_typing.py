"""What the real app does with fast typing, a kill right after Enter, and a long item.

Each test states the behaviour the clerk needs:

- keys arriving in one burst (a fast typist, a busy machine, a text expander)
  must give the line typed: left to Textual, a text field's bound keys (Backspace,
  Enter) bubble to the app and run after letters typed later, so a Backspace
  could delete the wrong letter and an Enter commit half a line
  (Textualize/textual#6605); the entry line runs its own keys in order;
- a kill within the draft delay after Enter must not offer back a line that
  is already committed (it does not);
- the line just committed must be on screen, however many lines the item has
  (including the first line past the view's height).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest
from support.crash_writer import new_meeting

from faults.app_kill import entry_row, ready, shown_tags
from faults.support import record
from faults.tmux_app import TmuxApp, tmux_available
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.skipif(not tmux_available(), reason="needs tmux")


@pytest.fixture
def app(tmp_path: Path):
    """The app in tmux on a fresh, opened meeting; (harness, data dir, meeting id)."""
    data = tmp_path / "data"
    meeting_id = new_meeting(data)
    harness = TmuxApp(tmp_path, env={"LIVE_NOTES_CONFIG_DIR": str(tmp_path / "config")})
    harness.start("--data-dir", str(data), "open", meeting_id, name="typing")
    try:
        assert harness.wait_for(ready, timeout=20) is not None
        yield harness, data, meeting_id
    finally:
        harness.stop()


def stored_lines(data: Path, meeting_id: str) -> list[str]:
    return [u.text for u in MeetingStore.open(data, meeting_id, readonly=True).meeting.utterances]


def test_keys_in_one_burst_give_the_lines_typed(app) -> None:
    harness, data, meeting_id = app
    wanted = [f"k000x{n:02d} 質問abc" for n in range(5)]
    for n in range(5):  # each line in one burst: a typo, Backspace, the rest, Enter
        harness.keys(f"k000x{n:02d} 質問abx", "BSpace", "c", "Enter")
    harness.wait_for(lambda r: "k000x04" in shown_tags(r), timeout=5)
    time.sleep(0.5)
    got = stored_lines(data, meeting_id)
    record(
        "Keys in one burst",
        "5 lines each typed as one burst: letters, a typo, Backspace, the rest, Enter",
        rounds=len(wanted),
        wrong_lines=len([line for line in wanted if line not in got]) + abs(len(got) - 5),
    )
    assert got == wanted


def test_a_kill_just_after_enter_offers_back_nothing(app) -> None:
    harness, data, meeting_id = app
    line = "k000x00 保存済みの行"
    harness.text(line)
    assert harness.wait_for(lambda r: line in entry_row(r), timeout=5)
    time.sleep(0.8)  # a pause: the draft is saved
    harness.keys("Enter")
    assert harness.wait_for(lambda r: "k000x00" in shown_tags(r), timeout=5)
    harness.kill9()
    store = MeetingStore.open(data, meeting_id, readonly=True)
    draft = store.load_draft()
    record(
        "Kill right after Enter",
        "a line typed, a pause, Enter, SIGKILL as soon as the line is shown",
        rounds=1,
        committed_line_offered_back=int(draft == line),
    )
    assert stored_lines(data, meeting_id) == [line]
    assert draft == ""


def test_the_line_just_committed_is_on_screen_in_a_long_item(app) -> None:
    harness, _data, _meeting_id = app
    hidden = 0
    for n in range(40):
        line = f"k{n:03d}x00 行"
        harness.text(line)
        assert harness.wait_for(lambda r, line=line: line in entry_row(r), timeout=5)
        harness.keys("Enter")
        rows = harness.wait_for(lambda r, n=n: f"k{n:03d}x00" in shown_tags(r), timeout=2)
        hidden += rows is None
    record(
        "Long item on screen",
        "40 lines committed in one item at 120x40",
        rounds=40,
        committed_lines_not_shown=hidden,
    )
    assert hidden == 0
