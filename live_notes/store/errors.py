"""What the store refuses or fails at, in words a clerk can act on.

Every `StoreError` reads as one line: what went wrong, what was kept, what to
do next. The command line prints it as is; the app shows it in a banner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime


class StoreError(Exception):
    """Base of the store's errors; ``str(exc)`` is the one-line message for the clerk.

    Attributes:
        ja: The same message in Japanese, when there is one.
    """

    def __init__(self, message: str, ja: str | None = None) -> None:
        super().__init__(message)
        self.ja = ja

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
            f"`live-notes show {meeting_id}` summarises it and `live-notes export "
            f"{meeting_id}` writes its minutes as last saved.",
            f"会議 {meeting_id} は別の live-notes で書き込み中です({holder.describe_ja()})。"
            "何も変更していません。そちらで閉じてください。その間も "
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
