"""Golden exports: the sample meetings, driven to closing, export exactly these files.

The golden files in tests/export/golden/ were read line by line against the reference
minutes' structure. After an intended change of the layout, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/export/test_export_golden.py`` and read the diff before
committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from live_notes.export import ExportOptions, render
from live_notes.sample import driven_sample

if TYPE_CHECKING:
    from live_notes.domain.models import Meeting

GOLDEN = Path(__file__).parent / "golden"

CASES = [
    ("sample-ja.public.txt", "ja", "txt", ExportOptions()),
    ("sample-ja.internal.txt", "ja", "txt", ExportOptions(edition="internal")),
    ("sample-ja.public.md", "ja", "md", ExportOptions()),
    ("sample-en.public.txt", "en", "txt", ExportOptions()),
]


@pytest.fixture(scope="module")
def samples() -> dict[str, Meeting]:
    return {"ja": driven_sample("ja"), "en": driven_sample("en")}


@pytest.mark.parametrize(("name", "lang", "fmt", "options"), CASES, ids=[c[0] for c in CASES])
def test_sample_export_matches_golden(
    samples: dict[str, Meeting], name: str, lang: str, fmt: str, options: ExportOptions
) -> None:
    data = render(samples[lang], fmt, options)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    assert data.decode("utf-8") == path.read_text(encoding="utf-8")
    assert data == path.read_bytes()


def test_japanese_text_has_the_reference_parts_in_order(samples: dict[str, Meeting]) -> None:
    text = render(samples["ja"], "txt").decode()
    parts = [
        "令和6年度第2回若葉野市情報公開・個人情報保護審議会",
        "開催日時",
        "令和6年11月11日(月曜日)\n午前9時30分から正午まで",
        "開催場所",
        "出席委員",
        "事務局職員",
        "〔提案課職員〕",
        "会議内容",
        "会議資料",
        "公開・非公開の別",
        "非公開\n(傍聴者0人)",
        "その他の必要事項",
        "欠席委員 木村さやか、田辺由紀",
        "審議の内容(審議経過、結論等)",
        "1.開会",
        "(1)諮問",
        "ア 下水道使用料",
        "(ア)担当課である下水道課から",
        "(イ)質疑及び意見の概要",
        "※ 本会議終了後",
        "(ウ)結論",
        "については、認める。\n",
        "午前10時40分から午前10時50分まで休憩",
        "イ 学校の学習用端末",
        "については、認める。ただし、端末の返却及び廃棄に当たっては、"
        "記憶装置の消去に職員が立ち会う運用を定めること。\n",
        "(2)その他",
        "<委員からの意見>",
        "3.閉会",
        "正午終了",
    ]
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing after position {at}"
        at = found + len(part)
