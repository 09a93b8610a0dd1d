"""The text formats (txt, md, html) from Jinja2 templates, overridable by file name.

Templates are looked up first in the user's template folder, then in the ones
shipped in ``live_notes/export/templates``; a body matches its house style by
dropping a ``minutes.ja.txt.j2`` (or any other) in its folder.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader

if TYPE_CHECKING:
    from live_notes.export.view import MinutesView

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_MD_LINE_START = re.compile(r"^(\s*)(\d*)([-+=>.)])(\s|$)")


def md_escape(text: str) -> str:
    """Text that Markdown shows as typed: no emphasis, links, HTML or list starts."""
    text = _MD_SPECIAL.sub(r"\\\1", str(text))
    # A backslash escapes punctuation only: "1\\." keeps "1." from starting a list.
    return _MD_LINE_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}{m[4]}", text)


def _autoescape(name: str | None) -> bool:
    # "minutes.ja.html.j2": the .j2 suffix hides the format from select_autoescape.
    return name is not None and ".html" in name


@lru_cache(maxsize=8)
def environment(template_dir: Path | None = None) -> Environment:
    """The Jinja2 environment for a template folder (None: the shipped templates only)."""
    loaders: list[BaseLoader] = []
    if template_dir is not None:
        loaders.append(FileSystemLoader(str(template_dir)))
    loaders.append(PackageLoader("live_notes.export", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=template_dir is not None,
    )
    env.filters["md"] = md_escape
    return env


def template_name(lang: str, fmt: str) -> str:
    """The file name of the template for a language and format (``minutes.ja.txt.j2``)."""
    return f"minutes.{lang}.{fmt}.j2"


def render_text(view: MinutesView, fmt: str, template_dir: Path | None = None) -> str:
    """The minutes in a text format (txt, md or html), ending with exactly one newline."""
    env = environment(Path(template_dir) if template_dir is not None else None)
    text = env.get_template(template_name(view.lang, fmt)).render(m=view)
    return text.rstrip() + "\n"
