"""Keeping the line being typed: written once typing pauses, on a writer thread.

The clerk's keystrokes never wait for it: the file is replaced (atomically,
with fsyncs) by one writer thread, so drafts land in the order they were typed,
and only a failure comes back to the UI thread, to be said to the clerk.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from live_notes.store import StoreError

Save = Callable[[str], None]
"""Writes the draft durably (``MeetingStore.save_draft``); raises StoreError."""


class DraftKeeper:
    """Writes drafts in order on one thread; remembers what is on disk.

    Attributes:
        saved: The text last handed to the writer ("" when there is no draft),
            or None after a failure (so the next save tries again).
    """

    def __init__(
        self,
        save: Save,
        on_error: Callable[[StoreError], None],
        to_ui: Callable[..., object],
    ) -> None:
        """`to_ui(fn, arg)` runs fn(arg) on the UI thread (``App.call_from_thread``)."""
        self._save = save
        self._on_error = on_error
        self._to_ui = to_ui
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draft")
        self.saved: str | None = ""

    def keep(self, text: str, wait: bool = False) -> None:
        """Write `text` unless it is what is on disk already; `wait` blocks until written."""
        if text == self.saved:
            return
        self.saved = text
        future = self._writer.submit(partial(self._save, text))
        if wait:
            self._done(future)
        else:
            future.add_done_callback(self._report)

    def _report(self, future: Future[None]) -> None:
        """On the writer thread: only a failure needs the UI."""
        if future.exception() is None:
            return
        try:
            self._to_ui(self._done, future)
        except RuntimeError:  # already on the UI thread (the future was done at once)
            self._done(future)

    def _done(self, future: Future[None]) -> None:
        from live_notes.store import StoreError

        try:
            future.result()
        except StoreError as exc:
            self.saved = None
            self._on_error(exc)

    def close(self) -> None:
        """Wait for the last write, then stop the thread."""
        self._writer.shutdown(wait=True)
