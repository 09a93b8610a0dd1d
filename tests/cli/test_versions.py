"""Circulated versions, `live-notes diff`, approval, the lock and reopening, from the shell."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

import pytest
from support.reference import typed_late

from live_notes.cli import main
from live_notes.domain.session import Session
from live_notes.store import MeetingStore
from live_notes.store.versions import version_numbers

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def edit_a_line(data: Path, meeting_id: str, old: str, new: str) -> int:
    with MeetingStore.open(data, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        line = next(u for u in store.meeting.utterances if old in u.text)
        session.update_line(line.id, text=line.text.replace(old, new))
        return line.id


def test_circulate_diff_approve_lock_and_reopen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    out_dir = str(tmp_path / "out") + "/"
    code, out, err = run(capsys, data, "export", meeting_id, "--circulate", "--out", out_dir)
    assert code == 0, err
    assert out.splitlines()[0] == "circulated as version 1"
    kept = data / f"{meeting_id}.versions" / "1.json"
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600

    code, out, _ = run(capsys, data, "diff", meeting_id)
    assert (code, out.strip()) == (0, "no change between version 1 and the current record")

    line_id = edit_a_line(data, meeting_id, "インターネット", "外部の回線")
    code, out, _ = run(capsys, data, "diff", meeting_id)
    lines = out.splitlines()
    assert lines[:2] == ["--- version 1", "+++ current"]
    removed = [line for line in lines if line.startswith(f"-  #{line_id} ")]
    added = [line for line in lines if line.startswith(f"+  #{line_id} ")]
    assert len(removed) == 1 and "インターネット" in removed[0]
    assert len(added) == 1 and "外部の回線" in added[0]

    code, out, _ = run(capsys, data, "export", meeting_id, "--circulate", "--out", out_dir)
    assert out.splitlines()[0] == "circulated as version 2"
    code, out, _ = run(capsys, data, "diff", meeting_id, "--from", "1", "--to", "2")
    assert any(line.startswith(f"+  #{line_id} ") for line in out.splitlines())
    code, out, _ = run(capsys, data, "show", meeting_id)
    assert "record:     circulated (2)" in out

    code, out, _ = run(
        capsys, data, "approve", meeting_id, "--by", "令和6年度第3回審議会", "--on", "2024-12-16"
    )
    assert (code, out.strip()) == (0, "approved")
    code, out, err = run(capsys, data, "times", meeting_id, "--opened", "09:30")
    assert code == 1
    assert err.strip() == (
        "live-notes: The minutes are approved: reopen them with a reason to change anything."
    )
    code, out, err = run(capsys, data, "export", meeting_id, "--circulate", "--out", out_dir)
    assert code == 1 and "approved" in err

    code, out, _ = run(capsys, data, "reopen", meeting_id, "--reason", "委員名の誤記を訂正")
    assert (code, out.strip()) == (0, "circulated (2)")
    code, out, _ = run(capsys, data, "times", meeting_id, "--opened", "09:30")
    assert code == 0
    code, out, _ = run(capsys, data, "show", meeting_id)
    assert "委員名の誤記を訂正" in out
    assert "(approved 2024-12-16 by 令和6年度第3回審議会)" in out

    code, out, _ = run(capsys, data, "purge", meeting_id, "--yes")
    assert code == 0
    assert not (data / f"{meeting_id}.versions").exists()


def test_diff_without_versions_and_with_an_unknown_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    code, _, err = run(capsys, data, "diff", meeting_id)
    assert code == 1
    assert "has no circulated version yet" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, data, "diff", meeting_id, "--from", "3")
    assert code == 1
    assert "has no version 3 (kept: none)" in err


def test_approval_needs_the_draft_ready(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)  # closed, not yet marked "draft ready"
    code, out, err = run(capsys, data, "approve", meeting_id, "--by", "第3回審議会")
    assert (code, out) == (1, "")
    assert err.strip() == (
        "live-notes: The minutes are not a draft ready yet: "
        "mark them “draft ready” (review, r) first."
    )
    code, out, _ = run(capsys, data, "show", meeting_id)
    assert "record:     recording\n" in out
    with MeetingStore.open(data, meeting_id) as store:  # what review's f and r do
        session = Session(store.meeting, sink=store.append)
        for line in session.flagged():
            session.toggle_flag(line.id)
        session.mark_draft_ready()
    code, out, _ = run(capsys, data, "approve", meeting_id, "--by", "第3回審議会")
    assert (code, out.strip()) == (0, "approved")


@pytest.mark.parametrize("how", ["under a file", "chmod"])
def test_a_failed_circulated_export_keeps_no_version(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, how: str
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    if how == "chmod":
        if os.geteuid() == 0:
            pytest.skip("root writes into a folder whatever its mode")
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
    else:  # a folder that cannot be made: its parent is a regular file
        (tmp_path / "afile").write_text("", encoding="utf-8")
        folder = tmp_path / "afile" / "minutes"
    try:
        code, out, err = run(
            capsys, data, "export", meeting_id, "--circulate", "--out", f"{folder}/"
        )
    finally:
        if how == "chmod":
            folder.chmod(0o700)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "circulated" not in out
    assert version_numbers(data, meeting_id) == []
    with MeetingStore.open(data, meeting_id, readonly=True) as store:
        assert store.meeting.circulated == 0  # nothing journalled
    code, out, err = run(capsys, data, "export", meeting_id, "--circulate", "--out", f"{tmp_path}/")
    assert (code, out.splitlines()[0]) == (0, "circulated as version 1")
