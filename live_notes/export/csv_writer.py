"""The lines of a meeting as CSV, for spreadsheets (Excel opens the UTF-8 BOM right)."""

from __future__ import annotations

import csv
import io

from live_notes.domain.models import Meeting
from live_notes.export.options import ExportOptions
from live_notes.export.view import item_closed, kept_lines, time_of

HEADER = {
    "ja": ["項番", "議題", "区分", "発言者", "氏名", "時刻", "内容", "フラグ"],
    "en": ["item", "title", "section", "role", "name", "time", "text", "flags"],
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula: a leading ' before = + - @ tab CR."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(meeting: Meeting, options: ExportOptions) -> bytes:
    """One row per line: item label, item title, section, role, name, time, text, flags."""
    lang = options.lang_for(meeting)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER[lang.value])
    for item, _ in meeting.iter_items():
        if options.public and item_closed(item, meeting):
            continue
        for line in kept_lines(meeting, item, options):
            role = meeting.role_set.get(line.role_id)
            person = meeting.person(line.person_id) if line.person_id else None
            flags = [name for name in ("verify", "off_record") if getattr(line, name)]
            row = [
                item.label,
                item.title,
                line.section.value,
                role.label(lang) if role else line.role_id,
                person.name if person else "",
                time_of(line.created_at),
                line.text,
                " ".join(flags),
            ]
            writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
