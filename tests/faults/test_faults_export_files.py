"""Where exports land and who can read them.

The internal edition and the JSON archive hold off-the-record lines and names:
written under the usual umask 022 they must still be the clerk's only (0600)
unless the settings say ``export_mode = "0644"``. An existing file is never
replaced without ``--force`` (the export takes the next numbered name); an
``--out`` folder that does not exist is made private when written as a folder
(``new/``) and refused otherwise, never turned into a file named like it. The
export dialog calls the same `export` function as the command line.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from faults.support import record, run_cli
from live_notes.export import ExportOptions, export
from live_notes.sample import driven_sample

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

FAULT = "Export files: modes, overwrites, folders"


@pytest.fixture
def meeting_id(tmp_path: Path) -> str:
    code, out, err = run_cli("--data-dir", str(tmp_path / "data"), "new", "--sample", "ja")
    assert code == 0, err
    return out.strip()


@pytest.fixture(autouse=True)
def usual_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))
    old = os.umask(0o022)
    yield
    os.umask(old)


def _export(tmp_path: Path, meeting_id: str, *argv: str) -> tuple[int, str, str]:
    return run_cli("--data-dir", str(tmp_path / "data"), "export", meeting_id, *argv)


def test_exports_are_private_unless_the_settings_share_them(
    tmp_path: Path, meeting_id: str
) -> None:
    for fmt in ("json", "txt", "docx"):
        code, out, err = _export(
            tmp_path, meeting_id, "--edition", "internal", "--format", fmt, "--out", f"{tmp_path}/"
        )
        assert code == 0, err
        path = tmp_path / out.strip().rsplit("/", 1)[-1]
        assert path.stat().st_mode & 0o777 == 0o600, fmt
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('export_mode = "0644"\n', encoding="utf-8")
    code, out, err = _export(tmp_path, meeting_id, "--out", str(tmp_path / "shared.txt"))
    assert code == 0, err
    assert (tmp_path / "shared.txt").stat().st_mode & 0o777 == 0o644
    record(FAULT, "exports under umask 022, twice to one name, into missing folders", rounds=4)


def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path, meeting_id: str) -> None:
    mine = tmp_path / "minutes.txt"
    mine.write_text("the clerk's own notes", encoding="utf-8")
    code, out, err = _export(tmp_path, meeting_id, "--out", str(mine))
    assert code == 0, err
    assert mine.read_text(encoding="utf-8") == "the clerk's own notes"
    assert out.strip() == str(tmp_path / "minutes-2.txt")
    assert "exists already" in err
    assert "開会" in (tmp_path / "minutes-2.txt").read_text(encoding="utf-8")
    code, out, err = _export(tmp_path, meeting_id, "--out", str(mine), "--force")
    assert code == 0 and out.strip() == str(mine), err
    assert "開会" in mine.read_text(encoding="utf-8")
    # the export dialog's call: the same function, the same care
    meeting = driven_sample("ja")
    first = export(meeting, tmp_path / "dialog.md", "md", ExportOptions()).path
    second = export(meeting, tmp_path / "dialog.md", "md", ExportOptions()).path
    assert (first.name, second.name) == ("dialog.md", "dialog-2.md")
    record(FAULT, rounds=3, lost=int(not mine.exists()))


def test_out_to_a_missing_folder_makes_it_private_or_refuses(
    tmp_path: Path, meeting_id: str
) -> None:
    code, out, err = _export(tmp_path, meeting_id, "--out", str(tmp_path / "new" / "deeper") + "/")
    assert code == 0, err
    folder = tmp_path / "new" / "deeper"
    assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    assert out.strip().startswith(str(folder) + "/")
    code, out, err = _export(tmp_path, meeting_id, "--out", str(tmp_path / "minutes"))
    assert code == 1 and out == ""
    assert "no such folder" in err and err.count("\n") == 1
    assert not (tmp_path / "minutes").exists()
    code, out, err = _export(
        tmp_path, meeting_id, "--out", str(tmp_path / "m.txt"), "--format", "docx"
    )
    assert code == 1 and not (tmp_path / "m.txt").exists()
    record(FAULT, rounds=3)
