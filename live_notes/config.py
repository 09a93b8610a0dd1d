"""The clerk's settings: ``config.toml`` in the user config directory.

Everything has a default, so a clerk who never writes the file gets a working
app. A broken file never stops the app: `load_config` returns the defaults and
says what was wrong in `Config.problems`, which the app shows once. Saving (the
theme chosen from the palette) keeps every other setting the clerk wrote.

Example::

    theme = "live-light"
    ui_lang = "ja"            # auto | ja | en
    role_keys = "alt"         # function (F2–F8) | alt (Alt+1 … Alt+7: for Japanese input methods)
    default_role_set = "ja-committee"   # for plans that name none
    label_style = "inline"
    export_mode = "0600"      # permissions of exported files ("0644": readable by others)

    [keys]                    # binding id = key (see the help screen, F1)
    "live.flag" = "ctrl+y"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from live_notes.paths import config_dir

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


CONFIG_FILE = "config.toml"

ROLE_KEYS = ("function", "alt")
"""The role-key presets: F2 … F8, or Alt+1 … Alt+7 (the F keys convert the word being
composed in Japanese input methods)."""


@dataclass
class Config:
    """The clerk's settings.

    A plain dataclass, checked field by field by `load_config`: reading the
    settings is on the path to the first frame, and must not wait for pydantic.

    Attributes:
        theme: Name of the Textual theme (live-dark, live-light, live-contrast).
        ui_lang: Language of the screens ("auto", "ja", "en"); "auto" follows the meeting.
        default_role_set: Built-in role set of a new meeting whose plan names none
            ("": the one of the plan's language).
        role_keys: The role keys: "function" (F2 … F8) or "alt" (Alt+1 … Alt+7).
        keys: Key overrides, binding id → key (``"live.flag" = "ctrl+y"``).
        eras: Extra Japanese eras for dates (passed to the export's era parser).
        label_style: How speaker labels are printed in exports, for every meeting
            (None: as the meeting's plan says).
        export_dir: Folder the export dialog writes to ("" → ``live-notes`` in the
            documents folder).
        export_mode: Permissions of exported files, in octal ("0600": only the clerk;
            "0640", "0644" to share them). Exports hold personal information.
        record_device: The input device to record from (a name or number from
            ``live-notes devices``; "": the default one).
        recess_pauses_recording: Whether a recess pauses the recording (and the
            resumption resumes it).
        play_device: The output device to play on ("": the default one; "null": none,
            the line being heard is still followed on the screen).
        play_lead: Seconds before a line's start its playing begins (the speech
            began before the clerk's first key).
        problems: What was wrong with the file, if anything (not saved).
    """

    theme: str = "live-dark"
    ui_lang: str = "auto"
    role_keys: str = "function"
    default_role_set: str = ""
    keys: dict[str, str] = field(default_factory=dict)
    eras: list[Any] = field(default_factory=list)
    label_style: str | None = None
    export_dir: str = ""
    export_mode: str = "0600"
    record_device: str = ""
    recess_pauses_recording: bool = True
    play_device: str = ""
    play_lead: float = 3.0
    problems: list[str] = field(default_factory=list, compare=False)


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) else "must be text"


def _checks() -> dict[str, Callable[[Any], str | None]]:
    """Per setting: a function giving what is wrong with a value, or None."""
    langs = ("auto", "ja", "en")
    return {
        "theme": _text,
        "ui_lang": lambda v: None if v in langs else f"must be one of {', '.join(langs)}",
        "role_keys": lambda v: None if v in ROLE_KEYS else 'must be "function" or "alt"',
        "default_role_set": _text,
        "keys": lambda v: (
            None
            if isinstance(v, dict) and all(isinstance(x, str) for x in (*v, *v.values()))
            else "must be a table of binding id = key text"
        ),
        "eras": lambda v: None if isinstance(v, list) else "must be a list of [[eras]] tables",
        "label_style": _text,
        "export_dir": _text,
        "export_mode": lambda v: (
            None
            if isinstance(v, str) and re.fullmatch(r"0?[46][0246][0246]", v)
            else 'must be permissions in octal, like "0600" or "0644" (no execute bits)'
        ),
        "record_device": _text,
        "play_device": _text,
        "recess_pauses_recording": lambda v: (
            None if isinstance(v, bool) else "must be true or false"
        ),
        "play_lead": lambda v: (
            None
            if isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 60
            else "must be a number of seconds from 0 to 60"
        ),
    }


def config_path() -> Path:
    """Where the config file lives (``$LIVE_NOTES_CONFIG_DIR/config.toml`` or the platform's)."""
    return config_dir() / CONFIG_FILE


def _read_table(path: Path) -> tuple[dict[str, Any], str | None]:
    """The file's TOML table, or ({}, the problem)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as exc:
        return {}, f"{path}: cannot be read ({exc})"
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return {}, f"{path}: not valid TOML ({exc}); using the defaults"


def load_config(path: Path | None = None) -> Config:
    """The settings from `path` (default: the user's config file), or defaults.

    A bad value keeps the other settings: each one that is wrong is reported in
    `Config.problems` and falls back to its default. Unknown settings are ignored.
    """
    path = path or config_path()
    data, problem = _read_table(path)
    problems = [problem] if problem else []
    kept: dict[str, Any] = {}
    for name, check in _checks().items():
        if name not in data:
            continue
        wrong = check(data[name])
        if wrong:
            problems.append(f"{path}: {name}: {wrong}; using the default")
        else:
            kept[name] = data[name]
    config = Config(**kept)
    config.problems = problems
    return config


def user_templates() -> Path:
    """The clerk's template folder (``<config dir>/templates``), which overrides the
    shipped templates by file name when it exists."""
    return config_dir() / "templates"


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the settings, keeping whatever else the clerk wrote in the file."""
    path = path or config_path()
    data, problem = _read_table(path)
    if problem:
        data = {}  # an unreadable file cannot be merged; it is replaced
    settings = asdict(config)
    del settings["problems"]
    data.update({name: value for name, value in settings.items() if value is not None})
    if not data.get("eras"):
        data.pop("eras", None)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(dumps_toml(data), encoding="utf-8")
    tmp.replace(path)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{" + inner + "}"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else _value(key)


def dumps_toml(data: dict[str, Any]) -> str:
    """A small TOML writer for the config: scalars, lists, then one level of tables."""
    plain = [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    tables = [(k, v) for k, v in data.items() if isinstance(v, dict)]
    lines = [f"{_key(k)} = {_value(v)}" for k, v in plain]
    for name, table in tables:
        lines += ["", f"[{_key(name)}]"]
        lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"
