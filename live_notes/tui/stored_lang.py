"""The UI's language when neither the settings, an open meeting nor the locale says:
that of the meetings in the data folder, when they all share one."""

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

    from live_notes.store.admin import list_meetings

    langs = {s.lang for s in list_meetings(Path(data_dir)) if s.lang}
    return "en" if langs == {"en"} else "ja"
