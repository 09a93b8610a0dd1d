"""What the clerk chooses when exporting, seen in the text of the minutes."""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

import pytest

from live_notes.domain.models import (
    Decision,
    Group,
    LabelStyle,
    Meeting,
    Outcome,
    Publicity,
    Recess,
    Vote,
)
from live_notes.domain.session import Session
from live_notes.export import ExportOptions, render
from live_notes.export.conclusions import conclusion_ja, outcome_en
from live_notes.export.jadate import parse_eras
from live_notes.sample import FakeClock, driven_sample, run_steps, sample_meeting

if TYPE_CHECKING:
    from pathlib import Path

TITLE = "端末の更新について"


def _txt(meeting: Meeting, **options: object) -> str:
    return render(meeting, "txt", ExportOptions(**options)).decode()  # type: ignore[arg-type]


@pytest.fixture
def ja() -> Meeting:
    return driven_sample("ja")


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (LabelStyle.INLINE, "\n委員 消去の作業には、市の職員が立ち会うべきである。\n"),
        (LabelStyle.PAREN_LINE, "\n(委員)\n消去の作業には、市の職員が立ち会うべきである。\n"),
        (LabelStyle.BRACKET, "\n【委員】消去の作業には、市の職員が立ち会うべきである。\n"),
        (LabelStyle.MARK, "\n○委員 消去の作業には、市の職員が立ち会うべきである。\n"),
    ],
)
def test_label_styles(ja: Meeting, style: LabelStyle, expected: str) -> None:
    assert expected in _txt(ja, label_style=style)


def test_label_style_follows_the_meeting_header(ja: Meeting) -> None:
    ja.header.label_style = LabelStyle.BRACKET
    assert "【担当課】承知した。" in _txt(ja)


def test_labels_with_names_for_the_internal_record(ja: Meeting) -> None:
    ja.utterances[13].person_id = "okada"
    text = _txt(ja, with_names=True)
    assert "委員(岡田真理) 消去の作業には" in text
    assert "○岡田真理委員 消去の作業には" in _txt(ja, with_names=True, label_style="mark")
    assert "委員 消去の作業には" in _txt(ja)  # the published style shows the role only


def test_public_edition_leaves_out_off_record_lines(ja: Meeting) -> None:
    line = "個別の学校名は、公表する会議録には載せないでほしい。"
    assert line not in _txt(ja)
    assert f"〔記録外〕会長 {line}" in _txt(ja, edition="internal")


def test_closed_item_is_reduced_to_its_title_in_the_public_edition(ja: Meeting) -> None:
    item = ja.item("tablet")
    assert item is not None
    item.publicity = Publicity.CLOSED
    item.closed_reason = "個人が特定されるおそれがあるため"
    public = _txt(ja)
    assert f"{item.label} {item.title}\n\n非公開(個人が特定されるおそれがあるため)\n" in public
    assert "委託業者が専用のソフトで消去し" not in public
    assert "委託業者が専用のソフトで消去し" in _txt(ja, edition="internal")


def test_flagged_lines_are_marked_in_the_internal_edition_only(ja: Meeting) -> None:
    assert "保存期間は現在調整中である。〔要確認〕\n" in _txt(ja, edition="internal")
    assert "保存期間は現在調整中である。\n" in _txt(ja)
    assert "〔要確認〕" not in _txt(ja)
    en = driven_sample("en")
    assert "five on workmanship. [VERIFY]\n" in _txt(en, edition="internal")
    assert "[VERIFY]" not in _txt(en)


def test_template_override_by_file_name(ja: Meeting, tmp_path: Path) -> None:
    (tmp_path / "minutes.ja.txt.j2").write_text(
        "{{ m.title }}|{% for item in m.items %}{{ item.heading[:2] }};{% endfor %}",
        encoding="utf-8",
    )
    text = _txt(ja, template_dir=tmp_path)
    assert text == "令和6年度第2回若葉野市情報公開・個人情報保護審議会|1.;2.;(1;ア ;イ ;(2;3.;\n"
    assert "開催日時" in render(ja, "md", ExportOptions(template_dir=tmp_path)).decode()


def test_english_minutes_of_a_japanese_meeting(ja: Meeting) -> None:
    text = _txt(ja, lang="en")
    assert "Date and time: Monday, 11 November 2024, 9:30 a.m. to 12:00 noon" in text
    assert "Member: 消去の作業には、市の職員が立ち会うべきである。" in text
    assert "The meeting recessed at 10:40 a.m. and resumed at 10:50 a.m." in text


def test_scheduled_times_until_the_meeting_is_closed() -> None:
    meeting = sample_meeting("ja")
    text = _txt(meeting)
    assert "令和6年11月11日(月曜日)\n午前9時30分から正午まで\n" in text
    assert "〔結論未記録〕" in text
    assert "終了" not in text.split("3.閉会")[-1]


def test_fullwidth_digits_and_a_configured_era(ja: Meeting) -> None:
    text = _txt(ja, fullwidth=True)
    assert "令和６年１１月１１日(月曜日)\n午前９時３０分から正午まで" in text
    assert "(傍聴者０人)" in text
    eras = parse_eras([{"name": "試元", "start": "2024-05-01"}])
    assert "試元元年11月11日(月曜日)" in _txt(ja, eras=eras)


def test_recess_during_a_discussion_goes_between_its_lines() -> None:
    meeting = sample_meeting("ja")
    session = Session(meeting, clock=FakeClock(datetime(2024, 11, 11, 9, 0)))
    steps = [("at", "09:30"), ("open",), ("item", "sewer"), ("section", "discussion")]
    steps += [("line", "質問する。"), ("line", "回答する。"), ("at", "10:00"), ("recess",)]
    steps += [("at", "10:15"), ("resume",), ("line", "再び質問する。"), ("at", "11:00")]
    run_steps(session, [*steps, ("close",)])
    text = _txt(meeting)
    assert "担当課 回答する。\n\n午前10時から午前10時15分まで休憩\n\n委員 再び質問する。" in text
    assert "午前9時30分から午前11時まで" in text


def test_recess_still_running_at_the_close_ends_there() -> None:
    meeting = driven_sample("ja")
    meeting.recesses.append(Recess(start=datetime(2024, 11, 11, 11, 50)))
    assert "午前11時50分から休憩" in _txt(meeting)


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        (Decision(outcome=Outcome.APPROVED), f"{TITLE}は、認める。"),
        (
            Decision(outcome=Outcome.APPROVED_WITH_CONDITIONS, conditions="記録を残すこと。"),
            f"{TITLE}は、認める。ただし、記録を残すこと。",
        ),
        (
            Decision(outcome=Outcome.APPROVED_WITH_CONDITIONS, conditions="ただし、記録を残す"),
            f"{TITLE}は、認める。ただし、記録を残すこと。",
        ),
        (Decision(outcome=Outcome.REJECTED), f"{TITLE}は、認めない。"),
        (Decision(outcome=Outcome.CONTINUED), f"{TITLE}は、継続審議とする。"),
        (
            Decision(outcome=Outcome.APPROVED, vote=Vote(for_=5, against=2)),
            f"{TITLE}は、認める。(賛成5・反対2)",
        ),
        (Decision(outcome=Outcome.NO_DECISION), ""),
    ],
)
def test_japanese_conclusion(decision: Decision, expected: str) -> None:
    assert conclusion_ja(TITLE, decision) == expected


def test_japanese_conclusion_adds_nitsuite_when_the_title_lacks_it() -> None:
    assert conclusion_ja("条例の改正", Decision(outcome=Outcome.REJECTED)) == (
        "条例の改正については、認めない。"
    )


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        (Decision(outcome=Outcome.APPROVED), "Motion carried."),
        (
            Decision(outcome=Outcome.APPROVED_WITH_CONDITIONS, conditions="a written warranty."),
            "Motion carried, subject to a written warranty.",
        ),
        (Decision(outcome=Outcome.CONTINUED), "Postponed to the next meeting."),
        (
            Decision(outcome=Outcome.REJECTED, vote=Vote(for_=2, against=4, abstain=1)),
            "Motion failed 2–4, 1 abstaining.",
        ),
        # Free text after the outcome: a clause when it starts in lower case, else a sentence.
        (
            Decision(outcome=Outcome.APPROVED, conditions="as corrected."),
            "Motion carried, as corrected.",
        ),
        (
            Decision(outcome=Outcome.APPROVED, conditions="The chair abstained."),
            "Motion carried. The chair abstained.",
        ),
        (
            Decision(
                outcome=Outcome.APPROVED, vote=Vote(for_=4, against=1), mover="A", seconder="B"
            ),
            "Motion by A, seconded by B. Motion carried 4–1.",
        ),
    ],
)
def test_english_outcome(decision: Decision, expected: str) -> None:
    assert outcome_en(decision) == expected


def test_members_who_left_early_are_listed_with_the_time(ja: Meeting) -> None:
    mark = ja.attendance["okada"]
    mark.status = "left_early"  # type: ignore[assignment]
    mark.left_at = datetime.combine(ja.header.date, time(11, 30))
    text = _txt(ja)
    assert "早退委員 岡田真理(午前11時30分退席)" in text
    assert "岡田真理" in text.split("出席委員\n\n")[1].split("\n")[0]


def test_warnings_before_the_meeting_is_done() -> None:
    from live_notes.export.checks import export_warnings

    meeting = sample_meeting("ja")
    warnings = export_warnings(meeting, ExportOptions())
    assert warnings == [
        "結論が記録されていない議題: ア、イ",
        "出欠が未入力の委員: 青木一郎、石田和美、上野健太、岡田真理、加藤良平、木村さやか、"
        "斉藤信也、田辺由紀",
        "閉会していないため、予定の時刻で記載しています。",
    ]
    english = export_warnings(driven_sample("en"), ExportOptions())
    assert english == ["1 line is still flagged verify later: #8 (3.)"]


def test_recess_after_an_off_record_line_is_kept_in_the_public_edition() -> None:
    meeting = sample_meeting("ja")
    session = Session(meeting, clock=FakeClock(datetime(2024, 11, 11, 9, 0)))
    steps = [("at", "09:30"), ("open",), ("item", "sewer"), ("section", "discussion")]
    steps += [("line", "質問する。"), ("line", "記録に残さない。"), ("off_record",)]
    steps += [("at", "10:00"), ("recess",), ("at", "10:15"), ("resume",)]
    steps += [("line", "再び質問する。"), ("at", "11:00"), ("close",)]
    run_steps(session, steps)
    text = _txt(meeting)
    assert "委員 質問する。\n\n午前10時から午前10時15分まで休憩\n\n委員 再び質問する。" in text
    item = meeting.item("sewer")
    assert item is not None
    item.publicity = Publicity.CLOSED
    assert "非公開\n\n午前10時から午前10時15分まで休憩\n" in _txt(meeting)


def test_anonymised_names_letter_each_speaker_by_first_appearance(ja: Meeting) -> None:
    ja.utterances[13].person_id = "okada"
    text = _txt(ja, with_names=True, anonymise=True)
    assert "A委員 消去の作業には" in text
    assert "委員(岡田真理)" not in text
    assert "○A委員 消去の作業には" in _txt(ja, with_names=True, anonymise=True, label_style="mark")


def test_anonymised_letters_follow_first_appearance_and_stay_the_same() -> None:
    en = driven_sample("en")
    named = [u for u in en.utterances if u.person_id is None and u.role_id == "member"][:3]
    people = [p.id for p in en.people if p.group is Group.MEMBER][:2]
    assert len(named) == 3 and len(people) == 2
    named[0].person_id, named[1].person_id, named[2].person_id = people[1], people[0], people[1]
    text = render(en, "txt", ExportOptions(with_names=True, anonymise=True)).decode()
    first, second, third = (text.index(u.text) for u in named)
    assert text.rfind("Member A", 0, first) > text.rfind("Member B", 0, first)
    assert text.rfind("Member B", 0, second) > text.rfind("Member A", first, second)
    assert text.rfind("Member A", second, third) > second


def test_anonymised_staff_and_chair_keep_their_role_alone(ja: Meeting) -> None:
    staff = next(p for p in ja.people if p.group is not Group.MEMBER)
    for line in ja.utterances:
        if line.role_id != "member":
            line.person_id = staff.id
    assert f"({staff.name}) " in _txt(ja, with_names=True)
    anonymised = _txt(ja, with_names=True, anonymise=True)
    assert f"({staff.name})" not in anonymised
    assert "\n担当課 承知した。" in anonymised  # the role alone, no letter


def test_anonymise_needs_names() -> None:
    with pytest.raises(ValueError, match="--anonymise works with --names"):
        ExportOptions(anonymise=True)
