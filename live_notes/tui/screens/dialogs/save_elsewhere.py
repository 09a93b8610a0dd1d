"""Save the meeting elsewhere: offered when its own files were taken away while it is open.

The store stops writing when the data folder was deleted, the journal deleted or
written by someone else, or the lock taken (a `StoreError` with one of the
`STOPPED` codes). The live screen keeps the line in the entry and says so; this
dialog then asks for a folder (by default a new ``live-notes-rescue-<date>`` in
the home folder), saves every saved change there (`MeetingStore.save_elsewhere`)
and the clerk goes on typing into the new place.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from live_notes.tui.attempt import ClerkError, attempt
from live_notes.tui.host import host
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.dialogs.form import DialogError, Field, FormDialog

if TYPE_CHECKING:
    from live_notes.tui.screens.live_view import LiveView

add_messages(
    {
        "rescue.title": (
            "The meeting cannot be saved where it was. Save it in another folder:",
            "元の場所に保存できません。別のフォルダに保存してください:",
        ),
        "rescue.folder": ("Folder", "フォルダ"),
        "rescue.no_folder": ("Give a folder.", "フォルダを入力してください。"),
        "rescue.saved": (
            "The meeting is now saved in {folder}; press Enter to save the line.",
            "会議を {folder} に保存しました。Enter で行を保存してください。",
        ),
    }
)

STOPPED = frozenset(
    {"store.folder_gone", "store.journal_gone", "store.lock_lost", "store.journal_changed"}
)
"""The codes of a store that stopped writing where it was (see `writer_stopped`)."""


def default_folder(now: datetime | None = None) -> Path:
    """``~/live-notes-rescue-<date and time>``: new, and easy to find again."""
    return Path.home() / f"live-notes-rescue-{(now or datetime.now()):%Y%m%d-%H%M%S}"


class SaveElsewhereDialog(FormDialog):
    """The folder to save the meeting in; dismissed with that folder, or None."""


def offer_save_elsewhere(screen: LiveView, refusal: ClerkError) -> None:
    """When `refusal` says the store stopped writing: ask where to save the meeting."""
    store = screen.store
    app = screen.app
    if refusal.code not in STOPPED or store is None:
        return
    if any(isinstance(s, SaveElsewhereDialog) for s in app.screen_stack):
        return
    lang = screen.lang

    def submit(values: dict[str, str]) -> Path:
        text = values["folder"].strip()
        if not text:
            raise DialogError(fields={"folder": t("rescue.no_folder", lang)})
        folder = Path(text).expanduser()
        from live_notes.tui.recording import recording_of

        recording = recording_of(app)
        was_recording = recording.hold()  # the sound goes with the meeting: not written meanwhile
        moved = attempt(store.save_elsewhere, folder)
        recording.moved(store.data_dir, was_recording)
        if isinstance(moved, ClerkError):
            raise DialogError(moved.message(lang))
        return folder

    def done(folder: Path | None) -> None:
        if folder is None:
            return
        host(app).data_dir = folder  # the meetings list shows where it is now
        screen.banner(None)
        screen.notify(t("rescue.saved", lang, folder=str(folder)), timeout=10)
        screen.save_draft()

    fields = [Field("folder", t("rescue.folder", lang), str(default_folder()))]
    app.push_screen(SaveElsewhereDialog(t("rescue.title", lang), fields, submit), done)
