"""A .docx as text, for golden files and assertions: what the clerk would read in Word."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn


def docx_text(data: bytes) -> str:
    """Header, body (paragraphs and tables, in order) and footer of a .docx, as text.

    Each body paragraph is one line ``[style] text``, with bold runs in ``**``; a table
    row is one line ``| cell | cell |``.
    """
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    out = [f"page: {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm"]
    out += [f"header: {p.text}" for p in section.header.paragraphs if p.text]
    body = document.element.body
    for child in body:
        if child.tag == qn("w:p"):
            out.append(_paragraph(docx.text.paragraph.Paragraph(child, document)))
        elif child.tag == qn("w:tbl"):
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = [" / ".join(_runs(p) for p in cell.paragraphs) for cell in row.cells]
                out.append("| " + " | ".join(cells) + " |")
    fields = [
        el.text.strip()
        for p in section.footer.paragraphs
        for el in p._p.iter(qn("w:instrText"))
        if el.text
    ]
    out.append(f"footer fields: {', '.join(fields)}")
    return "\n".join(out) + "\n"


def _runs(paragraph: docx.text.paragraph.Paragraph) -> str:
    return "".join(f"**{r.text}**" if r.bold else r.text for r in paragraph.runs)


def _paragraph(paragraph: docx.text.paragraph.Paragraph) -> str:
    fmt = paragraph.paragraph_format
    hang = ""
    if fmt.first_line_indent is not None and fmt.first_line_indent < 0:
        hang = f" hang={-fmt.first_line_indent.pt:g}pt"
    return f"[{paragraph.style.name}{hang}] {_runs(paragraph)}"
