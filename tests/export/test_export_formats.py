"""Each format read back the way the clerk's tools read it: Word, a browser, a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import docx
import pytest
from docx.oxml.ns import qn

from live_notes.domain.models import SCHEMA_VERSION, Meeting
from live_notes.export import (
    ArchiveError,
    ExportOptions,
    archive_bytes,
    default_filename,
    export,
    import_archive,
    render,
)
from live_notes.sample import driven_sample

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def ja() -> Meeting:
    return driven_sample("ja")


def _docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_docx_has_heading_styles_in_item_order(ja: Meeting) -> None:
    doc = _docx(render(ja, "docx"))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert headings[0] == ("Heading 1", "令和6年度第2回若葉野市情報公開・個人情報保護審議会")
    assert ("Heading 2", "出席委員") in headings
    items = [text for style, text in headings if style == "Heading 3"]
    assert [text.split(" ")[0] for text in items] == [
        "1.開会",
        "2.議題",
        "(1)諮問",
        "ア",
        "イ",
        "(2)その他",
        "3.閉会",
    ]
    body = [p.text for p in doc.paragraphs]
    assert body[-1] == "正午終了"
    assert "委員 送信データを作成する端末は、インターネットに接続されていないか。" in body


def test_docx_fonts_page_and_marks(ja: Meeting) -> None:
    doc = _docx(render(ja, "docx"))
    normal_fonts = doc.styles["Normal"].element.rPr.rFonts
    assert normal_fonts.get(qn("w:eastAsia")) == "Yu Mincho"
    assert normal_fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over it
    heading_fonts = doc.styles["Heading 3"].element.rPr.rFonts
    assert heading_fonts.get(qn("w:eastAsia")) == "Yu Gothic"
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "【案】"
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "fldChar" in footer_xml
    final = _docx(render(ja, "docx", ExportOptions(final=True)))
    assert all(not p.text for p in final.sections[0].header.paragraphs)


def test_docx_strips_characters_xml_cannot_hold(ja: Meeting) -> None:
    ja.utterances[1].text = "端末\x01は\x0bインターネット\ufffeに"
    doc = _docx(render(ja, "docx"))
    assert "委員 端末はインターネットに" in [p.text for p in doc.paragraphs]


def test_english_docx_says_draft(ja: Meeting) -> None:
    doc = _docx(render(driven_sample("en"), "docx"))
    assert doc.sections[0].header.paragraphs[0].text == "DRAFT"
    assert doc.paragraphs[0].style.name == "Heading 1"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_standalone_with_lang_and_escapes_markup(ja: Meeting) -> None:
    ja.utterances[1].text = "<script>alert('x')</script> & <b>太字</b>"
    page = render(ja, "html").decode()
    parser = _Tags()
    parser.feed(page)
    assert parser.tags[0] == ("html", {"lang": "ja"})
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names and "b" not in names
    assert "委員 <script>alert('x')</script> & <b>太字</b>" in parser.text
    assert next(t for t in parser.text if t.startswith("ア ")).startswith("ア 下水道使用料")
    assert "@page" in page and "A4" in page


def test_csv_has_bom_rows_and_no_formulas(ja: Meeting) -> None:
    ja.utterances[1].text = '=HYPERLINK("http://x")'
    ja.utterances[2].text = "-1 について"
    data = render(ja, "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["項番", "議題", "区分", "発言者", "氏名", "時刻", "内容", "フラグ"]
    assert rows[2][6] == '\'=HYPERLINK("http://x")'
    assert rows[3][6] == "'-1 について"
    assert rows[2][:4] == ["ア", ja.item("sewer").title, "質疑", "委員"]  # type: ignore[union-attr]
    flagged = [row for row in rows[1:] if row[7]]
    assert [row[7] for row in flagged] == ["要確認"]  # the off-record line is not public
    internal = render(ja, "csv", ExportOptions(edition="internal")).decode("utf-8-sig")
    assert "記録外" in internal


def test_json_archive_round_trip_is_byte_identical(ja: Meeting) -> None:
    first = archive_bytes(ja)
    assert first == render(ja, "json")
    doc = json.loads(first)
    assert doc["format"] == "live-notes-archive" and doc["schema_version"] == SCHEMA_VERSION
    assert "若葉野市" in first.decode()  # not \\u-escaped
    again = import_archive(first)
    assert again == ja
    assert archive_bytes(again) == first


def _archive(ja: Meeting, **changes: object) -> bytes:
    doc = json.loads(archive_bytes(ja))
    doc.update(changes)
    return json.dumps(doc).encode()


def test_import_refuses_wrong_format(ja: Meeting) -> None:
    with pytest.raises(ArchiveError) as err:
        import_archive(_archive(ja, format="something-else"), source="old.json")
    assert str(err.value) == (
        "old.json: format: not a live-notes archive "
        "(expected 'live-notes-archive', found 'something-else')"
    )


def test_import_refuses_newer_schema(ja: Meeting) -> None:
    with pytest.raises(ArchiveError, match=r"new\.json: schema_version: 99 is newer"):
        import_archive(_archive(ja, schema_version=99), source="new.json")


def test_import_names_the_place_of_a_wrong_field(ja: Meeting) -> None:
    doc = json.loads(archive_bytes(ja))
    doc["meeting"]["utterances"][3]["id"] = "four"
    with pytest.raises(ArchiveError) as err:
        import_archive(json.dumps(doc).encode(), source="bad.json")
    assert str(err.value).startswith("bad.json: meeting.utterances[3].id: Input should be")


def test_import_refuses_text_that_is_not_json() -> None:
    with pytest.raises(ArchiveError, match=r"x\.json: not valid JSON \(line 1, column 2"):
        import_archive(b"{oops", source="x.json")


def test_export_writes_the_file_and_warns_about_flagged_lines(ja: Meeting, tmp_path: Path) -> None:
    result = export(ja, tmp_path / "minutes.txt")
    assert result.path.read_bytes() == render(ja, "txt")
    assert result.warnings == ["「要確認」の行が1件残っています: #17 (イ)"]
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.txt"]  # no temporary left
    en = export(driven_sample("en"), tmp_path / "en.docx")
    assert en.warnings == ["1 line is still flagged verify later: #8 (3.)"]
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export(ja, tmp_path / "minutes.pdf")


def test_default_filename(ja: Meeting) -> None:
    assert default_filename(ja, "docx") == "2024-11-11-wakabano-joho-2.ja.public.docx"
    internal = ExportOptions(edition="internal", lang="en")
    assert default_filename(ja, "md", internal) == "2024-11-11-wakabano-joho-2.en.internal.md"
    assert default_filename(ja, "json") == "2024-11-11-wakabano-joho-2.archive.json"


def test_exported_file_is_the_clerks_only_unless_the_options_say(
    ja: Meeting, tmp_path: Path
) -> None:
    path = export(ja, tmp_path / "minutes.md").path
    assert path.stat().st_mode & 0o777 == 0o600
    shared = export(ja, tmp_path / "shared.md", options=ExportOptions(file_mode=0o644)).path
    assert shared.stat().st_mode & 0o777 == 0o644


def test_markdown_shows_typed_markup_as_text(ja: Meeting) -> None:
    ja.utterances[1].text = "# 見出し *強調* [リンク](http://x) <i>"
    md = render(ja, "md").decode()
    assert "委員 \\# 見出し \\*強調\\* \\[リンク\\](http://x) \\<i\\>" in md
    assert "\n- 1\\. 開会\n" in md  # the agenda number does not start a numbered list


def test_english_html_has_lang_en() -> None:
    parser = _Tags()
    parser.feed(render(driven_sample("en"), "html").decode())
    assert parser.tags[0] == ("html", {"lang": "en"})
