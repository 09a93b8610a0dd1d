"""Hand-edited archives brought in with ``live-notes import``.

Each archive was one a tester made by hand: times written with a UTC offset,
``next_seq: 0``, a meeting whose own ``schema_version`` is newer than the archive's, an id that reads
as an option. Import either refuses it with one line naming the file and the
place (and creates nothing), or brings back a meeting that lists, checks,
opens, takes a line and closes.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest

from faults.support import record, run_cli
from live_notes.domain.models import SCHEMA_VERSION
from live_notes.domain.session import Session
from live_notes.export import archive_bytes
from live_notes.sample import driven_sample
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

FAULT = "Hand-edited archives"


def _archive(tmp_path: Path, edit: Any) -> Path:
    doc = json.loads(archive_bytes(driven_sample("ja")))
    edit(doc["meeting"])
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _with_offsets(meeting: dict[str, Any]) -> None:
    """Every time of the meeting written in UTC with a ``Z`` or ``+00:00``."""
    tokyo, utc = ZoneInfo("Asia/Tokyo"), ZoneInfo("UTC")
    meeting["zone"] = "Asia/Tokyo"

    def moved(value: str, suffix: str) -> str:
        at = datetime.fromisoformat(value).replace(tzinfo=tokyo).astimezone(utc)
        return at.replace(tzinfo=None).isoformat() + suffix

    for key in ("opened_at", "closed_at", "item_since"):
        if meeting.get(key):
            meeting[key] = moved(meeting[key], "Z")
    for line in meeting["utterances"]:
        line["created_at"] = moved(line["created_at"], "+00:00")
    for recess in meeting["recesses"]:
        recess["start"] = moved(recess["start"], "Z")
        if recess.get("end"):
            recess["end"] = moved(recess["end"], "Z")


def test_times_with_offsets_import_and_the_meeting_goes_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = _archive(tmp_path, _with_offsets)
    code, out, err = run_cli("--data-dir", str(data), "import", str(source))
    assert code == 0, err
    meeting_id = out.strip()
    for command in ("list", "check"):
        code, out, err = run_cli("--data-dir", str(data), command)
        assert code == 0 and "DAMAGED" not in out and "PROBLEM" not in out, out + err
    original = driven_sample("ja")
    with MeetingStore.open(data, meeting_id) as store:
        meeting = store.meeting
        # the same wall-clock times as the archive that was hand-edited
        assert meeting.opened_at == original.opened_at
        assert [u.created_at for u in meeting.utterances] == [
            u.created_at for u in original.utterances
        ]
        session = Session(meeting, sink=store.append)
        session.update_line(meeting.utterances[-1].id, text="edited after import")
    code, out, err = run_cli("--data-dir", str(data), "purge", meeting_id, "--yes")
    assert code == 0, err
    record(FAULT, "archives edited by hand, imported with live-notes import", rounds=1)


@pytest.mark.parametrize(
    ("name", "edit", "place"),
    [
        ("next_seq 0", lambda m: m.update(next_seq=0), "meeting.next_seq"),
        (
            "inner schema newer",
            lambda m: m.update(schema_version=SCHEMA_VERSION + 1),
            "meeting.schema_version",
        ),
        ("unknown zone", lambda m: m.update(zone="Mars/Olympus"), "meeting.zone"),
    ],
    ids=["next-seq-0", "inner-schema-newer", "unknown-zone"],
)
def test_a_bad_archive_is_refused_in_one_line(
    tmp_path: Path, name: str, edit: Any, place: str
) -> None:
    data = tmp_path / "data"
    source = _archive(tmp_path, edit)
    code, out, err = run_cli("--data-dir", str(data), "import", str(source))
    assert code == 1, name
    assert out == ""
    assert err.count("\n") == 1 and str(source) in err and place in err, err
    assert "Traceback" not in err
    assert not data.exists() or not any(data.glob("*.json"))
    record(FAULT, rounds=1, tracebacks=int("Traceback" in err))


def test_an_id_read_as_an_option_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = _archive(tmp_path, lambda m: m.update(id="-rf"))
    code, _out, err = run_cli("--data-dir", str(data), "import", str(source))
    assert code == 1 and "-rf" in err and err.count("\n") == 1, err
    assert not data.exists() or not any(data.glob("*.json"))
    record(FAULT, rounds=1)


def test_a_snapshot_with_offset_times_keeps_the_folder_working(tmp_path: Path) -> None:
    """The same times planted straight in a meeting file: list, check, show, open, purge."""
    from live_notes.store.meeting_store import paths_of

    data = tmp_path / "data"
    code, out, err = run_cli(
        "--data-dir", str(data), "import", str(_archive(tmp_path, lambda m: None))
    )
    assert code == 0, err
    meeting_id = out.strip()
    code, out, err = run_cli("--data-dir", str(data), "new", "--sample", "en")
    other = out.strip()
    snapshot = paths_of(data, meeting_id)["snapshot"]
    doc = json.loads(snapshot.read_text(encoding="utf-8"))
    _with_offsets(doc["meeting"]["1"]["meeting"])
    del doc["meeting"]["1"]["meeting"]["zone"]  # as written before meetings had zones
    snapshot.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for argv in (("list",), ("check",), ("show", meeting_id), ("show", other)):
        code, out, err = run_cli("--data-dir", str(data), *argv)
        assert code == 0 and "DAMAGED" not in out and "PROBLEM" not in out, out + err
    with MeetingStore.open(data, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        session.update_line(store.meeting.utterances[0].id, text="still editable")
        leaves = session.leaf_items()
        session.switch_item(
            leaves[0].id if leaves[0].id != store.meeting.current_item_id else leaves[1].id
        )
        session.commit_line("a line on another item")
        opened = driven_sample("ja").opened_at
        assert opened is not None
        moment = opened.replace(tzinfo=ZoneInfo("Asia/Tokyo"))
        assert store.meeting.opened_at == store.meeting.wall(moment)  # in the computer's zone
    for argv in (("list",), ("check",), ("show", meeting_id)):
        code, out, err = run_cli("--data-dir", str(data), *argv)
        assert code == 0 and "DAMAGED" not in out and "PROBLEM" not in out, out + err
    code, out, err = run_cli("--data-dir", str(data), "purge", meeting_id, "--yes")
    assert code == 0, err
    record(FAULT, rounds=1)


def test_thousands_of_mistakes_in_an_archive_are_counted_not_listed(tmp_path: Path) -> None:
    def many(meeting: dict[str, Any]) -> None:
        line = meeting["utterances"][0]
        meeting["utterances"] = [{**line, "id": n, "item_id": "nope"} for n in range(1, 3001)]
        meeting["next_seq"] = 3001

    code, out, err = run_cli(
        "--data-dir", str(tmp_path / "data"), "import", str(_archive(tmp_path, many))
    )
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and len(err) < 2000, len(err)
    assert err.rstrip().endswith("… and 2,990 more")
    record(FAULT, rounds=1)
