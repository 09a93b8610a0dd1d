"""The sample meetings' live record, as data that can be replayed.

A script is a list of steps, each a tuple of strings: what the clerk did, in
order. `run_steps` drives them through the `Session` API; the TUI's replay test
drives the same steps through the keyboard, so both must give the same record.

Steps:
    ("at", "HH:MM")                 set the fake clock (times only move forward)
    ("mark", person_id, status)     attendance (a `Presence` value); late/left early at the clock
    ("open",) / ("close",)          open or close the meeting at the clock
    ("item", item_id)               make an agenda item current
    ("section", name)               explanation | discussion | conclusion | note
    ("role", role_id)               tag the next line with this role (only where the
                                    role follow-up would not pick it by itself)
    ("line", text)                  commit a line
    ("flag",)                       flag the last line "verify later"
    ("off_record",)                 mark the last line off the record
    ("decision", outcome, conditions)  record the current item's conclusion
    ("recess",) / ("resume",)       recess and resume at the clock
    ("audience", "N")               audience count
"""

from __future__ import annotations

from datetime import date, datetime, time

from live_notes.domain.models import Meeting, Outcome, Presence, Section, Utterance
from live_notes.domain.plan import parse_plan
from live_notes.domain.session import Session
from live_notes.resources import sample_plan

Step = tuple[str, ...]
"""One thing the clerk did; see the module docstring."""

_SEWER_DEPT = (
    "担当課である下水道課から事前に配布した諮問書、添付資料及び質問回答書に沿って概要を説明した。"
)
_TABLET_DEPT = (
    "担当課である学務課から事前に配布した諮問書、添付資料及び質問回答書に沿って概要を説明した。"
)

SAMPLE_JA: list[Step] = [
    ("at", "09:25"),
    ("mark", "aoki", "present"),
    ("mark", "ishida", "present"),
    ("mark", "okada", "present"),
    ("mark", "kato", "present"),
    ("mark", "kimura", "absent"),
    ("mark", "saito", "present"),
    ("mark", "tanabe", "absent"),
    ("mark", "nakamura", "present"),
    ("mark", "hayashi", "present"),
    ("mark", "mori", "present"),
    ("mark", "yamaguchi", "present"),
    ("mark", "fujii", "present"),
    ("mark", "matsuda", "present"),
    ("mark", "ogawa", "present"),
    ("audience", "0"),
    ("at", "09:30"),
    ("open",),
    ("at", "09:32"),
    ("item", "sewer"),
    ("role", "department"),
    ("line", _SEWER_DEPT),
    ("at", "09:45"),
    ("section", "discussion"),
    ("role", "member"),
    ("line", "送信データを作成する端末は、インターネットに接続されていないか。"),
    ("line", "専用の端末を使用し、インターネットには接続しない構成としている。"),
    ("at", "09:48"),
    ("mark", "ueno", "late"),
    ("line", "金融機関へ送信する回線は暗号化されるのか。"),
    ("line", "専用回線を使用し、送信データ自体も暗号化する。"),
    ("line", "送信の記録は、誰がどのくらいの期間保存するのか。"),
    ("role", "secretariat"),
    ("line", "操作ログは情報政策課で5年間保存し、年に一度点検する予定である。"),
    ("line", "点検の結果は、審議会にも報告してほしい。"),
    ("line", "次年度の審議会で報告する。"),
    ("section", "note"),
    (
        "line",
        "本会議終了後、情報政策課と総務課で協議し、操作ログの点検結果を"
        "毎年度第1回の審議会で報告することとした。",
    ),
    ("at", "10:35"),
    ("decision", "approved", ""),
    ("at", "10:40"),
    ("recess",),
    ("at", "10:50"),
    ("resume",),
    ("item", "tablet"),
    ("role", "department"),
    ("line", _TABLET_DEPT),
    ("at", "11:00"),
    ("section", "discussion"),
    ("role", "member"),
    ("line", "端末を更新した後、古い端末の記憶装置はどのように消去するのか。"),
    ("line", "委託業者が専用のソフトで消去し、消去証明書を提出させる。"),
    ("line", "消去の作業には、市の職員が立ち会うべきである。"),
    ("line", "全ての作業に立ち会うことは難しいが、抽出して立ち会う。"),
    ("at", "11:15"),
    ("role", "chair"),
    ("line", "児童生徒の学習記録は、卒業後どのくらい保存するのか。"),
    ("line", "卒業後1年で削除する予定であるが、保存期間は現在調整中である。"),
    ("flag",),
    ("line", "保存期間を定めたら、保護者にも分かりやすく知らせること。"),
    ("line", "承知した。"),
    ("line", "個別の学校名は、公表する会議録には載せないでほしい。"),
    ("off_record",),
    ("at", "11:35"),
    (
        "decision",
        "approved_with_conditions",
        "端末の返却及び廃棄に当たっては、記憶装置の消去に職員が立ち会う運用を定めること",
    ),
    ("at", "11:40"),
    ("item", "other"),
    ("role", "secretariat"),
    (
        "line",
        "事務局から、個人情報の取扱いに関する監査結果の概要について報告した。"
        "また、次回の審議会を令和7年2月頃に開催する予定である旨の連絡をした。",
    ),
    ("section", "discussion"),
    ("role", "member"),
    ("line", "監査で指摘された事項は、いつまでに改善するのか。"),
    ("line", "今年度中に改善し、次回の審議会で報告する。"),
    ("line", "研修は、会計年度任用職員も対象にしてほしい。"),
    ("role", "member"),
    ("line", "監査結果は、市のホームページでも公表した方がよい。"),
    ("line", "頂いた意見を踏まえ、公表の方法を検討する。"),
    ("at", "12:00"),
    ("close",),
]
"""The Japanese sample (data/wakabano-council-ja.toml): 午前9時30分から正午まで."""

SAMPLE_EN: list[Step] = [
    ("at", "17:55"),
    ("mark", "harper", "present"),
    ("mark", "okafor", "present"),
    ("mark", "lindqvist", "present"),
    ("mark", "tanaka", "present"),
    ("mark", "morales", "absent"),
    ("mark", "chen", "present"),
    ("mark", "walsh", "present"),
    ("audience", "3"),
    ("at", "18:00"),
    ("open",),
    ("at", "18:05"),
    ("item", "minutes"),
    ("role", "chair"),
    ("line", "The chair asked for corrections to the minutes of Regular Meeting No. 6."),
    ("section", "discussion"),
    ("role", "member"),
    ("line", "Item 4 should record that the vote on the fee schedule was unanimous."),
    ("line", "The minutes will be corrected accordingly."),
    ("decision", "approved", ""),
    ("at", "18:12"),
    ("mark", "brennan", "late"),
    ("item", "roof"),
    ("role", "staff"),
    ("line", "The Facilities Manager presented the three bids received for the roof repair."),
    ("section", "discussion"),
    ("role", "member"),
    ("line", "Why is the lowest bid not recommended?"),
    ("line", "The lowest bidder cannot start before the autumn rains."),
    ("line", "Does the recommended bid include a warranty?"),
    ("line", "Ten years on materials and five on workmanship."),
    ("flag",),
    ("at", "19:10"),
    (
        "decision",
        "approved_with_conditions",
        "the work being completed before 31 October and the warranty being confirmed in writing",
    ),
    ("at", "19:15"),
    ("item", "report"),
    ("role", "secretary"),
    ("line", "The Director reported on the spring reading programme and the new opening hours."),
    ("section", "discussion"),
    ("role", "member"),
    ("line", "Could the Saturday hours start in May rather than June?"),
    ("line", "Staff will look at the rota and report at the next meeting."),
    ("at", "19:45"),
    ("close",),
]
"""The English sample (data/riverside-board-en.toml): call to order 18:00, adjourned 19:45."""


class FakeClock:
    """A settable clock for `Session(clock=...)`: the time of the last ("at", …) step.

    Attributes:
        now: The time returned on every call.
    """

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, hhmm: str) -> datetime:
        """Move the clock to ``HH:MM`` on its current day."""
        self.now = datetime.combine(self.now.date(), time.fromisoformat(hhmm))
        return self.now


def sample_meeting(lang: str = "ja") -> Meeting:
    """The sample meeting as planned (nothing recorded yet)."""
    plan = sample_plan(lang)
    return parse_plan(plan.read_text(encoding="utf-8"), source=plan.name)


def run_steps(session: Session, steps: list[Step], day: date | None = None) -> None:
    """Drive a script through the session's commands.

    The session must have been built with a `FakeClock` (``Session(m, clock=FakeClock(…))``)
    for ("at", …) steps to take effect; `day` moves that clock to another day first.
    """
    clock = session.clock
    if day is not None and isinstance(clock, FakeClock):
        clock.now = datetime.combine(day, clock.now.time())
    for step in steps:
        _run_step(session, clock, step)


def _run_step(session: Session, clock: object, step: Step) -> None:
    kind, *args = step
    if kind == "at":
        if isinstance(clock, FakeClock):
            clock.set(args[0])
    elif kind == "mark":
        session.mark(args[0], Presence(args[1]))
    elif kind == "open":
        session.open()
    elif kind == "close":
        session.close()
    elif kind == "item":
        session.switch_item(args[0])
    elif kind == "section":
        session.set_section(Section(args[0]))
    elif kind == "role":
        session.set_role(args[0])
    elif kind == "line":
        session.commit_line(args[0])
    elif kind == "flag":
        session.toggle_flag()
    elif kind == "off_record":
        session.update_line(session.last_line().id, off_record=True)
    elif kind == "decision":
        session.record_decision(Outcome(args[0]), args[1] if len(args) > 1 else "")
    elif kind in ("recess", "resume"):
        session.toggle_recess()
    elif kind == "audience":
        session.set_audience(int(args[0]))
    else:
        raise ValueError(f"unknown sample step {step!r}")


def driven_sample(lang: str = "ja") -> Meeting:
    """The sample meeting driven through its script to closing."""
    meeting = sample_meeting(lang)
    clock = FakeClock(datetime.combine(meeting.header.date, time(9, 0)))
    session = Session(meeting, clock=clock)
    run_steps(session, SAMPLE_JA if lang == "ja" else SAMPLE_EN)
    return session.meeting


def big_meeting(lines: int) -> Meeting:
    """The Japanese sample with `lines` lines, its discussion repeated (for benchmarks).

    The lines are spread over the items in blocks, so every item gets its share and
    the sequence order stays the reading order.
    """
    meeting = driven_sample("ja")
    source = [line for line in meeting.utterances if line.section is Section.DISCUSSION]
    items = list(dict.fromkeys(line.item_id for line in source))
    block = max(1, -(-lines // len(items)))
    out: list[Utterance] = []
    for n in range(lines):
        line = source[n % len(source)]
        update = {"id": n + 1, "item_id": items[n // block], "verify": False, "off_record": False}
        out.append(line.model_copy(update=update))
    meeting.utterances = out
    meeting.next_seq = lines + 1
    return meeting
