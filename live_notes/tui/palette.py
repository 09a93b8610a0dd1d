"""The command palette (Ctrl+P): every command of the current screen and of the app,
found by its description in the clerk's language (or by its id)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from live_notes.tui.bindings import key_display
from live_notes.tui.host import host
from live_notes.tui.keys import APP, ATTENDANCE, LIVE, MEETINGS, REVIEW, SETUP

if TYPE_CHECKING:
    from collections.abc import Iterator

    from live_notes.tui.keys import Command


def commands_for(screen_name: str) -> tuple[Command, ...]:
    """The commands the palette offers on a screen (its own, then the app's)."""
    own = {
        "LiveScreen": LIVE,
        "AttendanceScreen": ATTENDANCE,
        "MeetingsScreen": MEETINGS,
        "ReviewScreen": REVIEW,
        "SetupScreen": SETUP,
    }.get(screen_name, ())
    return (*own, *APP)


class CommandsProvider(Provider):
    """The command palette: every command of the current screen and the app, by name."""

    def _candidates(self) -> Iterator[tuple[str, str, Command]]:
        lang = host(self.app).ui_lang
        screen = self.screen
        for command in commands_for(type(screen).__name__):
            if not command.palette:
                continue
            label = command.description(lang)
            yield label, f"{key_display(self.app, command)}", command

    def _runner(self, command: Command) -> Any:
        screen = self.screen

        async def run() -> None:
            await screen.run_action(command.action)

        return run

    async def discover(self) -> Hits:
        """All commands, when nothing is typed yet."""
        for label, keys, command in self._candidates():
            yield DiscoveryHit(label, self._runner(command), help=keys)

    async def search(self, query: str) -> Hits:
        """Commands whose description (or id) matches what the clerk typed."""
        matcher = self.matcher(query)
        for label, keys, command in self._candidates():
            score = max(matcher.match(label), matcher.match(command.id))
            if score > 0:
                yield Hit(score, matcher.highlight(label), self._runner(command), help=keys)
