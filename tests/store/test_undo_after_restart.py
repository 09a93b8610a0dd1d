"""Undo survives a restart: the session's last changes are taken back after reopening."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from live_notes.domain.errors import CommandError
from live_notes.domain.events import LineAdded, Opened, Switched
from live_notes.domain.models import Section, Utterance
from live_notes.domain.session import Session
from live_notes.sample import FakeClock, sample_meeting
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path


def start(data_dir: Path) -> str:
    meeting = sample_meeting("ja")
    with MeetingStore.create(data_dir, meeting) as store:
        clock = FakeClock(datetime.combine(meeting.header.date, datetime.min.time()))
        clock.set("09:30")
        session = Session(store.meeting, sink=store.append, clock=clock)
        session.open()
        session.switch_item("sewer")
        session.set_section(Section.DISCUSSION)
        for n in range(1, 6):
            session.commit_line(f"発言{n}")
        session.delete_line(store.meeting.utterances[-1].id)  # "Line #5 deleted (Ctrl+Z …)"
        return store.meeting.id


def texts(store: MeetingStore) -> list[str]:
    return [line.text for line in store.meeting.utterances]


def test_a_delete_is_undone_after_reopening(tmp_path: Path) -> None:
    meeting_id = start(tmp_path)
    with MeetingStore.open(tmp_path, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        assert texts(store) == ["発言1", "発言2", "発言3", "発言4"]
        assert session.can_undo()
        assert session.undo() == "delete"
        assert texts(store) == ["発言1", "発言2", "発言3", "発言4", "発言5"]
        assert session.undo() == "line"
        assert texts(store)[-1] == "発言4"
    with MeetingStore.open(tmp_path, meeting_id) as store:  # the undos are journalled too
        session = Session(store.meeting, sink=store.append)
        assert texts(store) == ["発言1", "発言2", "発言3", "発言4"]
        for _ in range(3):
            session.undo()
        assert texts(store) == ["発言1"]


def test_undo_survives_compaction(tmp_path: Path) -> None:
    meeting_id = start(tmp_path)
    with MeetingStore.open(tmp_path, meeting_id) as store:
        store.compact()  # the journal folded into the snapshot
        assert store.pending == 0
    with MeetingStore.open(tmp_path, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        assert session.undo() == "delete"
        assert texts(store)[-1] == "発言5"


def test_an_old_journal_without_undo_information_still_loads(tmp_path: Path) -> None:
    meeting = sample_meeting("ja")
    at = datetime.combine(meeting.header.date, datetime.min.time()).replace(hour=9, minute=30)
    with MeetingStore.create(tmp_path, meeting) as store:  # bare changes, as before
        line = Utterance(id=1, item_id="sewer", role_id="member", text="発言", created_at=at)
        for change in (Opened(at=at), Switched(item_id="sewer", section="discussion", at=at)):
            store.record(change)
        store.record(LineAdded(line=line))
        meeting_id = store.meeting.id
    with MeetingStore.open(tmp_path, meeting_id) as store:
        assert texts(store) == ["発言"]
        with pytest.raises(CommandError) as refused:
            Session(store.meeting, sink=store.append).undo()
        assert refused.value.code == "nothing_to_undo"
        assert refused.value.message("ja") == "取り消す操作がありません。"


def test_nothing_to_undo_on_a_new_meeting(tmp_path: Path) -> None:
    with MeetingStore.create(tmp_path, sample_meeting("ja")) as store:
        with pytest.raises(CommandError) as refused:
            Session(store.meeting, sink=store.append).undo()
        assert refused.value.code == "nothing_to_undo"
