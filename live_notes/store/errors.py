"""What the store refuses or fails at, in words a clerk can act on.

Every `StoreError` reads as one line: what went wrong, what was kept, what to
do next. The command line prints it as is; the app shows it in a banner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from live_notes.domain.errors import ClerkError

if TYPE_CHECKING:
    from datetime import datetime


class StoreError(ClerkError):
    """Base of the store's errors; ``str(exc)`` is the one-line message for the clerk.

    Attributes:
        ja: The same message in Japanese, when there is one.
        code: What kind of failure, for a program to act on (``store.folder_gone``).
        params: The values the message was made from.
    """

    def __init__(
        self,
        message: str,
        ja: str | None = None,
        *,
        code: str = "store",
        params: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.ja = ja
        self.code = code
        self.params = dict(params or {})

    def message(self, lang: str = "en") -> str:
        """The message in the clerk's language ("ja" or "en"); English when no translation."""
        return self.ja if lang == "ja" and self.ja else str(self)


def no_meeting(meeting_id: str, data_dir: object) -> StoreError:
    """The error for a meeting id with no files."""
    return StoreError(
        f"There is no meeting {meeting_id} in {data_dir}.",
        f"{data_dir} に会議 {meeting_id} はありません。",
    )


@dataclass(frozen=True)
class LockInfo:
    """Who holds a meeting open for writing.

    Attributes:
        pid: Process id of the holder.
        host: Host name of the holder's computer.
        since: When the holder took the lock (local time), or None if unknown.
    """

    pid: int
    host: str
    since: datetime | None

    def describe(self) -> str:
        """``process 1234 on host-a since 2024-11-12 09:31``."""
        when = f" since {self.since:%Y-%m-%d %H:%M}" if self.since else ""
        return f"process {self.pid} on {self.host or 'an unknown host'}{when}"

    def describe_ja(self) -> str:
        """``host-a のプロセス 1234、2024-11-12 09:31 から``."""
        when = f"、{self.since:%Y-%m-%d %H:%M} から" if self.since else ""
        return f"{self.host or '不明なホスト'} のプロセス {self.pid}{when}"


class LockedError(StoreError):
    """Another live-notes is writing this meeting.

    Attributes:
        meeting_id: The meeting asked for.
        holder: Who holds it.
    """

    def __init__(self, meeting_id: str, holder: LockInfo) -> None:
        self.meeting_id = meeting_id
        self.holder = holder
        super().__init__(
            f"Meeting {meeting_id} is already open for writing in another live-notes "
            f"({holder.describe()}). Nothing was changed: close it there. Meanwhile "
            f"`live-notes open {meeting_id} --read-only` follows it as it is written, "
            f"`live-notes show {meeting_id}` summarises it and `live-notes export "
            f"{meeting_id}` writes its minutes as last saved.",
            f"会議 {meeting_id} は別の live-notes で書き込み中です({holder.describe_ja()})。"
            "何も変更していません。そちらで閉じてください。その間も "
            f"`live-notes open {meeting_id} --read-only` で記録中の内容を閲覧でき、"
            f"`live-notes show {meeting_id}` で概要を、`live-notes export {meeting_id}` "
            "で保存済みの内容の議事録を出せます。",
        )


class NewerSchemaError(StoreError):
    """The file was written by a newer live-notes; it is refused and never rewritten.

    Attributes:
        path: The file.
        found: The schema version in the file.
        known: The newest version this program reads.
    """

    def __init__(self, path: str, found: int, known: int) -> None:
        self.path = path
        self.found = found
        self.known = known
        super().__init__(
            f"{path} was written by a newer version of live-notes (format {found}; "
            f"this one reads up to {known}). The file was left untouched: "
            "open it with the newer version.",
            f"{path} は新しい版の live-notes で書かれています(形式 {found}、この版は {known} まで)。"
            "ファイルには手を付けていません。新しい版で開いてください。",
        )


class CorruptError(StoreError):
    """A file cannot be read; it is never overwritten.

    Attributes:
        path: The damaged file.
        reason: What is wrong with it, in plain words.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"{path} cannot be read: {reason}. The file was left untouched: "
            "run `live-notes check --repair` to save what can be saved into a new file.",
            f"{path} を読み込めません({reason})。ファイルには手を付けていません。"
            "`live-notes check --repair` で、救える内容を新しいファイルに保存できます。",
        )


def writer_stopped(meeting_id: str, data_dir: object, why: str) -> StoreError:
    """The error of a writer that can no longer save where it was saving.

    `why` is ``folder_gone`` (the data folder was deleted), ``journal_gone`` (the
    journal was deleted or replaced), ``lock_lost`` (the lock file was deleted or
    replaced: another live-notes may be writing) or ``journal_changed`` (someone
    else wrote to the journal). Nothing already saved is touched; the line stays
    in the entry and `MeetingStore.save_elsewhere` can save the meeting elsewhere.
    """
    en, ja = _STOPPED[why]
    keep_en = (
        " Nothing was written: the line stays in the entry. "
        "Save the meeting in another folder to go on."
    )
    keep_ja = (
        "何も書き込んでいません。行は入力欄に残っています。別のフォルダに保存して続けてください。"
    )
    params: dict[str, object] = {"meeting_id": meeting_id, "data_dir": str(data_dir)}
    return StoreError(
        en.format(**params) + keep_en,
        ja.format(**params) + keep_ja,
        code=f"store.{why}",
        params=params,
    )


_STOPPED = {
    "folder_gone": (
        "The data folder {data_dir} was deleted while meeting {meeting_id} was open.",
        "会議 {meeting_id} を開いている間にデータフォルダ {data_dir} が削除されました。",
    ),
    "journal_gone": (
        "The journal of meeting {meeting_id} in {data_dir} was deleted or replaced.",
        "{data_dir} の会議 {meeting_id} のジャーナルが削除されたか置き換えられました。",
    ),
    "lock_lost": (
        "The lock file of meeting {meeting_id} in {data_dir} was deleted or replaced: "
        "another live-notes may be writing this meeting.",
        "{data_dir} の会議 {meeting_id} のロックファイルが削除されたか置き換えられました。"
        "別の live-notes がこの会議に書き込んでいるおそれがあります。",
    ),
    "journal_changed": (
        "The journal of meeting {meeting_id} in {data_dir} was written by someone else.",
        "{data_dir} の会議 {meeting_id} のジャーナルが別のところから書き換えられました。",
    ),
}
