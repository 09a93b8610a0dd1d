"""Drafts: drafts written in the order typed, off the caller's thread; failures reported."""

from __future__ import annotations

import threading
import time

from live_notes.store import StoreError
from live_notes.tui.drafts import DraftKeeper


def test_drafts_are_written_in_order_and_not_twice() -> None:
    written: list[str] = []
    threads: set[str] = set()

    def save(text: str) -> None:
        time.sleep(0.01)  # a slow disk: later drafts must still land after earlier ones
        threads.add(threading.current_thread().name)
        written.append(text)

    keeper = DraftKeeper(save, lambda exc: None, lambda fn, arg: fn(arg))
    for text in ["委", "委員", "委員会", "委員会", ""]:
        keeper.keep(text)
    keeper.close()
    assert written == ["委", "委員", "委員会", ""]
    assert threads and threading.current_thread().name not in threads


def test_a_failed_write_is_reported_and_tried_again() -> None:
    errors: list[str] = []
    full = [True]

    def save(text: str) -> None:
        if full[0]:
            raise StoreError("disk full")

    keeper = DraftKeeper(save, lambda exc: errors.append(str(exc)), lambda fn, arg: fn(arg))
    keeper.keep("途中", wait=True)
    assert errors == ["disk full"]
    assert keeper.saved is None
    full[0] = False
    keeper.keep("途中", wait=True)  # the same text again: written this time
    assert keeper.saved == "途中"
    assert errors == ["disk full"]
    keeper.close()
