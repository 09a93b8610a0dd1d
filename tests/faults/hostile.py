"""Hostile text used by the fault tests: what goes in, and what must never come out."""

from __future__ import annotations

HOSTILE = [
    "<script>alert('x')</script> 委員の質問",
    "\x1b[2J画面消去のあとも残る",
    "\x1b]52;c;ZXZpbA==\x07クリップボード書き換え",
    "\x1b]0;title\x07タイトル変更",
    "NUL\x00のあと",
    "C1\x85\x9b31m制御文字\x90dcs\x9c",
    "右から左\u202eevil\u202c終わり",
    '=HYPERLINK("http://example.invalid","x")',
    "+1+1 足し算",
    "-2 引き算",
    "@SUM(A1) 関数",
    "\tタブで始まる",
    "\r改行で始まる",
    "[link](javascript:alert(1)) **太字** `code` & < > \" '",
    "{{ 7*7 }} {% raw %} テンプレート",
]
VISIBLE = [
    "委員の質問",
    "画面消去のあとも残る",
    "クリップボード書き換え",
    "タイトル変更",
    "制御文字",
]
NAME = "青木\x1b]0;PWNED\x07一郎\u202e\x85"


def forbidden(text: str) -> list[str]:
    """Characters that must never reach a file or a screen: ESC, C0 (but tab/LF/CR), C1, bidi."""
    bad = []
    for char in text:
        code = ord(char)
        if (
            (code < 0x20 and char not in "\t\n\r")
            or 0x7F <= code <= 0x9F
            or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069
        ):
            bad.append(repr(char))
    return bad
