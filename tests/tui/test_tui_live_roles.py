"""Who speaks: the chair, the asking side and the answering side are drawn in distinct
colours in every theme, in the transcript and on the role chip."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support.live import SIZE, dirs, live, make_app, type_text

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dirs"]


def role_colours(app: object) -> dict[str, str]:
    """Role label → the colour it is drawn in, from the transcript's rows."""
    view = live(app).lines_view  # type: ignore[arg-type]
    colours = {}
    for row in range(len(view._rows)):
        for segment in view._strip(row):
            label = segment.text.strip()
            if label in ("会長", "委員", "担当課") and segment.style and segment.style.color:
                colours[label] = segment.style.color.name
    return colours


@pytest.mark.parametrize("theme", ["live-dark", "live-light", "live-contrast"])
async def test_chair_asking_and_answering_sides_have_distinct_colours(
    dirs: Path, theme: str
) -> None:
    app, _ = make_app(dirs)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.press("ctrl+o", "ctrl+g", "2", "enter", "ctrl+t")
        for key, text in (("f2", "会長です"), ("f3", "委員です"), ("f4", "担当課です")):
            await pilot.press(key)
            await type_text(app, pilot, text, enter=True)
        colours = role_colours(app)
        assert set(colours) == {"会長", "委員", "担当課"}
        assert len(set(colours.values())) == 3, colours
        chip = live(app).query_one("#role")
        await pilot.press("f2")
        chair = chip.styles.background
        await pilot.press("f3")
        member = chip.styles.background
        await pilot.press("f4")
        assert len({chair, member, chip.styles.background}) == 3
