"""The UI's language when neither the settings, an open meeting nor the locale says:
that of the meetings in the data folder, when they all share one.

Each meeting's language is read from the head of its file (`store.files.header_lang`),
not by loading the meeting: the look is asked for on the UI thread (a screen's words),
so it costs a small read per meeting, never a replay of thousands of lines.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def stored_lang(data_dir: Path) -> str:
    """ "en" when every readable meeting of `data_dir` is English, else "ja" (also for
    none); looked up again only when the folder changes."""
    try:
        changed = os.stat(data_dir).st_mtime_ns
    except OSError:
        return "ja"
    return _stored_lang(str(data_dir), changed)


@functools.lru_cache(maxsize=4)
def _stored_lang(data_dir: str, changed: int) -> str:
    from pathlib import Path

    from live_notes.store import meeting_ids
    from live_notes.store.errors import StoreError
    from live_notes.store.files import header_lang

    folder = Path(data_dir)
    try:
        ids = meeting_ids(folder)
    except StoreError:
        return "ja"
    langs = {header_lang(folder, meeting_id) for meeting_id in ids} - {None}
    return "en" if langs == {"en"} else "ja"
