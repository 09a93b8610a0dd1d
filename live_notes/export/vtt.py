"""A WebVTT index of the recording: a cue per line, a chapter cue per item.

Opened beside the meeting's sound (``live-notes audio ID --out FILE.flac``) in any
media player, the lines show as captions at the moment they were typed. A line's
cue runs from where its first key was typed (`Utterance.audio_at`) to its commit
(`audio_end`), at least `MIN_CUE` seconds and never into the next line's. Each item
has a chapter cue (``▶ 1. title``) that spans it: from where it was taken up (or its
first line) to the next item's start, and on to the end of its own last line (an item
come back to after another still covers its lines). The chapters are in the same
file as the lines, so one file opened beside the sound shows both, in any player: a
separate ``kind="chapters"`` track is read only by web pages' ``<track>`` element,
not by the desktop players a clerk has. Lines typed while
nothing was recorded have no place in the sound and are left out. The edition's
rules apply as for the minutes: the public one leaves out off-the-record lines and
the items held in closed session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from live_notes.export.view import item_closed, kept_lines

if TYPE_CHECKING:
    from live_notes.domain.models import Meeting
    from live_notes.export.options import ExportOptions

MIN_CUE = 2.0
"""Shortest cue, in seconds: a line committed at once still shows long enough to read."""


def timestamp(seconds: float) -> str:
    """A WebVTT timestamp: ``01:02:03.450``."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _clean(text: str) -> str:
    """Cue text: no blank line (it would end the cue), no "-->", markup characters escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "\n".join(part for part in text.splitlines() if part.strip()) or " "


def render_vtt(meeting: Meeting, options: ExportOptions) -> bytes:
    """The WebVTT index of a meeting's recording (UTF-8)."""
    lang = options.lang_for(meeting)
    chapters: list[tuple[float, float, str, str]] = []
    cues: list[tuple[float, float | None, str, str]] = []
    for item, _ in meeting.iter_items():
        if options.public and item_closed(item, meeting):
            continue
        lines = [line for line in kept_lines(meeting, item, options) if line.audio_at is not None]
        starts = [line.audio_at or 0.0 for line in lines]
        if item.id in meeting.item_audio:
            starts.append(meeting.item_audio[item.id])
        if starts:
            ends = [max(line.audio_end or 0.0, (line.audio_at or 0.0) + MIN_CUE) for line in lines]
            title = f"{item.label} {item.title}".strip()
            begin = min(starts)
            chapters.append((begin, max(ends, default=begin), f"item-{item.id}", f"▶ {title}"))
        for line in lines:
            role = meeting.role_set.get(line.role_id)
            label = role.label(lang) if role else ""
            text = f"{label}: {line.text}" if label else line.text
            cues.append((line.audio_at or 0.0, line.audio_end, f"line-{line.id}", text))
    chapters.sort()
    for index, (begin, last, name, text) in enumerate(chapters):
        upto = chapters[index + 1][0] if index + 1 < len(chapters) else begin + MIN_CUE
        cues.append((begin, max(last, upto), name, text))
    cues.sort(key=lambda cue: (cue[0], cue[2].startswith("line-")))
    out = ["WEBVTT", ""]
    for index, (begin, end, name, text) in enumerate(cues):
        stop = max(end or begin, begin + MIN_CUE)
        if name.startswith("line-"):
            following = next(
                (c[0] for c in cues[index + 1 :] if c[0] > begin and c[2].startswith("line-")),
                None,
            )
            if following is not None:
                stop = max(begin + 0.5, min(stop, following))
        out += [name, f"{timestamp(begin)} --> {timestamp(stop)}", _clean(text), ""]
    return "\n".join(out).encode("utf-8")
