"""The minutes as a Word document (.docx), what the clerk opens after the meeting.

Real heading styles (the navigation pane lists the items), East Asian fonts set
on the styles so Japanese renders in Mincho/Gothic rather than a fallback, A4,
page numbers in the footer and a 案 / DRAFT mark in the header.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from live_notes.export.view import MinutesView, Para

FONTS = {
    "ja": {
        "body": "Yu Mincho",
        "heading": "Yu Gothic",
        "latin": "Yu Mincho",
        "head_latin": "Yu Gothic",
    },
    "en": {
        "body": "Yu Mincho",
        "heading": "Yu Gothic",
        "latin": "Times New Roman",
        "head_latin": "Arial",
    },
}
"""East Asian and Latin fonts by language; Word falls back to MS Mincho where Yu is missing."""

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LIST_INDENT = Mm(7)
_TEXT_INDENT = Pt(10.5)  # one full-width character, as the reference indents the 結論


def xml_safe(text: str) -> str:
    """Text without the characters XML cannot hold (python-docx refuses them)."""
    return _XML_INVALID.sub("", text)


def _set_fonts(style: ParagraphStyle, east_asian: str, latin: str, lang: str) -> None:
    """Latin and East Asian fonts (w:rFonts) and the language on a style."""
    style.font.name = latin
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    _drop_theme_fonts(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:eastAsia"), "ja-JP")
    lang_el.set(qn("w:val"), "ja-JP" if lang == "ja" else "en-GB")


_THEME_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")


def _drop_theme_fonts(fonts: object) -> None:
    """Remove theme font references: Word prefers them over the named fonts."""
    for name in _THEME_ATTRS:
        fonts.attrib.pop(qn(name), None)  # type: ignore[attr-defined]


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


def render_docx(view: MinutesView, final: bool = False) -> bytes:
    """The minutes as .docx bytes."""
    doc = Document()
    fonts = FONTS.get(view.lang, FONTS["en"])
    styles = doc.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _set_fonts(normal, fonts["body"], fonts["latin"], view.lang)
    normal.font.size = Pt(10.5)
    for default_fonts in styles.element.iter(qn("w:rFonts")):
        if default_fonts.getparent().getparent().tag == qn("w:rPrDefault"):
            _drop_theme_fonts(default_fonts)
            default_fonts.set(qn("w:ascii"), fonts["latin"])
            default_fonts.set(qn("w:hAnsi"), fonts["latin"])
            default_fonts.set(qn("w:eastAsia"), fonts["body"])
    heads = []
    for level, size in ((1, 16), (2, 13), (3, 11)):
        style = styles[f"Heading {level}"]
        assert isinstance(style, ParagraphStyle)
        _set_fonts(style, fonts["heading"], fonts["head_latin"], view.lang)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)  # minutes are printed in black
        heads.append(style)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(20)
    if view.draft_mark:
        mark = section.header.paragraphs[0]
        mark.text = xml_safe(view.draft_mark)
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)

    doc.core_properties.title = xml_safe(view.title)
    doc.core_properties.language = "ja-JP" if view.lang == "ja" else "en-GB"
    doc.add_paragraph(xml_safe(view.title), heads[0])
    if view.subtitle:
        doc.add_paragraph(xml_safe(view.subtitle))
    for part in view.parts:
        doc.add_paragraph(xml_safe(part.heading), heads[1])
        for para in part.paras:
            step = _LIST_INDENT if part.listing else _TEXT_INDENT
            _add(doc, para, step * (para.indent + 1 if part.listing else para.indent))
    doc.add_paragraph(xml_safe(view.record_heading), heads[1])
    for item in view.items:
        doc.add_paragraph(xml_safe(item.heading), heads[2])
        for para in item.paras:
            _add(doc, para, _TEXT_INDENT * para.indent)
    if view.closing:
        doc.add_paragraph(xml_safe(view.closing))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _add(doc: object, para: Para, indent: int) -> None:
    """One paragraph; `indent` is the left indent in EMU (0: none)."""
    paragraph: Paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    run = paragraph.add_run(xml_safe(para.text))
    if para.kind == "sub":
        run.bold = True
    if indent:
        paragraph.paragraph_format.left_indent = indent
