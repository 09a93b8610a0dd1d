"""The UI's small message catalogue: every string the clerk reads, in English and Japanese.

Screens register their own strings at import with `add_messages`; `t` looks a
key up in the clerk's language. A missing key shows the key itself rather than
failing, so a forgotten string is visible on screen but never a crash.
"""

from __future__ import annotations

import os
from typing import Any

_MESSAGES: dict[str, tuple[str, str]] = {}


def add_messages(messages: dict[str, tuple[str, str]]) -> None:
    """Register messages: key → (English, Japanese). A later registration wins."""
    _MESSAGES.update(messages)


def t(key: str, lang: str, **params: Any) -> str:
    """The message `key` in `lang` ("ja" or "en"), its ``{placeholders}`` filled from params."""
    pair = _MESSAGES.get(key)
    if pair is None:
        return key
    template = pair[1] if lang == "ja" else pair[0]
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def undone(label: str, lang: str, template: str = "undo.done") -> str:
    """What Ctrl+Z undid (`Session.undo`'s label: "line", "switch" …) in the clerk's words,
    said with `template` (a message with a ``{what}``); a label without words of its own
    is said as "the last change", never shown as it is."""
    key = f"undo.{label}" if has_message(f"undo.{label}") else "undo.other"
    return t(template, lang, what=t(key, lang))


UNITS: dict[str, tuple[str, str, str]] = {
    "line": ("line", "lines", "行"),
    "row": ("row", "rows", "行"),
    "hit": ("hit", "hits", "件"),
    "archived": ("archived meeting", "archived meetings", "件"),
}
"""What `counted` counts: unit → (English one, English many, Japanese counter)."""


def counted(n: int, unit: str, lang: str) -> str:
    """A count with its unit in the clerk's language: "1 line", "3 lines", "3 行"."""
    one, many, counter = UNITS[unit]
    if lang == "ja":
        return f"{n} {counter}"
    return f"{n} {one if n == 1 else many}"


def locale_lang(environ: dict[str, str] | None = None) -> str:
    """The language the clerk's locale asks for (LC_ALL, LC_MESSAGES, LANG, first set
    wins): "en" for a locale other than Japanese, "ja" for Japanese or none (C/POSIX)."""
    return locale_said(environ) or "ja"


def locale_said(environ: dict[str, str] | None = None) -> str | None:
    """The language a locale names ("ja" or "en"), or None when none is set or it is
    C/POSIX, which names no language (then the UI looks at the meetings)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            if value.startswith("ja"):
                return "ja"
            return None if value.split(".")[0] in ("C", "POSIX") else "en"
    return None


def has_message(key: str) -> bool:
    """Whether `key` is registered."""
    return key in _MESSAGES


add_messages(
    {
        # status of the meeting
        "status.planned": ("Not yet open", "開会前"),
        "status.in_session": ("In session", "開会中"),
        "status.in_recess": ("In recess", "休憩中"),
        "status.closed": ("Closed", "閉会"),
        # sections
        "section.explanation": ("Explanation", "説明"),
        "section.discussion": ("Discussion", "質疑"),
        "section.conclusion": ("Conclusion", "結論"),
        "section.note": ("Note ※", "※注記"),
        "section.other": ("Other", "その他"),
        # outcomes
        "outcome.approved": ("Approved", "認める"),
        "outcome.approved_with_conditions": ("Approved with conditions", "認める。ただし…"),
        "outcome.rejected": ("Rejected", "認めない"),
        "outcome.continued": ("Continued to a later meeting", "継続審議"),
        "outcome.no_decision": ("No decision / noted", "結論なし・了承"),
        # presence
        "presence.unknown": ("-", "未確認"),
        "presence.present": ("Present", "出席"),
        "presence.absent": ("Absent", "欠席"),
        "presence.late": ("Late", "遅刻"),
        "presence.left_early": ("Left early", "早退"),
        "presence.online": ("Online", "オンライン"),
        # what an undo undid (`Session.undo`'s labels)
        "undo.done": ("Undone: {what}.", "取り消しました: {what}"),
        "undo.line": ("the line", "行の確定"),
        "undo.edit": ("the correction of a line", "行の修正"),
        "undo.delete": ("the deletion of a line", "行の削除"),
        "undo.switch": ("the change of item", "議題の切り替え"),
        "undo.section": ("the change of section", "区分の切り替え"),
        "undo.open": ("the opening", "開会"),
        "undo.close": ("the closing", "閉会"),
        "undo.recess": ("the recess", "休憩"),
        "undo.resume": ("the resumption", "再開"),
        "undo.decision": ("the decision", "結論の記録"),
        "undo.attendance": ("the attendance mark", "出欠の記録"),
        "undo.audience": ("the audience count", "傍聴者数の変更"),
        "undo.setup": ("the setup change", "会議の準備の変更"),
        "undo.draft": ("the “draft ready” mark", "「案完成」の印"),
        "undo.note": ("the ※ note", "※ 注記の追加"),
        "undo.move": ("the move of a line", "行の移動"),
        "undo.split": ("the split of a line", "行の分割"),
        "undo.merge": ("the merge of two lines", "行の結合"),
        "undo.replace": ("the replacement", "置換"),
        "undo.times": ("the time correction", "時刻の訂正"),
        "undo.circulate": ("the circulation of a version", "版の回覧"),
        "undo.approve": ("the approval", "承認"),
        "undo.final": ("the final mark", "確定"),
        "undo.reopen": ("the reopening of the record", "記録の再開"),
        "undo.other": ("the last change", "直前の操作"),
        # groups
        "group.member": ("Members", "委員"),
        "group.secretariat": ("Secretariat", "事務局"),
        "group.department": ("Department staff", "担当課職員"),
        "group.other": ("Others", "その他"),
    }
)
