"""The built-in speaker role sets; a plan file picks one by name or defines its own."""

from __future__ import annotations

from live_notes.domain.models import Role, RoleSet, Side

BUILTIN_ROLE_SETS: dict[str, RoleSet] = {
    "ja-council": RoleSet(
        id="ja-council",
        roles=[
            Role(id="chair", ja="会長", en="Chair", side=Side.ASKING),
            Role(id="member", ja="委員", en="Member", side=Side.ASKING),
            Role(id="department", ja="担当課", en="Department", side=Side.ANSWERING),
            Role(id="secretariat", ja="事務局", en="Secretariat", side=Side.ANSWERING),
            Role(id="vice_chair", ja="副会長", en="Vice-chair", side=Side.ASKING),
            Role(id="other", ja="その他", en="Other", side=Side.NEUTRAL),
        ],
    ),
    "ja-committee": RoleSet(
        id="ja-committee",
        roles=[
            Role(id="chair", ja="委員長", en="Chair", side=Side.ASKING),
            Role(id="member", ja="委員", en="Member", side=Side.ASKING),
            Role(id="department", ja="担当課", en="Department", side=Side.ANSWERING),
            Role(id="secretariat", ja="事務局", en="Secretariat", side=Side.ANSWERING),
            Role(id="vice_chair", ja="副委員長", en="Vice-chair", side=Side.ASKING),
            Role(id="other", ja="その他", en="Other", side=Side.NEUTRAL),
        ],
    ),
    "en-board": RoleSet(
        id="en-board",
        roles=[
            Role(id="chair", ja="議長", en="Chair", side=Side.ASKING),
            Role(id="member", ja="委員", en="Member", side=Side.ASKING),
            Role(id="staff", ja="職員", en="Staff", side=Side.ANSWERING),
            Role(id="secretary", ja="事務局", en="Secretary", side=Side.ANSWERING),
            Role(id="public", ja="傍聴者", en="Public", side=Side.NEUTRAL),
        ],
    ),
}
"""Role sets by name. The order is the F2 … F8 order."""


def builtin_role_set(name: str) -> RoleSet | None:
    """A fresh copy of a built-in role set, or None."""
    role_set = BUILTIN_ROLE_SETS.get(name)
    return role_set.model_copy(deep=True) if role_set else None
