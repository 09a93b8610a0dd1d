"""What the clerk sees when the app meets a bug: one line, never the program's insides.

Textual's own crash screen prints a traceback with each frame's local
variables: roster names, the line being typed, whole meetings. Instead
(`crashed`): the line being typed is kept as the draft (so the next start puts
it back), a report with the traceback but no variables is written 0600 beside
the settings, and the app ends with one line in the clerk's language saying
where the report is.

Textual offers no public hook for this: `LiveNotesApp._handle_exception` (the
one place every unhandled error goes) hands the error here, then passes on a
`Crash` in its place, whose ``__rich__`` is that one line.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text

from live_notes.tui.i18n import add_messages, t

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

add_messages(
    {
        "crash.apology": (
            "Sorry: live-notes stopped on an unexpected error. Everything saved is safe "
            "and the line being typed is kept for the next start. Report: {path}",
            "申し訳ありません。予期しないエラーで live-notes が停止しました。保存済みの内容は"
            "無事で、入力中の行は次回の起動時に戻ります。報告ファイル: {path}",
        ),
        "crash.no_report": ("(could not be written: {detail})", "(書き込めませんでした: {detail})"),
    }
)


class Crash(Exception):
    """The error the app ends with instead of the real one: its rendering is one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __rich__(self) -> Text:
        """What Textual prints when the app has ended: the apology, nothing else."""
        return Text(self.message)


def write_report(error: BaseException, folder: Path, now: datetime | None = None) -> Path:
    """Write the traceback of `error`, without local variables, to a new 0600 file.

    Raises:
        OSError: the file could not be written.
    """
    from live_notes import __version__
    from live_notes.paths import ensure_private_dir

    ensure_private_dir(folder)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.txt"
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    body = f"live-notes {__version__} crash report\n\n" + "".join(lines)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        os.write(fd, body.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def keep_typed_line(app: App[None]) -> None:
    """Keep each live screen's line being typed as its draft (on disk on return)."""
    from live_notes.tui.screens.live import LiveScreen

    for screen in app.screen_stack:
        if isinstance(screen, LiveScreen):
            with contextlib.suppress(Exception):  # the crash may be in the drafts themselves
                screen.save_draft(wait=True)


def crashed(app: App[None], error: BaseException) -> Crash:
    """Keep the typed line, write the report; the `Crash` to end the app with (the
    first one again for the errors that may follow it while the app ends)."""
    from live_notes.paths import config_dir

    if isinstance(error, Crash):
        return error
    first = getattr(app, "_crash", None)
    if isinstance(first, Crash):
        return first
    try:
        lang = str(getattr(app, "ui_lang", "ja"))
    except Exception:  # the settings or the session may be what broke
        lang = "ja"
    keep_typed_line(app)
    try:
        where = str(write_report(error, config_dir()))
    except OSError as exc:
        where = t("crash.no_report", lang, detail=exc.strerror or type(exc).__name__)
    crash = Crash(t("crash.apology", lang, path=where))
    crash.__cause__ = error
    setattr(app, "_crash", crash)  # noqa: B010
    return crash
