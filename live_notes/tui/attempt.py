"""The one way a screen runs a command: its result, or the refusal to tell the clerk.

A command of the session or the store either returns (its result, None
included) or raises a `ClerkError` (a refusal, a full disk …). `attempt`
turns the second into a value, so a caller tells "refused" from "returned
None" with one ``isinstance`` and says the refusal in the clerk's language
(`ClerkError.message`), never as ``str(exc)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ParamSpec, TypeVar

from live_notes.domain.errors import ClerkError

if TYPE_CHECKING:
    from collections.abc import Callable

P = ParamSpec("P")
T = TypeVar("T")

__all__ = ["ClerkError", "attempt", "refusal"]


def attempt(command: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | ClerkError:
    """Run `command`; its result, or the `ClerkError` it raised."""
    try:
        return command(*args, **kwargs)
    except ClerkError as exc:
        return exc


def refusal(result: object) -> ClerkError | None:
    """The refusal `attempt` returned, or None when the command was done."""
    return result if isinstance(result, ClerkError) else None
