"""What the screens ask of the app that hosts them: one typed interface.

`LiveNotesApp` is the host; tests host a single screen in a smaller app with the
same members. Screens call `host(self.app)` and use these, never looking an
attribute up with a default (a default would hide a missing member).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from live_notes.abbrev import Abbreviations
    from live_notes.config import Config
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore


class Host(Protocol):
    """The app as the screens see it."""

    data_dir: Path
    config: Config
    store: MeetingStore | None
    """The open meeting's store, or None."""
    session: Session | None
    """The live session on the open meeting, or None."""
    key_overrides: dict[str, str]
    """The clerk's key bindings: command id → keys."""
    said: list[str]
    """The latest messages the clerk was shown, oldest first."""
    abbreviations: Abbreviations
    """The clerk's abbreviations (empty until loaded with the first meeting)."""

    @property
    def ui_lang(self) -> str:
        """The language the UI speaks ("ja" or "en")."""
        ...

    def remember(self, message: str) -> None:
        """Keep a message the clerk was shown in `said`."""
        ...

    def open_meeting(self, meeting_id: str) -> bool:
        """Open a meeting on the live screen; False when refused (said to the clerk)."""
        ...


def host(app: App[Any]) -> Host:
    """The app hosting a screen, as the screens see it."""
    return cast("Host", app)
