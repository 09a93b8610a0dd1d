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
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

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


class _Body:
    """The document's body, written as WordprocessingML text and parsed in one go.

    python-docx's paragraph API searches the body for every paragraph it adds (seconds
    for 10,000 lines); the minutes are only appended, so they are written as XML and
    moved in before the section properties in one step.
    """

    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc
        self.chunks: list[str] = []
        self.style_ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        if name not in self.style_ids:
            self.style_ids[name] = self.doc.styles[name].style_id
        return self.style_ids[name]

    def para(
        self,
        text: str,
        style: str = "",
        bold_lead: str = "",
        bold: bool = False,
        left: int = 0,
        hanging: int = 0,
        space_before: int = 0,
    ) -> None:
        """One paragraph: `bold_lead` is a bold run before `text`; lengths in EMU."""
        props = []
        if style:
            props.append(f'<w:pStyle w:val="{escape(self.style_id(style))}"/>')
        if space_before:
            props.append(f'<w:spacing w:before="{space_before // 635}"/>')
        if left or hanging:
            hang = f' w:hanging="{hanging // 635}"' if hanging else ""
            props.append(f'<w:ind w:left="{left // 635}"{hang}/>')
        runs = _run(bold_lead, True) if bold_lead else ""
        runs += _run(text, bold)
        ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
        self.chunks.append(f"<w:p>{ppr}{runs}</w:p>")

    def flush(self) -> None:
        """Move what was written into the document, before its section properties."""
        if not self.chunks:
            return
        xml = f'<w:body xmlns:w="{_W}">{"".join(self.chunks)}</w:body>'
        self.chunks = []
        body = self.doc.element.body
        sect = body.find(qn("w:sectPr"))
        for child in list(etree.fromstring(xml)):
            if sect is not None:
                sect.addprevious(child)
            else:
                body.append(child)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run(text: str, bold: bool) -> str:
    if not text:
        return ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts = []
    for n, line in enumerate(xml_safe(text).split("\n")):
        if n:
            parts.append("<w:br/>")
        for m, piece in enumerate(line.split("\t")):
            if m:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


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
    body = _Body(doc)
    body.para(view.title, "Heading 1")
    if view.subtitle:
        body.para(view.subtitle)
    if style is not None and style.choice("page", "header_table", False):
        body.flush()
        _header_table(doc, view.parts, str(style.choice("page", "table_style", "")))
    else:
        for part in view.parts:
            body.para(part.heading, "Heading 2")
            for para in part.paras:
                step = _LIST_INDENT if part.listing else _TEXT_INDENT
                _add(body, para, step * (para.indent + 1 if part.listing else para.indent))
    body.para(view.record_heading, "Heading 2")
    for item in view.items:
        body.para(item.heading, "Heading 3")
        for para in item.paras:
            _add(body, para, _TEXT_INDENT * para.indent)
    if view.closing:
        body.para(view.closing)
    for n, line in enumerate(view.signature):
        body.para(line, space_before=Pt(24) if n == 0 else 0)
    body.flush()
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


def _add(body: _Body, para: Para, indent: int) -> None:
    """One paragraph; `indent` is the left indent in EMU (0: none)."""
    if para.label and para.kind == "line":
        # The label in bold, the text hanging under it: "委員 ……" / "Member: ……".
        hang = int(Pt(_CHAR * _width(para.label)))
        text = para.text[len(para.label) :]
        body.para(text, bold_lead=para.label, left=indent + hang, hanging=hang)
        return
    body.para(para.text, bold=para.kind in ("sub", "label"), left=indent)
