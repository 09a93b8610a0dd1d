"""Hypothesis strategies for the bad-input tests: odd text, wrong values, broken structures.

`mutated` takes a good plan or archive (as parsed data) and breaks it the ways
real files break: a value of the wrong type, a huge or odd string, a key gone
or unknown, an id used twice, a reference to no one. `toml_text` writes such
data back as TOML, escaping what TOML wants escaped (and, on purpose,
sometimes what it does not allow, such as lone surrogates).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
from typing import Any

from hypothesis import strategies as st

ODD = [
    "\u202eevil\u202c",  # right-to-left override
    "\u2066isolate\u2069",
    "e\u0301\u0301\u0301\u0301",  # stacked combining marks
    "\u0300starts with a combining mark",
    "NUL\x00inside",
    "\x1b[2J\x1b]0;title\x07\x1b]52;c;ZXZpbA==\x07",
    "\x85\x9b31m\x90",  # C1 controls
    "👨‍👩‍👧 家族 🏳️‍🌈",
    "\ufeffBOM",
    "\ufffe\uffff",
    "line\nbreak\r\nand\ttab",
    "",
    " ",
    "x" * 100_000,
    "議" * 50_000,
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\ud800",  # lone surrogate (a TOML escape TOML refuses; JSON's \\ud800)
]

odd_text = st.one_of(st.sampled_from(ODD), st.text(max_size=40))

scalar = st.one_of(
    odd_text,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.times(),
    st.none(),
)

value = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(odd_text, inner, max_size=4)
    ),
    max_leaves=8,
)


def paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in nested dicts and lists, the root excluded."""
    found = []
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return []
    for key, child in items:
        found.append((*here, key))
        found += paths(child, (*here, key))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _ids(data: Any) -> list[tuple[Any, ...]]:
    return [p for p in paths(data) if p[-1] == "id" and isinstance(_parent(data, p)[p[-1]], str)]


@st.composite
def mutated(draw: st.DrawFn, good: Any, max_changes: int = 3) -> Any:
    """`good`, broken in one to `max_changes` ways."""
    data = copy.deepcopy(good)
    for _ in range(draw(st.integers(1, max_changes))):
        places = paths(data)
        if not places:
            break
        kind = draw(st.sampled_from(["replace", "replace", "delete", "unknown", "dup", "ref"]))
        if kind in ("dup", "ref") and len(_ids(data)) > 1:
            ids = _ids(data)
            target = draw(st.sampled_from(ids))
            if kind == "dup":
                source = draw(st.sampled_from(ids))
                _parent(data, target)[target[-1]] = _parent(data, source)[source[-1]]
            else:
                _parent(data, target)[target[-1]] = draw(st.sampled_from(["nobody", "", "ø"]))
            continue
        path = draw(st.sampled_from(places))
        parent = _parent(data, path)
        if kind == "delete":
            del parent[path[-1]]
        elif kind == "unknown" and isinstance(parent, dict):
            parent[draw(odd_text)] = draw(value)
        else:
            parent[path[-1]] = draw(value)
    return data


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_key(key: Any) -> str:
    """A TOML key: bare when it can be, else a quoted string."""
    key = str(key)
    return key if _BARE.match(key) else toml_string(key)


def toml_string(text: str) -> str:
    """A TOML basic string; controls and surrogates as \\uXXXX (TOML refuses the latter)."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str | None:
    """A TOML inline value, or None for what TOML cannot say (None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)  # beyond 64 bits on purpose: TOML refuses it
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        parts = [toml_value(item) for item in value]
        return "[" + ", ".join(p for p in parts if p is not None) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(_pairs(value)) + "}"
    return toml_string(str(value))


def _pairs(data: dict[Any, Any]) -> list[str]:
    pairs = []
    for key, item in data.items():
        text = toml_value(item)
        if text is not None:
            pairs.append(f"{toml_key(key)} = {text}")
    return pairs


def toml_text(data: Any) -> str:
    """A whole TOML document (every table inline), or a bare value when `data` is not a table."""
    if not isinstance(data, dict):
        return f"value = {toml_value(data)}\n"
    return "\n".join(_pairs(data)) + "\n"


def json_bytes(data: Any) -> bytes:
    """JSON as an archive file holds it (lone surrogates escaped, as json writes them)."""
    return json.dumps(data, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
