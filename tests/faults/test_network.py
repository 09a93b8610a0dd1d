"""No network, ever: a whole meeting, from plan to every export and the app, opens no socket.

socket.socket, create_connection and getaddrinfo are replaced for the test:
an Internet socket (AF_INET, AF_INET6) or a name lookup is recorded and
refused. Local sockets (AF_UNIX: asyncio's self-pipe under the app's event
loop) are allowed: they never leave the machine.
"""

from __future__ import annotations

import socket
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

import pytest

from faults.support import record
from live_notes.config import Config
from live_notes.domain.session import Session
from live_notes.export import FORMATS, ExportOptions, export, import_archive
from live_notes.sample import SAMPLE_JA, FakeClock, run_steps, sample_meeting
from live_notes.store import MeetingStore
from live_notes.tui.app import LiveNotesApp

if TYPE_CHECKING:
    from pathlib import Path

INTERNET = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt at the network, in words; each one also raises."""
    seen: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
            if family in INTERNET or family == -1:
                seen.append(f"socket({family!r})")
                raise OSError("network use in live-notes (test)")
            super().__init__(family, *args, **kwargs)

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            seen.append(f"{name}{args!r}")
            raise OSError(f"network use in live-notes (test): {name}")

        return refused

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return seen


async def test_a_whole_meeting_opens_no_network_connection(
    attempts: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVE_NOTES_CONFIG_DIR", str(tmp_path / "config"))
    data = tmp_path / "data"
    meeting = sample_meeting("ja")
    clock = FakeClock(datetime.combine(meeting.header.date, time(9, 0)))
    with MeetingStore.create(data, meeting) as store:
        session = Session(store.meeting, sink=store.append, clock=clock)
        run_steps(session, SAMPLE_JA)
    again = MeetingStore.open(data, meeting.id, readonly=True).meeting
    assert len(again.utterances) == len([s for s in SAMPLE_JA if s[0] == "line"])
    for fmt in FORMATS:
        for lang in ("ja", "en"):
            path = export(
                again, tmp_path / "out" / f"m.{lang}.{fmt}", fmt, ExportOptions(lang=lang)
            )
            assert path.path.stat().st_size > 0
    assert import_archive((tmp_path / "out" / "m.ja.json").read_bytes()).id == meeting.id
    second = sample_meeting("ja")
    second.id = "no-network-live"
    MeetingStore.create(data, second).close()
    app = LiveNotesApp(data, second.id, config=Config(), clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+o", *"ネットワークなし", "enter", "f9", "escape", "ctrl+down")
        await pilot.press(*"second line", "enter", "f1")
        await pilot.pause()
    lines = MeetingStore.open(data, second.id, readonly=True).meeting.utterances
    record("No network", "a full meeting: plan, sample script through the store, every export "
           "in ja and en, the app with keys pressed", rounds=1, attempts=len(attempts))  # fmt: skip
    assert [line.text for line in lines] == ["ネットワークなし", "second line"]
    assert attempts == []


def test_the_guard_sees_a_connection(attempts: list[str]) -> None:
    """The guard itself works: a real attempt is seen and refused."""
    with pytest.raises(OSError):
        socket.create_connection(("example.invalid", 80))
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    left, right = socket.socketpair()  # local: allowed
    left.close()
    right.close()
    assert len(attempts) == 2
