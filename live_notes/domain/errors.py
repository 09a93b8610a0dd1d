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
    "recess_backwards": (
        "Recess {n} would end ({end}) before it begins ({start}).",
        "休憩{n}の再開時刻 {end} が休憩開始 {start} より前です。",
    ),
    "recess_outside": (
        "Recess {n} ({start}-{end}) is not inside the session ({opened}-{closed}).",
        "休憩{n}({start}~{end})が開会から閉会まで({opened}~{closed})の間にありません。",
    ),
    "recess_overlap": (
        "Recess {n} would begin before recess {other} ends.",
        "休憩{n}が休憩{other}の終わる前に始まります。",
    ),
    "unknown_recess": (
        "No recess {n}: the meeting has {count} recess(es).",
        "休憩{n}はありません(休憩は{count}回です)。",
    ),
    "recess_open": (
        "Recess {n} has not ended yet: resume first.",
        "休憩{n}はまだ再開していません。",
    ),
    "attendance_outside": (
        "{person}'s time {at} is outside the meeting ({opened}-{closed}).",
        "{person}の時刻 {at} が会議の時間({opened}~{closed})の外です。",
    ),
    "line_outside": (
        "Line #{line}'s time {at} is outside the meeting ({opened}-{closed}).",
        "{line}番の行の時刻 {at} が会議の時間({opened}~{closed})の外です。",
    ),
    "left_before_arrived": (
        "{person} would leave ({left}) before arriving ({arrived}).",
        "{person}の退席 {left} が到着 {arrived} より前です。",
    ),
    "no_time_kept": (
        "{person} has no {which} time to correct.",
        "{person}には訂正する{which}時刻がありません。",
    ),
    "line_not_movable": (
        "Line #{line} is the {which} line of its item already.",
        "{line}番の行はすでに議題の{which}です。",
    ),
    "bad_split": (
        "Line #{line} cannot be split there: both parts must keep some text.",
        "{line}番の行はそこで分けられません。両方に文字が残るようにしてください。",
    ),
    "no_next_line": (
        "Line #{line} has no next line in its item to merge with.",
        "{line}番の行の後に、同じ議題で結合できる行がありません。",
    ),
    "empty_find": ("Nothing to find: the search text is empty.", "検索する文字列が空です。"),
    "stale_hit": (
        "Line #{line} has changed since the search: search again.",
        "{line}番の行は検索後に変わりました。もう一度検索してください。",
    ),
    "nothing_replaced": ("No hit chosen: nothing replaced.", "置換する箇所が選ばれていません。"),
    "decision_exists": (
        "{item} has a recorded decision already: replace it?",
        "「{item}」には結論が記録済みです。置き換えますか。",
    ),
    "outcome_not_offered": (
        "{item} cannot take the outcome {outcome} in this style.",
        "「{item}」ではこの様式で「{outcome}」を選べません。",
    ),
    "no_decision": ("{item} has no recorded decision.", "「{item}」には結論の記録がありません。"),
    "bad_vote": ("A vote count cannot be below zero.", "票数は0未満にできません。"),
    "record_locked": (
        "The minutes are approved: reopen them with a reason to change anything.",
        "会議録は承認済みです。変更するには理由を付けて再開してください。",
    ),
    "not_approved": ("The minutes are not approved.", "会議録は承認されていません。"),
    "not_draft_ready": (
        "The minutes are not a draft ready yet: mark them “draft ready” (review, r) first.",
        "会議録が「案完成」になっていません。先に確認・修正画面で r を押して案完成にしてください。",
    ),
    "approver_needed": (
        "Name the meeting that approved the minutes.",
        "承認した会議を入力してください。",
    ),
    "reason_needed": ("Give the reason for reopening.", "再開の理由を入力してください。"),
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


WORDS: dict[str, tuple[str, str]] = {
    "first": ("first", "最初"),
    "last": ("last", "最後"),
    "arrival": ("arrival", "到着"),
    "departure": ("departure", "退席"),
}
"""Words a refusal takes as its ``which`` parameter: chosen when the message is shown,
in the clerk's language, never in the meeting's."""


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
        """The refusal in the clerk's language ("ja" or "en"); a ``which`` parameter
        ("first", "arrival" …) is a word of `WORDS`, said in that language too."""
        en, ja = MESSAGES[self.code]
        params = dict(self.params)
        which = params.get("which")
        if isinstance(which, str) and which in WORDS:
            params["which"] = WORDS[which][1 if lang == "ja" else 0]
        return (ja if lang == "ja" else en).format(**params)
