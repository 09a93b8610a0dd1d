"""Kill the real app under tmux while it is being typed into, and check what survives.

Each round starts ``live-notes --data-dir D open ID`` in a tmux pane, puts back
the line the last round left half typed (it must be in the entry), types a few
lines (Japanese and English, role keys between them), waits until each one is
shown on the screen, then ends in one of three ways: a line half typed and a
pause, a line committed with Enter, or nothing at all (the kill lands during
start-up). The screen is read, and the app gets SIGKILL at once.

Then the files are read back: every line the screen showed must be there with
the text typed; nothing may be there that was not typed; the file must open;
the draft must be "" or a prefix of a text that was in the entry, and the
whole half-typed line once the app had a quiet moment longer than its draft
delay (0.5 s) before the kill.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from live_notes.domain.session import Session
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

    from faults.tmux_app import TmuxApp

PHRASES = [
    "開示請求の範囲について",
    "委員から質問",
    "担当課の回答",
    "個人情報の扱い",
    "資料3を確認",
    "the board agreed",
    "question on item 2",
    "口座振替の委託先",
    "端末の更新時期",
]
ROLE_KEYS = ["F2", "F3", "F4", "F5"]
TAG = re.compile(r"k\d{3}x\d{2}")
QUIET = 1.2
"""Seconds without a keystroke after which the half-typed line must be kept whole
(the app saves it 0.5 s after the last key; the rest is margin for a busy machine)."""


@dataclass
class AppKillResult:
    """What the app-kill rounds found.

    Attributes:
        rounds: Rounds run (each ends with a SIGKILL).
        shown: Lines shown on screen as committed, over all rounds.
        lost: Lines shown but missing (or different) in the files.
        invented: Lines in the files that were never typed.
        unopenable: Rounds after which the meeting did not open.
        tracebacks: Screens that showed a traceback (or an app that died by itself).
        not_offered: Rounds whose start did not put the kept draft back in the entry.
        drafts: How the kept draft compared with the half-typed line, by kind.
        problems: A description of each failure.
    """

    rounds: int = 0
    shown: int = 0
    lost: int = 0
    invented: int = 0
    unopenable: int = 0
    tracebacks: int = 0
    not_offered: int = 0
    drafts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _rule(rows: list[str]) -> int:
    """The index of the heavy rule over the entry (the entry grows upwards from the footer)."""
    for index in range(len(rows) - 2, -1, -1):
        if rows[index].strip() and set(rows[index].strip()) == {"━"}:
            return index
    return max(len(rows) - 3, 0)


def entry_row(rows: list[str]) -> str:
    """The entry as the screen shows it: its rows between the rule and the footer, the
    wrapped ones joined (the role and section chips lead the first)."""
    return "".join(row.strip() for row in rows[_rule(rows) + 1 : -1])


def shown_tags(rows: list[str]) -> set[str]:
    """Tags of the lines shown as committed (everything above the entry)."""
    return set(TAG.findall("\n".join(rows[: _rule(rows)])))


def ready(rows: list[str]) -> bool:
    """The live screen is up: the status bar says the meeting is open, the footer is drawn."""
    return bool(rows) and "開会中" in rows[0] and "^p" in rows[-1]


def has_traceback(rows: list[str]) -> bool:
    """A Python traceback on the screen."""
    return any("Traceback (most recent call last)" in row for row in rows)


class AppKiller:
    """Runs the rounds on one meeting; keeps what was typed and what was shown."""

    def __init__(self, app: TmuxApp, data_dir: Path, meeting_id: str, seed: int) -> None:
        self.app = app
        self.data_dir = data_dir
        self.meeting_id = meeting_id
        self.rng = random.Random(seed)
        self.typed: dict[str, str] = {}
        self.acknowledged: set[str] = set()
        self.draft = ""
        self.result = AppKillResult()
        self.mode = ""
        self.quiet = 0.0
        self.in_entry: list[str] = []
        self.offered = ""
        self.last_key = 0.0
        with MeetingStore.open(data_dir, meeting_id, readonly=True) as store:
            self.leaves = [item.id for item in Session(store.meeting).leaf_items()]
            self.item_index = self.leaves.index(store.meeting.current_item_id or "")
        self.direction = 1

    def run(self, rounds: int, modes: list[str] | None = None) -> AppKillResult:
        """Run `rounds` rounds (their endings from `modes` in turn, else at random)."""
        for number in range(rounds):
            mode = modes[number % len(modes)] if modes else self._random_mode()
            self._round(number, mode)
            self._wait_dead()
            self.app.tmux("kill-session", "-t", f"r{number}", check=False)
            self.result.rounds += 1
            if not self._check(number):
                break
        return self.result

    def _random_mode(self) -> str:
        return self.rng.choices(["typing", "enter", "startup"], weights=[5, 4, 1])[0]

    def _line(self, number: int, index: int) -> str:
        tag = f"k{number:03d}x{index:02d}"
        text = f"{tag} {self.rng.choice(PHRASES)}"
        self.typed[tag] = text
        return text

    def _round(self, number: int, mode: str) -> None:
        app = self.app
        self.mode = mode
        self.quiet = 0.0
        app.start("--data-dir", str(self.data_dir), "open", self.meeting_id, name=f"r{number}")
        self.in_entry = [self.draft] if self.draft else []
        self.offered = self.draft
        self.last_key = time.monotonic()
        if mode == "startup":
            time.sleep(self.rng.uniform(0.0, 1.5))
            self._kill(number)
            return
        rows = app.wait_for(lambda r: ready(r) or app.dead(), timeout=20)
        if rows is None or not ready(rows):
            self._fail(number, "the app did not start", app.screen())
            return
        if self.draft:
            # a captured pane drops trailing spaces: the draft's own are not on screen
            shown = self.draft.rstrip()
            offered = app.wait_for(lambda r: shown in entry_row(r), timeout=3)
            if offered is None:
                self.result.not_offered += 1
                self._fail(number, f"the kept draft {self.draft!r} was not put back", rows)
            # The clerk drops it and goes on. Wait for the entry to empty before typing:
            # Textual runs a text field's bound keys (Backspace, Ctrl+U) after bubbling to
            # the app, so letters typed right behind them can overtake them
            # (Textualize/textual#6605); the burst test below shows it.
            app.keys("End", "C-u")
            if app.wait_for(lambda r: self.draft not in entry_row(r), timeout=3) is None:
                self._fail(number, "Ctrl+U did not empty the entry", app.screen())
        self._next_item(number)
        for index in range(self.rng.randint(1, 4)):
            if self.rng.random() < 0.3:
                app.keys(self.rng.choice(ROLE_KEYS))
            if not self._commit(number, self._line(number, index)):
                return
        last = self._line(number, 9)
        if mode.startswith("typing"):
            cut = self.rng.randint(1, len(last) - 1)
            self.in_entry.append(last[:cut])
            app.text(last[:cut])
            self.last_key = time.monotonic()
            time.sleep(QUIET + 0.3 if mode == "typing-quiet" else self.rng.uniform(0.0, 2.0))
        else:
            self.in_entry.append(last)
            app.text(last)
            app.wait_for(lambda r: last in entry_row(r), timeout=5)
            app.keys("Enter")
            self.last_key = time.monotonic()
            time.sleep(self.rng.uniform(0.0, 0.05))
        self._kill(number)

    def _next_item(self, number: int) -> None:
        """Move to another agenda item, back and forth, so each item's lines fit the view.

        (Once an item has more lines than the view has rows, a new line is not
        scrolled into view: see the report in docs/reliability.md.)
        """
        if self.item_index >= len(self.leaves) - 1:
            self.direction = -1
        elif self.item_index <= 0:
            self.direction = 1
        key = "C-Down" if self.direction > 0 else "C-Up"
        before = self.app.screen()[1]
        self.app.keys(key)
        if self.app.wait_for(lambda r: r[1] != before, timeout=3) is None:
            self._fail(number, f"{key} did not change the item", self.app.screen())

    def _commit(self, number: int, line: str) -> bool:
        """Type a line, wait until the entry shows it, Enter, wait until it is shown committed."""
        app = self.app
        self.in_entry.append(line)
        app.text(line)
        if app.wait_for(lambda r: line in entry_row(r), timeout=5) is None:
            self._fail(number, f"{line!r} never appeared in the entry", app.screen())
            return False
        app.keys("Enter")
        tag = line.split()[0]
        rows = app.wait_for(lambda r: tag in shown_tags(r) and line not in entry_row(r), 5)
        if rows is None:
            self._fail(number, f"{line!r} was not shown committed", app.screen())
            return False
        self.acknowledged |= shown_tags(rows)
        self.last_key = time.monotonic()
        return True

    def _kill(self, number: int) -> None:
        """Read the screen, then SIGKILL the app: what the screen showed was acknowledged."""
        rows = self.app.screen()
        quiet = time.monotonic() - self.last_key
        dead_already = self.app.dead()
        self.app.kill9()
        self.quiet = quiet
        self.acknowledged |= shown_tags(rows)
        if dead_already or has_traceback(rows):
            self.result.tracebacks += 1
            self._fail(number, "the app had stopped by itself", rows)

    def _fail(self, number: int, what: str, rows: list[str]) -> None:
        screen = "\n".join(row.rstrip() for row in rows if row.strip())
        self.result.problems.append(f"round {number}: {what}\n{screen}")

    def _wait_dead(self) -> None:
        end = time.monotonic() + 5
        while not self.app.dead() and time.monotonic() < end:
            time.sleep(0.02)

    def _check(self, number: int) -> bool:
        """Read the files back; False when they do not open (the rounds stop)."""
        try:
            store = MeetingStore.open(self.data_dir, self.meeting_id, readonly=True)
            draft = store.load_draft()
        except Exception as exc:
            self.result.unopenable += 1
            self.result.problems.append(f"round {number}: does not open: {exc}")
            return False
        if store.meeting.current_item_id in self.leaves:
            self.item_index = self.leaves.index(store.meeting.current_item_id)
        saved = {}
        for line in store.meeting.utterances:
            tag = line.text.split()[0]
            saved[tag] = line.text
            if self.typed.get(tag) != line.text:
                self.result.invented += 1
                self.result.problems.append(f"round {number}: never typed: {line.text!r}")
        for tag in sorted(self.acknowledged):
            if saved.get(tag) != self.typed[tag]:
                self.result.lost += 1
                self.result.problems.append(f"round {number}: shown but lost: {tag}")
        self.result.shown = len(self.acknowledged)
        self._judge_draft(number, draft, saved)
        self.draft = draft
        return True

    def _judge_draft(self, number: int, draft: str, saved: dict[str, str]) -> None:
        """Sort the kept draft; a draft never typed, or not the whole half line after a
        quiet moment, is a failure."""
        half = self.in_entry[-1] if self.in_entry else ""
        committed = set(saved.values())
        if not draft:
            kind = "empty"
        elif half not in committed and draft == half:
            kind = "whole"
        elif half not in committed and half.startswith(draft):
            kind = "prefix"
        elif self.offered and self.offered.startswith(draft):
            kind = "cleared_again"  # the one put back at start, which the clerk cleared
        elif any(text.startswith(draft) for text in committed):
            kind = "committed_again"
        elif any(text.startswith(draft) for text in self.in_entry):
            kind = "older"
        else:
            kind = "invented"
            self.result.problems.append(f"round {number}: draft {draft!r} was never typed")
        self.result.drafts[kind] = self.result.drafts.get(kind, 0) + 1
        if self.mode.startswith("typing") and self.quiet >= QUIET and draft != half:
            self.result.problems.append(
                f"round {number}: {self.quiet:.1f} s after the last key the draft was "
                f"{draft!r}, not the half-typed {half!r}"
            )
