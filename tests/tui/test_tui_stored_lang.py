"""The UI's language from the stored meetings (no setting, no locale) is read from the
head of each meeting's file: no meeting is loaded for it on the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from live_notes.sample import sample_meeting
from live_notes.store import MeetingStore, admin, loader
from live_notes.store.errors import StoreError
from live_notes.tui.stored_lang import stored_lang

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_the_stored_meetings_language_is_told_without_loading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = tmp_path / "english"
    MeetingStore.create(english, sample_meeting("en")).close()
    mixed = tmp_path / "mixed"
    MeetingStore.create(mixed, sample_meeting("en")).close()
    MeetingStore.create(mixed, sample_meeting("ja")).close()

    def no_loading(*_args: object, **_kwargs: object) -> NoReturn:
        raise StoreError("loaded a whole meeting to tell its language")

    monkeypatch.setattr(loader, "load", no_loading)
    monkeypatch.setattr(admin, "load", no_loading)
    assert stored_lang(english) == "en"
    assert stored_lang(mixed) == "ja"
    assert stored_lang(tmp_path / "none") == "ja"
