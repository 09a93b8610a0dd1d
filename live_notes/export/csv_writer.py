"""The lines of a meeting as CSV, for spreadsheets (Excel opens the UTF-8 BOM right)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from live_notes.export.view import item_closed, kept_lines, time_of

if TYPE_CHECKING:
    from live_notes.domain.models import Meeting
    from live_notes.export.options import ExportOptions

HEADER = {
    "ja": ["項番", "議題", "区分", "発言者", "氏名", "時刻", "内容", "フラグ"],
    "en": ["item", "title", "section", "role", "name", "time", "text", "flags"],
}
SECTION_NAMES = {
    "explanation": ("explanation", "説明"),
    "discussion": ("discussion", "質疑"),
    "conclusion": ("conclusion", "結論"),
    "note": ("note", "※"),
    "other": ("other", "その他"),
}
_FLAG_NAMES = {"verify": ("verify", "要確認"), "off_record": ("off_record", "記録外")}
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
            pick = 1 if lang.value == "ja" else 0
            flags = [names[pick] for flag, names in _FLAG_NAMES.items() if getattr(line, flag)]
            row = [
                item.label,
                item.title,
                SECTION_NAMES[line.section.value][pick],
                role.label(lang) if role else line.role_id,
                person.name if person else "",
                time_of(line.created_at),
                line.text,
                " ".join(flags),
            ]
            writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
