"""The review screen hosted on its own for Pilot tests: the app, and moving its cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.screens import ScreensApp

from live_notes.tui.screens.review import ReviewScreen, line_option_id
from live_notes.tui.widgets.review_list import ReviewList

if TYPE_CHECKING:
    from pathlib import Path

    from live_notes.domain.models import Meeting, Utterance


class ReviewApp(ScreensApp):
    """Opens the stored meeting, then shows its review."""

    def __init__(self, data_dir: Path, meeting_id: str, lang: str = "ja") -> None:
        def first(app: ScreensApp) -> ReviewScreen:
            app.open_meeting(meeting_id)
            assert app.session is not None
            return ReviewScreen(app.session)

        super().__init__(data_dir, first, ui_lang=lang)


def goto(app: ScreensApp, line_id: int) -> None:
    """Put the review list's cursor on a line."""
    option_list = app.screen.query_one(ReviewList)
    option_list.highlighted = option_list.get_option_index(line_option_id(line_id))


def line_with(meeting: Meeting, text: str) -> Utterance:
    """The first line of the meeting whose text contains `text`."""
    return next(line for line in meeting.utterances if text in line.text)


def shown_ids(app: ScreensApp) -> list[str]:
    """The review list's option ids, in order (headings included)."""
    return [option.id or "" for option in app.screen.query_one(ReviewList).options]


def visible_rows(app: ScreensApp) -> list[str]:
    """The review list's lines as the clerk sees them now (the rows on screen)."""
    listing = app.screen.query_one(ReviewList)
    listing.render_lines(listing.region)  # the styles of this repaint
    height = listing.scrollable_content_region.height
    return [listing.render_line(y).text.rstrip() for y in range(height)]
