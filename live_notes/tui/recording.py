"""The recording in the app: ● REC in the status bar, the keys that record and play.

One `Recording` per app (`recording_of`): it starts the recorder on its own
thread (sounddevice is imported there, never on the way to the first frame),
gives the session the recorder's position (lines, items, decisions and recesses
take their place in the sound), and twice a second redraws the status bar's part
(● REC, the time recorded, a level meter), follows the meeting (a recess pauses
the recording when the setting says so; the closing stops it, and undoing the
closing starts it again after what is kept) and says a failure
(a full disk) once, in red, while the typing goes on. Playing (review, and the
last line from the live screen) goes through the same object.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from rich.text import Text

from live_notes.tui.i18n import add_messages, t
from live_notes.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from live_notes.audio.player import Player
    from live_notes.audio.recorder import Recorder
    from live_notes.audio.segments import Timeline
    from live_notes.config import Config
    from live_notes.domain.errors import ClerkError
    from live_notes.domain.models import Utterance
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore

add_messages(
    {
        "rec.on": ("● REC {time}", "● 録音 {time}"),
        "rec.paused": ("❚❚ REC paused {time}", "❚❚ 録音一時停止 {time}"),
        "rec.stopped": ("■ recording stopped {time}", "■ 録音停止 {time}"),
        "rec.closed": ("■ recording ended {time}", "■ 録音終了 {time}"),
        "rec.starting": ("● REC starting…", "● 録音を開始しています…"),
        "rec.started": ("Recording.", "録音を始めました。"),
        "rec.paused_note": ("Recording paused at {time}.", "録音を {time} で一時停止しました。"),
        "rec.resumed_note": ("Recording resumed.", "録音を再開しました。"),
        "rec.ended": (
            "The sound file has ended: recording stopped at {time}.",
            "音声ファイルが終わりました。録音は {time} で止まりました。",
        ),
        "rec.playing": ("▶ {time}", "▶ {time}"),
        "rec.no_meeting": ("No meeting is open.", "会議が開かれていません。"),
    }
)

METER = "▁▂▃▄▅▆▇█"
"""The level meter's steps."""

TICK_SECONDS = 0.5
"""How often the status bar's part is redrawn and the recorder looked at."""


def meter(level: float, width: int = 5) -> str:
    """A small level meter: `width` cells rising with the level (0 … 1)."""
    cells = []
    for cell in range(width):
        fill = min(1.0, max(0.0, level * width - cell))
        cells.append(METER[round(fill * (len(METER) - 1))] if fill > 0 else " ")
    return "".join(cells)


class Recording:
    """The open meeting's recording and playing, for one app."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.recorder: Recorder | None = None
        self.player: Player | None = None
        self.session: Session | None = None
        self.folder: Path | None = None
        """The open meeting's audio folder (``ID.audio``)."""
        self.starting = False
        self._paused_by_meeting = False
        self._stopped_by_closing = False
        self._source = ""
        """Where the sound comes from ("": the input device, else a WAV file's path)."""
        self._status: str | None = None
        """The meeting's status the last time it was looked at (closing: a change to it)."""
        self._said_failure = False
        self._timer: Any = None
        self._shown: tuple[str | None, bool, bool] = (None, False, False)
        """The state the status bar last drew: (recorder's, playing, starting)."""

    # -- starting and stopping ------------------------------------------------------------

    def opened(self, session: Session, store: MeetingStore, source: str | None) -> None:
        """A meeting is shown on the live screen; record it if `source` says so
        ("": the input device, else a WAV file's path; None: not now)."""
        from live_notes.audio.segments import audio_dir

        self.close()
        self.session = session
        self._status = session.meeting.status.value
        self._stopped_by_closing = False
        self.folder = audio_dir(store.data_dir, store.meeting.id)
        if self._timer is None:
            self._timer = self.app.set_interval(TICK_SECONDS, self.tick)
        if source is not None:
            self.start(source)

    def start(self, source: str | None = None, paused: bool | None = None) -> None:
        """Start recording (on a thread: opening a device may take a moment), from
        `source` (None: the one recorded from before), `paused` (None: if the meeting
        is in recess or closed)."""
        if self.session is None or self.starting or (self.recorder and self.recorder.active):
            return
        if source is not None:
            self._source = source
        source = self._source
        self.starting = True
        self._said_failure = False
        self._stopped_by_closing = False
        device = self.config.record_device
        paused = self._meeting_wants_pause() if paused is None else paused
        folder = self.folder
        threading.Thread(
            target=self._open, args=(folder, source, device, paused), daemon=True
        ).start()

    def _open(self, folder: Path, source: str, device: str, paused: bool) -> None:
        from live_notes.audio.errors import AudioError
        from live_notes.audio.recorder import Recorder
        from live_notes.audio.segments import segments
        from live_notes.audio.sources import DEFAULT_RATE, DeviceSource, FileSource

        try:
            if source:
                feed: Any = FileSource(source)
            else:  # at the rate the meeting is recorded at already, if it is
                rate = next((s.rate for s in segments(folder)), DEFAULT_RATE)
                feed = DeviceSource(device or None, rate)
            recorder = Recorder(folder, feed, paused=paused).start()
        except AudioError as exc:
            self.app.call_from_thread(self._refused, exc)
            return
        except OSError as exc:  # the audio folder cannot be made or written
            failed = AudioError("audio.write_failed", at="0:00:00", detail=exc.strerror or exc)
            self.app.call_from_thread(self._refused, failed)
            return
        self.app.call_from_thread(self._started, recorder, folder, paused)

    def _started(self, recorder: Recorder, folder: Path, paused: bool) -> None:
        self.starting = False
        if self.session is None or folder != self.folder:  # the meeting closed meanwhile
            recorder.stop()
            return
        self.recorder = recorder
        self._paused_by_meeting = paused and self._in_recess()
        self.session.audio = self.position
        self.say(t("rec.started", self.lang))
        self.tick()

    def position(self) -> float | None:
        """Where the recording stands (paused: where it goes on); None once it has stopped,
        ended or failed: a line typed then has no place in the sound."""
        recorder = self.recorder
        return recorder.position() if recorder is not None and recorder.active else None

    def _refused(self, error: ClerkError) -> None:
        self.starting = False
        self.say(error.message(self.lang), severity="error")
        self.tick()

    def toggle(self) -> None:
        """The record key: start, pause or resume."""
        recorder = self.recorder
        if self.session is None:
            self.say(t("rec.no_meeting", self.lang), severity="warning")
        elif recorder is None or not recorder.active:
            self.start(paused=self._in_recess())
        elif recorder.state.value == "paused":
            recorder.resume()
            self._paused_by_meeting = False
            self.say(t("rec.resumed_note", self.lang))
        else:
            recorder.pause()
            self.say(t("rec.paused_note", self.lang, time=_clock(recorder.position())))
        self.tick()

    def close(self) -> None:
        """The meeting is closed (or the app quits): stop recording and playing."""
        if self.player is not None:
            self.player.close()
            self.player = None
        if self.recorder is not None:
            self.recorder.stop()
            self.recorder = None
        if self.session is not None:
            self.session.audio = None
        self.session = None

    def hold(self) -> bool:
        """Stop recording while the meeting is moved (its sound goes with it); whether it was."""
        recorder = self.recorder
        if recorder is None or not recorder.active:
            return False
        recorder.stop()
        return True

    def moved(self, data_dir: Path, was_recording: bool) -> None:
        """The meeting is in `data_dir` now (or stayed): record on there if it was recording."""
        from live_notes.audio.segments import audio_dir

        if self.session is None:
            return
        self.folder = audio_dir(data_dir, self.session.meeting.id)
        if was_recording:
            self.start(paused=self._in_recess())

    # -- twice a second -------------------------------------------------------------------

    def tick(self) -> None:
        """Follow the meeting (recess, closing) and say a failure; the bar's part is drawn
        with the screen's own once-a-second redraw, and at once when the state changes."""
        self._follow_closing()
        recorder = self.recorder
        if recorder is not None:
            self._follow_meeting(recorder)
            if recorder.error is not None and not self._said_failure:
                self._said_failure = True
                self.say(recorder.error.message(self.lang), severity="error", timeout=30)
            elif recorder.state.value == "ended" and not self._said_failure:
                self._said_failure = True
                self.say(t("rec.ended", self.lang, time=_clock(recorder.position())))
        playing = self.player is not None and self.player.playing
        state = (recorder.state.value if recorder else None, playing, self.starting)
        stack = self.app.screen_stack  # empty while the app shuts down
        for bar in stack[-1].query(StatusBar) if stack else ():
            if bar.recording != self.part or state != self._shown:
                bar.recording = self.part
                bar.redraw()
        self._shown = state
        if playing and self.session is not None:
            self._highlight_heard()

    def _highlight_heard(self) -> None:
        """Review: the cursor follows the line being heard."""
        from live_notes.tui.screens.review import ReviewScreen
        from live_notes.tui.widgets.review_list import line_option_id

        screen = self.app.screen
        assert self.player is not None and self.session is not None
        line = heard_line(self.session.meeting.utterances, self.player.position())
        if not isinstance(screen, ReviewScreen) or line is None:
            return
        lines = screen.lines
        option = line_option_id(line.id)
        if lines.highlighted_id() != option:
            with contextlib.suppress(Exception):  # hidden by "flagged only": nothing to show
                lines.highlighted = lines.get_option_index(option)

    def _meeting_wants_pause(self) -> bool:
        session = self.session
        if session is None:
            return False
        return session.meeting.status.value == "closed" or self._in_recess()

    def _in_recess(self) -> bool:
        session = self.session
        return (
            session is not None
            and session.meeting.status.value == "in_recess"
            and self.config.recess_pauses_recording
        )

    def _follow_closing(self) -> None:
        """Closing stops the recording; undoing the closing starts it again."""
        session = self.session
        if session is None:
            return
        status, before = session.meeting.status.value, self._status
        self._status = status
        recorder = self.recorder
        if status == "closed" and before != "closed" and recorder is not None and recorder.active:
            recorder.stop()
            self._stopped_by_closing = True
            self._paused_by_meeting = False
        elif status != "closed" and before == "closed" and self._stopped_by_closing:
            self.start(paused=self._in_recess())
        elif status != "closed" and before == "closed" and recorder is not None:
            self._paused_by_meeting = True  # opened closed, paused: the meeting goes on

    def _follow_meeting(self, recorder: Recorder) -> None:
        wants = self._in_recess()
        if wants and recorder.state.value == "recording":
            recorder.pause()
            self._paused_by_meeting = True
        elif not wants and self._paused_by_meeting and recorder.state.value == "paused":
            recorder.resume()
            self._paused_by_meeting = False

    def part(self, lang: str) -> Text | None:
        """The status bar's part: ● REC, the time recorded, the level; or what stopped it."""
        recorder = self.recorder
        part = Text()
        if self.player is not None and self.player.playing:
            part.append(t("rec.playing", lang, time=_clock(self.player.position())), "bold cyan")
            part.append(" ")
        if self.starting:
            return part.append(t("rec.starting", lang), "bold red")
        if recorder is None:
            return part if part else None
        time = _clock(recorder.position())
        state = recorder.state.value
        if state == "recording":
            part.append(t("rec.on", lang, time=time), "bold red")
            part.append(" " + meter(recorder.level()), "green")
        elif state == "paused":
            part.append(t("rec.paused", lang, time=time), "bold yellow")
        elif state == "stopped":  # the clerk's doing (the closing): no error
            part.append(t("rec.closed", lang, time=time))
        else:
            part.append(t("rec.stopped", lang, time=time), "bold red reverse")
        return part

    # -- playing -------------------------------------------------------------------------

    def play_at(self, at: float) -> ClerkError | None:
        """Play the recording from `at` seconds (the player made on first use)."""
        from live_notes.audio.errors import AudioError
        from live_notes.audio.segments import Timeline

        if self.folder is None:
            return AudioError("audio.none")
        timeline = Timeline(self.folder)  # read again: it grows while recording
        if timeline.duration <= 0:
            return AudioError("audio.none")
        if self.player is None:
            try:
                self.player = self._make_player(timeline)
            except AudioError as exc:
                return exc
        self.player.timeline = timeline
        self.player.play(at)
        self.tick()
        return None

    def play_line(self, line: Utterance) -> ClerkError | None:
        """Play a line from the lead time (a setting) before its start."""
        from live_notes.audio.errors import AudioError

        if line.audio_at is None:
            return AudioError("audio.no_offset")
        lead = self.config.play_lead
        return self.play_at(max(0.0, line.audio_at - lead))

    def _make_player(self, timeline: Timeline) -> Player:
        """A player to the output device (or none: the setting ``play_device = "null"``)."""
        from live_notes.audio.player import DeviceSink, NullSink, Player

        device = self.config.play_device
        sink: Any
        if device == "null":
            sink = NullSink(timeline.rate, timeline.channels)
        else:
            sink = DeviceSink(timeline.rate, timeline.channels, device or None)
        return Player(timeline, sink)

    # -- the app -------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        """The clerk's language."""
        from live_notes.tui.host import host

        return host(self.app).ui_lang

    @property
    def config(self) -> Config:
        """The clerk's settings."""
        from live_notes.tui.host import host

        return host(self.app).config

    def say(
        self, message: str, severity: Any = "information", timeout: float | None = None
    ) -> None:
        """A notification to the clerk."""
        self.app.notify(message, severity=severity, timeout=timeout)


_RECORDINGS: WeakKeyDictionary[App[Any], Recording] = WeakKeyDictionary()


def recording_of(app: App[Any]) -> Recording:
    """The app's one `Recording` (made on first use)."""
    recording = _RECORDINGS.get(app)
    if recording is None:
        recording = _RECORDINGS[app] = Recording(app)
    return recording


def heard_line(lines: list[Utterance], seconds: float) -> Utterance | None:
    """The line being heard at `seconds` of the recording: the last one begun by then."""
    best: Utterance | None = None
    for line in lines:
        at = line.audio_at
        if at is not None and at <= seconds + 0.05 and (best is None or at >= (best.audio_at or 0)):
            best = line
    return best


def _clock(seconds: float) -> str:
    from live_notes.audio.errors import clock

    return clock(seconds)
