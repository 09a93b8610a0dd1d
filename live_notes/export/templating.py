"""The text formats (txt, md, html) from the style's Jinja2 templates.

Templates are looked up first in the clerk's template folder (by the old names,
``minutes.ja.txt.j2``), then in the style's folder (``minutes.txt.j2``), then among the
shared ones shipped in ``live_notes/export/templates`` (the HTML base). Every
template gets ``m`` (the composed minutes), ``meeting`` (the structured record, see
`live_notes.export.context`), ``style`` (the style.toml tables) and the filters below.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    pass_context,
)

from live_notes.export.jadate import format_date, format_date_en, format_fiscal_year
from live_notes.export.numbering import number_label
from live_notes.export.view import clock

if TYPE_CHECKING:
    from jinja2.runtime import Context

    from live_notes.domain.models import Meeting
    from live_notes.export.options import ExportOptions
    from live_notes.export.style import Style
    from live_notes.export.view import MinutesView

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_MD_LINE_START = re.compile(r"^(\s*)(\d*)([-+=>.)])(\s|$)")


def md_escape(text: str) -> str:
    """Text that Markdown shows as typed: no emphasis, links, HTML or list starts."""
    text = _MD_SPECIAL.sub(r"\\\1", str(text))
    # A backslash escapes punctuation only: "1\\." keeps "1." from starting a list.
    return _MD_LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}{m[4]}", text)


def _autoescape(name: str | None) -> bool:
    # "minutes.html.j2": the .j2 suffix hides the format from select_autoescape.
    return name is not None and ".html" in name


def _bound(ctx: Context) -> tuple[Style, ExportOptions]:
    return ctx["_style"], ctx["_options"]


@pass_context
def era_date(ctx: Context, d: date | datetime, weekday: bool = True) -> str:
    """令和6年11月11日(月曜日) (or "Monday, 11 November 2024" in an English style)."""
    style, options = _bound(ctx)
    day = d.date() if isinstance(d, datetime) else d
    if style.lang != "ja":
        return format_date_en(day)
    return format_date(day, weekday=weekday, fullwidth=options.fullwidth, eras=options.eras)


@pass_context
def fiscal_year(ctx: Context, d: date | datetime) -> str:
    """The fiscal year (年度) a day falls in: 令和6年度."""
    _, options = _bound(ctx)
    day = d.date() if isinstance(d, datetime) else d
    return format_fiscal_year(day, fullwidth=options.fullwidth, eras=options.eras)


@pass_context
def clock_filter(ctx: Context, at: time | datetime | None) -> str:
    """A time as the style writes it: 午前9時30分, 正午, 14時05分, 6:00 p.m."""
    style, options = _bound(ctx)
    if at is None:
        return ""
    return clock(at.time() if isinstance(at, datetime) else at, style, options.fullwidth)


@pass_context
def label(ctx: Context, role_label: str, kind: str = "inline") -> str:
    """A speaker label in one of the style's label formats (inline, paren, bracket, mark)."""
    style, _ = _bound(ctx)
    return style.word(f"label_{kind}", label=role_label)


@pass_context
def word(ctx: Context, key: str, **values: object) -> str:
    """One of the style's [words], filled in: ``{{ "closing" | word(time=…) }}``."""
    style, _ = _bound(ctx)
    return style.word(key, **values)


@pass_context
def outcome(ctx: Context, value: str, kind: str = "") -> str:
    """The style's word for an outcome (per item kind): 認める, 承認, Carried."""
    style, _ = _bound(ctx)
    return style.outcome(value, kind)


FILTERS = {
    "md": md_escape,
    "era_date": era_date,
    "fiscal_year": fiscal_year,
    "clock": clock_filter,
    "number": number_label,
    "label": label,
    "word": word,
    "outcome": outcome,
}
"""The filters every template can use (documented in docs/styles.md)."""


@lru_cache(maxsize=8)
def environment(
    template_dir: Path | None = None, style_dir: Path | None = None, default_dir: Path | None = None
) -> Environment:
    """The Jinja2 environment for a template folder, a style folder and its language's
    default style folder (for the templates a style does not have)."""
    loaders: list[BaseLoader] = []
    for folder in (template_dir, style_dir, default_dir):
        if folder is not None:
            loaders.append(FileSystemLoader(str(folder)))
    loaders.append(PackageLoader("live_notes.export", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(FILTERS)
    return env


def template_name(lang: str, fmt: str) -> str:
    """The old per-language file name of a template (``minutes.ja.txt.j2``), still honoured
    in the clerk's template folder."""
    return f"minutes.{lang}.{fmt}.j2"


def render_text(
    view: MinutesView,
    fmt: str,
    template_dir: Path | None,
    style: Style,
    meeting: Meeting,
    options: ExportOptions,
) -> str:
    """The minutes in a text format (txt, md or html), ending with exactly one newline."""
    from live_notes.export.context import meeting_context
    from live_notes.export.style import DEFAULT_STYLES, SHIPPED

    env = environment(
        Path(template_dir) if template_dir is not None else None,
        style.folder,
        SHIPPED / DEFAULT_STYLES[style.lang],
    )
    names = [f"minutes.{fmt}.j2"]
    if template_dir is not None:
        names.insert(0, template_name(view.lang, fmt))
    template = env.select_template(names)
    rendered = template.render(
        m=view,
        meeting=meeting_context(meeting, options, style),
        style=style.data,
        _style=style,
        _options=options,
    )
    if fmt == "md":
        rendered = _blank_before_headings(rendered)
    return rendered.rstrip() + "\n"


_HEADING = re.compile(r"([^\n])\n(#{1,6} )")


def _blank_before_headings(text: str) -> str:
    """Markdown with a blank line before every heading, whatever the template did."""
    return _HEADING.sub(r"\1\n\n\2", text)
