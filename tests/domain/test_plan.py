"""Plan files: the samples load, and every mistake is named in plain words."""

from __future__ import annotations

from datetime import date, time

import pytest

from live_notes.domain.models import Group, ItemKind, MemberRole, Publicity
from live_notes.domain.plan import PlanError, next_meeting, parse_plan
from live_notes.resources import sample_plan

JA = sample_plan("ja").read_text(encoding="utf-8")
EN = sample_plan("en").read_text(encoding="utf-8")


def problems(text: str) -> list[str]:
    with pytest.raises(PlanError) as refused:
        parse_plan(text, "plan.toml")
    assert str(refused.value).startswith("plan.toml: ")
    return refused.value.problems


def test_japanese_sample_loads() -> None:
    meeting = parse_plan(JA, "ja.toml")
    assert meeting.id == "2024-11-11-wakabano-joho-2"
    header = meeting.header
    assert (header.body, header.title) == ("若葉野市情報公開・個人情報保護審議会", "令和6年度第2回")
    assert header.date == date(2024, 11, 11)
    assert (header.scheduled_start, header.scheduled_end) == (time(9, 30), time(12, 0))
    assert header.publicity is Publicity.CLOSED
    groups = [p.group for p in meeting.people]
    assert groups.count(Group.MEMBER) == 8
    assert meeting.person("aoki").member_role is MemberRole.CHAIR  # type: ignore[union-attr]
    tree = [(item.label, item.title[:4], depth) for item, depth in meeting.iter_items()]
    assert tree[:4] == [
        ("1.", "開会", 0),
        ("2.", "議題", 0),
        ("(1)", "諮問", 1),
        ("ア", "下水道使", 2),
    ]
    assert meeting.item("other").kind is ItemKind.REPORT  # type: ignore[union-attr]
    assert [g.title for g in meeting.materials] == ["当日配布資料", "事前配布資料"]
    assert [r.ja for r in meeting.role_set.roles][:4] == ["会長", "委員", "担当課", "事務局"]


def test_english_sample_loads() -> None:
    meeting = parse_plan(EN, "en.toml")
    assert meeting.header.lang == "en"
    assert meeting.role_set.id == "en-board"
    assert [i.id for i, _ in meeting.iter_items()][:3] == ["call", "minutes", "roof"]


def test_unknown_presenter_is_named_with_its_path_and_line() -> None:
    text = JA.replace('presenters = ["matsuda", "ogawa"]', 'presenters = ["matsuda", "kume"]')
    found = problems(text)
    assert len(found) == 1
    assert found[0].endswith(
        'agenda[1].children[0].children[1].presenters[1]: no one with id "kume" in the roster'
    )
    line = int(found[0].split(":")[0].removeprefix("line "))
    assert "kume" in text.splitlines()[line - 1]


def test_not_toml() -> None:
    assert problems('[meeting]\nbody = "x\n')[0].startswith("not valid TOML")


def test_missing_meeting_table() -> None:
    assert problems("[[people]]\nid='a'\nname='A'\n") == [
        "meeting: missing — the [meeting] table with body, title and date"
    ]


def test_wrong_values_are_explained() -> None:
    text = JA.replace('publicity = "closed"', 'publicity = "secret"').replace(
        "quorum = 5", 'quorum = "five"'
    )
    found = problems(text)
    assert any("meeting.publicity: 'secret' is not one of" in p for p in found)
    assert any("meeting.quorum:" in p and "'five'" in p for p in found)


def test_missing_and_unknown_fields() -> None:
    text = JA.replace('body = "若葉野市情報公開・個人情報保護審議会"\n', "").replace(
        'place = "', 'plaec = "'
    )
    found = problems(text)
    assert any(p.endswith("meeting.body: missing — this field is required") for p in found)
    assert any("meeting.plaec: unknown field" in p for p in found)


def test_duplicate_ids() -> None:
    text = JA.replace('id = "okada"', 'id = "ueno"')
    found = problems(text)
    assert any('people[3].id: "ueno" is used twice (also people[2])' in p for p in found)


def test_bad_id_characters() -> None:
    found = problems(JA.replace('id = "okada"', 'id = "岡 田"'))
    assert any("people[3].id: '岡 田': use letters, digits" in p for p in found)


def test_unknown_role_set_and_section() -> None:
    found = problems(JA.replace('role_set = "ja-council"', 'role_set = "ja-senate"'))
    assert found[0].startswith("role_set: no role set 'ja-senate'")
    found = problems(JA + "\n[extras]\nx = 1\n")
    assert found[0].startswith("extras: unknown section")


def test_custom_roles() -> None:
    text = JA.replace('role_set = "ja-council"', "") + (
        '\n[[roles]]\nid = "chair"\nja = "委員長"\nen = "Chair"\nside = "asking"\n'
        '[[roles]]\nid = "staff"\nja = "説明員"\nen = "Staff"\nside = "answering"\n'
    )
    meeting = parse_plan(text)
    assert [r.ja for r in meeting.role_set.roles] == ["委員長", "説明員"]


def test_next_meeting_copies_the_plan_not_the_record() -> None:
    from live_notes.domain.models import Presence
    from live_notes.domain.session import Session

    previous = parse_plan(JA)
    session = Session(previous)
    session.mark("aoki", Presence.PRESENT)
    session.open()
    session.commit_line("開会の挨拶")
    following = next_meeting(previous, date(2025, 2, 3), "令和6年度第3回")
    assert following.header.title == "令和6年度第3回"
    assert following.header.date == date(2025, 2, 3)
    assert following.id == "2025-02-03-wakabano-joho-2"
    assert following.people == previous.people
    assert following.agenda == previous.agenda
    assert following.materials == previous.materials
    assert following.utterances == [] and following.attendance == {}
    assert following.status == "planned"


def test_a_mistake_in_the_third_person_points_at_the_third_table() -> None:
    text = '[meeting]\nbody = "b"\ntitle = "t"\ndate = 2024-11-12\n'
    text += "".join(
        f'\n[[people]]\nid = "p{n}"\nname = "{"" if n == 2 else "N"}"\n' for n in range(4)
    )
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "p.toml")
    (problem,) = caught.value.problems
    line = int(problem.split(":")[0].removeprefix("line "))
    assert problem.endswith("people[2].name: must not be empty")
    assert text.splitlines()[line - 1] == 'name = ""'
