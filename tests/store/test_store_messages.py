"""Every failure the store reports can be said in Japanese: the app shows `message(lang)`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from live_notes.store import MeetingStore, StoreError

STORE = Path(__file__).resolve().parents[2] / "live_notes" / "store"


def _english_only() -> list[str]:
    """`StoreError(...)` calls in the store's source given no Japanese text."""
    found = []
    for path in sorted(STORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "StoreError"
                and len(node.args) < 2
                and not any(k.arg == "ja" for k in node.keywords)
            ):
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_every_store_error_has_its_japanese() -> None:
    assert _english_only() == []


def test_an_unreadable_draft_is_told_in_japanese(tmp_path: Path) -> None:
    from live_notes.sample import sample_meeting

    store = MeetingStore.create(tmp_path, sample_meeting("ja"))
    store.save_draft("入力中")
    draft = next(tmp_path.glob("*.draft"))
    draft.unlink()
    draft.mkdir()  # a folder where the draft should be: it cannot be read back
    with pytest.raises(StoreError) as caught:
        store.load_draft()
    store.close()
    assert caught.value.message("ja").startswith("入力中の行を読み戻せませんでした")


def test_a_data_folder_that_is_a_file_is_told_in_japanese(tmp_path: Path) -> None:
    from live_notes.sample import sample_meeting

    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        MeetingStore.create(tmp_path / "data", sample_meeting("ja"))
    assert "data" in caught.value.message("ja")
    assert caught.value.message("ja") != caught.value.message("en")
