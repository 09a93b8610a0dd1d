"""The command line: ``live-notes [--data-dir DIR] [COMMAND …]``.

Without a command the app opens. Every command exits 0 when it did its work and
non-zero with a one-line reason otherwise; no traceback reaches the clerk.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from live_notes import __version__
from live_notes.terminal import one_line, say, terminal_safe

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

EXIT_OK = 0
EXIT_FAILED = 1


class CliError(Exception):
    """A command that could not do its work; the message is the one line shown."""


def _data_dir(args: argparse.Namespace) -> Path:
    from live_notes.paths import default_data_dir

    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read it ({exc.strerror})") from None


def cmd_new(args: argparse.Namespace) -> int:
    """Create a meeting from a plan file and print its id."""
    from live_notes.config import load_config
    from live_notes.meetings import create_meeting, read_plan

    if args.sample:
        text, source = read_plan(None, args.sample)
    elif args.plan:
        plan = Path(args.plan)
        text, source = _read_text(plan), str(plan)
    else:
        raise CliError("new needs a plan file (live-notes new PLAN.toml) or --sample ja|en")
    default_role_set = load_config().default_role_set
    with create_meeting(_data_dir(args), text, source, default_role_set) as store:
        say(store.meeting.id)
    return EXIT_OK


def _folder_notes(data_dir: Path) -> None:
    """Print what is odd about the data folder: entries skipped, others' access."""
    from live_notes.store import scan_folder
    from live_notes.store.platform import CURRENT

    for note in scan_folder(data_dir)[1]:
        say(f"note: {note}")
    for warning in CURRENT.privacy_warnings(data_dir):
        say(f"warning: {warning}", file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    """One line per meeting: id, date, status, lines, body and title."""
    from live_notes.store import list_meetings

    data_dir = _data_dir(args)
    meetings = list_meetings(data_dir)
    _folder_notes(data_dir)
    shown = [m for m in meetings if args.all or not m.archived]
    if not shown:
        print("No meetings yet. Create one: live-notes new PLAN.toml")
        return EXIT_OK
    id_width = max(len(m.id) for m in shown)  # ids are ASCII: one cell a character
    for m in shown:
        if m.error:
            say(f"{m.id:<{id_width}}  DAMAGED: {m.error}")
            continue
        archived = "  [archived]" if m.archived else ""
        status = str(m.status).replace("_", " ")
        count = f"{m.lines:>6} {'line ' if m.lines == 1 else 'lines'}"
        say(f"{m.id:<{id_width}}  {status:<10}  {count}  {m.body} {m.title}{archived}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """A text summary of one meeting."""
    from live_notes.store import MeetingStore
    from live_notes.summary import summary_text

    with MeetingStore.open(_data_dir(args), args.id, readonly=True) as store:
        say(summary_text(store.meeting))
        from live_notes.audio_cli import recording_line

        recorded = recording_line(_data_dir(args), args.id)
        if recorded:
            say(recorded)
        for note in store.recovered:
            say(f"note: {note}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Verify every file and journal (or one meeting's); repair on request."""
    from live_notes.store import check

    data_dir = _data_dir(args)
    reports = check(data_dir, args.id, repair=args.repair)
    if not args.id:
        _folder_notes(data_dir)
    if not reports:
        print("No meetings to check.")
        return EXIT_OK
    bad = 0
    for report in reports:
        state = "ok" if report.ok else "PROBLEM"
        say(f"{report.meeting_id}: {state}")
        for finding in report.findings:
            say(f"  found: {finding}")
        for repaired in report.repaired:
            say(f"  repaired: {repaired}")
        sound_ok = _check_sound(data_dir, report.meeting_id)
        if (not report.ok and not report.repaired) or not sound_ok:
            bad += 1
    if bad and not args.repair:
        print(
            f"{bad} meeting(s) need attention: run `live-notes check --repair` to save what can be saved."
        )
    return EXIT_FAILED if bad else EXIT_OK


def _check_sound(data_dir: Path, meeting_id: str) -> bool:
    """Say what is wrong with a meeting's recording (a line a file), or its length; ok?"""
    from live_notes.audio.errors import clock
    from live_notes.audio.segments import audio_dir, check_recording

    folder = audio_dir(data_dir, meeting_id)
    if not folder.is_dir():
        return True
    problems, seconds = check_recording(folder)
    for problem in problems:
        say(f"  recording: {problem}")
    if not problems:
        say(f"  recording: {clock(seconds)}, every segment readable")
    return not problems


def cmd_export(args: argparse.Namespace) -> int:
    """Write the draft minutes of one meeting."""
    from live_notes.config import load_config, user_templates
    from live_notes.export import default_filename, export
    from live_notes.export.options import FORMATS, RECORDING_FORMATS, options_from_settings
    from live_notes.store import MeetingStore

    formats = (*FORMATS, *RECORDING_FORMATS)

    out = Path(args.out) if args.out else Path.cwd()
    into_folder = not args.out or out.is_dir() or args.out.endswith(("/", os.sep))
    suffix = "" if into_folder else out.suffix.lstrip(".").lower()
    if not into_folder and not suffix:
        raise CliError(
            f"{out}: no such folder. To write into a new folder end it with '/' "
            f"({args.out}/); to write a file give its name a suffix (.{args.format or 'docx'})"
        )
    if args.format and suffix in formats and suffix != args.format:
        raise CliError(f"{out}: the name says .{suffix} but --format is {args.format}")
    fmt = args.format or (suffix if suffix in formats else "docx")
    if args.with_audio and fmt != "json":
        raise CliError("--with-audio goes with the JSON archive (--format json)")
    config = load_config()
    options = options_from_settings(
        config.eras,
        config.label_style,
        user_templates(),
        file_mode=int(config.export_mode, 8),
        lang=args.lang,
        edition=args.edition,
        with_names=args.names,
        anonymise=args.anonymise,
        final=args.final,
        style=args.style,
    )
    with MeetingStore.open(_data_dir(args), args.id, readonly=not args.circulate) as store:
        meeting = store.meeting
        if args.circulate:
            from live_notes.versions_cli import check_circulate, circulate

            check_circulate(meeting)
        if into_folder:
            out = out / default_filename(meeting, fmt, options)
        result = export(meeting, out, fmt, options, overwrite=args.force)
        if args.circulate:  # only once the file is written: a failed export keeps no version
            say(f"circulated as version {circulate(store)}")
    for warning in result.warnings:
        say(f"warning: {warning}", file=sys.stderr)
    if result.path != out:
        say(f"note: {out} exists already (kept); written beside it", file=sys.stderr)
    say(str(result.path))
    if args.with_audio:
        from live_notes.audio_cli import write_audio

        flac = result.path.with_name(result.path.name.removesuffix(".json") + ".flac")
        say(write_audio(_data_dir(args), args.id, flac, args.force))
    return EXIT_OK


def cmd_devices(args: argparse.Namespace) -> int:
    """List the sound input devices (the default marked *)."""
    from live_notes.audio_cli import print_devices

    for line in print_devices():
        say(line)
    return EXIT_OK


def cmd_audio(args: argparse.Namespace) -> int:
    """Join a meeting's recording into one sound file."""
    from live_notes.audio_cli import write_audio
    from live_notes.store import meeting_ids

    data_dir = _data_dir(args)
    if args.id not in meeting_ids(data_dir):
        raise CliError(f"no meeting {args.id!r} in {data_dir} (see `live-notes list`)")
    say(write_audio(data_dir, args.id, Path(args.out), args.force))
    return EXIT_OK


def cmd_times(args: argparse.Namespace) -> int:
    """Print a meeting's recorded times; with options, correct them first."""
    from live_notes.store import MeetingStore
    from live_notes.times_cli import print_times, values_from_args

    wants_change = any(
        (args.opened, args.closed, args.recess, args.arrived, args.left, args.item, args.line)
    )
    with MeetingStore.open(_data_dir(args), args.id, readonly=not wants_change) as store:
        if wants_change:
            from live_notes.domain.session import Session

            session = Session(store.meeting, sink=store.append)
            session.set_times(values_from_args(store.meeting, args))
        for line in print_times(store.meeting):
            say(line)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """Print what changed between two versions of a record, line by line."""
    from live_notes.versions_cli import diff_text, write_redline

    if args.redline:
        say(str(write_redline(_data_dir(args), args.id, args.from_, args.to, args.redline)))
        return EXIT_OK
    for line in diff_text(_data_dir(args), args.id, args.from_, args.to):
        say(line)
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    """Record the approval of the minutes (locks them); --final makes them final."""
    from datetime import date

    from live_notes.domain.record_commands import record_state
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore

    try:
        on = date.fromisoformat(args.on) if args.on else date.today()
    except ValueError:
        raise CliError(f"--on {args.on!r}: write the date as YYYY-MM-DD") from None
    with MeetingStore.open(_data_dir(args), args.id) as store:
        session = Session(store.meeting, sink=store.append)
        if not store.meeting.locked:
            session.approve(on, args.by)
        if args.final:
            session.make_final()
        say(record_state(store.meeting))
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace) -> int:
    """Open approved minutes again for a change, with the reason (journalled, in `show`)."""
    from live_notes.domain.record_commands import record_state
    from live_notes.domain.session import Session
    from live_notes.store import MeetingStore

    with MeetingStore.open(_data_dir(args), args.id) as store:
        Session(store.meeting, sink=store.append).reopen_record(args.reason)
        say(record_state(store.meeting))
    return EXIT_OK


def cmd_styles(args: argparse.Namespace) -> int:
    """List the house styles, or copy one to the clerk's styles folder to edit."""
    from live_notes.export.style import copy_style, load_style, style_names, user_styles_dir

    if args.action == "copy":
        if len(args.names) != 2:
            raise CliError("usage: live-notes styles copy SOURCE NEW")
        folder = copy_style(*args.names)
        say(str(folder))
        return EXIT_OK
    if args.action is not None or args.names:
        raise CliError(f"unknown styles action {args.action!r}: use `styles` or `styles copy`")
    for name, where in style_names():
        style = load_style(name)
        description = str(style.data.get("description", ""))
        say(f"{name:20} {style.lang}  {where:7}  {description}".rstrip())
    say(f"(your styles: {user_styles_dir()})")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Bring a JSON archive back as a meeting."""
    from live_notes.export import import_archive
    from live_notes.store import MeetingStore

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: cannot read it ({exc.strerror})") from None
    meeting = import_archive(data, str(path))
    with MeetingStore.create(_data_dir(args), meeting) as store:
        say(store.meeting.id)
    sound = path.with_suffix(".flac")  # written beside it by export --with-audio
    if sound.is_file():
        from live_notes.audio_cli import restore_audio

        say(restore_audio(_data_dir(args), store.meeting.id, sound))
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    """Remove a meeting with its journal, lock, draft and backups."""
    from live_notes.store import MeetingStore, StoreError, purge

    data_dir = _data_dir(args)
    try:  # the title only helps the confirmation: a damaged meeting is purged all the same
        with MeetingStore.open(data_dir, args.id, readonly=True) as store:
            title = f"{store.meeting.header.body} {store.meeting.header.title}"
    except StoreError:
        title = "its files cannot be read"
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("purge needs a confirmation: run it in a terminal, or add --yes")
        answer = input(
            terminal_safe(f"Remove {args.id} ({title}) and all its files for good? [y/N] ")
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing removed.")
            return EXIT_FAILED
    removed = purge(data_dir, args.id)
    for path in removed:
        say(f"removed {path}")
    print(
        "The files are deleted. Copies an SSD, a backup or a synced folder may still keep "
        "cannot be reached from here."
    )
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    """Open one meeting straight on its live screen (recording it, if asked)."""
    from live_notes.audio_cli import record_source

    record = record_source(args)
    if record is not None and args.read_only:
        raise CliError("a meeting followed --read-only cannot be recorded from here")
    return _run_app(args, args.id, read_only=args.read_only, record=record)


def _run_app(
    args: argparse.Namespace,
    meeting_id: str | None,
    read_only: bool = False,
    record: str | None = None,
) -> int:
    from live_notes.tui.app import LiveNotesApp

    data_dir = _data_dir(args)
    _check_data_dir(data_dir)
    if meeting_id is not None:
        from live_notes.store import meeting_ids

        if meeting_id not in meeting_ids(data_dir):
            raise CliError(f"no meeting {meeting_id!r} in {data_dir} (see `live-notes list`)")
        if not read_only:
            _check_not_held(data_dir, meeting_id)
    app = LiveNotesApp(data_dir, meeting_id, read_only=read_only, record=record)
    app.run()
    return int(app.return_code or 0)


def _check_not_held(data_dir: Path, meeting_id: str) -> None:
    """Refuse, before the screen opens, a meeting another live-notes is writing.

    The app would only say it in a passing notification over an empty screen.
    Taking the lock and giving it back at once raises LockedError naming the holder.
    """
    from live_notes.store.lock import MeetingLock
    from live_notes.store.meeting_store import paths_of

    lock = MeetingLock(paths_of(data_dir, meeting_id)["lock"], meeting_id)
    lock.acquire()
    lock.release()


def _check_data_dir(data_dir: Path) -> None:
    """Refuse a data folder the app could not save into, before the screen opens."""
    from live_notes.paths import ensure_private_dir

    try:
        ensure_private_dir(data_dir)
    except OSError as exc:
        raise CliError(
            f"cannot use the data folder {data_dir}: {exc.strerror or exc}. "
            "Choose another with --data-dir or LIVE_NOTES_DATA_DIR."
        ) from None
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise CliError(
            f"the data folder {data_dir} is not writable: nothing could be saved. "
            "Choose another with --data-dir or LIVE_NOTES_DATA_DIR."
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the help screen and tests)."""
    from live_notes.audio_cli import add_arguments

    parser = argparse.ArgumentParser(
        prog="live-notes",
        description="Take council and committee minutes live; export draft minutes.",
    )
    parser.add_argument("--version", action="version", version=f"live-notes {__version__}")
    parser.add_argument(
        "--data-dir",
        help="folder of the meetings (default: $LIVE_NOTES_DATA_DIR or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_, description=help_)
        command.set_defaults(func=func)
        return command

    open_ = add("open", cmd_open, "open one meeting on its live screen")
    open_.add_argument("id")
    open_.add_argument(
        "--read-only",
        action="store_true",
        help="follow a meeting another live-notes is writing: shown as it grows, nothing typed",
    )
    add_arguments(open_, "open")
    new = add("new", cmd_new, "create a meeting from a plan file (TOML); prints its id")
    new.add_argument("plan", nargs="?")
    new.add_argument(
        "--sample", choices=["ja", "en"], help="from the shipped sample plan instead of a file"
    )
    add("list", cmd_list, "list the meetings").add_argument(
        "--all", action="store_true", help="archived ones too"
    )
    add("show", cmd_show, "a text summary of one meeting").add_argument("id")
    check = add("check", cmd_check, "verify the meetings' files and journals")
    check.add_argument("id", nargs="?")
    check.add_argument(
        "--repair",
        action="store_true",
        help="save what can be saved into a new file; the original is kept beside it, renamed",
    )
    exp = add("export", cmd_export, "write the draft minutes of a meeting")
    exp.add_argument("id")
    exp.add_argument(
        "--format",
        choices=["docx", "md", "html", "txt", "csv", "json", "vtt"],
        help="default: the --out file's suffix, else docx (vtt: an index of the recording)",
    )
    add_arguments(exp, "export")
    exp.add_argument("--lang", choices=["ja", "en"], help="default: the meeting's language")
    exp.add_argument("--edition", default="public", choices=["public", "internal"])
    exp.add_argument("--names", action="store_true", help="speaker labels with names")
    exp.add_argument(
        "--anonymise",
        action="store_true",
        help="with --names: speakers by letter (A委員, Member B), the same letter per person",
    )
    exp.add_argument(
        "--final", action="store_true", help="the approved minutes: without the 案 / DRAFT mark"
    )
    exp.add_argument(
        "--out",
        help="file or folder to write (default: the current folder); a new folder ends "
        "with '/' and is made private",
    )
    exp.add_argument(
        "--force", action="store_true", help="replace an existing file (default: a new name)"
    )
    exp.add_argument(
        "--style", help="house style by name (default: the plan's, else the language's default)"
    )
    exp.add_argument(
        "--circulate",
        action="store_true",
        help="a draft sent to the members: keep the record as it is now as the next version",
    )
    diff = add("diff", cmd_diff, "what changed between two versions of a record, line by line")
    diff.add_argument("id")
    diff.add_argument(
        "--from", dest="from_", type=int, metavar="N", help="default: the last circulated"
    )
    to = diff.add_mutually_exclusive_group()
    to.add_argument("--to", type=int, metavar="M", help="another circulated version")
    to.add_argument("--current", action="store_true", help="the record as it is now (the default)")
    diff.add_argument(
        "--redline",
        metavar="FILE",
        help="write a redline for the members instead (.html or .docx: insertions and "
        "deletions marked)",
    )
    approve = add("approve", cmd_approve, "record the approval of the minutes; locks them")
    approve.add_argument("id")
    approve.add_argument("--by", required=True, help="the approving meeting")
    approve.add_argument("--on", metavar="YYYY-MM-DD", help="the date (default: today)")
    approve.add_argument("--final", action="store_true", help="and make them final (signed)")
    reopen = add("reopen", cmd_reopen, "open approved minutes again for a change")
    reopen.add_argument("id")
    reopen.add_argument("--reason", required=True, help="why (kept, shown by `show`)")
    times = add(
        "times",
        cmd_times,
        "print a meeting's recorded times; correct them with the options (HH:MM, "
        "in the meeting's zone)",
    )
    times.add_argument("id")
    times.add_argument("--opened", metavar="HH:MM", help="the opening time")
    times.add_argument("--closed", metavar="HH:MM", help="the closing time")
    times.add_argument(
        "--recess",
        nargs=2,
        action="append",
        metavar=("N", "HH:MM-HH:MM"),
        help="recess N (as `times` numbers them) from–to; repeatable",
    )
    times.add_argument(
        "--arrived", nargs=2, action="append", metavar=("PERSON", "HH:MM"), help="arrival"
    )
    times.add_argument(
        "--left", nargs=2, action="append", metavar=("PERSON", "HH:MM"), help="departure"
    )
    times.add_argument(
        "--item", nargs=2, action="append", metavar=("ITEM", "HH:MM"), help="an item's start"
    )
    times.add_argument(
        "--line", nargs=2, action="append", metavar=("N", "HH:MM"), help="line N's time"
    )
    styles = add("styles", cmd_styles, "list the house styles; `styles copy SRC NEW` to make one")
    styles.add_argument("action", nargs="?", choices=["copy"], help="copy a style to edit it")
    styles.add_argument("names", nargs="*", metavar="NAME", help="SOURCE and NEW for copy")
    add("import", cmd_import, "bring back a meeting from a JSON archive").add_argument("file")
    purge = add("purge", cmd_purge, "remove a meeting and all its files")
    purge.add_argument("id")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add("devices", cmd_devices, "list the sound input devices to record from")
    audio = add("audio", cmd_audio, "join a meeting's recording into one sound file")
    audio.add_argument("id")
    audio.add_argument("--out", required=True, help="the file: .flac, .wav, .ogg or .opus")
    audio.add_argument("--force", action="store_true", help="replace an existing file")
    return parser


def _utf8_console() -> None:
    """Print UTF-8 whatever the console's code page (cp932 on Japanese Windows).

    A character the console cannot show becomes ``?`` rather than a crash.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    _utf8_console()
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _run_app(args, None)
        return int(args.func(args))
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # every error becomes one line for the clerk
        say(f"live-notes: {one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
