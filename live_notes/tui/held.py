"""The keys pressed on the live screen before its meeting is loaded (the app's start).

The live screen comes up, and its entry takes keys, before the meeting is
loaded (see `live_notes.tui.opening`). Meanwhile Enter holds the line typed and
a command key holds its action (`needs_meeting`); a dialog key is refused with a
short message (`refused_until_loaded`: a dialog opening later would miss the
keys typed for it). Once the meeting is there, `HeldKeys.replay` does what was
held, in the order pressed.
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from live_notes.tui.i18n import add_messages, t

if TYPE_CHECKING:
    from collections.abc import Callable

add_messages(
    {
        "live.opening": (
            "The meeting is still opening; press the key again in a moment.",
            "会議を開いているところです。少し待ってからもう一度押してください。",
        ),
    }
)

A = TypeVar("A", bound="Callable[..., Any]")

Held = tuple[str, tuple[Any, ...]]
"""A key pressed before the meeting was loaded: ("commit", (text,)) or (action, args)."""


class Holder(Protocol):
    """The screen whose keys are held: the live screen."""

    held: HeldKeys
    lang: str

    @property
    def loaded(self) -> bool: ...

    def notify(self, message: str, *, severity: Any = ...) -> None: ...


class HeldKeys:
    """Lines committed and commands asked before the meeting was loaded, oldest first."""

    def __init__(self, held: list[Held] | None = None) -> None:
        self.items: list[Held] = list(held or [])

    def hold(self, name: str, *args: Any) -> None:
        """Keep an action (or "commit" with its text) for when the meeting is there."""
        self.items.append((name, args))

    def text(self, typed: str) -> str:
        """The lines held and the text in the entry, as one line (when no meeting opens)."""
        texts = [args[0] for name, args in self.items if name == "commit"]
        return " ".join(part for part in [*texts, typed] if part)

    def replay(
        self,
        commit: Callable[[str], bool],
        action: Callable[[str, tuple[Any, ...]], object],
        put_back: Callable[[str], None],
    ) -> bool:
        """Do what was held, in the order pressed; True when something was.

        A line refused (`commit` False) puts itself and the lines after it back in the
        entry through `put_back` (the commands after it are dropped): no typed text is
        lost.
        """
        held, self.items = self.items, []
        for n, (name, args) in enumerate(held):
            if name != "commit":
                action(name, args)
                continue
            if not commit(args[0]):
                put_back(" ".join(a[0] for what, a in held[n:] if what == "commit"))
                break
        return bool(held)


def needs_meeting(action: A) -> A:
    """An action that waits, in the order pressed, until the meeting is loaded."""
    name = action.__name__.removeprefix("action_")

    @wraps(action)
    def run(self: Holder, *args: Any) -> Any:
        if not self.loaded:
            self.held.hold(name, *args)
            return None
        return action(self, *args)

    return run  # type: ignore[return-value]


def refused_until_loaded(action: A) -> A:
    """A dialog key, refused with a short message until the meeting is loaded."""

    @wraps(action)
    def run(self: Holder, *args: Any) -> Any:
        if not self.loaded:
            self.notify(t("live.opening", self.lang), severity="warning")
            return None
        return action(self, *args)

    return run  # type: ignore[return-value]
