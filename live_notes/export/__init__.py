"""Draft minutes: the house format in Word, Markdown, HTML, text and CSV, and the archive.

Examples:
    >>> from live_notes.sample import driven_sample
    >>> text = render(driven_sample("ja"), "txt").decode()
    >>> "正午終了" in text
    True
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from live_notes.domain.models import Lang, Meeting
from live_notes.export.archive import ArchiveError, archive_bytes, import_archive
from live_notes.export.checks import export_warnings
from live_notes.export.options import FORMATS, ExportOptions, ExportResult

if TYPE_CHECKING:
    from live_notes.export.view import MinutesView

__all__ = [
    "FORMATS",
    "ArchiveError",
    "ExportOptions",
    "ExportResult",
    "archive_bytes",
    "compose",
    "default_filename",
    "export",
    "import_archive",
    "render",
]


def compose(meeting: Meeting, options: ExportOptions | None = None) -> MinutesView:
    """The minutes of a meeting as a view model, in the options' language."""
    from live_notes.export.compose_en import compose_en
    from live_notes.export.compose_ja import compose_ja

    options = options or ExportOptions()
    style = options.house_style(meeting)
    if options.lang_for(meeting) is Lang.JA:
        return compose_ja(meeting, options, style)
    return compose_en(meeting, options, style)


def render(meeting: Meeting, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The minutes (or the archive, for "json") in a format, as bytes.

    Raises:
        ValueError: an unknown format.
    """
    options = options or ExportOptions()
    if fmt == "json":
        return archive_bytes(meeting)
    if fmt == "vtt":
        from live_notes.export.vtt import render_vtt

        return render_vtt(meeting, options)
    if fmt == "csv":
        from live_notes.export.csv_writer import render_csv

        return render_csv(meeting, options)
    if fmt == "docx":
        from live_notes.export.docx_writer import render_docx

        return render_docx(compose(meeting, options), options.house_style(meeting))
    if fmt in ("txt", "md", "html"):
        from live_notes.export.templating import render_text

        style = options.house_style(meeting)
        view = compose(meeting, options)
        return render_text(view, fmt, options.template_dir, style, meeting, options).encode()
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def export(
    meeting: Meeting,
    path: Path,
    fmt: str | None = None,
    options: ExportOptions | None = None,
    *,
    overwrite: bool = False,
) -> ExportResult:
    """Write the minutes to a file, atomically (a temporary file, then a link or rename).

    The format is taken from the file's suffix when not given. The file gets
    ``options.file_mode`` (0600 unless the clerk's settings say otherwise). An
    existing file is never replaced unless `overwrite`: the minutes go to the
    next free numbered name (``minutes-2.docx``), which `ExportResult.path` names.
    Missing folders are made private (0700).
    """
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    options = options or ExportOptions()
    data = render(meeting, fmt, options)
    _make_folders(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, options.file_mode)
        written = _put_in_place(Path(tmp), path, overwrite)
    finally:
        Path(tmp).unlink(missing_ok=True)
    warnings = [] if fmt in ("json", "vtt") else export_warnings(meeting, options)
    return ExportResult(path=written, warnings=warnings)


def _make_folders(folder: Path) -> None:
    """Make a missing folder and its missing parents, each private (0700)."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(mode=0o700, exist_ok=True)


def _put_in_place(tmp: Path, path: Path, overwrite: bool) -> Path:
    """Move the written temporary file to `path`, or to a free numbered name beside it."""
    if overwrite and not path.is_dir():
        os.replace(tmp, path)
        return path
    for number in range(1, 10_000):
        candidate = path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
        try:
            os.link(tmp, candidate)  # fails if the name is taken, even by a file made just now
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links
            if candidate.exists() or candidate.is_symlink():
                continue
            os.replace(tmp, candidate)
        return candidate
    raise FileExistsError(f"{path}: too many files with this name")


def default_filename(meeting: Meeting, fmt: str, options: ExportOptions | None = None) -> str:
    """A file name for an export: ``2024-11-11-wakabano-joho-2.ja.public.docx``."""
    if fmt == "json":
        return f"{meeting.id}.archive.json"
    options = options or ExportOptions()
    lang = options.lang_for(meeting).value
    return f"{meeting.id}.{lang}.{options.edition}.{fmt}"
