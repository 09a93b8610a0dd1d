"""The samples the house-style tests export, and the way each style's golden files are named."""

from __future__ import annotations

from pathlib import Path

from live_notes.domain.models import Meeting, Vote
from live_notes.sample import driven_sample

GOLDEN = Path(__file__).resolve().parent.parent / "export" / "golden" / "styles"
"""tests/export/golden/styles: <style>.<edition>.<format>, the .docx as text (<style>.public.docx.txt)."""

SHIPPED_STYLES = ("ja-shingikai", "ja-iinkai", "en-board")
TEXT_FORMATS = ("txt", "md", "html")


def board_sample() -> Meeting:
    """The English sample with the motions recorded as a board's secretary would."""
    meeting = driven_sample("en")
    meeting.decisions["minutes"].mover = "okafor"
    meeting.decisions["minutes"].seconder = "lindqvist"
    roof = meeting.decisions["roof"]
    roof.mover = "tanaka"
    roof.seconder = "Sean Brennan"  # a name as typed, not a roster id
    roof.vote = Vote(for_=4, against=1)
    return meeting


def sample_for(style: str) -> Meeting:
    """The driven sample meeting in the style's language."""
    return board_sample() if style.startswith("en") else driven_sample("ja")
