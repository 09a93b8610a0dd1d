"""The live-session commands: what each key of the live screen does to a meeting.

A `Session` wraps a `Meeting`. Each command validates, builds one `Change`,
hands it to the sink (the store, which makes it durable) and only then applies
it, so a change that could not be saved is never shown as done. Undo is a stack
of inverse changes, kept in memory for the running session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from live_notes.domain.decision_commands import DecisionCommands
from live_notes.domain.errors import CommandError
from live_notes.domain.events import (
    EDITABLE_FIELDS,
    AttendanceMarked,
    AudienceSet,
    Change,
    Closed,
    Done,
    LineAdded,
    LineDeleted,
    LineUpdated,
    MarkSet,
    MeetingEdited,
    Opened,
    PlainChange,
    Recessed,
    RecordReopened,
    RecordStateSet,
    Reopened,
    Resumed,
    Switched,
    Undone,
    apply,
    undo_record,
)
from live_notes.domain.line_commands import LineCommands
from live_notes.domain.models import (
    SECTION_CYCLE,
    AgendaItem,
    Attendance,
    Group,
    ItemKind,
    Meeting,
    MeetingStatus,
    Presence,
    Section,
    Side,
    Utterance,
)
from live_notes.domain.record_commands import RecordCommands
from live_notes.domain.text import clean_fields, clean_line, clean_multiline
from live_notes.domain.time_commands import TimeCommands
from live_notes.domain.zones import clock_time

CHAIR_IDS = ("chair", "vice_chair")
"""Role ids of the chair, who both asks and moderates."""

FLOOR_CUES = ("質問", "意見", "発言", "ほかに", "他に", "question", "comment", "discussion")
"""Words of a chair giving the floor to the members (a chair's question is answered)."""

Sink = Callable[[Change], None]
Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


class Session(TimeCommands, LineCommands, DecisionCommands, RecordCommands):
    """Live commands on one meeting.

    Time corrections come from `TimeCommands`; notes after a line, moves, splits,
    merges and replace from `LineCommands`; decisions from `DecisionCommands`.

    Attributes:
        meeting: The meeting, kept current by every command.
        role_id: The role the next committed line will be tagged with.
    """

    def __init__(self, meeting: Meeting, sink: Sink | None = None, clock: Clock = _now) -> None:
        self.meeting = meeting
        self._sink = sink
        self._clock = clock
        self.role_id = self._initial_role()
        self._speaker: tuple[str, str] | None = None
        """(role id, person id) of the speaker named for the next lines, while that role lasts."""
        self.audio: Callable[[], float | None] | None = None
        """Where the recording stands now, in seconds (set while recording; see
        `live_notes.audio`): lines, items, decisions and recesses take their place in it."""
        self._line_audio: float | None = None

    # -- plumbing ------------------------------------------------------------

    def _emit(self, change: Change) -> None:
        """Persist, then apply. If persisting raises, nothing changes."""
        if self._sink is not None:
            self._sink(change)
        apply(self.meeting, change)

    def _do(self, label: str, change: PlainChange, inverse: list[PlainChange] | None) -> None:
        """Emit a change; with an inverse, as an undoable command (`Done`).

        An approved record (`Meeting.locked`) takes no change but its reopening.
        """
        if self.meeting.locked and not isinstance(change, (RecordStateSet, RecordReopened)):
            raise CommandError("record_locked")
        if inverse is None:
            self._emit(change)
        else:
            self._emit(Done(label=label, change=change, inverse=inverse))

    @property
    def clock(self) -> Clock:
        """The clock the session takes its times from (a fake one in tests and replays)."""
        return self._clock

    def now(self) -> datetime:
        """The session clock's time, in the meeting's zone, with its offset.

        A clock reading without an offset is the computer's local time: a meeting
        held in Tokyo and reopened on a computer set to UTC still gets Tokyo times.
        """
        return clock_time(self._clock(), self.meeting.zone)

    def audio_position(self) -> float | None:
        """Where the recording stands now (None: nothing is being recorded)."""
        at = self.audio() if self.audio is not None else None
        return None if at is None else round(at, 2)

    def begin_line(self, typing: bool = True) -> None:
        """The clerk typed the first key of a line (or with `typing` False, emptied it):
        the line's place in the recording is taken now (`Utterance.audio_at`)."""
        if not typing:
            self._line_audio = None
        elif self._line_audio is None:
            self._line_audio = self.audio_position()

    @property
    def lang(self) -> str:
        """The meeting's language code."""
        return self.meeting.header.lang.value

    # -- opening, recess, closing --------------------------------------------

    def open(self) -> datetime:
        """Open the meeting (開会) and record the time."""
        status = self.meeting.status
        if status is MeetingStatus.CLOSED:
            raise CommandError("already_closed")
        if status is not MeetingStatus.PLANNED:
            raise CommandError("already_open")
        at = self.now()
        self._do("open", Opened(at=at), None)
        if self.meeting.current_item_id is None:
            first = self.leaf_items()
            if first:
                self.switch_item(first[0].id)
        return self.meeting.wall(at)

    def close(self, at: datetime | None = None) -> datetime:
        """Close the meeting (閉会) and record the time."""
        meeting = self.meeting
        if meeting.status is MeetingStatus.CLOSED:
            raise CommandError("already_closed")
        if meeting.status is MeetingStatus.PLANNED or meeting.opened_at is None:
            raise CommandError("not_open")
        if at is None:  # the clock's time: never refused because the clock moved back
            at = self.now()
            latest = max(
                [meeting.opened_at, *(r.end or r.start for r in meeting.recesses)],
                default=meeting.opened_at,
            )
            if meeting.wall(at) < latest:
                at = latest
        elif meeting.wall(at) < meeting.opened_at:
            raise CommandError(
                "close_before_open",
                closed=meeting.wall(at).strftime("%H:%M"),
                opened=meeting.opened_at.strftime("%H:%M"),
            )
        self._do("close", Closed(at=at), [Reopened()])
        return meeting.wall(at)

    def toggle_recess(self) -> tuple[bool, datetime]:
        """Recess when in session, resume when in recess. Returns (in recess now, time)."""
        status = self.meeting.status
        at = self.now()
        if status is MeetingStatus.IN_SESSION:
            self._do("recess", Recessed(at=at, audio_at=self.audio_position()), None)
            return True, self.meeting.wall(at)
        if status is MeetingStatus.IN_RECESS:
            self._do("resume", Resumed(at=at), None)
            return False, self.meeting.wall(at)
        raise CommandError("already_closed" if status is MeetingStatus.CLOSED else "not_open")

    # -- agenda ----------------------------------------------------------------

    def leaf_items(self) -> list[AgendaItem]:
        """The items lines are taken under (those without sub-items), in order."""
        return [item for item, _ in self.meeting.iter_items() if not item.children]

    def current_item(self) -> AgendaItem | None:
        """The current agenda item."""
        item_id = self.meeting.current_item_id
        return self.meeting.item(item_id) if item_id else None

    def switch_item(self, item_id: str) -> None:
        """Make an item current; the section starts where that item's spoken lines left off."""
        meeting = self.meeting
        if meeting.item(item_id) is None:
            raise CommandError("unknown_item", item=item_id)
        if item_id == meeting.current_item_id:
            return
        # A ※ note (added in review, say) is no place to resume: the next live lines
        # go on in the section of the last spoken line, never silently into notes.
        spoken = [line for line in meeting.lines_of(item_id) if line.section is not Section.NOTE]
        section = spoken[-1].section if spoken else Section.EXPLANATION
        inverse = Switched(
            item_id=meeting.current_item_id, section=meeting.current_section, at=None
        )
        change = Switched(
            item_id=item_id, section=section, at=self.now(), audio_at=self.audio_position()
        )
        self._do("switch", change, [inverse])
        self.role_id = self._follow_up_default(keep=True)

    def step_item(self, step: int) -> AgendaItem | None:
        """Move to the next (+1) or previous (-1) item; None at either end."""
        leaves = self.leaf_items()
        if not leaves:
            raise CommandError("no_current_item")
        ids = [item.id for item in leaves]
        current = self.meeting.current_item_id
        if current in ids:
            index = ids.index(current) + step
        else:
            index = 0 if step > 0 else len(ids) - 1
        if not 0 <= index < len(ids):
            return None
        self.switch_item(ids[index])
        return leaves[index]

    def find_item(self, query: str) -> AgendaItem:
        """An item by its position among the leaves (1-based), its label, id or title words."""
        query = query.strip()
        leaves = self.leaf_items()
        if query.isdigit() and 1 <= int(query) <= len(leaves):
            return leaves[int(query) - 1]
        items = [item for item, _ in self.meeting.iter_items()]
        for item in items:
            if query in (item.id, item.label, item.label.strip("().")):
                return item
        folded = query.casefold()
        for item in items:
            if folded and folded in item.title.casefold():
                return item
        raise CommandError("no_item_matches", query=query)

    def set_section(self, section: Section) -> None:
        """Set the section the next lines go to."""
        meeting = self.meeting
        if section is meeting.current_section:
            return
        inverse = Switched(item_id=meeting.current_item_id, section=meeting.current_section)
        self._do("section", Switched(item_id=meeting.current_item_id, section=section), [inverse])
        self.role_id = self._follow_up_default()

    def next_section(self) -> Section:
        """Explanation → discussion → conclusion → note (※) → explanation."""
        current = self.meeting.current_section
        index = SECTION_CYCLE.index(current) if current in SECTION_CYCLE else -1
        section = SECTION_CYCLE[(index + 1) % len(SECTION_CYCLE)]
        self.set_section(section)
        return section

    # -- roles -------------------------------------------------------------------

    def set_role(self, role_id: str) -> None:
        """Tag the next line with this role."""
        if self.meeting.role_set.get(role_id) is None:
            raise CommandError("unknown_role", role=role_id)
        self.role_id = role_id
        self._speaker = None

    @property
    def speaker_id(self) -> str | None:
        """The person the next line is by: named with `name_speaker`, while the role is
        still theirs (a role key or the follow-up to the other side ends it)."""
        if self._speaker is None or self._speaker[0] != self.role_id:
            return None
        return self._speaker[1]

    def role_of(self, person_id: str) -> str:
        """The role a person speaks in: the chair's, a member's, the secretariat's …"""
        person = self.meeting.person(person_id)
        if person is None:
            raise CommandError("unknown_person", person=person_id)
        roles = {role.id for role in self.meeting.role_set.roles}
        wanted = {
            Group.MEMBER: [person.member_role.value if person.member_role else "", "member"],
            Group.SECRETARIAT: ["secretariat", "secretary"],
            Group.DEPARTMENT: ["department", "staff"],
        }.get(person.group, [])
        found = [role_id for role_id in wanted if role_id in roles]
        return found[0] if found else self.role_id

    def name_speaker(self, person_id: str) -> str:
        """The next lines are by this person; their role follows. Returns the role id."""
        role_id = self.role_of(person_id)
        self.role_id = role_id
        self._speaker = (role_id, person_id)
        return role_id

    def last_speaker(self, role_id: str) -> str | None:
        """The person who last spoke in `role_id` (offered again when naming a speaker)."""
        for line in reversed(self.meeting.utterances):
            if line.role_id == role_id and line.person_id:
                return line.person_id
        return None

    def role_by_number(self, number: int) -> str:
        """Select role number `number` (1-based, F2 is 1) of the meeting's role set."""
        roles = self.meeting.role_set.roles
        if not 1 <= number <= len(roles):
            raise CommandError("no_role_key", n=number)
        self.role_id = roles[number - 1].id
        self._speaker = None
        return self.role_id

    def _initial_role(self) -> str:
        lines = self.meeting.utterances
        if lines:
            return self._follow_up(lines[-1].item_id, lines[-1].role_id)
        return self._follow_up_default()

    def _role_side(self, role_id: str) -> Side:
        role = self.meeting.role_set.get(role_id)
        return role.side if role else Side.NEUTRAL

    def _first_of_side(self, side: Side, item: AgendaItem | None) -> str | None:
        roles = [r for r in self.meeting.role_set.roles if r.side is side]
        if not roles:
            return None
        if side is Side.ANSWERING:
            # An item brought by a department is answered by it (担当課); others by the
            # last answering role of the set (事務局 in the usual order).
            has_department = item is not None and bool(item.department or item.presenters)
            return (roles[0] if has_department else roles[-1]).id
        plain = [r for r in roles if r.id == "member"]
        return (plain or roles)[0].id

    def _last_of_side(self, item_id: str, side: Side) -> str | None:
        lines = self.meeting.utterances
        seen_item = False
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            if line.item_id != item_id:
                if seen_item:
                    break  # lines of an item are contiguous in practice
                continue
            seen_item = True
            if self._role_side(line.role_id) is side:
                return line.role_id
        return None

    def _follow_up(self, item_id: str, role_id: str, text: str = "") -> str:
        """The role after a line by `role_id` in `item_id`: the other side of the exchange;
        after the chair gives the floor ("ご質問はありますか"), the members."""
        side = self._role_side(role_id)
        if side is Side.NEUTRAL:
            return role_id
        if role_id in CHAIR_IDS and any(cue in text.casefold() for cue in FLOOR_CUES):
            asking = [r.id for r in self.meeting.role_set.roles if r.side is Side.ASKING]
            members = [r for r in asking if r not in CHAIR_IDS]
            return "member" if "member" in members else (members or [role_id])[0]
        other = Side.ANSWERING if side is Side.ASKING else Side.ASKING
        found = self._last_of_side(item_id, other) or self._first_of_side(
            other, self.meeting.item(item_id)
        )
        return found or role_id

    def _follow_up_default(self, keep: bool = False) -> str:
        """The role for the next line after a switch of item (`keep`) or section.

        The exchange goes on from the last line of the same section; the
        explanation of an item a department brought is given by the department, a
        report's by the secretariat; otherwise a switch of item keeps the role the
        clerk had (the chair often speaks first), and a discussion starts with a
        member's question.
        """
        meeting = self.meeting
        item = self.current_item()
        if item is not None:
            section = meeting.current_section
            lines = [line for line in meeting.lines_of(item.id) if line.section is section]
            if lines:
                return self._follow_up(item.id, lines[-1].role_id)
            presented = bool(item.department or item.presenters) or item.kind is ItemKind.REPORT
            if section is Section.EXPLANATION and presented:
                answering = self._first_of_side(Side.ANSWERING, item)
                if answering:
                    return answering
        if keep and meeting.role_set.get(self.role_id) is not None:
            return self.role_id
        first = self._first_of_side(Side.ASKING, None)
        return first or meeting.role_set.roles[0].id

    # -- lines ---------------------------------------------------------------------

    def commit_line(self, text: str) -> Utterance:
        """Commit a line under the current item, section and role; then follow the role up.

        After the closing, a line is an after-the-meeting ※ note (section "note", no
        speaker): what the clerk adds then was not said in the meeting.
        """
        meeting = self.meeting
        text = clean_line(text)
        if not text:
            raise CommandError("empty_line")
        item_id = meeting.current_item_id
        if item_id is None:
            raise CommandError("no_current_item")
        after_close = meeting.status is MeetingStatus.CLOSED
        end = self.audio_position()
        begun = self._line_audio if self._line_audio is not None else end
        line = Utterance(
            id=meeting.next_seq,
            item_id=item_id,
            section=Section.NOTE if after_close else meeting.current_section,
            role_id="" if after_close else self.role_id,
            person_id=None if after_close else self.speaker_id,
            text=text,
            created_at=self.now(),
            audio_at=None if end is None or begun is None else min(begun, end),
            audio_end=end,
        )
        self._do("line", LineAdded(line=line), [LineDeleted(id=line.id)])
        self._line_audio = None
        if line.section is Section.DISCUSSION:
            self.role_id = self._follow_up(item_id, line.role_id, line.text)
            if self.role_id != line.role_id:
                self._speaker = None  # the floor has passed: a role's next speaker is named again
        return self.line(line.id)

    def add_note(self, item_id: str, text: str) -> Utterance:
        """Add a ※ note (section "note") to any item, e.g. from review after closing.

        Unlike switching to the item and committing, this leaves the current item,
        section, role and the items' time counts as they are.
        """
        meeting = self.meeting
        text = clean_line(text)
        if not text:
            raise CommandError("empty_line")
        if meeting.item(item_id) is None:
            raise CommandError("unknown_item", item=item_id)
        line = Utterance(
            id=meeting.next_seq,
            item_id=item_id,
            section=Section.NOTE,
            role_id="",
            text=text,
            created_at=self.now(),
        )
        self._do("line", LineAdded(line=line), [LineDeleted(id=line.id)])
        return self.line(line.id)

    def last_line(self) -> Utterance:
        """The most recent line."""
        if not self.meeting.utterances:
            raise CommandError("no_lines")
        return self.meeting.utterances[-1]

    def line(self, line_id: int) -> Utterance:
        """The line with this id."""
        for line in reversed(self.meeting.utterances):
            if line.id == line_id:
                return line
        raise CommandError("unknown_line", line=line_id)

    def update_line(self, line_id: int, **fields: Any) -> Utterance:
        """Change a line's text, role, item, section or flags (edit, move)."""
        line = self.line(line_id)
        if "text" in fields:
            fields["text"] = clean_multiline(fields["text"])
            if not fields["text"]:
                raise CommandError("empty_line")
        if "item_id" in fields and self.meeting.item(fields["item_id"]) is None:
            raise CommandError("unknown_item", item=fields["item_id"])
        if "role_id" in fields and self.meeting.role_set.get(fields["role_id"]) is None:
            raise CommandError("unknown_role", role=fields["role_id"])
        if "section" in fields:
            fields["section"] = Section(fields["section"]).value
        changed = {k: v for k, v in fields.items() if getattr(line, k) != v}
        if not changed:
            return line
        if "text" in changed:
            changed["edited_at"] = self.now().isoformat()
        old = line.model_dump(mode="json")
        inverse = LineUpdated(id=line_id, fields={k: old[k] for k in changed})
        self._do("edit", LineUpdated(id=line_id, fields=changed), [inverse])
        return self.line(line_id)

    def delete_line(self, line_id: int) -> None:
        """Delete a line (undo puts it back)."""
        index = self.line_index(line_id)
        line = self.meeting.utterances[index]
        after = self.meeting.utterances[index - 1].id if index > 0 else 0
        self._do("delete", LineDeleted(id=line_id), [LineAdded(line=line, after=after)])

    def toggle_flag(self, line_id: int | None = None) -> bool:
        """Flag a line (the last by default) "verify later", or unflag it. Returns the flag."""
        line = self.line(line_id) if line_id is not None else self.last_line()
        self.update_line(line.id, verify=not line.verify)
        return not line.verify

    def flagged(self) -> list[Utterance]:
        """Lines still flagged "verify later"."""
        return [line for line in self.meeting.utterances if line.verify]

    # -- attendance -----------------------------------------------------------------

    def mark(self, person_id: str, status: Presence, at: datetime | None = None) -> Attendance:
        """Mark a person's attendance; late and left-early take the time (now by default)."""
        meeting = self.meeting
        if meeting.person(person_id) is None:
            raise CommandError("unknown_person", person=person_id)
        old = meeting.attendance.get(person_id)
        mark = Attendance(status=status)
        if status is Presence.LATE:
            mark.arrived_at = at or self.now()
        elif status is Presence.LEFT_EARLY:
            mark.left_at = at or self.now()
            if old is not None and old.arrived_at is not None:
                mark.arrived_at = old.arrived_at
        inverse = AttendanceMarked(person_id=person_id, mark=old)
        self._do("attendance", AttendanceMarked(person_id=person_id, mark=mark), [inverse])
        return meeting.attendance[person_id]

    def set_audience(self, count: int) -> None:
        """Set the audience count (傍聴者)."""
        if count < 0:
            raise CommandError("negative_audience")
        inverse = AudienceSet(count=self.meeting.audience)
        self._do("audience", AudienceSet(count=count), [inverse])

    # -- setup ----------------------------------------------------------------------

    def edit_meeting(self, **fields: Any) -> None:
        """Replace prepared parts (header, people, role_set, agenda, materials) from setup.

        The new parts are validated together as a whole meeting first, ids included,
        so a bad edit changes nothing. An edit that would leave a recorded line on an
        item or a role that is no more (it would vanish from every export), or an
        attendance mark on someone no more on the roster, is refused.

        Raises:
            CommandError: refused; ``params["part"]`` names the part at fault
                ("header", "people", "roles", "agenda" or "materials", or "" when
                unknown), and for a removal the ids left behind (``params["ids"]``).
        """
        from pydantic import ValidationError

        from live_notes.domain.plan import check_references

        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise CommandError("not_editable", fields=", ".join(sorted(unknown)), part="")
        new = {name: clean_fields(_dump(value)) for name, value in fields.items()}
        try:
            checked = Meeting.model_validate({**self.meeting.model_dump(mode="json"), **new})
        except ValidationError as exc:
            loc = exc.errors()[0]["loc"] if exc.errors() else ()
            part = _part(str(loc[0]) if loc else "")
            raise CommandError(
                "invalid_edit", problem=str(exc).splitlines()[0], part=part
            ) from None
        except ValueError as exc:
            raise CommandError("invalid_edit", problem=str(exc).splitlines()[0], part="") from None
        problems = check_references(checked)
        if problems:
            part = _part(problems[0].split("[", 1)[0].split(".", 1)[0])
            raise CommandError("invalid_edit", problem=problems[0], part=part)
        orphaned = orphans(self.meeting, checked)
        if orphaned is not None:
            raise orphaned
        old = {name: _dump(getattr(self.meeting, name)) for name in fields}
        self._do("setup", MeetingEdited(fields=new), [MeetingEdited(fields=old)])

    # -- review marks -----------------------------------------------------------------

    def mark_draft_ready(self, ready: bool = True) -> None:
        """Mark the minutes "draft ready" (refused while lines are flagged)."""
        if ready:
            if self.meeting.status is not MeetingStatus.CLOSED:
                raise CommandError("not_closed")
            flagged = self.flagged()
            if flagged:
                raise CommandError("flagged_left", count=len(flagged))
        inverse = MarkSet(name="draft_ready", value=self.meeting.draft_ready)
        self._do("draft", MarkSet(name="draft_ready", value=ready), [inverse])

    # -- undo -------------------------------------------------------------------------

    def can_undo(self) -> bool:
        """Whether there is a command to undo (after a restart too)."""
        return bool(self.meeting.undo_log)

    def undo(self) -> str:
        """Undo the last undoable change; returns what was undone ("line", "switch", …).

        The undo information lives in the meeting (`Meeting.undo_log`), rebuilt from
        the journal and kept in the snapshot, so undo works after a restart as well.
        """
        log = self.meeting.undo_log
        if not log:
            raise CommandError("nothing_to_undo")
        entry = log[-1] = undo_record(log[-1])
        if self.meeting.locked and entry.label not in ("approve", "final", "reopen"):
            raise CommandError("record_locked")
        self._emit(Undone(changes=list(entry.inverse)))
        if entry.label in ("line", "edit", "delete", "switch", "section"):
            self.role_id = self._follow_up_default()
        return entry.label


def _part(name: str) -> str:
    """The setup part a meeting field or plan path belongs to (role_set → roles)."""
    name = "roles" if name in ("role_set", "roles") else name
    return name if name in ("header", "people", "roles", "agenda", "materials") else ""


def orphans(before: Meeting, after: Meeting) -> CommandError | None:
    """Why `after` may not replace `before`: a recorded line on an item or a role `after`
    has no more, or an attendance mark on someone no more on its roster (None: fine)."""
    item_ids = {item.id for item, _ in after.iter_items()}
    role_ids = {role.id for role in after.role_set.roles} | {""}
    lost_items: dict[str, int] = {}
    lost_roles: dict[str, int] = {}
    for line in before.utterances:
        if line.item_id not in item_ids:
            lost_items[line.item_id] = lost_items.get(line.item_id, 0) + 1
        if line.role_id not in role_ids:
            lost_roles[line.role_id] = lost_roles.get(line.role_id, 0) + 1
    if lost_items:
        item, count = next(iter(lost_items.items()))
        ids = tuple(lost_items)
        return CommandError("item_has_lines", item=item, count=count, ids=ids, part="agenda")
    if lost_roles:
        role, count = next(iter(lost_roles.items()))
        ids = tuple(lost_roles)
        return CommandError("role_has_lines", role=role, count=count, ids=ids, part="roles")
    person_ids = {person.id for person in after.people}
    marked = tuple(pid for pid in before.attendance if pid not in person_ids)
    if marked:
        return CommandError("person_marked", person=marked[0], ids=marked, part="people")
    return None


def _dump(value: Any) -> Any:
    """A model, or a list of models, as plain JSON data (for a journaled change)."""
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value
