"""`live-notes times`: the recorded times printed and corrected from the shell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.reference import typed_late

from live_notes.cli import main
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export_txt(capsys: pytest.CaptureFixture[str], data: Path, meeting_id: str) -> str:
    out_file = data.parent / f"{meeting_id}.txt"
    code, _, err = run(
        capsys, "--data-dir", str(data), "export", meeting_id, "--out", str(out_file), "--force"
    )
    assert code == 0, err
    return out_file.read_text(encoding="utf-8")


def test_reference_typed_late_is_corrected_from_the_shell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    before = export_txt(capsys, data, meeting_id)
    assert "午前9時32分から午後5時10分まで" in before

    code, out, err = run(capsys, "--data-dir", str(data), "times", meeting_id)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "opened      09:32" in lines
    assert "recess 1    10:40-10:50" in lines
    assert "closed      17:10" in lines

    code, out, err = run(
        capsys,
        "--data-dir", str(data), "times", meeting_id, "--opened", "09:30", "--closed", "12:00",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "opened      09:30" in out.splitlines()
    assert "closed      12:00" in out.splitlines()

    text = export_txt(capsys, data, meeting_id)
    assert "午前9時30分から正午まで" in text
    assert text.rstrip().splitlines()[-1] == "正午終了"
    # The correction is journalled: the meeting read back has it.
    with MeetingStore.open(data, meeting_id, readonly=True) as store:
        assert store.meeting.opened_at is not None
        assert store.meeting.opened_at.strftime("%H:%M") == "09:30"


def test_recess_is_set_and_a_bad_one_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    code, out, _ = run(
        capsys, "--data-dir", str(data), "times", meeting_id, "--recess", "1", "10:45-11:00"
    )
    assert code == 0
    assert "recess 1    10:45-11:00" in out.splitlines()

    for argv, message in [
        (["--recess", "1", "08:00-08:10"], "Recess 1 (08:00-08:10) is not inside the session"),
        (["--recess", "2", "10:00-10:10"], "No recess 2: the meeting has 1 recess(es)."),
        (["--recess", "1", "11:00-10:50"], "Recess 1 would end (10:50) before it begins"),
        (["--closed", "09:00"], "The closing time 09:00 is before the opening time 09:32."),
        (["--opened", "9.30"], "'9.30' is not a time: write HH:MM (09:30)"),
    ]:
        code, out, err = run(capsys, "--data-dir", str(data), "times", meeting_id, *argv)
        assert code == 1, argv
        assert out == ""
        assert err.startswith("live-notes: " + message), err
        assert len(err.splitlines()) == 1
    # Nothing refused was saved.
    code, out, _ = run(capsys, "--data-dir", str(data), "times", meeting_id)
    assert "recess 1    10:45-11:00" in out.splitlines()
    assert "closed      17:10" in out.splitlines()


def test_a_line_typed_after_closing_is_exported_as_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from live_notes.domain.models import Section
    from live_notes.domain.session import Session

    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    with MeetingStore.open(data, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        session.switch_item("tablet")
        session.set_section(Section.DISCUSSION)
        session.set_role("member")
        session.commit_line("追加資料は後日委員へ送付する。")
    text = export_txt(capsys, data, meeting_id)
    lines = text.splitlines()
    note = [line for line in lines if "追加資料は後日委員へ送付する。" in line]
    assert len(note) == 1
    assert note[0].lstrip().startswith("※")
    assert "委員 追加資料" not in text


def test_arrivals_items_and_lines_are_corrected_from_the_shell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    with MeetingStore.open(data, meeting_id, readonly=True) as store:
        late = next(pid for pid, mark in store.meeting.attendance.items() if mark.arrived_at)
        first_line = store.meeting.utterances[0].id
    code, out, err = run(
        capsys,
        "--data-dir", str(data), "times", meeting_id,
        "--arrived", late, "09:50", "--item", "sewer", "09:35", "--line", str(first_line), "09:36",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert any(line.startswith(f"arrived     09:50  {late}") for line in out.splitlines())
    assert any(line.startswith("item start  09:35  sewer") for line in out.splitlines())
    with MeetingStore.open(data, meeting_id, readonly=True) as store:
        assert store.meeting.utterances[0].created_at.strftime("%H:%M") == "09:36"
    code, _, err = run(
        capsys, "--data-dir", str(data), "times", meeting_id, "--arrived", late, "18:00"
    )
    assert code == 1
    assert "is outside the meeting (09:32-17:10)" in err


def item_minutes(out: str) -> dict[str, int]:
    """`item time   NN min  ITEM` lines of `times`' output, by item."""
    rows = [line.split() for line in out.splitlines() if line.startswith("item time")]
    return {row[-1]: int(row[2]) for row in rows}


def test_an_items_corrected_start_moves_minutes_from_the_item_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)  # tablet taken up at 10:50, after the 10:40-10:50 recess
    code, out, _ = run(capsys, "--data-dir", str(data), "times", meeting_id)
    assert item_minutes(out) == {"sewer": 68, "tablet": 50, "other": 330}
    code, out, err = run(
        capsys, "--data-dir", str(data), "times", meeting_id, "--item", "tablet", "10:30"
    )
    assert (code, err) == (0, "")
    # 10:30-10:50 holds ten sitting minutes (the recess is not counted): sewer gives them
    assert item_minutes(out) == {"sewer": 58, "tablet": 60, "other": 330}
    code, out, _ = run(
        capsys, "--data-dir", str(data), "times", meeting_id, "--item", "tablet", "11:00"
    )
    assert item_minutes(out) == {"sewer": 78, "tablet": 40, "other": 330}  # 09:32-11:00
    code, out, _ = run(capsys, "--data-dir", str(data), "times", meeting_id)  # as saved
    assert item_minutes(out) == {"sewer": 78, "tablet": 40, "other": 330}
