"""The export dialog (F12) offers the house style and draft or final; the attendance
screen names department staff as the meeting's style does."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from support.screens import reopen, screen_text, stored_sample

from live_notes.config import load_config
from live_notes.domain.models import Group
from live_notes.domain.session import Session
from live_notes.paths import export_dir
from live_notes.store import MeetingStore
from live_notes.store.versions import load_version, version_numbers
from live_notes.tui.app import LiveNotesApp
from live_notes.tui.screens.dialogs.export import ExportScreen

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.domain.models import Meeting


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIVE_NOTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LIVE_NOTES_EXPORT_DIR", str(tmp_path / "out"))


def _app(data: Path, meeting_id: str) -> LiveNotesApp:
    clock = lambda: datetime(2024, 11, 11, 14, 0)  # noqa: E731
    return LiveNotesApp(data, meeting_id, config=load_config(), clock=clock)


async def _export(
    tmp_path: Path, *keys: str, closed: bool = True, named: bool = False
) -> tuple[str, str]:
    """Export the sample (closed, else just planned; `named`: the members' lines carry
    who spoke) with the keys pressed in the dialog; (file text, screen)."""
    data = tmp_path / "data"
    meeting_id = stored_sample(data, "ja", driven=closed)
    if named:
        _name_the_members(data, meeting_id)
    app = _app(data, meeting_id)
    async with app.run_test(size=(140, 40)) as pilot:
        while app.session is None:
            await pilot.pause(0.02)
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press(*keys, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
    written = export_dir() / f"{meeting_id}.ja.public.md"
    return (written.read_text(encoding="utf-8") if written.exists() else ""), shown


async def test_the_default_is_the_meetings_style_as_a_draft(tmp_path: Path) -> None:
    text, _shown = await _export(tmp_path, "down")  # Markdown
    assert "【案】" in text
    assert "諮問事項" not in text  # ja-shingikai has no kind headings


async def test_another_style_and_final(tmp_path: Path) -> None:
    # Format: Markdown; Tab past language and edition; style: up from ja-shingikai to
    # ja-iinkai; Tab; final.
    text, shown = await _export(tmp_path, "down", "tab", "tab", "tab", "up", "tab", "down")
    assert "書き出しました" in shown
    assert "【案】" not in text
    assert "諮問事項" in text  # ja-iinkai's kind headings


CIRCULATE = ("down", "tab", "tab", "tab", "tab", "down", "down")
"""Markdown, then Tab to draft or final, and the third choice: a draft to circulate."""


async def test_a_draft_to_circulate_is_kept_as_the_next_version(tmp_path: Path) -> None:
    text, shown = await _export(tmp_path, *CIRCULATE)
    assert "【案】" in text
    assert "第1版として回付を記録しました" in shown
    data = tmp_path / "data"
    (written,) = export_dir().glob("*.md")
    meeting_id = written.name.split(".")[0]
    meeting = reopen(data, meeting_id)
    assert meeting.circulated == 1  # journalled: the store says so after the app quit
    assert version_numbers(data, meeting_id) == [1]
    assert load_version(data, meeting_id, 1).utterances == meeting.utterances


async def test_circulating_an_unclosed_meeting_is_refused_and_writes_nothing(
    tmp_path: Path,
) -> None:
    text, shown = await _export(tmp_path, *CIRCULATE, closed=False)
    assert text == ""
    assert "書き出せませんでした" in shown and "閉会" in shown
    assert "回付を記録しました" not in shown and "Traceback" not in shown
    assert list(export_dir().glob("*")) == []


async def test_a_broken_user_style_is_refused_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "config" / "styles" / "mine"
    broken.mkdir(parents=True)
    (broken / "style.toml").write_text("this is = = not toml\n", encoding="utf-8")
    # The clerk's styles come after the shipped ones: End in the style list.
    text, shown = await _export(tmp_path, "down", "tab", "tab", "tab", "end")
    assert text == ""
    assert "書き出せませんでした" in shown and "mine" in shown
    assert "Traceback" not in shown


async def test_attendance_names_department_staff_as_the_style_does(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = _app(data, stored_sample(data, "ja", driven=False))
    async with app.run_test(size=(120, 40)) as pilot:
        while app.session is None:
            await pilot.pause(0.02)
        await pilot.press("f9")
        await pilot.pause()
        shown = screen_text(app)
    assert "提案課職員" in shown  # ja-shingikai's 〔提案課職員〕, the sample's style
    assert "担当課職員" not in shown


async def test_a_circulated_draft_that_cannot_be_written_keeps_no_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "afile").write_text("", encoding="utf-8")  # root writes anywhere: a file
    monkeypatch.setenv("LIVE_NOTES_EXPORT_DIR", str(tmp_path / "afile" / "out"))
    text, shown = await _export(tmp_path, *CIRCULATE)
    assert text == ""
    assert "書き出せませんでした" in shown and "回付を記録しました" not in shown
    data = tmp_path / "data"
    (meeting_id,) = [p.name.split(".")[0] for p in data.glob("*.journal*")][:1]
    assert version_numbers(data, meeting_id) == []
    assert reopen(data, meeting_id).circulated == 0


SPEAKERS = ("down", "tab", "tab", "tab", "tab", "tab")
"""Markdown, then Tab past language, edition, style and draft or final to the speakers."""


async def test_the_speakers_by_name_or_by_letter(tmp_path: Path) -> None:
    texts = []
    for name, keys in [("roles", ()), ("named", ("down",)), ("lettered", ("down", "down"))]:
        text, shown = await _export(tmp_path / name, *SPEAKERS, *keys, named=True)
        texts.append(text)
        for written in export_dir().iterdir():  # the next writes the same name
            written.unlink()
    roles, named, lettered = texts
    assert "書き出しました" in shown
    first, second = _member_names(tmp_path / "named" / "data")
    labels = [f"委員({first})", f"委員({second})"]  # a speaker's label with the name
    assert all(label in named for label in labels)
    assert not any(label in roles or label in lettered for label in labels)
    assert "A委員" in lettered and "B委員" in lettered
    assert "A委員" not in named and "A委員" not in roles


def _members(meeting: Meeting) -> list[str]:
    return [p.id for p in meeting.people if p.group is Group.MEMBER][:2]


def _name_the_members(data: Path, meeting_id: str) -> None:
    """Say who spoke on the members' lines: the first two members, in turn."""
    with MeetingStore.open(data, meeting_id) as store:
        session = Session(store.meeting, sink=store.append)
        who = _members(store.meeting)
        lines = [u for u in store.meeting.utterances if u.role_id == "member"]
        for n, line in enumerate(lines):
            session.update_line(line.id, person_id=who[n % 2])


def _member_names(data: Path) -> list[str]:
    (meeting_id,) = {p.name.split(".")[0] for p in data.iterdir() if p.is_file()}
    meeting = reopen(data, meeting_id)
    return [p.name for p in meeting.people if p.id in _members(meeting)]
