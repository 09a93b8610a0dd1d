"""House styles: a folder with the body's words and choices (style.toml) and its templates.

A style is found by name, first among the clerk's own (``<config dir>/styles/NAME``),
then among the shipped ones (``live_notes/export/styles/NAME``). A style's
``style.toml`` may leave keys out: they come from the shipped default style of its
language (``ja-shingikai`` or ``en-board``). See docs/styles.md for every key.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

SHIPPED = Path(__file__).parent / "styles"
"""The folder of the shipped styles."""

DEFAULT_STYLES = {"ja": "ja-shingikai", "en": "en-board"}
"""The style used when neither the plan nor the clerk names one, by language."""

STYLE_FILE = "style.toml"
REFERENCE_DOCX = "reference.docx"


class StyleError(ValueError):
    """A style that cannot be found or read; the message is one line for the clerk."""


@dataclass(frozen=True)
class Style:
    """One house style, read from its folder.

    Attributes:
        name: The folder's name.
        folder: Where its style.toml, templates and reference.docx are.
        lang: The language of its words ("ja" or "en").
        data: The whole style.toml, over the defaults of its language.
        user: Whether it is one of the clerk's own styles.
    """

    name: str
    folder: Path
    lang: str
    data: dict[str, Any] = field(repr=False)
    user: bool = False

    def word(self, key: str, **values: object) -> str:
        """A word or sentence of the style's ``[words]``, with its ``{placeholders}`` filled."""
        try:
            text = str(self.data["words"][key])
            if not values:
                return text
            for name, value in values.items():
                if isinstance(value, str) and value.endswith("."):
                    # "at 7:45 p.m." closing a sentence takes no second full stop.
                    text = text.replace(f"{{{name}}}.", f"{{{name}}}")
            return text.format(**values)
        except KeyError as exc:
            raise StyleError(
                f"style {self.name}: [words] {key} is missing or uses an unknown placeholder {exc}"
            ) from None
        except (ValueError, IndexError) as exc:
            raise StyleError(f"style {self.name}: [words] {key}: {exc}") from None

    def table(self, name: str) -> dict[str, Any]:
        """A table of style.toml (``groups``, ``outcomes``, ``labels``, …), or {}."""
        value = self.data.get(name, {})
        return value if isinstance(value, dict) else {}

    def choice(self, table: str, key: str, default: Any = None) -> Any:
        """One choice: ``[table] key``."""
        return self.table(table).get(key, default)

    def group(self, group: str) -> str:
        """The style's name of a roster group (出席委員, 〔提案課職員〕, Staff present)."""
        return str(self.table("groups").get(group, group))

    def outcome(self, outcome: str, kind: str = "") -> str:
        """The body's word for an outcome, for an item of this kind (認める, 承認, Carried)."""
        per_kind = self.table("outcomes").get(kind)
        if isinstance(per_kind, dict) and outcome in per_kind:
            return str(per_kind[outcome])
        return str(self.table("outcomes").get(outcome, outcome))

    @property
    def reference_docx(self) -> Path | None:
        """The style's reference .docx (its look in Word), if it has one."""
        path = self.folder / REFERENCE_DOCX
        return path if path.is_file() else None


def user_styles_dir() -> Path:
    """The clerk's style folders: ``<config dir>/styles``."""
    from live_notes.paths import config_dir

    return config_dir() / "styles"


def style_names() -> list[tuple[str, str]]:
    """Every style there is, as (name, "shipped" or "user"), shipped first, by name.

    This is what the export dialog offers.
    """
    shipped = sorted(p.name for p in SHIPPED.iterdir() if (p / STYLE_FILE).is_file())
    names = [(name, "shipped") for name in shipped]
    mine = user_styles_dir()
    if mine.is_dir():
        names += [(p.name, "user") for p in sorted(mine.iterdir()) if (p / STYLE_FILE).is_file()]
    return names


def style_folder(name: str) -> tuple[Path, bool]:
    """The folder of a style by name (the clerk's own first) and whether it is theirs."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise StyleError(f"{name!r} is not a style name")
    mine = user_styles_dir() / name
    if (mine / STYLE_FILE).is_file():
        return mine, True
    if (SHIPPED / name / STYLE_FILE).is_file():
        return SHIPPED / name, False
    known = ", ".join(n for n, _ in style_names())
    raise StyleError(f"no style named {name!r} (there are: {known})")


def load_style(name: str) -> Style:
    """The style of this name, read from its folder (cached while the file is unchanged).

    Raises:
        StyleError: no such style, or its style.toml cannot be read.
    """
    folder, user = style_folder(name)
    path = folder / STYLE_FILE
    return _load(name, folder, user, path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _load(name: str, folder: Path, user: bool, _stamp: int) -> Style:
    data = _read(folder / STYLE_FILE, name)
    lang = str(data.get("lang", "ja"))
    if lang not in DEFAULT_STYLES:
        raise StyleError(f"style {name}: lang must be 'ja' or 'en', not {lang!r}")
    default = DEFAULT_STYLES[lang]
    if name != default or user:
        base = _read(SHIPPED / default / STYLE_FILE, default)
        problem = _unknown(base, data)
        if problem:
            raise StyleError(f"style {name}: {problem}")
        data = _merged(base, data)
    return Style(name=name, folder=folder, lang=lang, data=data, user=user)


_FREE_TABLES = {"outcomes"}  # may hold a sub-table per item kind


def _unknown(base: dict[str, Any], data: dict[str, Any], where: str = "") -> str:
    """The first key of `data` that `base` (the language's default style) does not know,
    or of another type, as a message; "" when there is none."""
    for key, value in data.items():
        place = f"{where}{key}" if not where else f"{where}.{key}"
        if key not in base:
            if where in _FREE_TABLES and isinstance(value, dict):
                continue
            known = ", ".join(sorted(base))
            return f"unknown key {place} in style.toml (known here: {known})"
        expected = base[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                return f"{place} must be a table ([{place}])"
            problem = _unknown(expected, value, place)
            if problem:
                return problem
        elif type(value) is not type(expected):
            return f"{place} must be a {type(expected).__name__}, like {expected!r}"
    return ""


def _read(path: Path, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise StyleError(f"style {name}: {path.name} is not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(f"style {name}: cannot read {path}: {exc}") from None


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def copy_style(source: str, new: str) -> Path:
    """Copy a style (shipped or the clerk's) to ``<config dir>/styles/NEW``; its folder.

    Raises:
        StyleError: the source is unknown, or a style named NEW exists already.
    """
    folder, _ = style_folder(source)
    if not new or "/" in new or "\\" in new or new.startswith("."):
        raise StyleError(f"{new!r} is not a style name: use letters, digits and hyphens")
    target = user_styles_dir() / new
    if target.exists() or (SHIPPED / new).exists():
        raise StyleError(f"a style named {new!r} exists already")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    # A shipped style that borrows its language default's templates: copy those too, so
    # that every template of the new style is there to edit.
    lang = load_style(source).lang
    for template in (SHIPPED / DEFAULT_STYLES[lang]).glob("minutes.*.j2"):
        if not (target / template.name).exists():
            shutil.copy2(template, target / template.name)
    return target
