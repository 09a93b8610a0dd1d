"""The minutes as a Word document (.docx), what the clerk opens after the meeting.

Built from the same composed minutes and the same style as the text formats. The
look (fonts, sizes, margins, heading styles) comes from the style's
``reference.docx``, the way pandoc's reference-doc works: restyle it in Word and
every export follows. Speaker labels are bold with a hanging indent, the front
matter is a table where the style says so, pages are numbered (a PAGE field in the
footer) and the page size (A4 or Letter) is the style's.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from live_notes.export.docx_look import apply_default_look

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

    from live_notes.export.style import Style
    from live_notes.export.view import MinutesView, Para, Part

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LIST_INDENT = Mm(7)
_CHAR = 10.5  # points: one full-width character at the body size
_TEXT_INDENT = Pt(_CHAR)  # one full-width character, as the reference indents the 結論
PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
"""Page sizes a style may name (``[page] size``)."""


def xml_safe(text: str) -> str:
    """Text without the characters XML cannot hold (python-docx refuses them)."""
    return _XML_INVALID.sub("", text)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field (the page number Word fills in)."""
    run = paragraph.add_run()
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind is None:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        if kind == "separate":
            text = OxmlElement("w:t")
            text.text = "1"
            run._r.append(text)


def _has_page_field(paragraphs: list[Paragraph]) -> bool:
    return any("PAGE" in (el.text or "") for p in paragraphs for el in p._p.iter(qn("w:instrText")))


def _width(text: str) -> float:
    """The width of a label in full-width characters (Latin letters count half)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _open(style: Style | None, lang: str) -> DocumentObject:
    """The style's reference document, emptied; without one, python-docx's with our look."""
    reference = style.reference_docx if style is not None else None
    if reference is None:
        doc = Document()
        apply_default_look(doc, lang)
        return doc
    doc = Document(str(reference))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def render_docx(view: MinutesView, style: Style | None = None) -> bytes:
    """The minutes as .docx bytes."""
    doc = _open(style, view.lang)
    section = doc.sections[0]
    size = str(style.choice("page", "size", "A4")) if style is not None else "A4"
    section.page_width, section.page_height = PAGE_SIZES.get(size, PAGE_SIZES["A4"])
    if view.draft_mark:
        mark = section.header.paragraphs[0]
        mark.text = xml_safe(view.draft_mark)
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if not _has_page_field(section.footer.paragraphs):
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(footer)

    doc.core_properties.title = xml_safe(view.title)
    doc.core_properties.language = "ja-JP" if view.lang == "ja" else "en-GB"
    doc.add_paragraph(xml_safe(view.title), "Heading 1")
    if view.subtitle:
        doc.add_paragraph(xml_safe(view.subtitle))
    if style is not None and style.choice("page", "header_table", False):
        _header_table(doc, view.parts, str(style.choice("page", "table_style", "")))
    else:
        for part in view.parts:
            doc.add_paragraph(xml_safe(part.heading), "Heading 2")
            for para in part.paras:
                step = _LIST_INDENT if part.listing else _TEXT_INDENT
                _add(doc, para, step * (para.indent + 1 if part.listing else para.indent))
    doc.add_paragraph(xml_safe(view.record_heading), "Heading 2")
    for item in view.items:
        doc.add_paragraph(xml_safe(item.heading), "Heading 3")
        for para in item.paras:
            _add(doc, para, _TEXT_INDENT * para.indent)
    if view.closing:
        doc.add_paragraph(xml_safe(view.closing))
    for n, line in enumerate(view.signature):
        signed = doc.add_paragraph(xml_safe(line))
        if n == 0:
            signed.paragraph_format.space_before = Pt(24)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _header_table(doc: DocumentObject, parts: list[Part], table_style: str) -> None:
    """The front matter as a two-column table: heading | its lines."""
    table = doc.add_table(rows=0, cols=2)
    if table_style and table_style in [s.name for s in doc.styles]:
        table.style = table_style
    for part in parts:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(xml_safe(part.heading)).bold = True
        first = cells[1].paragraphs[0]
        for n, para in enumerate(part.paras):
            target = first if n == 0 else cells[1].add_paragraph()
            target.add_run(xml_safe(("\u3000" * para.indent) + para.text))
    for row in table.rows:
        row.cells[0].width = Mm(40)
        row.cells[1].width = Mm(130)


def _add(doc: DocumentObject, para: Para, indent: int) -> None:
    """One paragraph; `indent` is the left indent in EMU (0: none)."""
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    if para.label and para.kind == "line":
        # The label in bold, the text hanging under it: "委員 ……" / "Member: ……".
        paragraph.add_run(xml_safe(para.label)).bold = True
        paragraph.add_run(xml_safe(para.text[len(para.label) :]))
        hang = Pt(_CHAR * _width(para.label))
        fmt.left_indent = indent + hang
        fmt.first_line_indent = -hang
        return
    run = paragraph.add_run(xml_safe(para.text))
    if para.kind in ("sub", "label"):
        run.bold = True
    if indent:
        fmt.left_indent = indent
