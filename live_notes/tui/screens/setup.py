"""The setup screen: prepare a meeting inside the app, without writing TOML.

Five tabs — header, roster, speaker roles, agenda, materials — edited on
working copies; Ctrl+S checks everything and saves it in one
`Session.edit_meeting` (so the meeting is never half-edited). Problems are
shown next to the field, or at the top with the tab they belong to.

| key | action |
|---|---|
| F2 … F6 | header, roster, roles, agenda, materials |
| Ctrl+S | save |
| Escape | back (asks again when something is unsaved) |

The list keys (a, Enter, d, Shift+arrows) are the list editor's (widgets/list_editor.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import Footer, Label, TabbedContent, TabPane

from live_notes.domain.models import AgendaItem, MaterialGroup, RoleSet
from live_notes.tui.attempt import attempt, refusal
from live_notes.tui.bindings import Keyed
from live_notes.tui.i18n import add_messages, t
from live_notes.tui.keys import SETUP
from live_notes.tui.screens.setup_specs import AgendaSpec, MaterialsSpec, PeopleSpec, RolesSpec
from live_notes.tui.widgets.header_form import HeaderForm, HeaderProblems
from live_notes.tui.widgets.list_editor import ListEditor, Row
from live_notes.tui.widgets.message_line import MessageLine, Says

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from live_notes.domain.errors import ClerkError
    from live_notes.domain.session import Session

add_messages(
    {
        "setup.title": ("Setup — {body} {title}", "準備 — {body} {title}"),
        "setup.tab.header": ("Header", "見出し"),
        "setup.tab.people": ("Roster", "名簿"),
        "setup.tab.roles": ("Speaker roles", "発言者区分"),
        "setup.tab.agenda": ("Agenda", "議題"),
        "setup.tab.materials": ("Materials", "資料"),
        "setup.saved": ("Saved.", "保存しました。"),
        "setup.unsaved": (
            "Not saved yet: Ctrl+S saves, Escape again leaves without saving.",
            "未保存の変更があります。Ctrl+S で保存、もう一度 Esc で保存せずに戻ります。",
        ),
        "setup.fix_header": (
            "Not saved: see the header fields.",
            "保存していません。見出しの欄を確認してください。",
        ),
        "setup.no_roles": (
            "Not saved: at least one speaker role is needed.",
            "保存していません。発言者区分が1つ以上必要です。",
        ),
        "setup.material_first": (
            "Not saved: the first material must be a group title (not indented).",
            "保存していません。資料の最初の行はまとまりの見出し(字下げなし)にしてください。",
        ),
    }
)


TABS = ("header", "people", "roles", "agenda", "materials")


def agenda_rows(items: list[AgendaItem], depth: int = 0) -> list[Row]:
    """The agenda tree as indented rows (children left out of each row's value)."""
    rows: list[Row] = []
    for item in items:
        rows.append(Row(depth, item.model_copy(update={"children": []})))
        rows += agenda_rows(item.children, depth + 1)
    return rows


def agenda_tree(rows: list[Row]) -> list[AgendaItem]:
    """Indented rows back into a tree (rows are already normalised)."""
    top: list[AgendaItem] = []
    stack: list[tuple[int, AgendaItem]] = []
    for row in rows:
        item = row.value.model_copy(update={"children": []})
        while stack and stack[-1][0] >= row.depth:
            stack.pop()
        (stack[-1][1].children if stack else top).append(item)
        stack.append((row.depth, item))
    return top


def material_rows(groups: list[MaterialGroup]) -> list[Row]:
    """Groups at depth 0, their items at depth 1."""
    rows: list[Row] = []
    for group in groups:
        rows.append(Row(0, group.title))
        rows += [Row(1, item) for item in group.items]
    return rows


def material_groups(rows: list[Row]) -> list[MaterialGroup] | None:
    """Rows back into groups; None when the first row is not a group title."""
    groups: list[MaterialGroup] = []
    for row in rows:
        if row.depth == 0:
            groups.append(MaterialGroup(title=row.value))
        elif not groups:
            return None
        else:
            groups[-1].items.append(row.value)
    return groups


class SetupScreen(Says, Keyed, Screen[None]):
    """Edit the prepared parts of the open meeting; Ctrl+S saves them together.

    Attributes:
        session: The session of the open meeting.
    """

    DEFAULT_CSS = """
    SetupScreen #setup-title { text-style: bold; background: $panel; padding: 0 1; width: 1fr; }
    SetupScreen #setup-message { height: auto; padding: 0 1; width: 1fr; }
    SetupScreen #setup-message.-error { color: $error; }
    SetupScreen TabbedContent { height: 1fr; }
    SetupScreen ListEditor { height: 1fr; }
    """

    KEYS = SETUP
    KEYS_PRIORITY = True

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._lists_changed = False
        self._saved_header: dict[str, str] | None = None
        self._leaving = False

    def compose(self) -> ComposeResult:
        """Title, message, the five tabs and the footer."""
        meeting = self.session.meeting
        lang = self.lang
        title = t("setup.title", lang, body=meeting.header.body, title=meeting.header.title)
        yield Label(title, id="setup-title", markup=False)
        yield MessageLine(id="setup-message")
        people = ListEditor(PeopleSpec(), [Row(0, p) for p in meeting.people], id="ed-people")
        with TabbedContent(id="setup-tabs"):
            with TabPane(t("setup.tab.header", lang), id="tab-header"):
                yield HeaderForm(meeting.header, id="header-form")
            with TabPane(t("setup.tab.people", lang), id="tab-people"):
                yield people
            with TabPane(t("setup.tab.roles", lang), id="tab-roles"):
                roles = [Row(0, r) for r in meeting.role_set.roles]
                yield ListEditor(RolesSpec(), roles, id="ed-roles")
            with TabPane(t("setup.tab.agenda", lang), id="tab-agenda"):
                yield ListEditor(AgendaSpec(people), agenda_rows(meeting.agenda), id="ed-agenda")
            with TabPane(t("setup.tab.materials", lang), id="tab-materials"):
                rows = material_rows(meeting.materials)
                yield ListEditor(MaterialsSpec(), rows, id="ed-materials")
        yield Footer()

    def on_mount(self) -> None:
        """Start in the header's first field."""
        self._saved_header = self.query_one(HeaderForm).raw()
        self.say("")
        self.query_one("#h-body").focus()

    def editor(self, name: str) -> ListEditor:
        """One of the list editors: people, roles, agenda, materials."""
        return self.query_one(f"#ed-{name}", ListEditor)

    def on_list_editor_changed(self, _event: ListEditor.Changed) -> None:
        """A list changed: unsaved now."""
        self._lists_changed = True
        self._leaving = False

    @property
    def dirty(self) -> bool:
        """Whether something changed since the screen opened or was last saved."""
        form = self.query_one(HeaderForm)
        return self._lists_changed or (
            self._saved_header is not None and form.raw() != self._saved_header
        )

    def action_tab(self, name: str) -> None:
        """Show a tab and focus its first field or list."""
        self.query_one(TabbedContent).active = f"tab-{name}"
        if name == "header":
            self.query_one("#h-body").focus()
        else:
            self.editor(name).focus()

    def _refuse(self, message: str | ClerkError, tab: str | None = None) -> None:
        self.say(message, error=True)
        if tab is not None:
            self.action_tab(tab)

    def action_save(self) -> None:
        """Check every tab, then save them all at once."""
        lang = self.lang
        form = self.query_one(HeaderForm)
        try:
            header = form.header()
        except HeaderProblems as exc:
            form.show_problems(exc.problems)
            self._refuse(t("setup.fix_header", lang))
            self.query_one(TabbedContent).active = "tab-header"
            return
        form.show_problems({})
        roles = self.editor("roles").values()
        if not roles:
            return self._refuse(t("setup.no_roles", lang), "roles")
        groups = material_groups(self.editor("materials").entries)
        if groups is None:
            return self._refuse(t("setup.material_first", lang), "materials")
        people = self.editor("people").values()
        agenda = agenda_tree(self.editor("agenda").entries)
        role_set = RoleSet(id=self.session.meeting.role_set.id, roles=roles)
        refused = refusal(
            attempt(
                self.session.edit_meeting,
                header=header,
                people=people,
                role_set=role_set,
                agenda=agenda,
                materials=groups,
            )
        )
        if refused is not None:
            part = refused.params.get("part") or None
            return self._refuse(refused, None if part == "header" else part)
        self._lists_changed = False
        self._saved_header = form.raw()
        self.say(t("setup.saved", lang))

    def action_back(self) -> None:
        """Leave; with unsaved changes, only when asked twice."""
        if self.dirty and not self._leaving:
            self._leaving = True
            self.say(t("setup.unsaved", self.lang), error=True)
            return
        self.app.pop_screen()
