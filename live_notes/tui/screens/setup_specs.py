"""What the rows of the setup lists are: people, speaker roles, agenda items, materials.

Each spec turns a row into table cells and dialog fields, and the dialog's
values back into a model, checked by the same pydantic models the store uses;
a problem is reported next to the field it belongs to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from live_notes.domain.models import (
    AgendaItem,
    Group,
    ItemKind,
    MemberRole,
    Person,
    Role,
    Side,
)
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.screens.dialogs.form import DialogError, Field

if TYPE_CHECKING:
    from live_notes.tui.widgets.list_editor import ListEditor, Row

add_messages(
    {
        "spec.id": ("Id", "ID"),
        "spec.name": ("Name", "氏名"),
        "spec.title": ("Title", "職名"),
        "spec.group": ("List", "区分"),
        "spec.member_role": ("Office", "役職"),
        "spec.seat": ("Seat", "席番号"),
        "spec.ja": ("Label (ja)", "表示(日本語)"),
        "spec.en": ("Label (en)", "表示(英語)"),
        "spec.side": ("Side", "側"),
        "spec.label": ("Number", "番号"),
        "spec.item_title": ("Title", "件名"),
        "spec.kind": ("Kind", "種類"),
        "spec.department": ("Department", "担当課"),
        "spec.presenters": ("Presenters (ids)", "説明者(ID)"),
        "spec.text": ("Text", "内容"),
        "spec.person.add": ("Add a person", "名簿に追加"),
        "spec.person.edit": ("Edit {name}", "{name} を編集"),
        "spec.role.add": ("Add a speaker role", "発言者区分を追加"),
        "spec.role.edit": ("Edit the role {name}", "発言者区分 {name} を編集"),
        "spec.item.add": ("Add an agenda item", "議題を追加"),
        "spec.item.edit": ("Edit the item {name}", "議題 {name} を編集"),
        "spec.material.add": (
            "Add a material (top level: a group)",
            "資料を追加(最上位はまとまりの見出し)",
        ),
        "spec.material.edit": ("Edit {name}", "{name} を編集"),
        "spec.id_taken": ("This id is used already.", "この ID はすでに使われています。"),
        "spec.required": ("Required.", "入力してください。"),
        "spec.bad_id": (
            "Letters, digits, '-', '_' or '.' only.",
            "半角英数字と - _ . だけが使えます。",
        ),
        "spec.not_number": ("Not a whole number.", "整数を入力してください。"),
        "spec.no_person": ("No one with id {ids} in the roster.", "名簿に {ids} はいません。"),
        "side.asking": ("asks (members)", "質問する側(委員)"),
        "side.answering": ("answers (staff)", "答える側(担当課・事務局)"),
        "side.neutral": ("neither", "どちらでもない"),
        "kind.opening": ("opening", "開会"),
        "kind.deliberation": ("deliberation (takes a decision)", "審議(結論あり)"),
        "kind.report": ("report", "報告"),
        "kind.other": ("other", "その他"),
        "kind.closing": ("closing", "閉会"),
        "office.none": ("—", "—"),
        "office.chair": ("chair", "会長"),
        "office.vice_chair": ("vice-chair", "副会長"),
        "office.member": ("member", "委員"),
    }
)


def field_problems(exc: ValidationError, lang: str) -> dict[str, str]:
    """Pydantic's errors as field name → message, in the clerk's words where known."""
    problems: dict[str, str] = {}
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else ""
        kind = error["type"]
        if kind in ("missing", "string_too_short"):
            message = t("spec.required", lang)
        elif kind == "string_pattern_mismatch":
            message = t("spec.bad_id", lang)
        else:
            message = error["msg"]
        problems.setdefault(name, message)
    return problems


def _validate(model: type[Any], data: dict[str, Any], lang: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DialogError(fields=field_problems(exc, lang)) from None


def _unique_id(value_id: str, editor: ListEditor, index: int | None, lang: str) -> None:
    for n, row in enumerate(editor.entries):
        if n != index and getattr(row.value, "id", None) == value_id:
            raise DialogError(fields={"id": t("spec.id_taken", lang)})


def _choices(prefix: str, values: list[str], lang: str) -> list[tuple[str, str]]:
    return [(value, t(f"{prefix}.{value}", lang)) for value in values]


def _new_id(editor: ListEditor, stem: str) -> str:
    taken = {getattr(row.value, "id", None) for row in editor.entries}
    n = len(editor.entries) + 1
    while f"{stem}{n}" in taken:
        n += 1
    return f"{stem}{n}"


class PeopleSpec:
    """The roster: members, secretariat and department staff."""

    max_depth = 0

    def columns(self, lang: str) -> list[str]:
        """Id, name, title, list, office, seat."""
        keys = ("id", "name", "title", "group", "member_role", "seat")
        return [t(f"spec.{key}", lang) for key in keys]

    def cells(self, row: Row, lang: str) -> list[str]:
        """One person."""
        p: Person = row.value
        office = t(f"office.{p.member_role.value}", lang) if p.member_role else ""
        seat = "" if p.seat is None else str(p.seat)
        return [p.id, p.name, p.title, t(f"group.{p.group.value}", lang), office, seat]

    def title(self, row: Row | None, lang: str) -> str:
        """Add or edit."""
        if row is None:
            return t("spec.person.add", lang)
        return t("spec.person.edit", lang, name=row.value.name)

    def fields(self, row: Row | None, lang: str) -> list[Field]:
        """Id, name, title, list, office, seat."""
        p: Person | None = row.value if row else None
        groups = [(g.value, t(f"group.{g.value}", lang)) for g in Group]
        offices = _choices("office", [m.value for m in MemberRole], lang)
        offices.insert(0, ("", t("office.none", lang)))
        return [
            Field("id", t("spec.id", lang), p.id if p else ""),
            Field("name", t("spec.name", lang), p.name if p else ""),
            Field("title", t("spec.title", lang), p.title if p else ""),
            Field("group", t("spec.group", lang), p.group.value if p else "member", groups),
            Field(
                "member_role",
                t("spec.member_role", lang),
                p.member_role.value if p and p.member_role else "",
                offices,
            ),
            Field("seat", t("spec.seat", lang), "" if not p or p.seat is None else str(p.seat)),
        ]

    def parse(self, values: dict[str, str], editor: ListEditor, index: int | None) -> Person:
        """A person from the dialog."""
        lang = editor.lang
        seat = values["seat"].strip()
        if seat and not seat.isdigit():
            raise DialogError(fields={"seat": t("spec.not_number", lang)})
        data = {
            "id": values["id"].strip(),
            "name": values["name"].strip(),
            "title": values["title"].strip(),
            "group": values["group"],
            "member_role": values["member_role"] or None,
            "seat": int(seat) if seat else None,
        }
        person: Person = _validate(Person, data, lang)
        _unique_id(person.id, editor, index, lang)
        return person


class RolesSpec:
    """The speaker roles, in the F2 … F8 order."""

    max_depth = 0

    def columns(self, lang: str) -> list[str]:
        """Id, labels, side."""
        return [t(f"spec.{key}", lang) for key in ("id", "ja", "en", "side")]

    def cells(self, row: Row, lang: str) -> list[str]:
        """One role."""
        r: Role = row.value
        return [r.id, r.ja, r.en, t(f"side.{r.side.value}", lang)]

    def title(self, row: Row | None, lang: str) -> str:
        """Add or edit."""
        if row is None:
            return t("spec.role.add", lang)
        return t("spec.role.edit", lang, name=row.value.label(lang))

    def fields(self, row: Row | None, lang: str) -> list[Field]:
        """Id, Japanese and English labels, side."""
        r: Role | None = row.value if row else None
        sides = _choices("side", [s.value for s in Side], lang)
        return [
            Field("id", t("spec.id", lang), r.id if r else ""),
            Field("ja", t("spec.ja", lang), r.ja if r else ""),
            Field("en", t("spec.en", lang), r.en if r else ""),
            Field("side", t("spec.side", lang), r.side.value if r else "asking", sides),
        ]

    def parse(self, values: dict[str, str], editor: ListEditor, index: int | None) -> Role:
        """A role from the dialog."""
        lang = editor.lang
        data = {k: values[k].strip() for k in ("id", "ja", "en")} | {"side": values["side"]}
        role: Role = _validate(Role, data, lang)
        _unique_id(role.id, editor, index, lang)
        return role


class AgendaSpec:
    """The agenda tree, one item per row, indented by depth.

    Attributes:
        people: The roster editor, to check the presenters against.
    """

    max_depth = 5
    widths = (66, 12, 16, 16)

    def __init__(self, people: ListEditor | None = None) -> None:
        self.people = people

    def columns(self, lang: str) -> list[str]:
        """Item, kind, department, presenters."""
        keys = ("item_title", "kind", "department", "presenters")
        return [t(f"spec.{key}", lang) for key in keys]

    def cells(self, row: Row, lang: str) -> list[str]:
        """One item, indented."""
        item: AgendaItem = row.value
        name = "  " * row.depth + f"{item.label} {item.title}".strip()
        kind = t(f"kind.{item.kind.value}", lang).split(" (")[0].split("(")[0]
        return [name, kind, item.department, ", ".join(item.presenters)]

    def title(self, row: Row | None, lang: str) -> str:
        """Add or edit."""
        if row is None:
            return t("spec.item.add", lang)
        return t("spec.item.edit", lang, name=f"{row.value.label} {row.value.title}".strip())

    def fields(self, row: Row | None, lang: str) -> list[Field]:
        """Id, number, title, kind, department, presenters."""
        item: AgendaItem | None = row.value if row else None
        kinds = _choices("kind", [k.value for k in ItemKind], lang)
        return [
            Field("id", t("spec.id", lang), item.id if item else ""),
            Field("label", t("spec.label", lang), item.label if item else "", placeholder="(1)"),
            Field("title", t("spec.item_title", lang), item.title if item else ""),
            Field("kind", t("spec.kind", lang), item.kind.value if item else "other", kinds),
            Field("department", t("spec.department", lang), item.department if item else ""),
            Field(
                "presenters",
                t("spec.presenters", lang),
                ", ".join(item.presenters) if item else "",
                placeholder="tanaka, suzuki",
            ),
        ]

    def parse(self, values: dict[str, str], editor: ListEditor, index: int | None) -> AgendaItem:
        """An item (without its sub-items: the rows below give those) from the dialog."""
        lang = editor.lang
        presenters = [p.strip() for p in values["presenters"].replace("、", ",").split(",")]
        presenters = [p for p in presenters if p]
        if self.people is not None:
            known = {person.id for person in self.people.values()}
            unknown = [p for p in presenters if p not in known]
            if unknown:
                message = t("spec.no_person", lang, ids=", ".join(unknown))
                raise DialogError(fields={"presenters": message})
        old: AgendaItem | None = editor.entries[index].value if index is not None else None
        data = (old.model_dump(exclude={"children"}) if old else {}) | {
            "id": values["id"].strip() or _new_id(editor, "i"),
            "label": values["label"].strip(),
            "title": values["title"].strip(),
            "kind": values["kind"],
            "department": values["department"].strip(),
            "presenters": presenters,
        }
        item: AgendaItem = _validate(AgendaItem, data, lang)
        _unique_id(item.id, editor, index, lang)
        return item


class MaterialsSpec:
    """Materials: a group title at the top level, its items indented under it."""

    max_depth = 1

    def columns(self, lang: str) -> list[str]:
        """One column."""
        return [t("spec.text", lang)]

    def cells(self, row: Row, lang: str) -> list[str]:
        """A group title, or an indented item."""
        return [("    " if row.depth else "") + str(row.value)]

    def title(self, row: Row | None, lang: str) -> str:
        """Add or edit."""
        if row is None:
            return t("spec.material.add", lang)
        return t("spec.material.edit", lang, name=row.value)

    def fields(self, row: Row | None, lang: str) -> list[Field]:
        """The text."""
        return [Field("text", t("spec.text", lang), str(row.value) if row else "")]

    def parse(self, values: dict[str, str], editor: ListEditor, index: int | None) -> str:
        """The text, which must not be empty."""
        text = values["text"].strip()
        if not text:
            raise DialogError(fields={"text": t("spec.required", editor.lang)})
        return text
