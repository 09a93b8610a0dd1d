"""Keeping the line being typed, so a crash offers it back.

`Drafts` decides when: at most `delay` after a change of the entry, typing or
not (a throttle, not a debounce: one timer per `delay` at most, never one per
key). A one-shot timer each time, not a paused interval timer: an interval
timer reset while paused first finishes the sleep it was in, then sleeps a
whole interval again, so drafts landed 0.5-1.0 s after the change (1.0 s for
the first of a session). `DraftKeeper` does the writing: the clerk's keystrokes never wait for it,
the file is replaced (atomically, with fsyncs) by one writer thread, so drafts
land in the order they were typed, and only a failure comes back to the UI
thread, to be said to the clerk.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.timer import Timer

    from live_notes.domain.errors import ClerkError

DRAFT_DELAY = 0.3
"""Longest time the line being typed waits to be saved: 0.3 s, so that with the key's
way to the app and the write it is on disk within the 0.5 s the docs promise."""

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
        on_error: Callable[[ClerkError], None],
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
        from live_notes.domain.errors import ClerkError

        try:
            future.result()
        except ClerkError as exc:
            self.saved = None
            self._on_error(exc)

    def close(self) -> None:
        """Wait for the last write, then stop the thread."""
        self._writer.shutdown(wait=True)


class Drafts:
    """The entry's text kept as the draft: at most `delay` seconds after the first change
    since the last save, and at once when asked (`save`)."""

    def __init__(
        self,
        node: MessagePump,
        text: Callable[[], str],
        save: Save,
        on_error: Callable[[ClerkError], None],
        delay: float = DRAFT_DELAY,
    ) -> None:
        """`node` runs the timer (the live screen); `text()` is what to keep now."""
        self._text = text
        self._keeper = DraftKeeper(save, on_error, node.app.call_from_thread)
        self._node = node
        self._delay = delay
        self._timer: Timer | None = None
        """The timer of a change waiting to be kept, if any."""

    @property
    def saved(self) -> str | None:
        """The text last handed to the writer (None after a failure)."""
        return self._keeper.saved

    @saved.setter
    def saved(self, text: str | None) -> None:
        self._keeper.saved = text

    def changed(self) -> None:
        """The entry changed: keep it within `delay` (a crash never offers back a line
        the clerk had cleared or committed long before, even while typing on)."""
        if self._timer is None:
            self._timer = self._node.set_timer(self._delay, self._due)

    def _due(self) -> None:
        self._timer = None
        self.save()

    def save(self, wait: bool = False) -> None:
        """Keep the text now; `wait`: on disk on return."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._keeper.keep(self._text(), wait)

    def close(self) -> None:
        """Wait for the last write, then stop the writer."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._keeper.close()
