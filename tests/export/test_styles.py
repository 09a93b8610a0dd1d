"""House styles: every shipped style's golden files, a clerk's own style, the Word look.

Golden files are in tests/export/golden/styles. After an intended change, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/export/test_styles.py`` and read the diff before committing.
"""

from __future__ import annotations

import ast
import io
import os
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from support.docx_text import docx_text
from support.styles import GOLDEN, SHIPPED_STYLES, TEXT_FORMATS, sample_for

from live_notes.cli import main
from live_notes.domain.models import Section, Utterance
from live_notes.export import ExportOptions, render
from live_notes.export.style import StyleError, copy_style, load_style, style_names
from live_notes.sample import driven_sample, sample_meeting

EXPORT = Path(__file__).resolve().parents[2] / "live_notes" / "export"


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("style", SHIPPED_STYLES)
def test_shipped_style_matches_its_golden_file(style: str, fmt: str) -> None:
    data = render(sample_for(style), fmt, ExportOptions(style=style))
    _check_golden(f"{style}.public.{fmt}", data.decode("utf-8"))


@pytest.mark.parametrize("style", SHIPPED_STYLES)
def test_shipped_style_in_word_matches_its_golden_text(style: str) -> None:
    data = render(sample_for(style), "docx", ExportOptions(style=style))
    _check_golden(f"{style}.public.docx.txt", docx_text(data))


def test_the_default_japanese_style_is_the_reference_layout() -> None:
    meeting = driven_sample("ja")
    default = render(meeting, "txt")
    assert default == render(meeting, "txt", ExportOptions(style="ja-shingikai"))
    golden = Path(__file__).parent / "golden" / "sample-ja.public.txt"
    assert default.decode() == golden.read_text(encoding="utf-8")


def _document(style: str) -> docx.document.Document:
    data = render(sample_for(style), "docx", ExportOptions(style=style))
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize(("style", "width"), [("ja-shingikai", 210), ("en-board", 216)])
def test_word_pages_are_the_styles_size_and_numbered(style: str, width: int) -> None:
    document = _document(style)
    section = document.sections[0]
    assert round(section.page_width.mm) == width
    fields = [el.text for el in section.footer._element.iter(qn("w:instrText"))]
    assert fields == [" PAGE "]


def test_word_speaker_labels_are_bold_with_a_hanging_indent() -> None:
    document = _document("ja-shingikai")
    line = next(p for p in document.paragraphs if p.text.startswith("委員 送信データ"))
    assert (line.runs[0].text, line.runs[0].bold) == ("委員 ", True)
    assert not line.runs[1].bold
    fmt = line.paragraph_format
    assert fmt.first_line_indent is not None and fmt.first_line_indent < 0
    assert fmt.left_indent == -fmt.first_line_indent


def test_word_look_comes_from_the_reference_docx() -> None:
    document = _document("ja-shingikai")
    headings = {p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert headings == {"Heading 1", "Heading 2", "Heading 3"}
    normal = document.styles["Normal"]
    assert normal.font.name == "Yu Mincho"
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Yu Mincho"
    assert document.paragraphs[0].style.name == "Heading 1"


def test_word_header_block_is_a_table_where_the_style_says_so() -> None:
    assert _document("ja-shingikai").tables == []
    table = _document("ja-iinkai").tables[0]
    assert table.rows[0].cells[0].text == "開催日時"
    assert table.rows[2].cells[0].text == "出席委員"
    assert "青木一郎(会長)" in table.rows[2].cells[1].text


def _copy_and_edit(tmp_path: Path) -> None:
    assert main(["styles", "copy", "ja-shingikai", "my-city"]) == 0
    path = Path(os.environ["LIVE_NOTES_CONFIG_DIR"]) / "styles" / "my-city" / "style.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('approved = "認める"', 'approved = "可とする"', 1)
    text = text.replace('department = "〔提案課職員〕"', 'department = "〔説明員〕"')
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "docx"])
def test_a_copied_style_with_one_outcome_word_and_one_group_name_changed(
    tmp_path: Path, fmt: str
) -> None:
    _copy_and_edit(tmp_path)
    data = render(driven_sample("ja"), fmt, ExportOptions(style="my-city"))
    text = docx_text(data) if fmt == "docx" else data.decode()
    text = re.sub(r"<[^>]+>", "\n", text)  # html: the text between the tags
    assert "〔説明員〕" in text
    assert "〔提案課職員〕" not in text
    assert "については、可とする。\n" in text
    assert "については、認める。\n" not in text


def test_a_plan_names_its_style(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = driven_sample("ja")
    meeting.header.style = "ja-iinkai"
    text = render(meeting, "txt").decode()
    assert "\n(委員)\n送信データを作成する端末は" in text
    assert "\n10時40分 休憩\n\n10時50分 再開\n" in text
    assert "\n説明者\n" in text
    assert "\n 承認\n" in text
    assert "\n諮問事項\n" in text and "\n報告事項\n" in text
    # The clerk's choice at export time wins over the plan's.
    chosen = render(meeting, "txt", ExportOptions(style="ja-shingikai")).decode()
    assert "\n委員 送信データを作成する端末は" in chosen


def test_an_unknown_style_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(StyleError, match="no style named 'nope'"):
        render(driven_sample("ja"), "txt", ExportOptions(style="nope"))


def test_styles_command_lists_shipped_and_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["styles"]) == 0
    listed = capsys.readouterr().out
    for style in SHIPPED_STYLES:
        assert re.search(rf"^{style} +\w\w  shipped", listed, re.MULTILINE)
    assert main(["styles", "copy", "en-board", "our-board"]) == 0
    assert capsys.readouterr().out.strip().endswith("styles/our-board")
    assert main(["styles"]) == 0
    assert re.search(r"^our-board +en  user", capsys.readouterr().out, re.MULTILINE)
    assert main(["styles", "copy", "en-board", "our-board"]) == 1
    assert capsys.readouterr().err == "live-notes: a style named 'our-board' exists already\n"
    assert ("our-board", "user") in style_names()


def test_a_copied_style_has_every_template_to_edit(tmp_path: Path) -> None:
    folder = copy_style("ja-iinkai", "ours")
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "minutes.html.j2",
        "minutes.md.j2",
        "minutes.txt.j2",
        "reference.docx",
        "style.toml",
    ]
    assert load_style("ours").user


def test_a_broken_style_file_is_one_clear_line(tmp_path: Path) -> None:
    folder = copy_style("ja-shingikai", "broken")
    (folder / "style.toml").write_text("lang = ja\n", encoding="utf-8")
    with pytest.raises(StyleError, match=r"^style broken: style.toml is not valid TOML"):
        render(driven_sample("ja"), "txt", ExportOptions(style="broken"))


def test_a_role_without_a_speaker_prints_no_label() -> None:
    meeting = driven_sample("ja")
    last = meeting.utterances[-1]
    meeting.utterances.append(
        Utterance(
            id=last.id + 1,
            item_id="sewer",
            section=Section.DISCUSSION,
            role_id="other",
            text="(「異議なし」の声あり)",
            created_at=last.created_at,
        )
    )
    for fmt in ("txt", "md"):
        text = render(meeting, fmt).decode()
        assert "\n(「異議なし」の声あり)\n" in text
        assert "その他 (" not in text and "その他 \\(" not in text


@pytest.mark.parametrize("style", SHIPPED_STYLES)
def test_markdown_has_a_blank_line_before_every_heading(style: str) -> None:
    planned = sample_meeting("en" if style.startswith("en") else "ja")
    planned.header.scheduled_start = planned.header.scheduled_end = None  # the date alone
    for meeting, edition in ((sample_for(style), "public"), (planned, "internal")):
        lines = render(meeting, "md", ExportOptions(style=style, edition=edition)).decode()
        lines = lines.splitlines()
        for n, line in enumerate(lines):
            if line.startswith("#") and n > 0:
                assert lines[n - 1] == "", f"no blank line before {line!r}"
                assert not lines[n - 2].endswith("\\"), f"a hard break before {line!r}"


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana and kanji: words, not punctuation
_ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,},? [A-Za-z]{2,}")  # two words: a phrase


def _literals(path: Path) -> list[str]:
    """The string literals of a module, without docstrings and comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # Docstrings, of modules, classes, functions and attributes, are bare string statements.
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


@pytest.mark.parametrize(
    "module",
    ["compose_ja.py", "compose_en.py", "conclusions.py", "view.py", "context.py", "docx_writer.py"],
)
def test_composers_hold_no_sentence_a_style_might_change(module: str) -> None:
    for literal in _literals(EXPORT / module):
        if literal.startswith("<"):
            continue  # WordprocessingML markup, not words
        assert not _CJK.search(literal), f"{module}: {literal!r} belongs in a style"
        assert not _ENGLISH_WORDS.search(literal), f"{module}: {literal!r} belongs in a style"


def test_a_template_can_write_the_minutes_from_the_structured_record(tmp_path: Path) -> None:
    folder = copy_style("ja-shingikai", "from-facts")
    (folder / "minutes.txt.j2").write_text(
        "{{ meeting.date | era_date }} {{ meeting.date | fiscal_year }}"
        " {{ meeting.opened_at | clock }}\n"
        "{% for p in meeting.people if p.office == 'chair' %}議長 {{ p.name }}\n{% endfor %}"
        "{% for item in meeting.items if item.decision %}"
        "{{ loop.index | number('(ア)') }} {{ item.title[:4] }}"
        " {{ item.decision.outcome | outcome(item.kind) }}"
        " {{ item.lines | selectattr('verify') | list | length }}\n"
        "{% endfor %}"
        "{% for line in meeting.items[3].lines[1:3] %}"
        "{{ line.role.label | label('paren') }}{{ line.role.side }} {{ line.at | clock }}\n"
        "{% endfor %}"
        "{{ 'closing' | word(time=meeting.closed_at | clock) }}\n",
        encoding="utf-8",
    )
    text = render(driven_sample("ja"), "txt", ExportOptions(style="from-facts")).decode()
    assert text == (
        "令和6年11月11日(月曜日) 令和6年度 午前9時30分\n"
        "議長 青木一郎\n"
        "(ア) 下水道使 認める 0\n"
        "(イ) 学校の学 認める 1\n"
        "(委員)asking 午前9時45分\n"
        "(担当課)answering 午前9時45分\n"
        "正午終了\n"
    )


@pytest.mark.parametrize(
    ("n", "pattern", "expected"),
    [(1, "1.", "1."), (12, "(1)", "(12)"), (3, "ア", "ウ"), (2, "(ア)", "(イ)"), (2, "(a)", "(b)")],
)
def test_numbering(n: int, pattern: str, expected: str) -> None:
    from live_notes.export.numbering import number_label

    assert number_label(n, pattern) == expected


def test_the_worked_example_of_docs_styles_md(tmp_path: Path) -> None:
    folder = copy_style("ja-shingikai", "bunkazai")
    path = folder / "style.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("header_table = false", "header_table = true")
    text = text.replace('style = ""', 'style = "mark"', 1)
    text = text.replace('chair_mark = ""', 'chair_mark = "◎"')
    text = text.replace('department = "〔提案課職員〕"', 'department = "説明員"')
    text = text.replace('approved = "認める"', 'approved = "可とする"', 1)
    path.write_text(text, encoding="utf-8")
    meeting = driven_sample("ja")
    meeting.header.style = "bunkazai"
    for fmt in ("txt", "md", "html", "docx"):
        data = render(meeting, fmt)
        shown = docx_text(data) if fmt == "docx" else data.decode()
        shown = re.sub(r"<[^>]+>|\*\*|\\", "", shown)
        assert "説明員" in shown, fmt
        assert "については、可とする。" in shown, fmt
        assert "◎会長 児童生徒の学習記録は" in shown, fmt
        assert "○委員 端末を更新した後" in shown, fmt
    assert "| 説明員 |" in docx_text(render(meeting, "docx")).replace("**", "")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ('department = "〔提案課職員〕"', 'departmnt = "説明員"'),
            r"^style mine: unknown key groups\.departmnt in style\.toml \(known here: "
            r"department, member, secretariat\)$",
        ),
        (
            ("header_table = false", 'header_table = "yes"'),
            r"^style mine: page\.header_table must be a bool, like False$",
        ),
    ],
)
def test_a_mistyped_style_key_is_named(tmp_path: Path, edit: tuple[str, str], message: str) -> None:
    folder = copy_style("ja-shingikai", "mine")
    path = folder / "style.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    with pytest.raises(StyleError, match=message):
        render(driven_sample("ja"), "md", ExportOptions(style="mine"))


def test_plan_style_and_export_style_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from live_notes.resources import sample_plan

    plan = sample_plan("ja").read_text(encoding="utf-8")
    plan = plan.replace("[meeting]\n", '[meeting]\nstyle = "ja-iinkai"\n', 1)
    (tmp_path / "plan.toml").write_text(plan, encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "new", str(tmp_path / "plan.toml")]) == 0
    meeting_id = capsys.readouterr().out.strip()
    out = tmp_path / "m.txt"
    assert main([*data, "export", meeting_id, "--format", "txt", "--out", str(out)]) == 0
    assert "\n09時30分から12時00分まで\n" in out.read_text(encoding="utf-8")
    args = [*data, "export", meeting_id, "--format", "txt", "--out", str(out)]
    assert main([*args, "--style", "ja-shingikai", "--force"]) == 0
    assert "\n午前9時30分から正午まで\n" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main([*args, "--style", "nope"]) == 1
    assert capsys.readouterr().err == (
        "live-notes: no style named 'nope' (there are: en-board, ja-iinkai, ja-shingikai)\n"
    )
    assert "\n午前9時30分から正午まで\n" in out.read_text(encoding="utf-8")  # the last file kept


def test_explanation_lines_with_labels_and_one_heading_rule(tmp_path: Path) -> None:
    folder = copy_style("ja-shingikai", "labelled")
    path = folder / "style.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("explanation = false", "explanation = true")
    text = text.replace('heading_space = "auto"', 'heading_space = "always"')
    path.write_text(text, encoding="utf-8")
    shown = render(driven_sample("ja"), "txt", ExportOptions(style="labelled")).decode()
    assert "\n(ア)\n担当課 担当課である下水道課から" in shown
    assert "\n(1) 諮問\n" in shown and "\n(1)諮問\n" not in shown


def test_a_sentence_ending_in_a_time_has_one_full_stop_and_typed_dots_stay() -> None:
    meeting = driven_sample("en")
    meeting.utterances[3].text = "Wait... what? Ends with dots.."
    meeting.utterances[3].verify = True
    text = render(meeting, "txt", ExportOptions(edition="internal")).decode()
    assert "The meeting adjourned at 7:45 p.m.\n" in text
    assert "Wait... what? Ends with dots.. [VERIFY]" in text


@pytest.mark.parametrize(
    ("closing", "message"),
    [
        (
            '"{tme}終了"',
            r"^style mine: \[words\] closing is missing or uses an unknown placeholder 'tme'$",
        ),
        ('"{time終了"', r"^style mine: \[words\] closing: .*'\}'"),
    ],
)
def test_a_broken_placeholder_is_named(tmp_path: Path, closing: str, message: str) -> None:
    folder = copy_style("ja-shingikai", "mine")
    path = folder / "style.toml"
    text = path.read_text(encoding="utf-8").replace('"{time}終了"', closing)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StyleError, match=message):
        render(driven_sample("ja"), "txt", ExportOptions(style="mine"))
