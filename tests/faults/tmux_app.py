"""The real app in a detached tmux session: start it, type into it, read its screen, kill it.

tmux is the terminal: ``send-keys`` types as a keyboard would (Japanese
included), ``capture-pane`` gives the 120×40 screen as text. Each harness has a
tmux server of its own (a socket in the test's folder), so nothing touches the
clerk's tmux.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

WIDTH, HEIGHT = 120, 40


def tmux_available() -> bool:
    """Whether tmux can be run here."""
    return shutil.which("tmux") is not None


def live_notes_command() -> list[str]:
    """The installed ``live-notes`` script beside this Python, else ``python -m``."""
    script = Path(sys.executable).parent / "live-notes"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "live_notes.cli"]


class TmuxApp:
    """One ``live-notes`` command running in a tmux pane.

    Attributes:
        folder: Where the tmux socket and config live.
        env: Extra environment of the command.
    """

    def __init__(self, folder: Path, env: dict[str, str] | None = None) -> None:
        self.folder = folder
        self.env = env or {}
        self.socket = folder / "tmux.sock"
        self.session = "app"
        conf = folder / "tmux.conf"
        # remain-on-exit keeps a crashed app's last screen (its traceback) readable.
        conf.write_text("set -g remain-on-exit on\nset -g history-limit 0\n")
        self._conf = conf
        self._keeper = False

    def tmux(self, *args: str, check: bool = True) -> str:
        """Run one tmux command on this harness's server; its output."""
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", str(self._conf), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=20,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    def start(self, *argv: str, name: str = "app", show_exit: bool = False) -> None:
        """Start ``live-notes ARGV`` in a new 120×40 session.

        The command is exec'ed, so the pane's pid is the app's. With `show_exit`
        it runs under the shell instead, its output and then ``[exit N]`` going to
        `output` (the pane's own screen may lose its first row to tmux's
        "Pane is dead" line).
        """
        if not self._keeper:
            # A session that outlives the app's, so killing the app's session never
            # stops the server while the next start is connecting to it.
            self.tmux("new-session", "-d", "-s", "keeper", "sleep 86400")
            self._keeper = True
        self.session = name
        # A COLUMNS or LINES inherited from the test runner would make Textual draw a
        # smaller screen than the pane: the app must size itself from the terminal.
        argv_all = ["env", "-u", "COLUMNS", "-u", "LINES", *live_notes_command(), *argv]
        command = " ".join(shlex.quote(part) for part in argv_all)
        env_args: list[str] = []
        for key, value in self.env.items():
            env_args += ["-e", f"{key}={value}"]
        self.tmux(
            "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT),
            *env_args, self._logged(command, name) if show_exit else f"exec {command}",
        )  # fmt: skip

    def _logged(self, command: str, name: str) -> str:
        out = shlex.quote(str(self.folder / f"{name}.out"))
        return f"{command} >{out} 2>&1; echo [exit $?] >>{out}"

    def output(self, name: str) -> str:
        """What a `show_exit` command printed, then ``[exit N]`` ("" while it runs)."""
        path = self.folder / f"{name}.out"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    @property
    def pid(self) -> int:
        """The app's process id."""
        return int(self.tmux("display-message", "-p", "-t", self.session, "#{pane_pid}"))

    def dead(self) -> bool:
        """Whether the app has exited (the pane stays, showing its last screen)."""
        out = self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead}", check=False)
        return out.strip() == "1"

    def screen(self) -> list[str]:
        """The screen's rows as text."""
        return self.tmux("capture-pane", "-p", "-t", self.session).split("\n")[:HEIGHT]

    def text(self, literal: str) -> None:
        """Type text, character by character as the terminal would send it."""
        self.tmux("send-keys", "-t", self.session, "-l", literal)

    def keys(self, *names: str) -> None:
        """Press named keys (Enter, C-u, F3, End …)."""
        self.tmux("send-keys", "-t", self.session, *names)

    def wait_for(
        self, predicate: Callable[[list[str]], bool], timeout: float = 10.0
    ) -> list[str] | None:
        """Poll the screen until `predicate` holds; the screen then, or None on timeout."""
        end = time.monotonic() + timeout
        while True:
            rows = self.screen()
            if predicate(rows):
                return rows
            if time.monotonic() > end:
                return None
            time.sleep(0.03)

    def kill9(self) -> None:
        """SIGKILL the app, as a crash or a pulled cord would stop it."""
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(self.pid, signal.SIGKILL)

    def stop(self) -> None:
        """Kill the tmux server of this harness, and wait until it has gone: a harness
        started at once on the same socket would otherwise reach the server while it
        exits ("server exited unexpectedly")."""
        self.tmux("kill-server", check=False)
        self._keeper = False
        end = time.monotonic() + 5
        while time.monotonic() < end:
            done = subprocess.run(
                ["tmux", "-S", str(self.socket), "list-sessions"],
                capture_output=True,
                text=True,
                check=False,
                timeout=20,
            )
            if done.returncode != 0 and ("no server" in done.stderr or "error" in done.stderr):
                return
            time.sleep(0.02)
