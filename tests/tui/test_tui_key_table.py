"""The key table and the message catalogue hold together: every command's action is a
method of the screen (or app) that binds it, and every message a screen asks for exists."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import live_notes.tui
from live_notes.domain.errors import MESSAGES
from live_notes.tui.app import LiveNotesApp
from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import has_message, t, undone
from live_notes.tui.keys import ALL, ENTRY
from live_notes.tui.screens.live import LiveScreen

ROOT = Path(live_notes.tui.__file__).resolve().parents[1]


def _load_every_tui_module() -> None:
    for module in pkgutil.walk_packages(live_notes.tui.__path__, "live_notes.tui."):
        importlib.import_module(module.name)


def _keyed_classes() -> list[type]:
    _load_every_tui_module()
    found, todo = [], list(Keyed.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def _method(action: str) -> tuple[str, str]:
    """("app" | "screen" | "", method name) of an action string such as ``mark('late')``."""
    namespace, _, name = action.rpartition(".")
    return namespace, "action_" + name.split("(", 1)[0]


def test_every_command_runs_an_action_method_of_its_screen() -> None:
    bound: dict[str, type] = {}
    missing = []
    for cls in _keyed_classes():
        for command in cls.KEYS:  # type: ignore[attr-defined]
            bound[command.id] = cls
            namespace, method = _method(command.action)
            target = {"app": LiveNotesApp, "screen": LiveScreen}.get(namespace, cls)
            if not callable(getattr(target, method, None)):
                missing.append(f"{command.id}: {target.__name__}.{method}")
    for command in ENTRY:  # bound on the entry line, run by the live screen
        bound[command.id] = LiveScreen
        namespace, method = _method(command.action)
        if not callable(getattr(LiveScreen, method, None)):
            missing.append(f"{command.id}: LiveScreen.{method}")
    assert missing == []
    assert sorted(c.id for c in ALL if c.id not in bound) == []  # no command left unbound


def test_form_keys_are_in_the_table_so_the_clerk_may_rebind_them() -> None:
    from live_notes.tui.keys import IDS

    assert {"form.submit", "form.cancel"} <= IDS


LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def test_every_message_asked_for_exists() -> None:
    _load_every_tui_module()
    asked = set()
    for path in (ROOT / "tui").rglob("*.py"):
        asked |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    assert asked, "no t('…') call found: the pattern is out of date"
    assert sorted(key for key in asked if not has_message(key)) == []


def test_every_undo_label_and_refusal_code_has_its_words() -> None:
    session = (ROOT / "domain" / "session.py").read_text(encoding="utf-8")
    labels = set(re.findall(r"""_do\(\s*["']([a-z_]+)["']""", session))
    assert labels
    assert sorted(label for label in labels if not has_message(f"undo.{label}")) == []
    sources = [*(ROOT / "domain").glob("*.py"), *(ROOT / "tui").rglob("*.py")]
    text = "".join(p.read_text(encoding="utf-8") for p in sources)
    codes = set(re.findall(r"""CommandError\(\s*["']([a-z_]+)["']""", text))
    assert codes
    assert sorted(code for code in codes if code not in MESSAGES) == []


def test_ctrl_z_names_every_undoable_change_in_the_clerks_words() -> None:
    """Every label an undoable change carries (in any domain module) reads as words on
    screen, in both languages: never "取り消しました: line" or "Undone: approve."."""
    _load_every_tui_module()
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "domain").glob("*.py"))
    labels = set(re.findall(r"""(?:_do|_state)\(\s*["']([a-z_]+)["']""", sources))
    assert {"line", "move", "times", "decision", "approve"} <= labels
    for label in sorted(labels):
        for template in ("undo.done", "review.undone"):
            english = undone(label, "en", template)
            japanese = undone(label, "ja", template)
            assert "undo." not in english + japanese, label
            assert english != t(template, "en", what=label), english
            assert re.search("[A-Za-z]", japanese) is None, japanese


def test_no_live_key_takes_a_key_the_entry_line_edits_with() -> None:
    """keys.md: the live defaults leave the entry its editing keys, those of a one-line
    Input (Ctrl+A/E/D/K/U/W/X/C/V…), which the wrapping entry keeps, and Up/Down between
    its rows; and the entry binds none of the TextArea keys the live screen uses
    (F6/F7 roles, Ctrl+Z undo, Ctrl+Y off the record, Ctrl+F flag)."""
    from textual.binding import Binding
    from textual.widgets import Input

    from live_notes.tui.keys import LIVE
    from live_notes.tui.widgets.entry import ROW_KEYS, EntryLine

    own = {
        key
        for key, found in EntryLine._merged_bindings.key_to_bindings.items()
        if any(not binding.action.startswith("screen.") for binding in found)
    }
    of_input = {
        key.strip()
        for binding in Input.BINDINGS
        if isinstance(binding, Binding) and binding.action != "submit"
        for key in binding.key.split(",")
    }
    assert of_input <= own
    editing = own | set(ROW_KEYS)
    taken = {
        (command.id, key.strip())
        for command in (*ENTRY, *LIVE)
        for key in command.key.split(",")
        if key.strip() in editing and command.id != "live.take_back"  # Up: entry empty
    }
    assert taken == set()
