"""The review screen at 10,000 lines: an edit, a move, a delete and a ※ note, each from
the key that does it to the screen redrawn (``TEXTUAL_FPS=1000``, as the other TUI cases).

The dialogs are opened and filled before the clock starts: what is timed is the save
key (Ctrl+S, or Enter in the move dialog, or ``d``) until the list shows the change.
``python -m bench.tui_bench review 10000`` runs it; `tui_bench.run` reports the figures.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from bench.common import Figure, median, percentile

if TYPE_CHECKING:
    from pathlib import Path

ROUNDS = 20
"""Changes of each kind timed (after two that warm caches up)."""

KINDS = ("edit", "move", "delete", "note")


async def case_review(data_dir: Path, lines: int) -> list[float]:
    """Milliseconds per change, ROUNDS of each kind in KINDS order, flattened."""
    from bench.tui_bench import after_refresh, live_app, make_meeting, post_key, ready, until
    from live_notes.tui.screens.dialogs.form import FormDialog
    from live_notes.tui.screens.review import ReviewScreen, line_option_id
    from live_notes.tui.widgets.choice import Choice
    from live_notes.tui.widgets.review_list import ReviewList
    from live_notes.tui.widgets.text_fields import LineText

    meeting_id = make_meeting(data_dir, lines)
    app = live_app(data_dir, meeting_id)
    out: dict[str, list[float]] = {kind: [] for kind in KINDS}
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app)
        await until(lambda: app.session is not None)  # loaded after the first frame
        app.push_screen(ReviewScreen(app.session))  # what F10 shows
        await until(lambda: isinstance(app.screen, ReviewScreen))
        review = app.screen
        await pilot.pause()
        listing = review.query_one(ReviewList)
        session = review.session

        def shown(option_id: str) -> bool:
            return listing.has_option(option_id)

        async def go(line_id: int) -> None:
            listing.highlighted = listing.get_option_index(line_option_id(line_id))
            await pilot.pause()

        async def timed(key: str, char: str | None, done: Any) -> float:
            started = time.perf_counter()
            post_key(app, key, char)
            await until(done)
            return (await after_refresh(app) - started) * 1000

        items = [item.id for item in session.leaf_items()]
        for n in range(ROUNDS + 2):
            line = session.meeting.utterances[lines // 2 + n * 7]
            # edit: the text replaced in the dialog, timed from Ctrl+S
            await go(line.id)
            post_key(app, "enter", "\r")
            await until(lambda: isinstance(app.screen, FormDialog))
            await pilot.pause()  # mounted
            app.screen.query_one(LineText).text = f"修正した発言 {n}"
            await pilot.pause()
            ms = await timed(
                "ctrl+s",
                None,
                lambda lid=line.id, n=n: (
                    app.screen is review
                    and f"修正した発言 {n}" in str(listing.get_option(line_option_id(lid)).prompt)
                ),
            )
            out["edit"].append(ms)
            # move: to another item, timed from Enter in the move dialog
            post_key(app, "m", "m")
            await until(lambda: isinstance(app.screen, FormDialog))
            await pilot.pause()  # mounted
            target = next(i for i in items if i != line.item_id)
            app.screen.query_one("#f-item", Choice).value = target
            await pilot.pause()
            ms = await timed(
                "enter",
                "\r",
                lambda lid=line.id, t=target: (
                    app.screen is review
                    and session.line(lid).item_id == t
                    and listing.highlighted_option is not None
                    and listing.highlighted_option.id == line_option_id(lid)
                ),
            )
            out["move"].append(ms)
            # note: typed in the dialog, timed from Ctrl+S
            post_key(app, "n", "n")
            await until(lambda: isinstance(app.screen, FormDialog))
            await pilot.pause()  # mounted
            app.screen.query_one(LineText).text = f"注記 {n}"
            await pilot.pause()
            before = len(session.meeting.utterances)
            ms = await timed(
                "ctrl+s",
                None,
                lambda b=before: (
                    app.screen is review
                    and len(session.meeting.utterances) > b
                    and shown(line_option_id(session.meeting.next_seq - 1))
                ),
            )
            out["note"].append(ms)
            # delete: the moved line, timed from d
            await go(line.id)
            ms = await timed("d", "d", lambda lid=line.id: not shown(line_option_id(lid)))
            out["delete"].append(ms)
    return [ms for kind in KINDS for ms in out[kind][2:]]


def review_figures(samples: list[float]) -> list[Figure]:
    """One figure per kind of change (p99 of ROUNDS, ≤ 50 ms), from `case_review`'s samples."""
    figures = []
    for n, kind in enumerate(KINDS):
        part = samples[n * ROUNDS : (n + 1) * ROUNDS]
        p99 = percentile(part, 99)
        figures.append(
            Figure(
                f"tui.review_{kind}_ms.10000",
                p99,
                "ms",
                f"review, 10,000 lines: a {kind} from its key to the screen redrawn "
                f"(TEXTUAL_FPS=1000; p99 of {len(part)}, median {median(part):.2f} ms)",
                "≤ 50 ms",
                p99 <= 50,
            )
        )
    return figures
