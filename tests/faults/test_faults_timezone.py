"""The computer's zone changes between two sittings of one meeting.

A meeting opened on a computer set to ``TZ=Asia/Tokyo`` is reopened on one set to
``TZ=UTC`` (a laptop that travelled, a settings change, a server): each sitting
is a real process with its own ``TZ``, working through the store with the real
clock. The meeting must close, its lines keep their Tokyo times, and the
exports print Tokyo times.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from faults.support import record, run_cli
from live_notes.store import MeetingStore

if TYPE_CHECKING:
    from pathlib import Path

FAULT = "Time zone changed between sittings"

SITTING = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from live_notes.domain.session import Session
    from live_notes.sample import sample_meeting
    from live_notes.store import MeetingStore

    data, action = Path(sys.argv[1]), sys.argv[2]
    if action == "open":
        with MeetingStore.create(data, sample_meeting("ja")) as store:
            session = Session(store.meeting, sink=store.append)
            session.open()
            session.commit_line("first sitting")
            print(store.meeting.id)
    else:
        with MeetingStore.open(data, sys.argv[3]) as store:
            session = Session(store.meeting, sink=store.append)
            session.commit_line("second sitting")
            session.close()
    """
)


def _sitting(data: Path, tz: str, *args: str) -> str:
    env = {**os.environ, "TZ": tz}
    done = subprocess.run(
        [sys.executable, "-c", SITTING, str(data), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_meeting_opened_in_tokyo_closes_and_reads_in_tokyo_time_under_utc(
    tmp_path: Path,
) -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    before = datetime.now(tokyo).replace(tzinfo=None, microsecond=0)
    meeting_id = _sitting(tmp_path, "Asia/Tokyo", "open")
    _sitting(tmp_path, "UTC", "close", meeting_id)
    after = datetime.now(tokyo).replace(tzinfo=None) + timedelta(seconds=1)

    with MeetingStore.open(tmp_path, meeting_id, readonly=True) as store:
        meeting = store.meeting
    assert meeting.zone == "Asia/Tokyo"
    assert meeting.status.value == "closed"
    assert meeting.opened_at is not None and meeting.closed_at is not None
    times = [meeting.opened_at, *(u.created_at for u in meeting.utterances), meeting.closed_at]
    # every time is Tokyo's wall clock, in order, whatever zone the sitting ran under
    assert all(before <= at <= after for at in times), times
    assert times == sorted(times)

    env_tz = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    try:
        import time

        time.tzset()
        code, out, err = run_cli("--data-dir", str(tmp_path), "show", meeting_id)
        assert code == 0, err
        assert meeting.opened_at.strftime("%H:%M") in out
        code, out, err = run_cli(
            "--data-dir", str(tmp_path), "export", meeting_id, "--format", "txt",
            "--out", str(tmp_path / "minutes.txt"),
        )  # fmt: skip
        assert code == 0, err
    finally:
        if env_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = env_tz
        time.tzset()
    text = (tmp_path / "minutes.txt").read_text(encoding="utf-8")
    hour = meeting.closed_at.hour
    assert f"{hour % 12 if hour != 12 else 12}時" in text or "正午" in text
    record(FAULT, "a meeting opened under TZ=Asia/Tokyo, closed under TZ=UTC", rounds=1)


def test_old_files_without_offsets_read_as_the_meeting_zone() -> None:
    from live_notes.domain.models import Meeting
    from live_notes.sample import driven_sample

    data = driven_sample("ja").model_dump(mode="json")
    data["zone"] = "Asia/Tokyo"
    data["opened_at"] = data["opened_at"][:19]  # as written before zones: no offset
    for line in data["utterances"]:
        line["created_at"] = line["created_at"][:19]
    old = Meeting.model_validate(data)
    assert old.opened_at == datetime.fromisoformat(data["opened_at"])  # read as Tokyo's
    utc = old.opened_at.replace(tzinfo=ZoneInfo("Asia/Tokyo")).astimezone(ZoneInfo("UTC"))
    data["opened_at"] = utc.isoformat()
    assert Meeting.model_validate(data).opened_at == old.opened_at
    written = old.model_dump(mode="json")  # written again: with Tokyo's offset
    assert written["opened_at"].endswith("+09:00")
    assert all(line["created_at"].endswith("+09:00") for line in written["utterances"])
