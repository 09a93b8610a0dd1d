"""Plan files: a meeting prepared in a text editor, as TOML.

`parse_plan` turns the text of a plan into a `Meeting` through the same models
the store uses. Every mistake is reported as a `PlanError` naming the source,
the place (``agenda[2].presenters``, with the line where it can be found) and
what is wrong, in plain words. The inverse, `plan_from_meeting`, gives the
plan of an existing meeting, for copying it to the next one.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from datetime import date, time
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from live_notes.domain.errors import ClerkError
from live_notes.domain.models import AgendaItem, Meeting
from live_notes.domain.roles import BUILTIN_ROLE_SETS, builtin_role_set
from live_notes.domain.text import clean_fields

if TYPE_CHECKING:
    from collections.abc import Iterator


class PlanError(ClerkError, ValueError):
    """A plan that cannot become a meeting.

    Attributes:
        source: Where the plan came from (a file name).
        problems: One line per problem: ``place: what is wrong``.
    """

    code = "plan"

    def __init__(self, source: str, problems: list[str], more: int = 0) -> None:
        self.source = source
        self.problems = problems
        self.more = more
        self.params = {"source": source, "problems": problems, "more": more}
        super().__init__(self.describe())

    def message(self, lang: str = "en") -> str:
        """The problems, one per line (as the plan file names them, in any language)."""
        return self.describe()

    def describe(self) -> str:
        """The problems, one per line, each prefixed with the source; then how many more."""
        lines = [f"{self.source}: {problem}" for problem in self.problems]
        if self.more:
            lines.append(f"{self.source}: … and {self.more:,} more")
        return "\n".join(lines)


MAX_SHOWN = 20
"""Problems a PlanError lists; the rest are counted."""


def _plan_error(source: str, problems: list[str], text: str) -> PlanError:
    """A PlanError with the first `MAX_SHOWN` problems (and their lines) and a count of the rest."""
    shown = [_with_line(problem, text) for problem in problems[:MAX_SHOWN]]
    return PlanError(source, shown, more=len(problems) - len(shown))


_PLAN_KEYS = {"meeting", "people", "roles", "role_set", "agenda", "materials"}
_HEADER_RENAMES = {"start": "scheduled_start", "end": "scheduled_end"}


def parse_plan(text: str, source: str = "plan", default_role_set: str | None = None) -> Meeting:
    """A meeting from the text of a TOML plan file.

    Raises:
        PlanError: the plan has mistakes; nothing was created.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(source, [f"not valid TOML: {exc}"]) from None
    except RecursionError:
        line = _deepest_line(text)
        raise PlanError(
            source, [f"line {line}: tables and arrays nested too deeply to read"]
        ) from None
    return plan_to_meeting(data, source, text, default_role_set)


MAX_NESTING = 40
"""Levels of tables and arrays a plan or an archive may nest (agenda items take two each)."""
MAX_AGENDA_DEPTH = 10
"""Levels of agenda items (an item, its sub-items, theirs, …)."""


def nesting_problem(data: Any, limit: int = MAX_NESTING) -> str | None:
    """``path: what is wrong`` for data nested deeper than `limit`, else None.

    Walks without recursion, so any depth is measured safely.
    """
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            items: Any = ((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
        else:
            continue
        if depth >= limit:
            return f"{path or '(top)'}: nested deeper than {limit} levels of tables and arrays"
        stack.extend((v, p, depth + 1) for p, v in items)
    return None


def _agenda_depth_problem(items: Any) -> str | None:
    stack: list[tuple[Any, str, int]] = [(items, "agenda", 1)]
    while stack:
        value, path, depth = stack.pop()
        if not isinstance(value, list):
            continue
        for index, item in enumerate(value):
            if isinstance(item, dict) and item.get("children"):
                here = f"{path}[{index}].children"
                if depth >= MAX_AGENDA_DEPTH:
                    return f"{here}: sub-items nested deeper than {MAX_AGENDA_DEPTH} levels"
                stack.append((item["children"], here, depth + 1))
    return None


def _deepest_line(text: str) -> int:
    """The line where brackets first open past the nesting limit (roughly: strings aside)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > MAX_NESTING:
                return number
    return 1


def plan_to_meeting(
    data: dict[str, Any],
    source: str = "plan",
    text: str = "",
    default_role_set: str | None = None,
) -> Meeting:
    """A meeting from an already-parsed plan mapping (see `parse_plan`).

    `default_role_set` is the role set of a plan that names none (the clerk's
    setting); without it, the built-in one of the plan's language.
    """
    deep = nesting_problem(data) or _agenda_depth_problem(data.get("agenda"))
    if deep:
        raise PlanError(source, [_with_line(deep, text)])
    data = clean_fields(data)
    problems: list[str] = []
    unknown = set(data) - _PLAN_KEYS
    for key in sorted(unknown):
        shown = key if key.isidentifier() else repr(key)  # "" or odd characters, quoted
        problems.append(f"{shown}: unknown section (expected one of {sorted(_PLAN_KEYS)})")
    # dict() of a string or a list would raise ValueError, not a PlanError
    header = dict(data["meeting"]) if isinstance(data.get("meeting"), dict) else {}
    if not isinstance(data.get("meeting"), dict):
        problems.append("meeting: missing — the [meeting] table with body, title and date")
        header = {}
    for old, new in _HEADER_RENAMES.items():
        if old in header:
            header[new] = header.pop(old)
    slug = header.pop("slug", None)
    zone = header.pop("zone", "")  # the meeting's time zone; default: the computer's
    role_set = _role_set(data, problems, default_role_set)
    meeting_id = make_meeting_id(header.get("date"), slug or header.get("title") or "")
    raw = {
        "id": meeting_id,
        "zone": zone,
        "header": header,
        "people": data.get("people", []),
        "role_set": role_set,
        "agenda": _agenda_ids(data.get("agenda", [])),
        "materials": data.get("materials", []),
    }
    if problems:
        raise _plan_error(source, problems, "")
    try:
        meeting = Meeting.model_validate(raw)
    except ValidationError as exc:
        raise _plan_error(source, _explain(exc), text) from None
    problems = check_references(meeting)
    if problems:
        raise _plan_error(source, problems, text)
    return meeting


def _role_set(data: dict[str, Any], problems: list[str], default: str | None) -> Any:
    if "roles" in data:
        return {"id": data.get("role_set", "custom"), "roles": data["roles"]}
    name = data.get("role_set", default or None)
    if name is None:
        meeting = data.get("meeting")
        lang = meeting.get("lang", "ja") if isinstance(meeting, dict) else "ja"
        name = "en-board" if lang == "en" else "ja-council"
    if not isinstance(name, str) or builtin_role_set(name) is None:
        problems.append(
            f"role_set: no role set {name!r} (built in: {', '.join(BUILTIN_ROLE_SETS)};"
            " or list your own under [[roles]])"
        )
        return None
    return builtin_role_set(name)


def _agenda_ids(items: Any, prefix: str = "") -> Any:
    """Give items without an id one from their position (1, 2, 2.1, …)."""
    if not isinstance(items, list):
        return items
    out = []
    for index, item in enumerate(items, start=1):
        if isinstance(item, dict):
            item = dict(item)
            position = f"{prefix}{index}"
            item.setdefault("id", f"i{position}")
            if "children" in item:
                item["children"] = _agenda_ids(item["children"], f"{position}.")
        out.append(item)
    return out


def make_meeting_id(day: Any, words: str) -> str:
    """A readable id: the date and a slug of ASCII words (``2024-11-12-board-7``)."""
    if isinstance(day, date):
        stamp = day.isoformat()
    else:
        stamp = "undated"
    ascii_words = (
        unicodedata.normalize("NFKD", str(words)).encode("ascii", "ignore").decode().lower()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_words).strip("-")[:40].strip("-")
    return f"{stamp}-{slug}" if slug else f"{stamp}-meeting"


def check_references(meeting: Meeting) -> list[str]:
    """Problems with ids: duplicates, and references to no one."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, person in enumerate(meeting.people):
        if person.id in seen:
            problems.append(
                f'people[{index}].id: "{person.id}" is used twice (also people[{seen[person.id]}])'
            )
        seen.setdefault(person.id, index)
    role_ids: set[str] = set()
    for index, role in enumerate(meeting.role_set.roles):
        if role.id in role_ids:
            problems.append(f'roles[{index}].id: "{role.id}" is used twice')
        role_ids.add(role.id)
    item_ids: set[str] = set()
    for path, item in _walk_agenda(meeting.agenda, "agenda"):
        if item.id in item_ids:
            problems.append(f'{path}.id: "{item.id}" is used twice')
        item_ids.add(item.id)
        for pos, person_id in enumerate(item.presenters):
            if person_id not in seen:
                problems.append(
                    f'{path}.presenters[{pos}]: no one with id "{person_id}" in the roster'
                )
    return problems


def _walk_agenda(items: list[AgendaItem], path: str) -> Iterator[tuple[str, AgendaItem]]:
    for index, item in enumerate(items):
        here = f"{path}[{index}]"
        yield here, item
        yield from _walk_agenda(item.children, f"{here}.children")


def _explain(exc: ValidationError) -> list[str]:
    """Pydantic's errors as ``place: what is wrong`` lines in the plan's own terms."""
    problems = []
    for error in exc.errors():
        loc = list(error["loc"])
        if loc and loc[0] == "header":
            loc[0] = "meeting"
        if loc[:1] == ["zone"]:
            loc = ["meeting", "zone"]
        if loc[:1] == ["role_set"] and len(loc) > 1 and loc[1] == "roles":
            loc = loc[1:]
        place = _format_loc(loc)
        message = _plain(error)
        problems.append(f"{place}: {message}")
    return problems


def _format_loc(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = {"scheduled_start": "start", "scheduled_end": "end"}.get(str(part), str(part))
            name = name if name.isidentifier() else repr(name)  # an odd key, shown quoted
            out += f".{name}" if out else name
    return out or "(top)"


def _plain(error: Any) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind == "missing":
        return "missing — this field is required"
    if kind == "value_error" and "error" in error.get("ctx", {}):
        return str(error["ctx"]["error"])
    if kind == "extra_forbidden":
        return "unknown field (check its spelling)"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{given!r} is not one of {expected}"
    if kind == "string_pattern_mismatch":
        return f"{given!r}: use letters, digits, '-', '_' or '.' only"
    if kind in ("string_too_long", "too_long"):
        return f"too long (at most {error.get('ctx', {}).get('max_length')})"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    return f"{error['msg'].lower()} (got {_short(given)})"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _with_line(problem: str, text: str) -> str:
    """Add the plan's line number where the offending value or key can be found."""
    if not text:
        return problem
    place, _, _ = problem.partition(": ")
    key = re.sub(r"\[\d+\]", "", place).rsplit(".", 1)[-1]
    quoted = re.search(r"'([^']+)'|\"([^\"]+)\"", problem.partition(": ")[2])
    needles = []
    if quoted:
        needles.append(quoted.group(1) or quoted.group(2))
    needles.append(key)
    lines = text.splitlines()
    for start in dict.fromkeys((_table_line(place, lines), 0)):  # its own [[table]] first
        for needle in needles:
            for number, line in enumerate(lines[start:], start=start + 1):
                if needle and needle in line and not line.lstrip().startswith("#"):
                    return f"line {number}: {problem}"
    return problem


def _table_line(place: str, lines: list[str]) -> int:
    """Where the ``[[people]]`` (…) table of ``people[N]`` starts (0 when not found)."""
    match = re.match(r"(people|roles|agenda|materials)\[(\d+)\]", place)
    if not match:
        return 0
    header, wanted, seen = f"[[{match.group(1)}]]", int(match.group(2)), -1
    for index, line in enumerate(lines):
        if line.strip().partition("#")[0].strip() == header:
            seen += 1
            if seen == wanted:
                return index
    return 0


def plan_from_meeting(meeting: Meeting, day: date | None = None) -> dict[str, Any]:
    """The plan of a meeting, without its live record: for preparing the next one."""
    header = meeting.header.model_dump(mode="python", exclude_defaults=True)
    if day is not None:
        header["date"] = day
    for new, old in (("start", "scheduled_start"), ("end", "scheduled_end")):
        if old in header:
            header[new] = header.pop(old)
    header = {k: v.isoformat() if isinstance(v, time) else v for k, v in header.items()}
    header["zone"] = meeting.zone
    return {
        "meeting": header,
        "people": [p.model_dump(mode="json", exclude_none=True) for p in meeting.people],
        "roles": [r.model_dump(mode="json") for r in meeting.role_set.roles],
        "role_set": meeting.role_set.id,
        "agenda": [i.model_dump(mode="json", exclude_defaults=True) for i in meeting.agenda],
        "materials": [m.model_dump(mode="json") for m in meeting.materials],
    }


def next_meeting(previous: Meeting, day: date, title: str | None = None) -> Meeting:
    """The next meeting of the same body: roster, roles, agenda skeleton and materials
    come along; attendance, lines and decisions do not."""
    plan = plan_from_meeting(previous, day)
    if title:
        plan["meeting"]["title"] = title
    plan["meeting"]["date"] = day
    # Keep the body's slug: the date part of the id tells the meetings apart.
    plan["meeting"]["slug"] = re.sub(r"^(\d{4}-\d{2}-\d{2}|undated)-", "", previous.id)
    return plan_to_meeting(plan, f"copy of {previous.id}")
