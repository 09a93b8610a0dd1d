"""The recording's keys, for `LiveNotesApp`: record, replay the last line, and in review
play the selected line, pause, 5 s back or ahead, play the next flagged line.

App actions (``app.record`` …) bound from the live and review screens' tables
(`live_notes.tui.keys`), so those screens carry no code of the recording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.widgets import TextArea

from live_notes.tui.i18n import add_messages, t
from live_notes.tui.recording import recording_of

if TYPE_CHECKING:
    from live_notes.domain.errors import ClerkError
    from live_notes.domain.models import Utterance
    from live_notes.tui.screens.review import ReviewScreen

add_messages(
    {
        "play.paused": ("Playing paused at {time}.", "{time} で再生を止めました。"),
        "play.none": ("Nothing is playing.", "再生していません。"),
        "play.no_flagged": ("No flagged line.", "要確認の行はありません。"),
    }
)


class RecordingActions(App[None]):
    """The actions of the recording's keys."""

    @on(TextArea.Changed, "#entry")
    def _line_typed(self, event: TextArea.Changed) -> None:
        """The live screen's entry: its first key takes the line's place in the recording."""
        session = recording_of(self).session
        if session is not None and session.audio is not None:
            session.begin_line(bool(event.text_area.text))

    def action_record(self) -> None:
        """Start recording, pause it, or resume it."""
        recording_of(self).toggle()

    def action_replay_last(self) -> None:
        """Play the last line from a little before its start; again: stop."""
        recording = recording_of(self)
        session = recording.session
        if recording.player is not None and recording.player.playing:
            self.action_play_pause()
            return
        if session is None or not session.meeting.utterances:
            self._refused(None, t("play.none", self._lang))
            return
        self._play(session.meeting.utterances[-1])

    def action_play_line(self) -> None:
        """Review: play the selected line from a little before its start."""
        screen = self._review()
        if screen is None:
            return
        line = screen.current_line()
        if line is None:
            self._refused(screen, t("review.no_line", self._lang))
        else:
            self._play(line)

    def action_play_pause(self) -> None:
        """Pause the playing, or go on from where it was paused."""
        from live_notes.audio.errors import clock

        player = recording_of(self).player
        if player is None:
            self._refused(None, t("play.none", self._lang))
            return
        if not player.toggle():
            self.notify(t("play.paused", self._lang, time=clock(player.position())))
        recording_of(self).tick()

    def action_play_seek(self, seconds: float) -> None:
        """Move the playing `seconds` back (negative) or ahead."""
        player = recording_of(self).player
        if player is None:
            self._refused(None, t("play.none", self._lang))
            return
        player.seek(seconds)
        recording_of(self).tick()

    def action_play_flagged(self) -> None:
        """Review: go to the next flagged line and play it."""
        screen = self._review()
        if screen is None:
            return
        if not screen.lines.next_flagged():
            self._refused(screen, t("play.no_flagged", self._lang))
            return
        self.action_play_line()

    # -- helpers ---------------------------------------------------------------------------

    @property
    def _lang(self) -> str:
        from live_notes.tui.host import host

        return host(self).ui_lang

    def _review(self) -> ReviewScreen | None:
        from live_notes.tui.screens.review import ReviewScreen

        screen = self.screen
        return screen if isinstance(screen, ReviewScreen) else None

    def _play(self, line: Utterance) -> None:
        refusal = recording_of(self).play_line(line)
        if refusal is not None:
            self._refused(self._review(), refusal)

    def _refused(self, screen: ReviewScreen | None, what: ClerkError | str) -> None:
        """Say a refusal: on the review screen's message line, else in a notification."""
        if screen is not None:
            screen.say(what, error=True)
        else:
            text = what if isinstance(what, str) else what.message(self._lang)
            self.notify(text, severity="warning")
