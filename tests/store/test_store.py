"""The store, as the clerk relies on it: what is on disk, who may write, what comes back."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from live_notes import paths
from live_notes.domain.models import SCHEMA_VERSION, Meeting, Presence
from live_notes.domain.plan import parse_plan
from live_notes.domain.session import Session
from live_notes.resources import sample_plan
from live_notes.store import (
    LockedError,
    MeetingStore,
    NewerSchemaError,
    StoreError,
    check,
    list_meetings,
    meeting_ids,
    purge,
)
from live_notes.store import meeting_store as meeting_store_module

if TYPE_CHECKING:
    from pathlib import Path


def sample(lang: str = "ja") -> Meeting:
    return parse_plan(sample_plan(lang).read_text(encoding="utf-8"), "sample")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path):
    opened = MeetingStore.create(data_dir, sample())
    yield opened
    opened.close()


def test_lines_come_back_after_reopening(data_dir: Path) -> None:
    with MeetingStore.create(data_dir, sample()) as store:
        session = Session(store.meeting, sink=store.append)
        session.open()
        session.commit_line("委員 開示の範囲について伺いたい")
        session.commit_line("担当課 条例第7条に基づき判断しています")
        session.mark("aoki", Presence.PRESENT)
        session.delete_line(1)
        meeting_id = store.meeting.id
    with MeetingStore.open(data_dir, meeting_id) as again:
        assert [u.text for u in again.meeting.utterances] == [
            "担当課 条例第7条に基づき判断しています"
        ]
        assert again.meeting.presence("aoki") is Presence.PRESENT
        assert again.recovered == []


def test_each_change_is_on_disk_when_append_returns(store: MeetingStore, data_dir: Path) -> None:
    session = Session(store.meeting, sink=store.append)
    session.open()
    session.commit_line("会長 それでは審議に入ります")
    # Not closed, not compacted: a reader sees the line from the files alone.
    reader = MeetingStore.open(data_dir, store.meeting.id, readonly=True)
    assert [u.text for u in reader.meeting.utterances] == ["会長 それでは審議に入ります"]
    assert store.last_seq == reader.last_seq


def test_japanese_is_readable_in_both_files(store: MeetingStore, data_dir: Path) -> None:
    session = Session(store.meeting, sink=store.append)
    session.open()
    session.commit_line("委員 個人情報の取扱いについて")
    journal = (data_dir / f"{store.meeting.id}.journal").read_bytes().decode("utf-8")
    assert "個人情報の取扱いについて" in journal
    assert "\\u" not in journal
    store.compact()
    snapshot = (data_dir / f"{store.meeting.id}.json").read_bytes().decode("utf-8")
    assert "個人情報の取扱いについて" in snapshot
    assert "若葉野市情報公開・個人情報保護審議会" in snapshot
    assert "\\u" not in snapshot
    record = json.loads(snapshot)["meeting"]["1"]
    assert record["schema_version"] == SCHEMA_VERSION
    assert record["journal_base"] == store.last_seq
    assert (data_dir / f"{store.meeting.id}.journal").read_bytes() == b""


def test_create_gives_a_taken_id_a_suffix(data_dir: Path) -> None:
    first = MeetingStore.create(data_dir, sample())
    second_meeting = sample()
    second = MeetingStore.create(data_dir, second_meeting)
    third = MeetingStore.create(data_dir, sample())
    assert second.meeting.id == f"{first.meeting.id}-2" == second_meeting.id
    assert third.meeting.id == f"{first.meeting.id}-3"
    for opened in (first, second, third):
        opened.close()
    assert meeting_ids(data_dir) == sorted([first.meeting.id, second.meeting.id, third.meeting.id])


def test_files_are_private_whatever_the_umask(data_dir: Path) -> None:
    old = os.umask(0)
    try:
        store = MeetingStore.create(data_dir / "nested", sample())
        Session(store.meeting, sink=store.append).open()
        store.save_draft("書きかけの行")
        store.compact()
        names = sorted(os.listdir(data_dir / "nested"))
        modes = {name: stat.S_IMODE(os.stat(data_dir / "nested" / name).st_mode) for name in names}
        store.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(data_dir / "nested").st_mode) == 0o700
    suffixes = {name.split(".", 1)[-1].rsplit(".", 1)[-1] for name in names}
    assert {"json", "journal", "lock", "draft", "bak"} <= suffixes
    assert set(modes.values()) == {0o600}


def test_draft_line_is_kept_and_cleared(store: MeetingStore, data_dir: Path) -> None:
    assert store.load_draft() == ""
    store.save_draft("委員 まだ入力中の")
    store.save_draft("委員 まだ入力中の行です")
    assert MeetingStore.open(data_dir, store.meeting.id, readonly=True).load_draft() == (
        "委員 まだ入力中の行です"
    )
    store.save_draft("")
    assert store.load_draft() == ""
    assert not (data_dir / f"{store.meeting.id}.draft").exists()


def test_readonly_refuses_writes_and_takes_no_lock(store: MeetingStore, data_dir: Path) -> None:
    reader = MeetingStore.open(data_dir, store.meeting.id, readonly=True)
    assert reader.readonly
    session = Session(reader.meeting, sink=reader.append)
    with pytest.raises(StoreError, match="read-only") as caught:
        session.open()
    assert "読み取り専用" in caught.value.message("ja")
    assert reader.meeting.opened_at is None  # refused before it was applied
    with pytest.raises(StoreError, match="read-only"):
        reader.save_draft("x")
    reader.close()
    assert (data_dir / f"{store.meeting.id}.lock").exists()  # the writer still holds it


def test_second_writer_is_told_who_holds_the_meeting(store: MeetingStore, data_dir: Path) -> None:
    with pytest.raises(LockedError) as caught:
        MeetingStore.open(data_dir, store.meeting.id)
    assert caught.value.holder.pid == os.getpid()
    assert caught.value.holder.host == socket.gethostname()
    message = str(caught.value)
    assert f"process {os.getpid()}" in message
    assert socket.gethostname() in message
    assert "\n" not in message
    assert caught.value.message("en") == message
    japanese = caught.value.message("ja")
    assert "書き込み中" in japanese and f"プロセス {os.getpid()}" in japanese
    assert socket.gethostname() in japanese


def _run(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_lock_held_by_another_process_then_taken_over_after_a_kill(
    store: MeetingStore, data_dir: Path
) -> None:
    meeting_id = store.meeting.id
    store.close()
    holder = _run(
        f"""
        import sys
        from live_notes.store import MeetingStore
        store = MeetingStore.open({str(data_dir)!r}, {meeting_id!r})
        print("ready", flush=True)
        sys.stdin.readline()
        """
    )
    assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
    try:
        with pytest.raises(LockedError) as caught:
            MeetingStore.open(data_dir, meeting_id)
        assert caught.value.holder.pid == holder.pid
        assert f"process {holder.pid}" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
    # Killed: its lock file is still there, but no process holds it any more.
    assert json.loads((data_dir / f"{meeting_id}.lock").read_text())["pid"] == holder.pid
    with MeetingStore.open(data_dir, meeting_id) as taken:
        assert json.loads((data_dir / f"{meeting_id}.lock").read_text())["pid"] == os.getpid()
        assert taken.recovered == []
    assert not (data_dir / f"{meeting_id}.lock").exists()


def test_lock_file_of_a_dead_process_is_taken_over(store: MeetingStore, data_dir: Path) -> None:
    meeting_id = store.meeting.id
    store.close()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock = data_dir / f"{meeting_id}.lock"
    lock.write_text(json.dumps({"pid": int(dead.stdout), "host": "elsewhere", "since": None}))
    with MeetingStore.open(data_dir, meeting_id) as taken:
        assert not taken.readonly
        assert json.loads(lock.read_text())["pid"] == os.getpid()


def test_newer_file_is_refused_and_left_byte_identical(store: MeetingStore, data_dir: Path) -> None:
    meeting_id = store.meeting.id
    store.close()
    snapshot = data_dir / f"{meeting_id}.json"
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    data["meeting"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    snapshot.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = snapshot.read_bytes()
    for readonly in (False, True):
        with pytest.raises(NewerSchemaError, match="newer version") as caught:
            MeetingStore.open(data_dir, meeting_id, readonly=readonly)
        assert "新しい版" in caught.value.message("ja")
    assert snapshot.read_bytes() == before
    assert not (data_dir / f"{meeting_id}.lock").exists()
    [report] = check(data_dir, meeting_id, repair=True)
    assert not report.ok and "newer version" in report.findings[0]
    assert report.repaired == []
    assert snapshot.read_bytes() == before
    [summary] = list_meetings(data_dir)
    assert summary.error is not None and "newer version" in summary.error


def test_close_compacts_and_reopening_compacts_a_long_journal(
    store: MeetingStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = store.meeting.id
    session = Session(store.meeting, sink=store.append)
    session.open()
    for number in range(30):
        session.commit_line(f"委員 発言{number}")
    journal = data_dir / f"{meeting_id}.journal"
    assert journal.stat().st_size > 0 and store.pending == 32
    # A crash instead of a close: the journal stays long; the next open folds it.
    os.close(store._fd or -1)
    store._fd = None
    assert store._lock is not None
    store._lock.release()
    monkeypatch.setattr(meeting_store_module, "COMPACT_ON_OPEN", 10)
    with MeetingStore.open(data_dir, meeting_id) as again:
        assert again.pending == 0 and journal.stat().st_size == 0
        assert len(again.meeting.utterances) == 30
        Session(again.meeting, sink=again.append).commit_line("担当課 お答えします")
    assert journal.stat().st_size == 0  # closing folded the last line too
    reader = MeetingStore.open(data_dir, meeting_id, readonly=True)
    assert reader.meeting.utterances[-1].text == "担当課 お答えします"


def test_record_applies_for_callers_without_a_session(store: MeetingStore, data_dir: Path) -> None:
    from live_notes.domain.events import AudienceSet

    store.record(AudienceSet(count=3))
    assert store.meeting.audience == 3
    assert MeetingStore.open(data_dir, store.meeting.id, readonly=True).meeting.audience == 3


def test_closed_store_refuses_writes(data_dir: Path) -> None:
    store = MeetingStore.create(data_dir, sample())
    store.close()
    store.close()  # twice is harmless
    with pytest.raises(StoreError, match="closed"):
        Session(store.meeting, sink=store.append).open()


def test_list_meetings_shows_a_damaged_file_beside_good_ones(data_dir: Path) -> None:
    with MeetingStore.create(data_dir, sample("ja")) as good:
        session = Session(good.meeting, sink=good.append)
        session.open()
        session.commit_line("委員 一行目")
    with MeetingStore.create(data_dir, sample("en")) as other:
        other_id = other.meeting.id
    (data_dir / f"{other_id}.json").write_bytes(b'{"meeting": {"1": {"schema')
    summaries = {s.id: s for s in list_meetings(data_dir)}
    assert summaries[good.meeting.id].error is None
    assert summaries[good.meeting.id].lines == 1
    assert summaries[good.meeting.id].body == "若葉野市情報公開・個人情報保護審議会"
    assert summaries[good.meeting.id].status is not None
    assert summaries[other_id].error is not None and "not valid JSON" in summaries[other_id].error


def test_check_of_healthy_meetings_finds_nothing(store: MeetingStore, data_dir: Path) -> None:
    store.close()
    [report] = check(data_dir)
    assert report.ok and report.findings == [] and report.repaired == []
    with pytest.raises(StoreError, match="no meeting"):
        check(data_dir, "no-such-meeting")


def test_check_reports_a_readable_file_and_repairs_permissions(
    store: MeetingStore, data_dir: Path
) -> None:
    store.close()
    snapshot = data_dir / f"{store.meeting.id}.json"
    os.chmod(snapshot, 0o644)
    [report] = check(data_dir)
    assert not report.ok and "can be read by others" in report.findings[0]
    [fixed] = check(data_dir, repair=True)
    assert "made private" in fixed.repaired[0]
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o600


def test_purge_removes_every_file_of_the_meeting(data_dir: Path) -> None:
    keep = MeetingStore.create(data_dir, sample("en"))
    keep.close()
    store = MeetingStore.create(data_dir, sample())
    Session(store.meeting, sink=store.append).open()
    store.save_draft("下書き")
    store.compact()
    meeting_id = store.meeting.id
    with pytest.raises(LockedError):
        purge(data_dir, meeting_id)  # open for writing: refused
    store.close()
    (data_dir / f"{meeting_id}.journal.torn-20240101-000000").write_bytes(b"x")
    removed = purge(data_dir, meeting_id)
    assert {p.name for p in removed} >= {
        f"{meeting_id}.json",
        f"{meeting_id}.journal",
        f"{meeting_id}.json.bak",
        f"{meeting_id}.journal.torn-20240101-000000",
    }
    assert all(not name.startswith(meeting_id + ".") for name in os.listdir(data_dir))
    assert meeting_ids(data_dir) == [keep.meeting.id]
    with pytest.raises(StoreError):
        purge(data_dir, meeting_id)


def test_bad_ids_never_become_paths(data_dir: Path) -> None:
    for bad in ("../etc/passwd", "a/b", "", ".."):
        with pytest.raises(StoreError, match="not a meeting id"):
            MeetingStore.open(data_dir, bad)


def test_missing_meeting_and_unwritable_directory_speak_plainly(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no meeting"):
        MeetingStore.open(tmp_path, "2024-01-01-none")
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    with pytest.raises(StoreError, match=r"not a directory|cannot be created"):
        MeetingStore.create(blocked / "data", sample())


def test_data_and_config_dirs_follow_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVE_NOTES_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "c"))
    assert paths.default_data_dir() == tmp_path / "d"
    assert paths.config_dir() == tmp_path / "c"
    monkeypatch.delenv("LIVE_NOTES_DATA_DIR")
    monkeypatch.delenv("LIVE_NOTES_CONFIG_DIR")
    assert paths.default_data_dir().name == "live-notes"
    assert paths.config_dir().name == "live-notes"


def test_a_copied_file_opens_as_the_meeting_its_name_says(
    store: MeetingStore, data_dir: Path
) -> None:
    original = store.meeting.id
    store.close()
    (data_dir / "2024-11-11-copy.json").write_bytes((data_dir / f"{original}.json").read_bytes())
    with MeetingStore.open(data_dir, "2024-11-11-copy") as copy:
        assert copy.meeting.id == "2024-11-11-copy"
        Session(copy.meeting, sink=copy.append).open()
    assert MeetingStore.open(data_dir, original, readonly=True).meeting.opened_at is None
    assert MeetingStore.open(data_dir, "2024-11-11-copy", readonly=True).meeting.opened_at


def test_a_journal_without_its_snapshot_is_reported(store: MeetingStore, data_dir: Path) -> None:
    Session(store.meeting, sink=store.append).open()
    meeting_id = store.meeting.id
    store.close()
    (data_dir / f"{meeting_id}.journal").write_bytes(b"x\n")
    (data_dir / f"{meeting_id}.json").unlink()
    with pytest.raises(StoreError, match="only its journal is left"):
        MeetingStore.open(data_dir, meeting_id)
    [summary] = list_meetings(data_dir)
    assert summary.error is not None and "only its journal is left" in summary.error


def test_every_kind_of_change_comes_back_identical(store: MeetingStore, data_dir: Path) -> None:
    from datetime import datetime, timedelta

    from live_notes.domain.models import Outcome, Section, Vote

    now = [datetime(2024, 11, 11, 9, 30)]

    def clock() -> datetime:
        now[0] += timedelta(minutes=1)
        return now[0]

    session = Session(store.meeting, sink=store.append, clock=clock)
    session.mark("aoki", Presence.PRESENT)
    session.mark("ishida", Presence.LATE)
    session.set_audience(2)
    session.open()
    session.switch_item("sewer")
    session.commit_line("担当課 下水道台帳の開示について説明")
    session.set_section(Section.DISCUSSION)
    first = session.commit_line("委員 開示の範囲は")
    session.commit_line("担当課 図面は非開示です")
    session.update_line(first.id, text="委員 開示の範囲はどこまでか", verify=True)
    session.delete_line(session.last_line().id)
    session.undo()  # the line comes back
    session.record_decision(Outcome.APPROVED, vote=Vote.model_validate({"for": 5, "against": 1}))
    session.toggle_recess()
    session.toggle_recess()
    session.add_note("sewer", "※ 会議後に資料を差し替えた")
    session.edit_meeting(materials=[{"title": "当日配布資料", "items": ["資料1 概要"]}])
    session.close()
    live = store.meeting.model_dump(mode="json")
    replayed = MeetingStore.open(data_dir, store.meeting.id, readonly=True)
    assert replayed.meeting.model_dump(mode="json") == live  # from the journal
    store.compact()
    snapshot = MeetingStore.open(data_dir, store.meeting.id, readonly=True)
    assert snapshot.meeting.model_dump(mode="json") == live  # from the snapshot alone
    assert snapshot.meeting.decisions["sewer"].vote == Vote(for_=5, against=1)


def test_a_reader_rereads_when_a_compaction_lands_between_its_reads(
    store: MeetingStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from live_notes.store import loader

    session = Session(store.meeting, sink=store.append)
    session.open()
    for number in range(3):
        session.commit_line(f"委員 発言{number}")
    real = loader._read_journal
    raced: list[bool] = []

    def compaction_in_between(path: Path) -> bytes:
        if not raced:
            raced.append(True)
            store.compact()  # the snapshot read a moment ago is now stale
        return real(path)

    monkeypatch.setattr(loader, "_read_journal", compaction_in_between)
    reader = MeetingStore.open(data_dir, store.meeting.id, readonly=True)
    assert raced and len(reader.meeting.utterances) == 3


def test_writers_racing_for_one_meeting_exactly_one_wins(
    store: MeetingStore, data_dir: Path
) -> None:
    meeting_id = store.meeting.id
    store.close()
    go = data_dir / "go"
    code = f"""
        import os, sys, time
        from live_notes.store import LockedError, MeetingStore
        while not os.path.exists({str(go)!r}):
            time.sleep(0.001)
        try:
            store = MeetingStore.open({str(data_dir)!r}, {meeting_id!r})
        except LockedError as exc:
            print("locked", exc.holder.pid, flush=True)
        else:
            print("won", os.getpid(), flush=True)
        sys.stdin.readline()
        """
    racers = [_run(code) for _ in range(6)]
    try:
        go.write_text("")
        answers = [racer.stdout.readline().split() for racer in racers if racer.stdout]
    finally:
        for racer in racers:
            racer.communicate("\n")
    winners = [int(pid) for word, pid in answers if word == "won"]
    assert len(winners) == 1, answers
    assert all(int(pid) in (winners[0], 0) for word, pid in answers if word == "locked"), answers


def test_check_names_a_lock_left_by_a_crash_without_calling_it_a_fault(data_dir: Path) -> None:
    store = MeetingStore.create(data_dir, sample())
    meeting_id = store.meeting.id
    store.close()
    lock = data_dir / f"{meeting_id}.lock"
    here = socket.gethostname()
    lock.write_text(json.dumps({"pid": 999999, "host": here, "since": "2024-11-11T09:30:00"}))
    os.chmod(lock, 0o600)
    [report] = check(data_dir)
    assert report.ok
    assert report.findings == [
        f"a lock left by process 999999 on {here} since 2024-11-11 09:30, which has ended; "
        "the next open takes it over"
    ]
    with MeetingStore.open(data_dir, meeting_id) as again:  # open while checking
        [busy] = check(data_dir)
        assert busy.ok and busy.findings[0].startswith(f"open for writing by process {os.getpid()}")
        assert not again.readonly
