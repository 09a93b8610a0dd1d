"""Where live-notes keeps its files.

The data directory holds the meetings (personal information: names, what
people said), the config directory the clerk's settings. Both can be moved with
an environment variable, which the command line's ``--data-dir`` also sets, so
tests and a clerk's USB stick need no code of their own.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "live-notes"
DATA_ENV = "LIVE_NOTES_DATA_DIR"
CONFIG_ENV = "LIVE_NOTES_CONFIG_DIR"


def default_data_dir() -> Path:
    """The meetings' directory: ``$LIVE_NOTES_DATA_DIR``, else the platform's user data dir.

    It is not created here: the store creates it, 0700, when it first writes.
    """
    override = os.environ.get(DATA_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The settings directory: ``$LIVE_NOTES_CONFIG_DIR``, else the platform's user config dir."""
    override = os.environ.get(CONFIG_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def export_dir(configured: str = "") -> Path:
    """Where the minutes are written: ``$LIVE_NOTES_EXPORT_DIR``, else the config's
    ``export_dir``, else ``live-notes`` in the user's documents folder (where a clerk
    looks for a file to open in Word, unlike the hidden data folder)."""
    override = os.environ.get("LIVE_NOTES_EXPORT_DIR") or configured
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_documents_dir()) / APP_NAME


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) private to the user (0700) and return it.

    A directory that exists already keeps its mode: it may be one the clerk
    chose (``--data-dir ~/Documents``). The mode is set with chmod, because
    mkdir's is filtered by the umask.

    Raises:
        OSError: the directory cannot be created.
    """
    missing = []
    current = path
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(directory, 0o700)
    return path
