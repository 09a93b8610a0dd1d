"""The store's faults, swept and counted for docs/reliability.md.

- kill: the kill harness of tests/support/crash_writer.py (3 rounds here, 200 under
  ``make faults``; tests/store/test_store_crash.py runs its own 30 in ``make test``);
- power cut: meetings built from random commands, their journal cut at every
  byte of the last change and that change's bytes flipped one by one;
- corruption: the snapshot emptied, cut, overwritten with random bytes, given
  a newer schema or a flipped byte: refused untouched, then repaired into a
  meeting that opens, the original kept beside it byte for byte;
- disk full: a real tmpfs filled while lines are committed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest
from support import crash_writer

from faults.support import record, rounds
from live_notes.domain.session import Session
from live_notes.store import MeetingStore, StoreError, check

if TYPE_CHECKING:
    from pathlib import Path

SEED = int(os.environ.get("LIVE_NOTES_KILL_SEED", random.randrange(1 << 30)))


def test_kill_the_writer(tmp_path: Path) -> None:
    count = rounds(3, 200)
    result = crash_writer.kill_rounds(tmp_path / "data", count, seed=SEED)
    record(
        "Kill the writer (SIGKILL)",
        "a writer process taking minutes (lines, edits, deletes, attendance, switches, "
        "drafts, compactions) killed at a random moment, then reopened",
        rounds=result.rounds,
        lost=result.lost,
        unopenable=result.unopenable,
        acknowledged=result.acknowledged,
    )
    assert (result.rounds, result.lost, result.unopenable) == (count, 0, 0), (SEED, result)


def _random_meeting(data_dir: Path, rng: random.Random) -> MeetingStore:
    """A meeting after a random mix of commands, left open (its journal unfolded)."""
    meeting_id = crash_writer.new_meeting(data_dir)
    store = MeetingStore.open(data_dir, meeting_id)
    session = Session(store.meeting, sink=store.append)
    for _ in range(rng.randint(1, 40)):
        op = crash_writer._pick_op(rng, session, store)
        if op["op"] in ("draft", "compact") and rng.random() < 0.7:
            continue
        crash_writer._perform(op, session, store)
    session.commit_line(crash_writer._text(rng))  # the last change is always in the journal
    return store


def _copy_files(source: Path, target: Path) -> None:
    """The meeting's files as a power cut would leave them (the lock is the kernel's)."""
    target.mkdir(parents=True)
    for path in source.iterdir():
        if path.suffix != ".lock":
            shutil.copy2(path, target / path.name)


def test_power_cut_and_flipped_bytes_in_the_last_change(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    meetings = rounds(2, 25)
    tried = lost = unopenable = silent = 0
    problems: list[str] = []
    for number in range(meetings):
        live = tmp_path / f"live-{number}"
        store = _random_meeting(live, rng)
        meeting_id = store.meeting.id
        whole = tmp_path / f"whole-{number}"
        _copy_files(live, whole)
        store.close()
        journal = whole / f"{meeting_id}.journal"
        data = journal.read_bytes()
        start = data.rstrip(b"\n").rfind(b"\n") + 1
        after = crash_writer.state_of(MeetingStore.open(whole, meeting_id, readonly=True))
        journal.write_bytes(data[:start])
        before = crash_writer.state_of(MeetingStore.open(whole, meeting_id, readonly=True))
        variants = [(f"cut at {cut}", data[:cut]) for cut in range(start, len(data) + 1)]
        for index in range(start, len(data)):
            flipped = bytearray(data)
            flipped[index] ^= rng.choice([0x01, 0x20, 0x80, 0xFF])
            variants.append((f"byte {index} flipped", bytes(flipped)))
        for name, raw in variants:
            tried += 1
            journal.write_bytes(raw)
            try:
                reopened = MeetingStore.open(whole, meeting_id, readonly=True)
            except StoreError as exc:
                unopenable += 1
                problems.append(f"meeting {number}, {name}: {exc}")
                continue
            state = crash_writer.state_of(reopened)
            expected = after if raw == data else before
            differences = crash_writer.differences(expected, state)
            lost += differences
            if differences:
                problems.append(f"meeting {number}, {name}: {differences} difference(s)")
            if raw not in (data, data[:start]) and not reopened.recovered:
                silent += 1
                problems.append(f"meeting {number}, {name}: dropped without saying so")
    record(
        "Power cut and flipped bytes",
        "random meetings; the journal cut at every byte of the last change, and each "
        "byte of that change flipped",
        rounds=tried,
        lost=lost,
        unopenable=unopenable,
        dropped_silently=silent,
    )
    assert (lost, unopenable, silent) == (0, 0, 0), problems[:5]


DAMAGE = ["empty", "cut", "random bytes", "flipped byte", "newer schema", "wrong types"]


def _damage(raw: bytes, kind: str, rng: random.Random) -> bytes:
    if kind == "empty":
        return b""
    if kind == "cut":
        return raw[: rng.randrange(len(raw))]
    if kind == "random bytes":
        return rng.randbytes(rng.randint(1, 4000))
    if kind == "flipped byte":
        flipped = bytearray(raw)
        flipped[rng.randrange(len(raw))] ^= 0xFF
        return bytes(flipped)
    data = json.loads(raw)
    record_ = data["meeting"]["1"]
    if kind == "newer schema":
        record_["schema_version"] = 99
    else:
        record_["meeting"]["audience"] = "many"
    return json.dumps(data, ensure_ascii=False).encode()


def _files(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir()) if p.is_file()}


def test_damaged_snapshot_refused_untouched_then_repaired(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    count = rounds(len(DAMAGE), 120)
    overwritten = unopenable = wrong_error = kept_changed = unchanged_refusals = 0
    not_reported = 0
    lost = 0
    problems: list[str] = []
    for number in range(count):
        kind = DAMAGE[number % len(DAMAGE)]
        data_dir = tmp_path / f"m{number}"
        store = _random_meeting(data_dir, rng)
        meeting_id = store.meeting.id
        store.close()  # folded into the snapshot; the previous one is the .bak
        expected = crash_writer.state_of(MeetingStore.open(data_dir, meeting_id, readonly=True))
        snapshot = data_dir / f"{meeting_id}.json"
        original = snapshot.read_bytes()
        damaged = _damage(original, kind, rng)
        snapshot.write_bytes(damaged)
        try:
            MeetingStore.open(data_dir, meeting_id, readonly=True)
            if damaged != original:
                unchanged_refusals += 1  # a flip inside a string may still be valid JSON
            continue
        except StoreError:
            pass
        except Exception as exc:
            wrong_error += 1
            problems.append(f"{number} {kind}: {type(exc).__name__}: {exc}")
            continue
        before = _files(data_dir)
        [report] = check(data_dir, meeting_id)
        if _files(data_dir) != before:
            overwritten += 1
            problems.append(f"{number} {kind}: check changed a file")
        if report.ok or not report.findings:
            not_reported += 1
            problems.append(f"{number} {kind}: check did not report it")
        if kind == "newer schema":
            continue  # refused and never repaired: a newer version must open it
        check(data_dir, meeting_id, repair=True)
        kept = [
            p
            for p in data_dir.iterdir()
            if ".damaged-" in p.name and p.name.startswith(f"{meeting_id}.json")
        ]
        if not kept or kept[0].read_bytes() != damaged:
            kept_changed += 1
            problems.append(f"{number} {kind}: the damaged original was not kept as it was")
        try:
            repaired = MeetingStore.open(data_dir, meeting_id)
        except StoreError as exc:
            unopenable += 1
            problems.append(f"{number} {kind}: does not open after repair: {exc}")
            continue
        with repaired:
            lost += crash_writer.differences(expected, crash_writer.state_of(repaired))
    record(
        "Damaged snapshot",
        "the snapshot emptied, cut, replaced by random bytes, a byte flipped, wrong types, "
        "a newer schema: refused untouched, reported by check, repaired from the backup "
        "and the journal (changes only in the destroyed snapshot count as lost)",
        rounds=count,
        lost=lost,
        unopenable=unopenable,
        overwritten=overwritten,
        tracebacks=wrong_error,
        original_not_kept=kept_changed,
        not_reported=not_reported,
        still_readable=unchanged_refusals,
    )
    assert (overwritten, unopenable, wrong_error, kept_changed, not_reported) == (0,) * 5, problems[
        :5
    ]


def test_disk_full_on_a_real_small_filesystem(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        _fill_and_retry(mount, rounds(2, 20))
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill_and_retry(mount: Path, count: int) -> None:
    data_dir = mount / "data"
    meeting_id = crash_writer.new_meeting(data_dir)
    acknowledged: list[str] = []
    refusals = lost = 0
    for number in range(count):
        filler = mount / "filler"
        with MeetingStore.open(data_dir, meeting_id) as store:
            session = Session(store.meeting, sink=store.append)
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
            try:  # take every free byte
                while True:
                    os.write(fd, b"\0" * 512)
            except OSError:
                pass
            finally:
                os.close(fd)
            refused: Any = None
            for index in range(50):
                text = f"満杯 {number}-{index}"
                try:
                    session.commit_line(text)
                    acknowledged.append(text)
                except StoreError as exc:
                    refused = (text, exc)
                    break
            assert refused is not None, "the disk never filled"
            refusals += 1
            filler.unlink()  # room again: the same line goes in
            session.commit_line(refused[0])
            acknowledged.append(refused[0])
            store.compact()
        stored = [
            u.text
            for u in MeetingStore.open(data_dir, meeting_id, readonly=True).meeting.utterances
        ]
        lost += len([text for text in acknowledged if text not in stored])
    record(
        "Disk full",
        "a 256 KB tmpfs filled up while lines are committed: the line is refused, "
        "committing it again once there is room succeeds",
        rounds=refusals,
        lost=lost,
    )
    assert lost == 0 and refusals == count
