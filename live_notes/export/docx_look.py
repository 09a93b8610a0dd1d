"""The built-in Word look: what a style's reference.docx starts from.

East Asian fonts set on the styles so Japanese renders in Mincho/Gothic rather
than a fallback, black headings, A4 margins. `tools/make_reference_docx.py`
writes it into each shipped style's ``reference.docx``; a style without one gets
it at export time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

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

_THEME_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")


def _drop_theme_fonts(fonts: object) -> None:
    """Remove theme font references: Word prefers them over the named fonts."""
    for name in _THEME_ATTRS:
        fonts.attrib.pop(qn(name), None)  # type: ignore[attr-defined]


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


def apply_default_look(doc: DocumentObject, lang: str) -> None:
    """Fonts, sizes and margins of the built-in look on a python-docx document."""
    fonts = FONTS.get(lang, FONTS["en"])
    styles = doc.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _set_fonts(normal, fonts["body"], fonts["latin"], lang)
    normal.font.size = Pt(10.5)
    for default_fonts in styles.element.iter(qn("w:rFonts")):
        if default_fonts.getparent().getparent().tag == qn("w:rPrDefault"):
            _drop_theme_fonts(default_fonts)
            default_fonts.set(qn("w:ascii"), fonts["latin"])
            default_fonts.set(qn("w:hAnsi"), fonts["latin"])
            default_fonts.set(qn("w:eastAsia"), fonts["body"])
    for level, size in ((1, 16), (2, 13), (3, 11)):
        style = styles[f"Heading {level}"]
        assert isinstance(style, ParagraphStyle)
        _set_fonts(style, fonts["heading"], fonts["head_latin"], lang)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)  # minutes are printed in black
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(20)
