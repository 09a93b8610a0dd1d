"""Every key of the app, defined once (data only): the bindings, the footer, the help
screen, the palette and the README's key table all come from these tables.

A `Command` is one thing the clerk can do: a stable id (the name used in the
config's ``[keys]`` table, applied with `App.set_keymap`), the default key, the
action it runs, a description in English and Japanese and a group for the help
screen. Screens build their ``BINDINGS`` from these tables (`live_notes.tui.bindings`);
the help screen lists the same tables; the palette (`live_notes.tui.palette`)
searches them. Nothing else names a key, so they cannot drift apart.
"""

from __future__ import annotations

from live_notes.store.platform import CURRENT
from live_notes.tui.command import Command, group_title
from live_notes.tui.key_names import plain_key

__all__ = ["ALL", "BY_ID", "IDS", "Command", "group_title", "plain_key"]


def item_keys(macos: bool) -> tuple[str, str]:
    """The next/previous item keys: on macOS Ctrl+Up/Down belong to Mission Control, so
    Alt+Down/Up come first there (the footer shows a command's first key)."""
    if macos:
        return "alt+down,ctrl+down", "alt+up,ctrl+up"
    return "ctrl+down,alt+down", "ctrl+up,alt+up"


_NEXT, _PREV = item_keys(CURRENT.macos)


def _quiet(group: str, *rows: tuple[str, str, str, str, str]) -> tuple[Command, ...]:
    """Commands left out of the footer (in the help and the palette), one row each."""
    return tuple(Command(*row, group, show=False) for row in rows)


_ROLES = tuple(
    Command(
        f"live.role{n}",
        f"f{n + 1}",
        f"role({n})",
        f"Speaker role {n}",
        f"発言者区分 {n}",
        "group.roles",
        show=False,
    )
    for n in range(1, 8)
)

ENTRY: tuple[Command, ...] = (
    Command(
        "live.commit",
        "enter",
        "screen.commit",
        "Commit the line",
        "行を確定",
        "group.lines",
        show=False,
        priority=False,
    ),
    Command(
        "live.take_back",
        "up",
        "screen.take_back",
        "Correct the last line (entry empty)",
        "直前の行を修正(入力欄が空のとき)",
        "group.lines",
        show=False,
        priority=False,
    ),
    Command(
        "live.cancel",
        "escape",
        "screen.cancel",
        "Cancel the correction",
        "修正を取り消す",
        "group.lines",
        show=False,
        palette=False,
        priority=False,
    ),
)
"""Keys of the entry line itself. They are bound on the entry, not the screen, so they
run in the entry's own queue after every character typed before them: Enter never
commits a line that is missing its last keystrokes, however fast they came."""

LIVE: tuple[Command, ...] = (
    *ENTRY,
    Command("live.flag", "ctrl+f", "flag", "Flag: verify later", "要確認", "group.lines"),
    Command(
        "live.off_record",
        "ctrl+y",
        "off_record",
        "Last line off the record",
        "直前の行を非公開に",
        "group.lines",
        show=False,
    ),
    Command("live.undo", "ctrl+z", "undo", "Undo", "元に戻す", "group.lines", show=False),
    *_ROLES,
    Command("live.speaker", "ctrl+s", "speaker", "Who speaks", "発言者", "group.roles", show=False),
    Command("live.next_item", _NEXT, "next_item", "Next item", "次の議題", "group.agenda"),
    Command(
        "live.prev_item",
        _PREV,
        "prev_item",
        "Previous item",
        "前の議題",
        "group.agenda",
        show=False,
    ),
    Command("live.goto", "ctrl+g", "goto", "Go to", "議題へ", "group.agenda"),
    Command(
        "live.peek",
        "alt+g",
        "peek",
        "Look at another item (read only)",
        "他の議題を見る(表示のみ)",
        "group.agenda",
        show=False,
    ),
    Command(
        "live.agenda",
        "ctrl+backslash",
        "toggle_agenda",
        "Hide/show the agenda",
        "議題一覧の表示/非表示",
        "group.agenda",
        show=False,
    ),
    Command(
        "live.find",
        "alt+f",
        "find",
        "Find (read-only)",
        "検索(表示のみ)",
        "group.agenda",
        show=False,
    ),
    Command("live.section", "ctrl+t", "next_section", "Section", "次の区分", "group.agenda"),
    Command("live.decision", "ctrl+n", "decision", "Decision", "結論", "group.agenda"),
    Command("live.attendance", "f9", "attendance", "Attendance", "出欠", "group.meeting"),
    Command("live.open_close", "ctrl+o", "open_close", "Open/close", "開会/閉会", "group.meeting"),
    Command("live.recess", "ctrl+r", "recess", "Recess", "休憩/再開", "group.meeting"),
    *_quiet(
        "group.meeting",
        ("live.record", "alt+r", "app.record", "Record/pause recording", "録音/録音の一時停止"),
        ("live.replay", "alt+p", "app.replay_last", "Replay the last line", "直前の行を再生"),
    ),
    Command("app.review", "f10", "app.review", "Review", "確認・修正", "group.meeting"),
    Command("app.export", "f12", "app.export", "Export", "書き出し", "group.meeting"),
)
"""The live screen's keys (keys.md, "Live screen")."""

APP: tuple[Command, ...] = (
    Command("app.help", "f1", "app.help", "Help (all keys)", "ヘルプ", "group.app"),
    Command(
        "app.palette",
        "ctrl+p",
        "app.command_palette",
        "Commands",
        "コマンド",
        "group.app",
        show=False,  # Footer shows it docked on its right (the live screen: in the row)
        palette=False,
    ),
    Command(
        "app.meetings", "ctrl+l", "app.meetings", "Meetings", "会議一覧", "group.app", show=False
    ),
    Command("app.quit", "ctrl+q", "app.quit", "Quit", "終了", "group.app"),
)
"""Keys that work on every screen."""

ATTENDANCE: tuple[Command, ...] = (
    Command("att.up", "up", "cursor(-1)", "Previous person", "前の人", "group.attendance", False),
    Command("att.down", "down", "cursor(1)", "Next person", "次の人", "group.attendance", False),
    Command("att.present", "p", "mark('present')", "Present", "出席", "group.attendance"),
    Command("att.absent", "a", "mark('absent')", "Absent", "欠席", "group.attendance"),
    Command("att.late", "l", "mark('late')", "Late (from now)", "遅刻(今から)", "group.attendance"),
    Command(
        "att.left", "e", "mark('left_early')", "Left early (now)", "早退(今)", "group.attendance"
    ),
    Command("att.time", "t", "edit_time", "Edit the time", "時刻を修正", "group.attendance"),
    Command(
        "att.find", "slash", "find", "Find (name or seat)", "検索(氏名・席番号)", "group.attendance"
    ),
    Command("att.more", "plus", "audience(1)", "Audience +1", "傍聴者 +1", "group.attendance"),
    Command("att.less", "minus", "audience(-1)", "Audience −1", "傍聴者 −1", "group.attendance"),
    Command("att.close", "escape", "close", "Back", "戻る", "group.attendance"),
)
"""The attendance screen's keys (keys.md, "Attendance")."""

DECISION: tuple[Command, ...] = (
    *(
        Command(
            f"dec.outcome{n}",
            str(n),
            f"outcome({n})",
            f"Outcome {n}",
            f"結論 {n}",
            "group.decision",
            show=False,
            palette=False,
        )
        for n in range(1, 6)
    ),
    Command(
        "dec.conditions",
        "tab",
        "conditions",
        "To the conditions",
        "条件の入力へ",
        "group.decision",
        palette=False,
        priority=True,
    ),
    Command(
        "dec.save", "enter", "save", "Save", "保存", "group.decision", palette=False, priority=True
    ),
    Command(
        "dec.cancel",
        "escape",
        "cancel",
        "Cancel",
        "取消",
        "group.decision",
        palette=False,
        priority=True,
    ),
)
"""The decision dialog's keys (keys.md, "Decision dialog")."""

DIALOG: tuple[Command, ...] = (
    Command("dialog.yes", "y", "answer(True)", "Yes", "はい", "group.dialog", palette=False),
    Command("dialog.no", "n", "answer(False)", "No", "いいえ", "group.dialog", palette=False),
    Command("dialog.ok", "enter", "ok", "OK", "決定", "group.dialog", palette=False, priority=True),
    Command(
        "dialog.cancel",
        "escape",
        "cancel",
        "Cancel",
        "取消",
        "group.dialog",
        palette=False,
        priority=True,
    ),
    Command("dialog.close", "escape,f1", "close", "Close", "閉じる", "group.dialog", palette=False),
)
"""Keys of the small dialogs: the y/n confirmation, go to item, time, help."""

# The other screens' keys live here too, so the help screen, the palette and the
# keymap know them.

MEETINGS: tuple[Command, ...] = (
    Command("meetings.open", "enter", "open", "Open", "開く", "group.meetings"),
    Command("meetings.new", "n", "new", "New from plan", "計画から新規", "group.meetings"),
    Command("meetings.copy", "c", "copy", "Copy as next", "次回として複製", "group.meetings"),
    Command("meetings.archive", "a", "archive", "Archive", "保管/戻す", "group.meetings"),
    Command("meetings.setup", "s", "setup", "Setup", "準備", "group.meetings"),
    Command("meetings.show_archived", "h", "show_archived", "Archived", "保管分", "group.meetings"),
)
"""The meetings screen's keys (its own group in the help screen)."""

REVIEW: tuple[Command, ...] = (
    Command("review.edit", "enter", "edit", "Edit", "修正", "group.review"),
    Command("review.move", "m", "move", "Move", "移動", "group.review"),
    Command("review.delete", "d", "delete", "Delete", "削除", "group.review"),
    Command("review.off_record", "o", "off_record", "Off record", "記録外", "group.review"),
    Command("review.flag", "f", "flag", "Flag", "要確認", "group.review"),
    Command("review.next_flag", "v", "next_flagged", "Next ⚑", "次の⚑", "group.review"),
    Command("review.only_flagged", "l", "only_flagged", "⚑ only", "⚑のみ", "group.review"),
    Command("review.note", "n", "note", "※ note", "※注記", "group.review"),
    Command("review.up", "shift+up", "move_line(-1)", "Line up", "行を上へ", "group.review"),
    Command("review.down", "shift+down", "move_line(1)", "Line down", "行を下へ", "group.review"),
    Command("review.split", "s", "split", "Split", "分割", "group.review"),
    Command("review.merge", "j", "merge", "Join next", "次と結合", "group.review"),
    Command("review.times", "t", "times", "Times", "時刻", "group.review"),
    Command("review.find", "slash", "find", "Find", "検索", "group.review"),
    Command("review.replace", "ctrl+h", "replace", "Replace", "置換", "group.review"),
    Command("review.draft", "r", "draft_ready", "Draft ready", "案完成", "group.review"),
    Command("review.approve", "a", "approve", "Approve", "承認", "group.review"),
    Command("review.undo", "ctrl+z", "undo", "Undo", "元に戻す", "group.review"),
    *_quiet(
        "group.review",
        ("review.play", "p", "app.play_line", "Play the line", "行を再生"),
        ("review.pause", "space", "app.play_pause", "Pause/go on playing", "再生の一時停止/再開"),
        ("review.back5", "left", "app.play_seek(-5)", "Play 5 s back", "5秒戻る"),
        ("review.ahead5", "right", "app.play_seek(5)", "Play 5 s ahead", "5秒進む"),
        ("review.play_flag", "w", "app.play_flagged", "Play the next ⚑ line", "次の⚑の行を再生"),
    ),
    Command("review.back", "escape", "back", "Back", "戻る", "group.review"),
)
"""The review screen's keys."""

SETUP: tuple[Command, ...] = (
    Command("setup.header", "f2", "tab('header')", "Header", "見出し", "group.setup"),
    Command("setup.people", "f3", "tab('people')", "Roster", "名簿", "group.setup"),
    Command("setup.roles", "f4", "tab('roles')", "Roles", "発言者区分", "group.setup"),
    Command("setup.agenda", "f5", "tab('agenda')", "Agenda", "議題", "group.setup"),
    Command("setup.materials", "f6", "tab('materials')", "Materials", "資料", "group.setup"),
    Command("setup.save", "ctrl+s", "save", "Save", "保存", "group.setup"),
    Command("setup.back", "escape", "back", "Back", "戻る", "group.setup"),
)
"""The setup screen's own keys."""

LIST_KEYS: tuple[Command, ...] = (
    Command("setup.add", "a", "add", "Add", "追加", "group.setup_lists"),
    Command("setup.edit", "enter", "edit", "Edit", "編集", "group.setup_lists"),
    Command("setup.remove", "d", "remove", "Remove", "削除", "group.setup_lists"),
    Command("setup.up", "shift+up", "move_up", "Move up", "上へ", "group.setup_lists"),
    Command("setup.down", "shift+down", "move_down", "Move down", "下へ", "group.setup_lists"),
    Command("setup.indent", "shift+right", "indent", "Indent", "字下げ", "group.setup_lists"),
    Command("setup.outdent", "shift+left", "outdent", "Outdent", "字上げ", "group.setup_lists"),
)
"""Keys of every list editor of the setup screen."""

EXPORT: tuple[Command, ...] = (
    Command("export.write", "enter", "write", "Write the file", "書き出す", "group.export"),
    Command("export.close", "escape", "close", "Close", "閉じる", "group.export"),
)
"""The export dialog's keys (Tab and the arrows choose)."""

FORM: tuple[Command, ...] = (
    Command("form.submit", "enter", "submit", "Save", "保存", "group.form", palette=False),
    Command(
        "form.save",
        "ctrl+s",
        "submit",
        "Save (also from a multi-line text)",
        "保存(複数行の欄からも)",
        "group.form",
        palette=False,
    ),
    Command("form.cancel", "escape", "cancel", "Cancel", "取消", "group.form", palette=False),
)
"""The keys of the form dialogs (review's edit, move and note; the meetings screen's
new and copy; the setup lists' rows)."""

CHOICE: tuple[Command, ...] = (
    Command(
        "choice.previous",
        "left",
        "step(-1)",
        "Previous choice",
        "前の選択肢",
        "group.form",
        show=False,
        palette=False,
    ),
    Command(
        "choice.next",
        "right,space",
        "step(1)",
        "Next choice",
        "次の選択肢",
        "group.form",
        show=False,
        palette=False,
    ),
)
"""The keys of a choice (◀ value ▶) in a form or the setup screen's header."""

FIND: tuple[Command, ...] = (
    Command(
        "find.toggle",
        "space",
        "take",
        "Take/skip",
        "置換する/しない",
        "group.find",
        palette=False,
    ),
    Command("find.all", "a", "toggle_all", "All", "すべて", "group.find", palette=False),
    Command("find.replace", "ctrl+s", "replace", "Replace", "置換", "group.find", palette=False),
    Command("find.close", "escape", "close", "Close", "閉じる", "group.find", palette=False),
)
"""The find and replace dialog's keys (Enter: to the hits, then to the hit)."""

ALL: tuple[Command, ...] = (
    *LIVE,
    *APP,
    *ATTENDANCE,
    *DECISION,
    *DIALOG,
    *MEETINGS,
    *REVIEW,
    *SETUP,
    *LIST_KEYS,
    *FORM,
    *CHOICE,
    *EXPORT,
    *FIND,
)
"""Every command (the entry's are part of LIVE)."""

IDS: frozenset[str] = frozenset(command.id for command in ALL)
"""Every binding id a config's ``[keys]`` table may name."""

BY_ID: dict[str, Command] = {command.id: command for command in ALL}
"""Every command by its id (the id its bindings carry)."""

PRIORITY_GROUPS = {"group.lines", "group.roles", "group.agenda", "group.meeting", "group.app"}
"""Groups whose keys reach the screen before the focused widget (the live screen's)."""
