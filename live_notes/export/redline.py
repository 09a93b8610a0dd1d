"""Redlines for the members: what changed between two versions, insertions and deletions
marked, as HTML (``<ins>``/``<del>``) or as a Word document (underlined / struck through).

Both are built from the same side-by-side walk as `live-notes diff`
(`live_notes.domain.versions.diff_ops`); every line of the record is shown, changed
lines marked.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from live_notes.domain.versions import diff_ops

if TYPE_CHECKING:
    from live_notes.domain.models import Meeting

_HTML_HEAD = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: serif; line-height: 1.6; max-width: 50em; margin: 2em auto; }}
ins {{ color: #0a5c0a; background: #e6f4e6; text-decoration: underline; }}
del {{ color: #8b0000; background: #fbe9e9; text-decoration: line-through; }}
p {{ margin: 0; white-space: pre-wrap; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{legend}</p>
<hr>
"""


def _title(new: Meeting, old_name: str, new_name: str) -> str:
    return f"{new.header.body} {new.header.title}: {old_name} → {new_name}"


def redline_html(old: Meeting, new: Meeting, old_name: str, new_name: str) -> bytes:
    """The redline as an HTML page (UTF-8)."""
    lang = new.header.lang.value
    legend = (
        "<ins>挿入</ins> <del>削除</del>"
        if lang == "ja"
        else "<ins>inserted</ins> <del>deleted</del>"
    )
    out = [
        _HTML_HEAD.format(
            lang=lang, title=html.escape(_title(new, old_name, new_name)), legend=legend
        )
    ]
    for op, text in diff_ops(old, new):
        body = html.escape(text)
        if op == "-":
            body = f"<del>{body}</del>"
        elif op == "+":
            body = f"<ins>{body}</ins>"
        out.append(f"<p>{body}</p>\n")
    out.append("</body>\n</html>\n")
    return "".join(out).encode("utf-8")


def redline_docx(old: Meeting, new: Meeting, old_name: str, new_name: str) -> bytes:
    """The redline as a Word document: insertions underlined, deletions struck through."""
    import io

    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    document.add_heading(_title(new, old_name, new_name), level=1)
    for op, text in diff_ops(old, new):
        run = document.add_paragraph().add_run(text)
        if op == "-":
            run.font.strike = True
            run.font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
        elif op == "+":
            run.font.underline = True
            run.font.color.rgb = RGBColor(0x0A, 0x5C, 0x0A)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
