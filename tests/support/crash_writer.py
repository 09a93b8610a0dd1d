"""The kill test: a writer process taking minutes, killed with SIGKILL at random moments.

Run as a script, it is the writer: it opens a meeting for writing and, through a
live `Session` whose sink is the store, commits lines, edits and deletes them,
marks attendance, switches items, keeps a draft line and now and then compacts.
Before each command it prints ``T <json>`` (what it is about to do); after the
command returns — the change is on disk — it prints ``A <seq>``.

Imported, `kill_rounds` is the parent: it starts the writer, kills it after a
random number of acknowledgements (plus a random few milliseconds, so the kill
lands anywhere: inside a write, an fsync, a compaction, the startup), reopens the
meeting and checks that every acknowledged command is there. The one command
that was started but not acknowledged may or may not be there; nothing else.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from live_notes.domain.models import Presence
from live_notes.domain.plan import parse_plan
from live_notes.domain.session import Session
from live_notes.resources import sample_plan
from live_notes.store import MeetingStore, meeting_store

WORDS = ["個人情報", "開示請求", "審議会", "委員", "担当課", "資料", "確認", "the", "board", "質問"]
MARKS = [Presence.PRESENT, Presence.ABSENT, Presence.LATE, Presence.LEFT_EARLY, Presence.ONLINE]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 25)))


def _pick_op(rng: random.Random, session: Session, store: MeetingStore) -> dict[str, Any]:
    meeting = session.meeting
    lines = [line.id for line in meeting.utterances]
    roll = rng.random()
    if roll < 0.45 or not lines:
        return {"op": "add", "id": meeting.next_seq, "text": _text(rng)}
    if roll < 0.60:
        return {"op": "edit", "id": rng.choice(lines), "text": _text(rng)}
    if roll < 0.70:
        return {"op": "delete", "id": rng.choice(lines)}
    if roll < 0.80:
        person = rng.choice(meeting.people).id
        return {"op": "mark", "person": person, "status": rng.choice(MARKS).value}
    if roll < 0.90:
        return {"op": "switch", "item": rng.choice(session.leaf_items()).id}
    if roll < 0.98:
        return {"op": "draft", "text": _text(rng) if rng.random() < 0.8 else ""}
    return {"op": "compact"}


def _perform(op: dict[str, Any], session: Session, store: MeetingStore) -> None:
    kind = op["op"]
    if kind == "add":
        session.commit_line(op["text"])
    elif kind == "edit":
        session.update_line(op["id"], text=op["text"])
    elif kind == "delete":
        session.delete_line(op["id"])
    elif kind == "mark":
        session.mark(op["person"], Presence(op["status"]))
    elif kind == "switch":
        session.switch_item(op["item"])
    elif kind == "draft":
        store.save_draft(op["text"])
    elif kind == "compact":
        store.compact()


def writer(data_dir: Path, meeting_id: str, seed: int, limit: int) -> None:
    """The writer process: random commands until killed (or `limit` commands)."""
    rng = random.Random(seed)
    # Fold the journal on most opens, so kills also land inside that compaction.
    meeting_store.COMPACT_ON_OPEN = 50
    store = MeetingStore.open(data_dir, meeting_id)
    session = Session(store.meeting, sink=store.append)
    for _ in range(limit):
        op = _pick_op(rng, session, store)
        print("T", json.dumps(op, ensure_ascii=False), flush=True)
        _perform(op, session, store)
        print("A", store.last_seq, flush=True)
    store.close()


# -- the parent ---------------------------------------------------------------------


def state_of(store: MeetingStore) -> dict[str, Any]:
    """What the kill test compares: lines, attendance, current item, draft line."""
    meeting = store.meeting
    return {
        "lines": {line.id: line.text for line in meeting.utterances},
        "attendance": {pid: mark.status.value for pid, mark in meeting.attendance.items()},
        "item": meeting.current_item_id,
        "draft": store.load_draft(),
    }


def effect(state: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    """The state after one command, as the clerk would expect it."""
    new = {**state, "lines": dict(state["lines"]), "attendance": dict(state["attendance"])}
    kind = op["op"]
    if kind in ("add", "edit"):
        new["lines"][op["id"]] = op["text"]
    elif kind == "delete":
        new["lines"].pop(op["id"], None)
    elif kind == "mark":
        new["attendance"][op["person"]] = op["status"]
    elif kind == "switch":
        new["item"] = op["item"]
    elif kind == "draft":
        new["draft"] = op["text"]
    return new


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> int:
    """How many lines, marks and fields differ between two states."""
    count = 0
    for key in ("lines", "attendance"):
        keys = set(expected[key]) | set(actual[key])
        count += sum(1 for k in keys if expected[key].get(k) != actual[key].get(k))
    count += sum(1 for key in ("item", "draft") if expected[key] != actual[key])
    return count


@dataclass
class KillResult:
    """What the kill rounds found.

    Attributes:
        rounds: Rounds run.
        acknowledged: Commands acknowledged over all rounds.
        lost: Acknowledged changes missing after a kill (lines, marks, fields).
        unopenable: Rounds after which the meeting did not open.
        problems: A description of each failure.
    """

    rounds: int = 0
    acknowledged: int = 0
    lost: int = 0
    unopenable: int = 0
    problems: list[str] = field(default_factory=list)


def new_meeting(data_dir: Path) -> str:
    """A fresh Japanese sample meeting, opened (first item current); returns its id."""
    meeting = parse_plan(sample_plan("ja").read_text(encoding="utf-8"), "sample")
    with MeetingStore.create(data_dir, meeting) as store:
        Session(store.meeting, sink=store.append).open()
        return store.meeting.id


def kill_rounds(data_dir: Path, rounds: int, seed: int = 1, max_acks: int = 150) -> KillResult:
    """Kill a writer `rounds` times and check every acknowledged change after each kill."""
    rng = random.Random(seed)
    meeting_id = new_meeting(data_dir)
    with MeetingStore.open(data_dir, meeting_id) as store:
        expected = state_of(store)
    result = KillResult()
    for number in range(rounds):
        acked, pending, last_seq = _one_round(data_dir, meeting_id, rng, number)
        result.rounds += 1
        for op in acked:
            expected = effect(expected, op)
        result.acknowledged += len(acked)
        try:
            # Read-only: the recovery (lock takeover, compaction) is the next writer's job.
            store = MeetingStore.open(data_dir, meeting_id, readonly=True)
        except Exception as exc:
            result.unopenable += 1
            result.problems.append(f"round {number}: does not open: {exc}")
            break
        actual = state_of(store)
        if store.last_seq < last_seq:
            result.problems.append(f"round {number}: last change #{last_seq} missing")
        if actual == expected or (pending is not None and actual == effect(expected, pending)):
            expected = actual
            continue
        result.lost += differences(expected, actual)
        result.problems.append(f"round {number}: {differences(expected, actual)} difference(s)")
        expected = actual
    try:
        with MeetingStore.open(data_dir, meeting_id) as store:  # takes over the last lock
            if state_of(store) != expected:
                result.problems.append("the final writable open differs")
    except Exception as exc:
        result.unopenable += 1
        result.problems.append(f"the final writable open failed: {exc}")
    return result


def _one_round(
    data_dir: Path, meeting_id: str, rng: random.Random, number: int
) -> tuple[list[dict[str, Any]], dict[str, Any] | None, int]:
    """One writer run; returns (acknowledged commands, the unacknowledged one, last seq)."""
    wanted = rng.randint(0, 150)
    proc = subprocess.Popen(
        [sys.executable, __file__, str(data_dir), meeting_id, str(rng.randrange(1 << 30))],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdout is not None
    acked: list[dict[str, Any]] = []
    pending: dict[str, Any] | None = None
    last_seq = 0

    def take(line: str) -> None:
        nonlocal pending, last_seq
        if not line.endswith("\n"):
            return  # cut short by the kill: not an acknowledgement
        tag, _, rest = line.rstrip("\n").partition(" ")
        if tag == "T":
            pending = json.loads(rest)
        elif tag == "A" and pending is not None:
            acked.append(pending)
            pending = None
            last_seq = int(rest)

    while len(acked) < wanted:
        line = proc.stdout.readline()
        if not line:
            break
        take(line)
    if rng.random() < 0.7:
        time.sleep(rng.uniform(0, 0.004))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    for line in proc.stdout:  # what was printed before the kill was acknowledged
        take(line)
    proc.wait()
    proc.stdout.close()
    return acked, pending, last_seq


if __name__ == "__main__":
    writer(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), limit=100_000)
