"""Following a meeting read-only (``live-notes open ID --read-only``): a second person
watches the minutes another live-notes is taking.

The meeting is opened read-only (no lock, nothing written, not even a draft) on
the live screen; once a second a worker thread looks at the meeting's files (a
slow or network disk never holds the keys up) and, when they changed, reads them
again there; the screen then shows the record as it now stands. Typing and the commands that would change the meeting are
refused with one plain line; help, review, export and the meetings list work.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any, TypeVar

from live_notes.domain.errors import ClerkError
from live_notes.tui.attempt import attempt
from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.live import LiveScreen

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from textual import events

    from live_notes.store import MeetingStore
    from live_notes.tui.app import LiveNotesApp

add_messages(
    {
        "follow.refused": (
            "Read-only: this screen follows the minutes being taken elsewhere; "
            "nothing can be typed or changed here.",
            "閲覧専用です。別の場所で記録中の会議録を表示しているため、ここでは入力も変更もできません。",
        ),
        "follow.title": ("READ-ONLY", "閲覧専用"),
    }
)

R = TypeVar("R")
POLL = 1.0
"""Seconds between looks at the meeting's files."""


class ReadOnlyRefusal(ClerkError):
    """A change asked for on the read-only screen."""

    code = "follow.refused"

    def __init__(self) -> None:
        super().__init__("read-only")
        self.params = {}

    def message(self, lang: str = "en") -> str:
        """The one plain line."""
        return t("follow.refused", lang)


def _signature(paths: list[Path]) -> tuple[tuple[int, int], ...]:
    """Size and change time of each file (0, 0 when missing): cheap, no read."""
    out = []
    for path in paths:
        try:
            info = os.stat(path)
            out.append((info.st_size, info.st_mtime_ns))
        except OSError:
            out.append((0, 0))
    return tuple(out)


class FollowScreen(LiveScreen):
    """The live screen on a meeting open read-only, following its files."""

    def __init__(self, app: LiveNotesApp, store: MeetingStore, **kwargs: Any) -> None:
        from live_notes.domain.session import Session
        from live_notes.store.loader import paths_of

        session = Session(store.meeting, sink=store.append, clock=app.clock)
        super().__init__(session, None, lang=app.ui_lang, clock=app.clock, **kwargs)
        self.data_dir = app.data_dir
        self.meeting_id = store.meeting.id
        paths = paths_of(app.data_dir, store.meeting.id)
        self._watched = [paths["snapshot"], paths["journal"]]
        self._seen = _signature(self._watched)
        self._looking = False
        """A look at the files is under way (the next one waits for it)."""
        self._said_at = -10.0

    def on_mount(self) -> None:
        """The live screen, the entry shut, and the look at the files once a second."""
        super().on_mount()
        self.entry.disabled = True
        self.entry.placeholder = t("follow.title", self.lang)
        self.set_interval(POLL, self.poll)

    def refuse(self) -> None:
        """Say the one line (not more than once every three seconds)."""
        now = time.monotonic()
        if now - self._said_at >= 3.0:
            self._said_at = now
            self.notify(ReadOnlyRefusal().message(self.lang), severity="warning")

    def on_key(self, event: events.Key) -> None:
        """A key the screen has no binding for (a letter, Enter): refused."""
        if event.is_printable or event.key == "enter":
            event.stop()
            self.refuse()

    def run(
        self, command: Callable[..., R], *args: Any, quiet: tuple[str, ...] = (), **kwargs: Any
    ) -> R | ClerkError:
        """Every session command of the live screen's keys is refused here."""
        self.refuse()
        return ReadOnlyRefusal()

    def action_commit(self) -> None:
        """Enter: refused."""
        self.refuse()

    def poll(self) -> None:
        """Once a second: look at the files on a worker thread (one look at a time)."""
        if self._looking:
            return
        self._looking = True
        self.app.run_worker(self._look, thread=True, group="follow")

    def _look(self) -> None:
        """On the worker thread: the files' sizes and times, and the meeting read again
        when they changed; handed to `_looked`."""
        seen = _signature(self._watched)
        store: MeetingStore | ClerkError | None = None
        if seen != self._seen:
            from live_notes.store import MeetingStore

            store = attempt(MeetingStore.open, self.data_dir, self.meeting_id, readonly=True)
        self.app.call_from_thread(self._looked, seen, store)

    def _looked(
        self, seen: tuple[tuple[int, int], ...], store: MeetingStore | ClerkError | None
    ) -> None:
        """Show the meeting read again, if it was (None: the files had not changed)."""
        from live_notes.domain.session import Session

        self._looking = False
        if store is None:
            return
        if isinstance(store, ClerkError):  # caught mid-write, say: the next look tries again
            self._seen = ()
            return
        self._seen = seen
        session = Session(store.meeting, sink=store.append, clock=self.clock)
        self._session = session
        app = host(self.app)
        if app.store is not None and app.store is not store:
            app.store.close()
        app.store, app.session = store, session
        self.refresh_all()


def follow(app: LiveNotesApp, meeting_id: str) -> None:
    """Open `meeting_id` read-only on the follow screen (a refusal is said)."""
    from live_notes.store import MeetingStore

    store = attempt(MeetingStore.open, app.data_dir, meeting_id, readonly=True)
    if isinstance(store, ClerkError):
        app.cannot_open(store)
        return
    app.store = store
    app.session = None
    screen = FollowScreen(app, store)
    app.session = screen.session
    app.push_screen(screen)
