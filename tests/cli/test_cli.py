"""The command line as a new user meets it: new, list, show, check, export, import, purge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from live_notes import __version__
from live_notes.cli import main
from live_notes.resources import sample_plan

SAMPLE_JA = Path(str(sample_plan("ja")))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "meetings"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"live-notes {__version__}"


def test_new_list_show_check(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data), "list")
    assert code == 0 and "No meetings yet" in out

    code, out, _ = run(capsys, "--data-dir", str(data), "new", str(SAMPLE_JA))
    assert code == 0
    meeting_id = out.strip()
    assert meeting_id == "2024-11-11-wakabano-joho-2"

    code, out, _ = run(capsys, "--data-dir", str(data), "new", str(SAMPLE_JA))
    assert out.strip() == "2024-11-11-wakabano-joho-2-2"  # a second copy gets its own id

    code, out, _ = run(capsys, "--data-dir", str(data), "list")
    assert code == 0
    rows = out.splitlines()
    assert len(rows) == 2
    assert (
        rows[0].startswith(meeting_id)
        and "若葉野市情報公開・個人情報保護審議会 令和6年度第2回" in rows[0]
    )
    assert "planned" in rows[0] and "0 lines" in rows[0]

    code, out, _ = run(capsys, "--data-dir", str(data), "show", meeting_id)
    assert code == 0
    assert "若葉野市情報公開・個人情報保護審議会 令和6年度第2回" in out
    assert "09:30–12:00 (scheduled)" in out
    assert "ア 下水道使用料" in out

    code, out, _ = run(capsys, "--data-dir", str(data), "check")
    assert code == 0
    assert f"{meeting_id}: ok" in out


def test_bad_plan_is_one_line_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "bad.toml"
    plan.write_text(
        SAMPLE_JA.read_text(encoding="utf-8").replace('"fujii"]', '"kume"]'), encoding="utf-8"
    )
    code, out, err = run(capsys, "--data-dir", str(data), "new", str(plan))
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert 'presenters[1]: no one with id "kume" in the roster' in err
    assert str(plan) in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "--data-dir", str(data), "list")
    assert "No meetings yet" in out


def test_missing_plan_and_unknown_meeting(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(data), "new", "nowhere.toml")
    assert code == 1 and err.strip() == "live-notes: nowhere.toml: no such file"
    code, _, err = run(capsys, "--data-dir", str(data), "show", "2000-01-01-none")
    assert code == 1 and "2000-01-01-none" in err and "Traceback" not in err


def test_export_and_import_round_trip(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "--data-dir", str(data), "new", str(SAMPLE_JA))
    meeting_id = out.strip()
    archive = tmp_path / "a.json"
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(data),
        "export",
        meeting_id,
        "--format",
        "json",
        "--out",
        str(archive),
    )
    assert code == 0 and out.strip() == str(archive)
    assert json.loads(archive.read_text(encoding="utf-8"))["meeting"]["id"] == meeting_id

    other = tmp_path / "other"
    code, out, _ = run(capsys, "--data-dir", str(other), "import", str(archive))
    assert code == 0 and out.strip() == meeting_id
    again = tmp_path / "b.json"
    run(
        capsys,
        "--data-dir",
        str(other),
        "export",
        meeting_id,
        "--format",
        "json",
        "--out",
        str(again),
    )
    assert again.read_bytes() == archive.read_bytes()

    code, out, _ = run(
        capsys,
        "--data-dir",
        str(data),
        "export",
        meeting_id,
        "--format",
        "txt",
        "--out",
        str(tmp_path),
    )
    written = Path(out.strip())
    assert code == 0 and written.parent == tmp_path and written.suffix == ".txt"
    assert "若葉野市情報公開・個人情報保護審議会" in written.read_text(encoding="utf-8")


def test_import_garbage(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\xffnot json")
    code, _, err = run(capsys, "--data-dir", str(data), "import", str(bad))
    assert code == 1 and err.startswith("live-notes: ") and "Traceback" not in err


def test_purge(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    _, out, _ = run(capsys, "--data-dir", str(data), "new", str(SAMPLE_JA))
    meeting_id = out.strip()
    code, out, _ = run(capsys, "--data-dir", str(data), "purge", meeting_id, "--yes")
    assert code == 0 and "removed" in out and "SSD" in out
    assert not any(p.name.startswith(meeting_id) for p in data.iterdir())
    code, out, _ = run(capsys, "--data-dir", str(data), "list")
    assert "No meetings yet" in out


def test_unwritable_data_dir_is_refused_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        blocked = tmp_path / "file-not-dir"
        blocked.write_text("")
        target = blocked / "meetings"  # cannot be created even by root
    else:
        target = tmp_path / "ro"
        target.mkdir(mode=0o500)
    code, _, err = run(capsys, "--data-dir", str(target), "open", "x")
    assert code == 1
    assert "cannot use the data folder" in err or "not writable" in err
    assert "Traceback" not in err


def test_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "live_notes.cli", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    for command in ("open", "new", "list", "show", "check", "export", "import", "purge"):
        assert command in done.stdout


def test_new_from_the_shipped_sample(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data), "new", "--sample", "en")
    assert code == 0 and out.strip() == "2025-03-12-riverside-library-board"
    code, _, err = run(capsys, "--data-dir", str(data), "new")
    assert code == 1 and "needs a plan file" in err


def test_list_columns_line_up_and_show_prints_words(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    from live_notes.domain.models import Outcome
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore

    run(capsys, "--data-dir", str(data), "new", str(SAMPLE_JA))
    _, out, _ = run(capsys, "--data-dir", str(data), "new", str(SAMPLE_JA))
    second = out.strip()
    with MeetingStore.open(data, second) as store:
        session = Session(store.meeting, sink=store.append)
        session.open()
        session.switch_item("sewer")
        session.commit_line("一行")
        session.record_decision(Outcome.APPROVED_WITH_CONDITIONS, "条件")
    code, out, _ = run(capsys, "--data-dir", str(data), "list")
    rows = out.splitlines()
    assert code == 0 and len(rows) == 2
    columns = [row.index("若葉野市") for row in rows]
    assert columns[0] == columns[1], rows
    assert "in session" in out and "1 line " in out and "0 lines" in out
    code, out, _ = run(capsys, "--data-dir", str(data), "show", second)
    assert "→ approved with conditions" in out and "approved_with" not in out
    assert "status:     in session" in out and "1 line" in out


def test_export_anonymise_letters_speakers_and_needs_names(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "--data-dir", str(data), "new", str(SAMPLE_JA))
    meeting_id = out.strip()
    target = tmp_path / "m.txt"
    base = ["--data-dir", str(data), "export", meeting_id, "--out", str(target)]
    code, _, err = run(capsys, *base, "--anonymise")
    assert code != 0 and "--anonymise works with --names" in err and not target.exists()
    code, _, _ = run(capsys, *base, "--names", "--anonymise")
    assert code == 0 and target.is_file()
