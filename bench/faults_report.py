"""docs/reliability.md from a ``make faults`` run: per fault, the rounds tried and what was lost.

``python -m bench.faults_report RESULTS_DIR [OUT.md]``. RESULTS_DIR holds one
JSON file per fault, written by the fault tests while they ran (see
tests/faults/support.py), and pytest's junit.xml. Every figure in the table
comes from those files; nothing here is typed in by hand.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from bench.__main__ import machine

ORDER = [
    "Kill the writer (SIGKILL)",
    "Kill the app under tmux",
    "Kill right after Enter",
    "Power cut and flipped bytes",
    "Damaged snapshot",
    "Disk full",
    "Unwritable data folder, missing home",
    "Two instances on one meeting",
    "Plan files (hypothesis)",
    "JSON archives (hypothesis)",
    "Hostile text",
    "No network",
    "Purge",
    "Keys in one burst",
    "Long item on screen",
    "Draft on disk within 0.5 s",
    "Kill 1 ms after Enter",
    "Long line kept by a kill",
    "Keys before the first frame",
    "Crash screen",
    "Data folder deleted under the app",
    "Paste holding an escape (known problem)",
    "Time zone changed between sittings",
    "Hand-edited archives",
    "Deep and long plan files",
    "Escape sequences in a hand-edited file",
    "Lock file deleted by hand",
    "Journal changed behind the writer",
    "Data folder deleted while open",
    "Repair on a full disk",
    "Id reused over leftovers",
    "Two changes with one number",
    "Lines on an unknown agenda item",
    "Journal of another meeting",
    "Planted symlink",
    "Data folder writable by others",
    "Purge a damaged meeting",
    "Odd entries in the data folder",
    "Archive in the data folder",
    "Lock of another computer",
    "Unsafe meeting id",
    "Export files: modes, overwrites, folders",
    "Opening a meeting another live-notes holds",
    "Following a held meeting read-only",
    "Kill the recording",
    "Kill the recording app",
    "Disk full while recording",
]
MAIN = ("rounds", "lost", "unopenable", "tracebacks")
NOTES = {
    "Kill the app under tmux": (
        "What the draft file held after the kill: *whole* = the half-typed line exactly; "
        "*prefix* = the part typed up to the last pause; *empty* = nothing; *cleared again* = "
        "the line put back at start, which the clerk had cleared, offered once more; "
        "*committed again* = a line already saved; *older* = an earlier text of the "
        "entry. "
        "The draft is written at most 0.5 s after the entry changes, and at once when a line "
        "is committed or the entry cleared, so a kill within 0.5 s of a keystroke can keep an "
        "older state of the entry. "
        "After a quiet "
        "moment of 1.2 s the draft must be the whole half-typed line: checked every round, "
        "and a draft that was never typed fails the run."
    ),
    "Kill the recording": (
        "*lost* counts the rounds that lost more than two seconds of sound (the promise); "
        "*worst lost ms* is the most sound any round lost: what the source had given by the "
        "kill and the segments did not hold. The sound is written as it comes and the page "
        "cache outlives a killed process, so a kill loses only the block being taken in; "
        "the once-a-second fsync bounds what a power cut loses. *unopenable* counts segments "
        "that did not open as they were left, before any repair; *wrong sound* rounds whose "
        "kept sound is not the input's first frames."
    ),
    "Keys in one burst": (
        "Left to Textual, a text field's bound keys (Backspace, Ctrl+U, Enter) bubble up to the "
        "app before they act, while letters typed after them are inserted at once, so keys "
        "that arrive together could be applied out of order (Textualize/textual#6605). The "
        "entry line runs its own keys where they arrive, in the order typed."
    ),
    "Paste holding an escape (known problem)": (
        "Textual's input parser treats an ESC inside a bracketed paste as the start of a key "
        "sequence and can miss the paste's end marker; every key after it is then taken as "
        "part of a paste that never ends, so the keyboard seems dead until the next paste. "
        "Most terminals strip ESC from pasted text; tmux's paste-buffer does not. Marked xfail."
    ),
    "Long line kept by a kill": (
        "The entry wraps a long line over up to four rows. A line of three rows typed, a "
        "pause, SIGKILL: the draft must hold the whole line, and the next start must show it "
        "whole in the entry (read off the tmux screen, row by row)."
    ),
    "Draft on disk within 0.5 s": (
        "Time from the keys reaching the terminal to the draft file holding the line. The "
        "draft timer waits 0.3 s after the first change, leaving the rest for the key's way "
        "and the write; it used to be an interval timer reset while paused, which landed "
        "0.5-1.0 s after the change (1.0 s for the first of a session)."
    ),
    "Following a held meeting read-only": (
        "`live-notes open ID --read-only` while another live-notes writes the meeting: the "
        "live screen shows the record and reads it again within a second of each change; "
        "typing and commands are refused with one plain line; nothing is written."
    ),
    "Data folder deleted under the app": (
        "The data folder removed while the live screen is open: the next line stays in the "
        "entry, the red line says why, and a dialog saves the meeting in another folder "
        "(by default ~/live-notes-rescue-<date>), where typing goes on."
    ),
    "Crash screen": (
        "Textual's own crash screen prints each frame's local variables (roster names, the "
        "line being typed). The app ends instead with one line in the clerk's language, "
        "keeps the typed line as the draft and writes a report without variables, 0600, "
        "beside the settings."
    ),
    "Keys before the first frame": (
        "Keys typed while the app starts reach a terminal still in its cooked mode, which "
        "turns Enter into a line feed (Ctrl+J); the entry takes a line feed as Enter."
    ),
    "Long item on screen": (
        "Every line committed in a long item must be on screen at once, the first one past "
        "the lines view's height included."
    ),
}


def load(results: Path) -> dict[str, dict]:
    """Each fault's counts, by name."""
    faults = {}
    for path in sorted(results.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        faults[data["fault"]] = data
    return faults


def junit(results: Path) -> dict[str, object]:
    """Test counts and the names of failed tests, from pytest's junit.xml."""
    path = results / "junit.xml"
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    assert suite is not None
    failed, xfailed = [], 0
    for case in suite.iter("testcase"):
        name = f"{case.get('classname')}::{case.get('name')}"
        if case.find("failure") is not None or case.find("error") is not None:
            failed.append(name)
        skipped = case.find("skipped")
        if skipped is not None and "xfail" in (skipped.get("type") or ""):
            xfailed += 1
    return {
        "tests": int(suite.get("tests", 0)),
        "failures": int(suite.get("failures", 0)) + int(suite.get("errors", 0)),
        "skipped": int(suite.get("skipped", 0)) - xfailed,
        "xfailed": xfailed,
        "seconds": float(suite.get("time", 0.0)),
        "failed": failed,
    }


def _other(counts: dict[str, int]) -> str:
    extra = [
        f"{key.replace('_', ' ')} {value:,}" for key, value in counts.items() if key not in MAIN
    ]
    return "; ".join(extra)


def render(faults: dict[str, dict], tests: dict[str, object], when: str, where: str) -> str:
    """The Markdown page."""
    lines = [
        "# Reliability: what `make faults` did and what was lost",
        "",
        f"Machine: {where}. Run: {when}.",
        "",
        "Written by `python -m bench.faults_report` from the counts the fault tests "
        "recorded during the run (`make faults`); rerun it to refresh this page.",
        "",
    ]
    if tests:
        lines += [
            f"Tests: {tests['tests']} run in {tests['seconds']:.0f} s, {tests['failures']} "
            f"failed, {tests['skipped']} skipped, {tests['xfailed']} expected failures "
            "(known problems, below).",
            "",
        ]
        for name in tests["failed"]:  # type: ignore[attr-defined]
            lines.append(f"- FAILED: `{name}`")
        if tests["failed"]:
            lines.append("")
    lines += [
        "| fault | what was done | rounds | acknowledged changes lost | files left unopenable "
        "| tracebacks shown | other counts |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    names = [n for n in ORDER if n in faults] + sorted(set(faults) - set(ORDER))
    for name in names:
        data = faults[name]
        counts = data["counts"]
        cells = [f"{counts.get(key, 0):,}" for key in MAIN]
        lines.append(
            f"| {name} | {data.get('what', '')} | {' | '.join(cells)} | {_other(counts)} |"
        )
    missing = [n for n in ORDER if n not in faults]
    if missing:
        lines += [
            "",
            "Not run this time (skipped, or failed before recording): " + ", ".join(missing) + ".",
        ]
    notes = [(name, text) for name, text in NOTES.items() if name in faults]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- **{name}.** {text}" for name, text in notes]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Write the page; returns the exit code."""
    if not argv:
        print("usage: python -m bench.faults_report RESULTS_DIR [OUT.md]", file=sys.stderr)
        return 2
    results = Path(argv[0])
    out = Path(argv[1]) if len(argv) > 1 else Path("docs/reliability.md")
    faults = load(results)
    if not faults:
        print(f"no fault results in {results}: run `make faults`", file=sys.stderr)
        return 1
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out.write_text(render(faults, junit(results), when, machine()), encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
