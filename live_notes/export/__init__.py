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
) -> ExportResult:
    """Write the minutes to a file, atomically (a temporary file, then a rename).

    The format is taken from the file's suffix when not given.
    """
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    options = options or ExportOptions()
    data = render(meeting, fmt, options)
    path.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp makes the file private (0600); minutes are shared documents, so take the
    # mode of the file being replaced, or the usual 0644.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    warnings = [] if fmt == "json" else export_warnings(meeting, options)
    return ExportResult(path=path, warnings=warnings)


def default_filename(meeting: Meeting, fmt: str, options: ExportOptions | None = None) -> str:
    """A file name for an export: ``2024-11-11-wakabano-joho-2.ja.public.docx``."""
    if fmt == "json":
        return f"{meeting.id}.archive.json"
    options = options or ExportOptions()
    lang = options.lang_for(meeting).value
    return f"{meeting.id}.{lang}.{options.edition}.{fmt}"
