"""The meeting record: everything the minutes need, as pydantic models.

No Textual and no I/O here. The store persists these models; the export layer
renders them; the TUI shows them. Times are the wall-clock times of the
meeting's zone (`Meeting.zone`), as the clerk reads them off the room's clock:
times given with a UTC offset are turned into them when a meeting is built, and
its JSON form writes each time with its offset (see live_notes.domain.zones).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from live_notes.domain.zones import ZoneError, local_zone_name, wall_time
from live_notes.domain.zones import zone as zone_info

if TYPE_CHECKING:
    from collections.abc import Iterator

SCHEMA_VERSION = 3
"""Version of the stored and archived meeting format. Bumped on incompatible change.

1: the first format. 2: times carry their UTC offset, the meeting names its zone, the undo list
is kept with the record, versions and approval. 3: lines, items, decisions and recesses keep
their place in the recording (`Utterance.audio_at` …, None when nothing was recorded).
Files of versions 1 and 2 are read as they are; an older live-notes refuses a newer file
as newer instead of failing on the new fields.
"""


class Model(BaseModel):
    """Base for every saved model: unknown fields are refused, assignments validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Lang(StrEnum):
    """Language of the meeting and of its minutes."""

    JA = "ja"
    EN = "en"


class Publicity(StrEnum):
    """Whether the public may attend (公開・非公開の別)."""

    PUBLIC = "public"
    CLOSED = "closed"
    PARTLY_CLOSED = "partly_closed"


class MeetingStatus(StrEnum):
    """Where the meeting stands."""

    PLANNED = "planned"
    IN_SESSION = "in_session"
    IN_RECESS = "in_recess"
    CLOSED = "closed"


class Group(StrEnum):
    """Which list of the minutes a person belongs to."""

    MEMBER = "member"
    SECRETARIAT = "secretariat"
    DEPARTMENT = "department"
    OTHER = "other"


class MemberRole(StrEnum):
    """A member's office in the body."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"


class Presence(StrEnum):
    """Attendance mark of one person."""

    UNKNOWN = "unknown"
    PRESENT = "present"
    ABSENT = "absent"
    LATE = "late"
    LEFT_EARLY = "left_early"
    ONLINE = "online"

    @property
    def here_now(self) -> bool:
        """In the room (or online) at this moment: present, late (arrived) or online."""
        return self in (Presence.PRESENT, Presence.LATE, Presence.ONLINE)

    @property
    def attended(self) -> bool:
        """Attended the meeting, for the minutes: here now, or left early."""
        return self.here_now or self is Presence.LEFT_EARLY


class Side(StrEnum):
    """Side of a speaker role, for the role follow-up (question ↔ answer)."""

    ASKING = "asking"
    ANSWERING = "answering"
    NEUTRAL = "neutral"


class ItemKind(StrEnum):
    """What an agenda item is; only deliberation items take a decision."""

    OPENING = "opening"
    DELIBERATION = "deliberation"
    REPORT = "report"
    OTHER = "other"
    CLOSING = "closing"


class Section(StrEnum):
    """Part of an item a line belongs to, in the order of the minutes."""

    EXPLANATION = "explanation"
    DISCUSSION = "discussion"
    CONCLUSION = "conclusion"
    NOTE = "note"
    OTHER = "other"


SECTION_CYCLE: tuple[Section, ...] = (
    Section.EXPLANATION,
    Section.DISCUSSION,
    Section.CONCLUSION,
    Section.NOTE,
)
"""The order Ctrl+T walks through."""


class Outcome(StrEnum):
    """The decision on an item."""

    APPROVED = "approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    REJECTED = "rejected"
    CONTINUED = "continued"
    NO_DECISION = "no_decision"


class LabelStyle(StrEnum):
    """How speaker labels are printed in the minutes."""

    INLINE = "inline"  # 委員 text
    PAREN_LINE = "paren_line"  # (委員) on its own line
    BRACKET = "bracket"  # 【委員】text
    MARK = "mark"  # ○山田委員 text


class Person(Model):
    """Someone on the roster."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=64)
    """Stable id used by plan files and attendance."""
    name: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=200)
    """Title or affiliation, printed before the name for staff (総務部長 …)."""
    group: Group = Group.MEMBER
    member_role: MemberRole | None = None
    """Office in the body, for members (chair, vice-chair, member)."""
    seat: int | None = None
    """Seat number, where the body uses them."""


class Attendance(Model):
    """Attendance of one person."""

    status: Presence = Presence.UNKNOWN
    arrived_at: datetime | None = None
    """Arrival time, for a late arrival."""
    left_at: datetime | None = None
    """Departure time, for someone who left early."""


class Role(Model):
    """A speaker role the clerk tags lines with."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=64)
    ja: str = Field(min_length=1, max_length=40)
    en: str = Field(min_length=1, max_length=60)
    side: Side = Side.NEUTRAL

    def label(self, lang: Lang | str) -> str:
        """The label in the given language."""
        return self.ja if Lang(lang) is Lang.JA else self.en


class RoleSet(Model):
    """The ordered speaker roles of a body (F2 … F8 follow this order)."""

    id: str = "custom"
    roles: list[Role] = Field(min_length=1)

    def get(self, role_id: str) -> Role | None:
        """The role with this id, or None."""
        for role in self.roles:
            if role.id == role_id:
                return role
        return None


class AgendaItem(Model):
    """One node of the agenda tree, labelled as the body writes it."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=64)
    label: str = Field(default="", max_length=20)
    """The body's own numbering: "1.", "(1)", "ア"."""
    title: str = Field(min_length=1, max_length=1000)
    kind: ItemKind = ItemKind.OTHER
    department: str = Field(default="", max_length=200)
    """Presenting department (担当課), for the explanation line."""
    presenters: list[str] = Field(default_factory=list)
    """Roster ids of the department staff present for this item."""
    publicity: Publicity | None = None
    """Per-item publicity; None follows the meeting."""
    closed_reason: str = Field(default="", max_length=1000)
    children: list[AgendaItem] = Field(default_factory=list)

    @property
    def takes_decision(self) -> bool:
        """Whether a decision (結論) is expected for this item."""
        return self.kind is ItemKind.DELIBERATION


class MaterialGroup(Model):
    """A group of materials (当日配布資料, 事前配布資料)."""

    title: str = Field(min_length=1, max_length=200)
    items: list[str] = Field(default_factory=list)


class Recess(Model):
    """A recess: start, and end once resumed."""

    start: datetime
    end: datetime | None = None
    audio_at: float | None = Field(default=None, ge=0)
    """Where it began in the recording, in seconds (None: not recording then)."""


class Utterance(Model):
    """One committed line of the minutes."""

    id: int = Field(ge=1)
    """Sequence number, also the order: taken from a counter, never from the clock."""
    item_id: str
    section: Section = Section.DISCUSSION
    role_id: str = ""
    person_id: str | None = None
    text: str = Field(max_length=1_000_000)
    created_at: datetime
    edited_at: datetime | None = None
    verify: bool = False
    """Flagged "verify later"."""
    off_record: bool = False
    """Left out of the public edition."""
    audio_at: float | None = Field(default=None, ge=0)
    """Where the line falls in the recording, in seconds: the moment its first key was
    typed (the speech began shortly before). None: nothing was being recorded."""
    audio_end: float | None = Field(default=None, ge=0)
    """Where it was committed in the recording, in seconds (None: not recording)."""


class Vote(Model):
    """A vote tally."""

    for_: int = Field(default=0, ge=0, alias="for")
    against: int = Field(default=0, ge=0)
    abstain: int = Field(default=0, ge=0)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Decision(Model):
    """The conclusion (結論) of one item."""

    outcome: Outcome
    conditions: str = Field(default="", max_length=10_000)
    """The ただし… part, or the free text for other outcomes."""
    vote: Vote | None = None
    mover: str = Field(default="", max_length=200)
    """Who moved the motion (a roster id or a name), for styles that record motions."""
    seconder: str = Field(default="", max_length=200)
    """Who seconded it (a roster id or a name)."""
    decided_at: datetime | None = None
    audio_at: float | None = Field(default=None, ge=0)
    """Where it was recorded in the recording, in seconds (None: not recording)."""


class Reopening(Model):
    """An approved record opened again for a change, and why."""

    at: datetime
    reason: str = Field(min_length=1, max_length=1000)


class Header(Model):
    """What the clerk prepares before the meeting: all but the live record."""

    body: str = Field(min_length=1, max_length=300)
    """The body that meets (新座市情報公開・個人情報保護審議会)."""
    title: str = Field(min_length=1, max_length=300)
    """The session title (令和元年度第3回)."""
    lang: Lang = Lang.JA
    date: date
    scheduled_start: time | None = None
    scheduled_end: time | None = None
    place: str = Field(default="", max_length=300)
    publicity: Publicity = Publicity.PUBLIC
    publicity_reason: str = Field(default="", max_length=1000)
    quorum: int | None = Field(default=None, ge=1)
    label_style: LabelStyle = LabelStyle.INLINE
    style: str = Field(default="", max_length=100)
    """The house style of its minutes by name ("" → the default of its language)."""
    next_meeting: str = Field(default="", max_length=300)
    signers: list[str] = Field(default_factory=list)
    """Minute-signers (会議録署名人), by name."""
    other_notes: str = Field(default="", max_length=10_000)
    """その他の必要事項 beyond the absent members."""


class Meeting(Model):
    """A whole meeting: the prepared header and the live record."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=120)
    zone: str = Field(default="", max_length=64)
    """Where the meeting is held: an IANA zone (``Asia/Tokyo``) or ``UTC+09:00``.
    Empty in files written before zones: the computer's zone is taken when read."""
    header: Header
    people: list[Person] = Field(default_factory=list)
    role_set: RoleSet
    agenda: list[AgendaItem] = Field(default_factory=list)
    materials: list[MaterialGroup] = Field(default_factory=list)

    status: MeetingStatus = MeetingStatus.PLANNED
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    recesses: list[Recess] = Field(default_factory=list)
    audience: int = Field(default=0, ge=0)
    attendance: dict[str, Attendance] = Field(default_factory=dict)
    current_item_id: str | None = None
    current_section: Section = Section.EXPLANATION
    item_since: datetime | None = None
    """When the current item became current."""
    item_seconds: dict[str, float] = Field(default_factory=dict)
    """Seconds spent on each item before it last stopped being current (recesses and
    the time before opening and after closing not counted; see `domain.times`)."""
    item_started: dict[str, datetime] = Field(default_factory=dict)
    """When each item was first taken up (correctable, like every recorded time)."""
    item_audio: dict[str, float] = Field(default_factory=dict)
    """Where each item was first taken up in the recording, in seconds (items taken
    up while recording only)."""
    utterances: list[Utterance] = Field(default_factory=list)
    decisions: dict[str, Decision] = Field(default_factory=dict)
    next_seq: int = Field(default=1, ge=1)
    """Next utterance id."""
    draft_ready: bool = False
    archived: bool = False
    circulated: int = Field(default=0, ge=0)
    """The last version circulated to the members (0: none yet)."""
    approved_on: date | None = None
    """When the minutes were approved."""
    approved_by: str = Field(default="", max_length=300)
    """The meeting that approved them (令和6年度第3回審議会)."""
    final: bool = False
    """Made final (signed) after approval."""
    locked: bool = False
    """Approved: no change without a reopen (`Session.reopen_record`)."""
    reopenings: list[Reopening] = Field(default_factory=list)
    undo_log: list[Any] = Field(default_factory=list, exclude=True)
    """What undo takes back, last command last (see `events.undo_record`: ``(label,
    inverse)`` pairs as `events.apply` keeps them, records, or their JSON form as read from
    a snapshot). Not part of the record (left out of `model_dump`, archives and equality);
    the store's snapshot keeps it so that undo survives a restart."""

    @field_validator("zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value:
            try:
                zone_info(value)
            except ZoneError as exc:
                raise ValueError(str(exc)) from None
        return value

    def model_post_init(self, context: Any, /) -> None:
        """Give the meeting a zone, and make every time a wall-clock time of it."""
        if not self.zone:
            self.zone = local_zone_name()
        localise_times(self)

    def model_dump(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """As JSON (``mode="json"``: the snapshot, the archive), every time carries its
        UTC offset (``2024-11-11T09:30:00+09:00``)."""
        data = super().model_dump(*args, **kwargs)
        if kwargs.get("mode") == "json":
            add_offsets(self, data)
        return data

    def __eq__(self, other: object) -> bool:
        """Equal records: the same meeting whatever undo could still take back."""
        if not isinstance(other, Meeting):
            return NotImplemented
        mine = {k: v for k, v in self.__dict__.items() if k != "undo_log"}
        theirs = {k: v for k, v in other.__dict__.items() if k != "undo_log"}
        return mine == theirs

    def wall(self, at: datetime) -> datetime:
        """A time as the wall-clock time of the meeting's zone (see `Meeting.zone`)."""
        return wall_time(at, self.zone)

    # -- lookups (derived, never stored twice) ---------------------------------

    def iter_items(self) -> Iterator[tuple[AgendaItem, int]]:
        """Every agenda item in document order, with its depth (0 at the top)."""

        def walk(items: list[AgendaItem], depth: int) -> Iterator[tuple[AgendaItem, int]]:
            for item in items:
                yield item, depth
                yield from walk(item.children, depth + 1)

        return walk(self.agenda, 0)

    def item(self, item_id: str) -> AgendaItem | None:
        """The agenda item with this id, or None."""
        for item, _ in self.iter_items():
            if item.id == item_id:
                return item
        return None

    def person(self, person_id: str) -> Person | None:
        """The roster entry with this id, or None."""
        for person in self.people:
            if person.id == person_id:
                return person
        return None

    def presence(self, person_id: str) -> Presence:
        """The attendance mark of a person (UNKNOWN when not marked)."""
        mark = self.attendance.get(person_id)
        return mark.status if mark else Presence.UNKNOWN

    def members_present(self, now: bool = True) -> tuple[int, int]:
        """(members present, members on the roster): present now (`Presence.here_now`),
        or with `now` False who attended at all (`Presence.attended`, the minutes' count)."""
        members = [p for p in self.people if p.group is Group.MEMBER]
        marks = [self.presence(p.id) for p in members]
        present = sum(1 for mark in marks if (mark.here_now if now else mark.attended))
        return present, len(members)

    def lines_of(self, item_id: str) -> list[Utterance]:
        """The lines of one item, in order."""
        return [u for u in self.utterances if u.item_id == item_id]


def _wall(at: datetime | None, zone_name: str) -> datetime | None:
    return None if at is None or at.tzinfo is None else wall_time(at, zone_name)


def localise_times(meeting: Meeting) -> None:
    """Turn every time of a meeting given with an offset into its zone's wall-clock time.

    Files written before zones hold wall-clock times already and are left as they are;
    a time with an offset (an archive, a hand-edited file) is converted, never refused.
    """
    name = meeting.zone
    for field in ("opened_at", "closed_at", "item_since"):
        new = _wall(getattr(meeting, field), name)
        if new is not None:
            setattr(meeting, field, new)
    for item_id, at in list(meeting.item_started.items()):
        if at.tzinfo is not None:
            meeting.item_started[item_id] = wall_time(at, name)
    models: list[BaseModel] = [*meeting.recesses, *meeting.attendance.values()]
    models += [d for d in meeting.decisions.values()]
    models += meeting.reopenings
    for model in models:
        for field in ("start", "end", "arrived_at", "left_at", "decided_at", "at"):
            if field in type(model).model_fields:
                new = _wall(getattr(model, field), name)
                if new is not None:
                    setattr(model, field, new)
    for line in meeting.utterances:  # many: set without validating again (a datetime stays one)
        fields = line.__dict__
        if line.created_at.tzinfo is not None:
            fields["created_at"] = wall_time(line.created_at, name)
        if line.edited_at is not None and line.edited_at.tzinfo is not None:
            fields["edited_at"] = wall_time(line.edited_at, name)


def add_offsets(meeting: Meeting, data: dict[str, Any]) -> None:
    """Write the UTC offset into each time of a meeting's JSON form (``…T09:30:00+09:00``)."""
    tz = zone_info(meeting.zone)
    texts: dict[timedelta | None, str] = {None: ""}

    def put(holder: dict[str, Any], key: str, at: datetime | None) -> None:
        if at is not None and at.tzinfo is None and isinstance(holder.get(key), str):
            offset = tz.utcoffset(at)
            text = texts.get(offset)
            if text is None:
                text = texts[offset] = _offset_text(offset) if offset is not None else ""
            holder[key] += text

    for key in ("opened_at", "closed_at", "item_since"):
        put(data, key, getattr(meeting, key))
    for recess, raw in zip(meeting.recesses, data.get("recesses", []), strict=False):
        put(raw, "start", recess.start)
        put(raw, "end", recess.end)
    for person_id, mark in meeting.attendance.items():
        raw = data.get("attendance", {}).get(person_id)
        if isinstance(raw, dict):
            put(raw, "arrived_at", mark.arrived_at)
            put(raw, "left_at", mark.left_at)
    for reopening, raw in zip(meeting.reopenings, data.get("reopenings", []), strict=False):
        put(raw, "at", reopening.at)
    started = data.get("item_started", {})
    for item_id, at in meeting.item_started.items():
        put(started, item_id, at)
    for item_id, decision in meeting.decisions.items():
        raw = data.get("decisions", {}).get(item_id)
        if isinstance(raw, dict):
            put(raw, "decided_at", decision.decided_at)
    for line, raw in zip(meeting.utterances, data.get("utterances", []), strict=False):
        put(raw, "created_at", line.created_at)
        if line.edited_at is not None:
            put(raw, "edited_at", line.edited_at)


def _offset_text(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
