"""Redline exports: insertions and deletions marked, in HTML and in Word."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import docx
from support.reference import typed_late

from live_notes.cli import main
from live_notes.domain.session import Session
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_html_and_docx_redlines_mark_what_changed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "meetings"
    meeting_id = typed_late(data)
    assert main(["--data-dir", str(data), "export", meeting_id, "--circulate",
                 "--out", str(tmp_path / "out") + "/"]) == 0  # fmt: skip
    with MeetingStore.open(data, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        line = next(u for u in store.meeting.utterances if "インターネット" in u.text)
        session.update_line(line.id, text=line.text.replace("インターネット", "外部の回線"))
    capsys.readouterr()
    page = tmp_path / "redline.html"
    assert main(["--data-dir", str(data), "diff", meeting_id, "--redline", str(page)]) == 0
    assert capsys.readouterr().out.strip() == str(page)
    text = page.read_text(encoding="utf-8")
    deleted = [p for p in text.split("\n") if p.startswith("<p><del>")]
    inserted = [p for p in text.split("\n") if p.startswith("<p><ins>") and "#" in p]
    assert len(deleted) == 1 and "インターネット" in deleted[0]
    assert len(inserted) == 1 and "外部の回線" in inserted[0]
    assert "<ins>挿入</ins>" in text

    word = tmp_path / "redline.docx"
    assert main(["--data-dir", str(data), "diff", meeting_id, "--redline", str(word)]) == 0
    runs = [r for p in docx.Document(io.BytesIO(word.read_bytes())).paragraphs for r in p.runs]
    struck = [r.text for r in runs if r.font.strike]
    underlined = [r.text for r in runs if r.font.underline]
    assert len(struck) == 1 and "インターネット" in struck[0]
    assert len(underlined) == 1 and "外部の回線" in underlined[0]

    capsys.readouterr()
    assert main(["--data-dir", str(data), "diff", meeting_id, "--redline", str(page)]) == 1
    err = capsys.readouterr().err
    assert "exists already" in err and len(err.splitlines()) == 1
