"""What the clerk is told when something is refused or fails, in English and Japanese.

`ClerkError` is the one base: a stable code, its parameters and `message(lang)`.
The domain's refusals (`CommandError`) and the store's failures (`StoreError`)
both derive from it, so a screen says either the same way.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "no_current_item": (
        "No agenda item is current: choose one first (Ctrl+Down or Ctrl+G).",
        "現在の議題がありません。先に議題を選んでください(Ctrl+↓ または Ctrl+G)。",
    ),
    "empty_line": ("Nothing to commit: the line is empty.", "行が空です。"),
    "unknown_item": ("No agenda item {item!r}.", "議題「{item}」はありません。"),
    "no_item_matches": ("No agenda item matches {query!r}.", "「{query}」に合う議題はありません。"),
    "unknown_role": (
        "No speaker role {role!r} in this meeting.",
        "発言者区分「{role}」はありません。",
    ),
    "no_role_key": ("No speaker role number {n} in this meeting.", "発言者区分 {n} はありません。"),
    "unknown_person": (
        "No one with id {person!r} on the roster.",
        "名簿に「{person}」はいません。",
    ),
    "unknown_line": ("No line #{line}.", "{line}番の行はありません。"),
    "no_lines": ("There is no line yet.", "まだ行がありません。"),
    "no_decision_item": (
        "{item} takes no decision (it is not a deliberation item).",
        "「{item}」は結論を記録しない議題です。",
    ),
    "conditions_needed": (
        "Approved with conditions needs the conditions.",
        "「ただし」以下の条件を入力してください。",
    ),
    "already_open": ("The meeting is open already.", "すでに開会しています。"),
    "not_open": ("The meeting is not open.", "開会していません。"),
    "already_closed": ("The meeting is closed already.", "すでに閉会しています。"),
    "not_closed": ("The meeting is not closed.", "閉会していません。"),
    "in_recess": (
        "The meeting is in recess: resume it first.",
        "休憩中です。先に再開してください。",
    ),
    "close_before_open": (
        "The closing time {closed} is before the opening time {opened}.",
        "閉会時刻 {closed} が開会時刻 {opened} より前です。",
    ),
    "not_editable": (
        "These parts cannot be edited here: {fields}.",
        "ここでは編集できません: {fields}",
    ),
    "invalid_edit": ("Not saved: {problem}", "保存していません: {problem}"),
    "item_has_lines": (
        "Not saved: agenda item {item} has {count} line(s); move them in review first.",
        "保存していません。議題 {item} には {count} 行あります。先に確認・修正で移動してください。",
    ),
    "role_has_lines": (
        "Not saved: speaker role {role} tags {count} line(s).",
        "保存していません。発言者区分 {role} の行が {count} 行あります。",
    ),
    "person_marked": (
        "Not saved: {person} has an attendance mark.",
        "保存していません。{person} には出欠の記録があります。",
    ),
    "nothing_to_undo": ("Nothing to undo.", "取り消す操作がありません。"),
    "negative_audience": (
        "The audience count cannot go below zero.",
        "傍聴者数は0未満にできません。",
    ),
    "flagged_left": (
        "{count} line(s) are still flagged “verify later”.",
        "「要確認」の行が {count} 件残っています。",
    ),
}
"""Message code → (English, Japanese) template."""


class ClerkError(Exception):
    """Something the clerk is told: a stable code, its parameters, a message per language.

    Attributes:
        code: Stable code of the refusal or failure.
        params: Values for the message.
    """

    code: str = "error"
    params: dict[str, Any]

    def message(self, lang: str = "en") -> str:
        """The message in the clerk's language ("ja" or "en")."""
        return str(self)


class CommandError(ClerkError):
    """A command refused, with a message for the clerk.

    Attributes:
        code: Stable code of the refusal (a key of `MESSAGES`).
        params: Values for the message template.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The refusal in the clerk's language ("ja" or "en")."""
        en, ja = MESSAGES[self.code]
        return (ja if lang == "ja" else en).format(**self.params)
