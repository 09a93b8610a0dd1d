"""Keys as written in documents and dialogs (``Ctrl+Down / Alt+Down``)."""

from __future__ import annotations

_KEY_NAMES = {
    "ctrl": "Ctrl",
    "alt": "Alt",
    "shift": "Shift",
    "enter": "Enter",
    "escape": "Escape",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "tab": "Tab",
    "plus": "+",
    "minus": "-",
    "slash": "/",
    "backslash": "\\",
    "space": "Space",
}


def plain_key(key: str) -> str:
    """A binding's key(s) as written in documents: ``ctrl+down,alt+down`` → ``Ctrl+Down / Alt+Down``."""
    shown = []
    for one in key.split(","):
        parts = []
        for part in one.strip().split("+"):
            if part in _KEY_NAMES:
                parts.append(_KEY_NAMES[part])
            elif (part[:1] == "f" and part[1:].isdigit()) or (len(part) == 1 and "+" in one):
                parts.append(part.upper())
            else:
                parts.append(part)
        shown.append("+".join(parts))
    return " / ".join(shown)
