"""The journal: one line per change, appended and fsynced before the change is shown.

A line is ``{"seq":12,"crc":"89abcdef","change":{…}}`` followed by a newline.
``seq`` numbers the changes of a meeting from 1, without gaps; ``crc`` is the
CRC-32 of ``b"12:"`` plus the exact bytes of the change, so a line cut short by a
power cut or with a flipped byte is recognised, not misread. The change is
UTF-8 JSON from `CHANGE_ADAPTER`, Japanese left readable.

A journal started by this version begins with a header line of sequence number
0 whose change is ``{"journal_of":"<meeting id>"}``: a journal of another meeting
renamed into place is recognised and refused. Journals without one still load.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field

_LINE = re.compile(rb'^\{"seq":(\d{1,18}),"crc":"([0-9a-f]{8})","change":(.*)\}$', re.DOTALL)


def crc_of(seq: int, payload: bytes) -> int:
    """The checksum of a line: CRC-32 of the sequence number and the payload."""
    return zlib.crc32(payload, zlib.crc32(b"%d:" % seq))


def encode_line(seq: int, payload: bytes) -> bytes:
    """One journal line, newline included."""
    crc = crc_of(seq, payload)
    return b'{"seq":%d,"crc":"%08x","change":%s}\n' % (seq, crc, payload)


def header_line(meeting_id: str) -> bytes:
    """The first line of a new journal: sequence number 0, naming the meeting."""
    return encode_line(0, json.dumps({"journal_of": meeting_id}).encode())


def journal_of(entry: Entry) -> str | None:
    """The meeting a header line names (None when it is no header)."""
    if entry.seq != 0:
        return None
    try:
        value = json.loads(entry.payload).get("journal_of")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def decode_line(line: bytes) -> tuple[int, bytes] | None:
    """``(seq, payload)`` of a line without its newline, or None if damaged."""
    match = _LINE.match(line)
    if match is None:
        return None
    seq, crc, payload = int(match[1]), int(match[2], 16), match[3]
    if crc_of(seq, payload) != crc:
        return None
    return seq, payload


@dataclass
class Entry:
    """A sound journal line.

    Attributes:
        seq: Its sequence number.
        payload: The change, as JSON bytes.
        offset: Where the line starts in the file.
        end: Where the next line starts.
    """

    seq: int
    payload: bytes
    offset: int
    end: int


@dataclass
class Scan:
    """What reading a journal found.

    Attributes:
        entries: The sound lines, in file order.
        tail_offset: Where a damaged tail starts (the end of the last sound line),
            or None when the file ends cleanly.
        tail: The bytes of the damaged tail (a line cut short, garbage after a power cut).
        damaged: Damaged lines followed by sound ones: ``(line number, offset)``.
            These are not a torn write; the journal is corrupt in the middle.
        size: Size of the file.
    """

    entries: list[Entry] = field(default_factory=list)
    tail_offset: int | None = None
    tail: bytes = b""
    damaged: list[tuple[int, int]] = field(default_factory=list)
    size: int = 0

    @property
    def good_end(self) -> int:
        """Where the sound part of the file ends (the next append goes here)."""
        return self.size if self.tail_offset is None else self.tail_offset


def scan(data: bytes) -> Scan:
    """Split journal bytes into sound lines, a damaged tail and damage in the middle.

    A damaged line counts as the torn tail only when no sound line follows it:
    an acknowledged change was fsynced whole, so only the unacknowledged end of
    the file can be cut short by a crash.
    """
    result = Scan(size=len(data))
    offset = 0
    first_bad: int | None = None
    bad_lines: list[tuple[int, int]] = []
    number = 0
    while offset < len(data):
        newline = data.find(b"\n", offset)
        end = len(data) if newline < 0 else newline + 1
        number += 1
        decoded = decode_line(data[offset:newline]) if newline >= 0 else None
        if decoded is None:
            if first_bad is None:
                first_bad = offset
            bad_lines.append((number, offset))
        else:
            if first_bad is not None:
                # Damage followed by sound lines: not a torn write.
                result.damaged.extend(bad_lines)
                first_bad = None
                bad_lines = []
            result.entries.append(Entry(decoded[0], decoded[1], offset, end))
        offset = end
    if first_bad is not None:
        result.tail_offset = first_bad
        result.tail = data[first_bad:]
    return result
