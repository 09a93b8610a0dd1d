"""Review commands on lines: a ※ note after a line, move, split, merge, find and replace.

All are `Session` commands (this is a mixin): each is one journalled change, put
back by one undo, and replayed when the meeting is reopened. A line's place is its
place in `Meeting.utterances`; these commands work on the line and its item's
neighbours, not on the whole meeting, so they stay quick at 10,000 lines.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple, overload

from live_notes.domain.errors import CommandError
from live_notes.domain.events import (
    Batch,
    LineAdded,
    LineChange,
    LineDeleted,
    LineMoved,
    LineUpdated,
)
from live_notes.domain.models import Section, Utterance
from live_notes.domain.text import clean_line

if TYPE_CHECKING:
    from datetime import datetime

    from live_notes.domain.events import PlainChange
    from live_notes.domain.models import Meeting


class Hit(NamedTuple):
    """One place the searched text was found.

    Attributes:
        line_id: The line it is in.
        item_id: That line's agenda item.
        start: Where the found text begins in the line's text (a str index).
        end: Where it ends (exclusive).
        found: The text found there, as it is written (for a stale check).
    """

    line_id: int
    item_id: str
    start: int
    end: int
    found: str

    def preview(self, text: str, width: int = 20) -> tuple[str, str, str]:
        """(before, found, after) around the hit in `text` (the line's text), cut to
        `width` characters each side, with "…" where cut."""
        before = text[max(0, self.start - width) : self.start]
        after = text[self.end : self.end + width]
        if self.start > width:
            before = "…" + before
        if len(text) > self.end + width:
            after += "…"
        return before, text[self.start : self.end], after


class Hits(Sequence[Hit]):
    """What `find` found: where each hit begins, kept as numbers; a `Hit` (and its
    found text) is made only when it is asked for, so a search that hits every one
    of 10,000 lines makes no object per hit.

    The lines are the ones searched (a line changed since then keeps its old text
    here, so `Session.replace` still sees a stale hit as stale).
    """

    def __init__(self, lines: list[Utterance], starts: list[int], at: array[int], size: int):
        self._lines = lines
        self._starts = starts
        self._at = at
        self._size = size

    def __len__(self) -> int:
        return len(self._at)

    def __eq__(self, other: object) -> bool:
        """Equal to a list (or other sequence) of the same hits."""
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...

    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        at = self._at[index]
        row = bisect_right(self._starts, at) - 1
        line = self._lines[row]
        begin = at - self._starts[row]
        end = begin + self._size
        return Hit(line.id, line.item_id, begin, end, line.text[begin:end])


def find(meeting: Meeting, query: str, match_case: bool = False) -> Hits:
    """Every place `query` occurs in the meeting's lines, in reading order.

    Letters' case is ignored unless `match_case`. Empty text finds nothing. The
    lines are searched as one text (joined by a character no line holds), so a
    search over 10,000 lines is one pass; a text with no letters that have a case
    (Japanese) is found by `str.find`, without a regular expression's match objects.
    """
    query = query.replace(_SEP, "")
    lines = list(meeting.utterances)
    found: array[int] = array("q")
    if not query:
        return Hits(lines, [0], found, 0)
    texts = [line.text for line in lines]
    joined = _SEP.join(texts)
    starts = list(accumulate([len(text) + 1 for text in texts], initial=0))
    cased = query.lower() != query.upper()
    if cased and not match_case:  # same length as the query: one character for one
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        found.extend(match.start() for match in pattern.finditer(joined))
    else:
        look, size = joined.find, len(query)
        at = look(query)
        while at >= 0:
            found.append(at)
            at = look(query, at + size)
    return Hits(lines, starts, found, len(query))


_SEP = "\x00"
"""What joins the lines for a search: no line holds it (control characters are cleaned)."""


def _previous_id(meeting: Meeting, index: int) -> int:
    """The id of the line before position `index` (0 when it is the first)."""
    return meeting.utterances[index - 1].id if index > 0 else 0


class LineCommands:
    """Line commands of `Session` (a mixin: it uses `meeting`, `_do`, `now` and `line`)."""

    meeting: Meeting

    if TYPE_CHECKING:

        def _do(
            self, label: str, change: PlainChange, inverse: list[PlainChange] | None
        ) -> None: ...

        def now(self) -> datetime: ...

        def line(self, line_id: int) -> Utterance: ...

    def line_index(self, line_id: int) -> int:
        """The position of a line in the meeting (its reading order)."""
        lines = self.meeting.utterances
        for index in range(len(lines) - 1, -1, -1):
            if lines[index].id == line_id:
                return index
        raise CommandError("unknown_line", line=line_id)

    def note_after(self, line_id: int, text: str) -> Utterance:
        """Place a ※ note right after a line, in that line's item."""
        meeting = self.meeting
        text = clean_line(text)
        if not text:
            raise CommandError("empty_line")
        anchor = self.line(line_id)
        note = Utterance(
            id=meeting.next_seq,
            item_id=anchor.item_id,
            section=Section.NOTE,
            role_id="",
            text=text,
            created_at=self.now(),
        )
        self._do("note", LineAdded(line=note, after=line_id), [LineDeleted(id=note.id)])
        return self.line(note.id)

    def move_line(self, line_id: int, step: int) -> Utterance:
        """Move a line up (step -1) or down (+1) past the next line of its item.

        Raises:
            CommandError: ``line_not_movable`` at the first or last line of its item.
        """
        meeting = self.meeting
        lines = meeting.utterances
        index = self.line_index(line_id)
        line = lines[index]
        neighbour = index + (1 if step > 0 else -1)
        while 0 <= neighbour < len(lines) and lines[neighbour].item_id != line.item_id:
            neighbour += 1 if step > 0 else -1
        if not 0 <= neighbour < len(lines):
            which = "last" if step > 0 else "first"
            raise CommandError("line_not_movable", line=line_id, which=which)
        old_after = _previous_id(meeting, index)
        if step > 0:
            after = lines[neighbour].id
        else:
            after = _previous_id(meeting, neighbour)
        self._do(
            "move", LineMoved(id=line_id, after=after), [LineMoved(id=line_id, after=old_after)]
        )
        return self.line(line_id)

    def split_line(self, line_id: int, position: int) -> tuple[Utterance, Utterance]:
        """Split a line in two at `position` of its text; the second part becomes a new
        line right after it, with the same item, section and role."""
        meeting = self.meeting
        line = self.line(line_id)
        first, second = line.text[:position].rstrip(), line.text[position:].lstrip()
        if not 0 < position < len(line.text) or not first or not second:
            raise CommandError("bad_split", line=line_id)
        now = self.now()
        new = line.model_copy(
            update={"id": meeting.next_seq, "text": second, "edited_at": now, "verify": False}
        )
        changes: list[LineChange] = [
            LineUpdated(id=line_id, fields={"text": first, "edited_at": now.isoformat()}),
            LineAdded(line=new, after=line_id),
        ]
        old = line.model_dump(mode="json")
        inverse: list[LineChange] = [
            LineDeleted(id=new.id),
            LineUpdated(id=line_id, fields={"text": old["text"], "edited_at": old["edited_at"]}),
        ]
        self._do("split", Batch(changes=changes), [Batch(changes=inverse)])
        return self.line(line_id), self.line(new.id)

    def merge_with_next(self, line_id: int) -> Utterance:
        """Join a line with the next line of its item (the next one is removed).

        Japanese text is joined as it is; text in other languages with a space.
        """
        meeting = self.meeting
        lines = meeting.utterances
        index = self.line_index(line_id)
        line = lines[index]
        following = next(
            (other for other in lines[index + 1 :] if other.item_id == line.item_id), None
        )
        if following is None:
            raise CommandError("no_next_line", line=line_id)
        glue = "" if meeting.header.lang.value == "ja" else " "
        now = self.now()
        changes: list[LineChange] = [
            LineUpdated(
                id=line_id,
                fields={"text": line.text + glue + following.text, "edited_at": now.isoformat()},
            ),
            LineDeleted(id=following.id),
        ]
        old = line.model_dump(mode="json")
        inverse: list[LineChange] = [
            LineAdded(line=following, after=_previous_id(meeting, lines.index(following))),
            LineUpdated(id=line_id, fields={"text": old["text"], "edited_at": old["edited_at"]}),
        ]
        self._do("merge", Batch(changes=changes), [Batch(changes=inverse)])
        return self.line(line_id)

    def replace(self, hits: Sequence[Hit], replacement: str) -> int:
        """Replace the chosen hits (from `find`) with `replacement`, as one change that one
        undo takes back. Returns how many lines changed.

        Raises:
            CommandError: ``nothing_replaced`` with no hit; ``stale_hit`` when a line no
                longer has the found text at that place (nothing is replaced then).
        """
        if not hits:
            raise CommandError("nothing_replaced")
        by_line: dict[int, list[Hit]] = {}
        for hit in hits:
            by_line.setdefault(hit.line_id, []).append(hit)
        now = self.now().isoformat()
        changes: list[LineChange] = []
        inverse: list[LineChange] = []
        lines = {line.id: line for line in self.meeting.utterances}
        for line_id, line_hits in by_line.items():
            line = lines.get(line_id)
            if line is None:
                raise CommandError("unknown_line", line=line_id)
            text = line.text
            for hit in sorted(set(line_hits), key=lambda h: h.start, reverse=True):
                if text[hit.start : hit.end] != hit.found:
                    raise CommandError("stale_hit", line=line_id)
                text = text[: hit.start] + replacement + text[hit.end :]
            if "\n" not in line.text:
                text = text.replace("\n", " ")
            if not text.strip():
                raise CommandError("empty_line")
            if text == line.text:
                continue
            edited = line.edited_at.isoformat() if line.edited_at else None
            changes.append(LineUpdated(id=line_id, fields={"text": text, "edited_at": now}))
            inverse.append(LineUpdated(id=line_id, fields={"text": line.text, "edited_at": edited}))
        if changes:
            self._do("replace", Batch(changes=changes), [Batch(changes=inverse[::-1])])
        return len(changes)
