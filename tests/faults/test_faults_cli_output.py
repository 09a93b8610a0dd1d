"""Terminal escape sequences planted in a meeting file by hand.

A snapshot edited outside the app holds escape sequences (a title that sets the
window title, clears the screen, rings the bell) and a bidi override in the
body, a roster name, an agenda item and a line. ``list``, ``show``, ``check``
and ``export`` print what they quote from it with every control escaped: the
terminal receives no ESC, BEL, CSI or override.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from faults.support import record, run_cli
from live_notes.store.meeting_store import paths_of

if TYPE_CHECKING:
    from pathlib import Path

FAULT = "Escape sequences in a hand-edited file"
PLANTED = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def test_list_show_and_check_print_no_escape_sequences(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out, err = run_cli("--data-dir", str(data), "new", "--sample", "en")
    assert code == 0, err
    meeting_id = out.strip()
    snapshot = paths_of(data, meeting_id)["snapshot"]
    doc = json.loads(snapshot.read_text(encoding="utf-8"))
    meeting = doc["meeting"]["1"]["meeting"]
    meeting["header"]["title"] = f"Title{PLANTED}"
    meeting["header"]["body"] = f"Body{PLANTED}"
    meeting["agenda"][0]["title"] = f"Item{PLANTED}"
    snapshot.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    outputs = []
    for argv in (("list",), ("show", meeting_id), ("check", meeting_id)):
        code, out, err = run_cli("--data-dir", str(data), *argv)
        outputs.append(out + err)
        assert code == 0, err
    shown = "".join(outputs)
    assert [char for char in RAW if char in shown] == []
    assert "Title\\x1b]0;pwned\\x07" in outputs[0]  # escaped where it stood, not dropped
    assert "Item\\x1b]0;pwned" in outputs[1]
    record(FAULT, "escape sequences in a title, a body and an item, printed by the CLI", rounds=3)
