"""The clerk's settings reach the minutes: extra eras, the label style, their own templates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from live_notes.cli import main
from live_notes.store import MeetingStore


@pytest.fixture
def closed_meeting(tmp_path: Path) -> tuple[Path, str]:
    from live_notes.sample import driven_sample

    data = tmp_path / "data"
    with MeetingStore.create(data, driven_sample("ja")) as store:
        return data, store.meeting.id


def run_export(data: Path, meeting_id: str, out: Path, *extra: str) -> int:
    return main(
        [
            "--data-dir",
            str(data),
            "export",
            meeting_id,
            "--format",
            "txt",
            "--out",
            str(out),
            *extra,
        ]
    )


def export_txt(
    data: Path, meeting_id: str, out: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> str:
    code = run_export(data, meeting_id, out, *extra)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return out.read_text(encoding="utf-8")


def write_config(text: str) -> Path:
    folder = Path(os.environ["LIVE_NOTES_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")
    return folder


def test_defaults_follow_the_plan(
    closed_meeting: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = export_txt(*closed_meeting, tmp_path / "m.txt", capsys)
    assert "令和6年11月11日(月曜日)" in text
    assert "\n委員 送信データを作成する端末は" in text


def test_an_era_added_in_the_settings(
    closed_meeting: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config('[[eras]]\nname = "試験"\nstart = "2024-06-01"\n')
    text = export_txt(*closed_meeting, tmp_path / "m.txt", capsys)
    assert "試験元年11月11日(月曜日)" in text


def test_the_label_style_from_the_settings(
    closed_meeting: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config('label_style = "bracket"\n')
    text = export_txt(*closed_meeting, tmp_path / "m.txt", capsys)
    assert "\n【委員】送信データを作成する端末は" in text


def test_a_wrong_label_style_is_named(
    closed_meeting: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config('label_style = "fancy"\n')
    code = run_export(*closed_meeting, tmp_path / "m.txt")
    err = capsys.readouterr().err
    assert code == 1 and "label_style 'fancy' in the settings is not one of" in err


def test_the_users_own_template_wins(
    closed_meeting: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_config("")
    (folder / "templates").mkdir()
    (folder / "templates" / "minutes.ja.txt.j2").write_text(
        "当市様式 {{ 1 + 1 }}\n", encoding="utf-8"
    )
    text = export_txt(*closed_meeting, tmp_path / "m.txt", capsys)
    assert text == "当市様式 2\n"


def test_final_minutes_lose_the_draft_mark(
    closed_meeting: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, meeting_id = closed_meeting
    draft = export_txt(data, meeting_id, tmp_path / "draft.txt", capsys)
    assert draft.startswith("【案】")
    final = export_txt(data, meeting_id, tmp_path / "final.txt", capsys, "--final")
    assert "【案】" not in final and final.startswith("令和6年度第2回若葉野市")


def test_the_default_role_set_for_plans_naming_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from live_notes.resources import sample_plan

    plan = tmp_path / "plan.toml"
    text = sample_plan("ja").read_text(encoding="utf-8")
    plan.write_text(text.replace('role_set = "ja-council"', ""), encoding="utf-8")
    data = tmp_path / "data"
    write_config('default_role_set = "ja-committee"\n')
    assert main(["--data-dir", str(data), "new", str(plan)]) == 0
    meeting_id = capsys.readouterr().out.strip()
    with MeetingStore.open(data, meeting_id, readonly=True) as store:
        assert store.meeting.role_set.roles[0].ja == "委員長"
