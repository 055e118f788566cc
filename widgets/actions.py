"""Every action of the editor, declared once by id and built through one factory (Picard, ReText).

Menus and the toolbar are lists of ids. The window connects each id to its handler; undo and redo take their
text and enabled state from the document history's `undo_status()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from app.interface import marked, tr

Key = QKeySequence.StandardKey


class ActionId(str, Enum):
    NEW = "new"
    OPEN = "open"
    SAVE = "save"
    SAVE_AS = "save_as"
    EXPORT_DOCX = "export_docx"
    EXPORT_PDF = "export_pdf"
    EXPORT_AKN = "export_akn"
    IMPORT = "import"
    SETTINGS = "settings"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    CUT = "cut"
    COPY = "copy"
    PASTE = "paste"
    SELECT_ALL = "select_all"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREVIOUS = "find_previous"
    ADD_PARAGRAPH = "add_paragraph"
    INSERT_PARAGRAPH = "insert_paragraph"
    DELETE_PARAGRAPH = "delete_paragraph"
    DUPLICATE_PARAGRAPH = "duplicate_paragraph"
    MOVE_UP = "move_up"
    MOVE_DOWN = "move_down"
    MOVE_TO_OTHER_PART = "move_to_other_part"
    MOVE_TO_UNIT = "move_to_unit"
    INDENT = "indent"
    OUTDENT = "outdent"
    INSERT_FOOTNOTE = "insert_footnote"
    SECTION_HEADING = "section_heading"
    INSERT_TABLE = "insert_table"
    ADD_PART = "add_part"
    ADD_ANNEX = "add_annex"
    REMOVE_UNIT = "remove_unit"
    TOGGLE_NUMBERED = "toggle_numbered"
    ITALIC = "italic"
    NEXT_ISSUE = "next_issue"
    APPLY_FIX = "apply_fix"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    SHOW_PREVIEW = "show_preview"
    SHOW_ISSUES = "show_issues"
    SHOW_DETAILS = "show_details"
    COMPARE_WITH = "compare_with"
    COMPARE_BASE = "compare_base"
    EXPORT_TRACKED = "export_tracked"
    ORAL_REVISIONS = "oral_revisions"
    ROLLOVER = "rollover"
    REVISE = "revise"
    START_PAGE = "start_page"
    KEY_CARD = "key_card"
    NEW_AMENDMENT = "new_amendment"
    AMEND_FROM_COMPARISON = "amend_from_comparison"
    SHOW_AMENDED = "show_amended"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: str | QKeySequence.StandardKey | tuple[QKeySequence.StandardKey | str, ...] = ""
    tip: str = ""
    checkable: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW: ActionSpec(
        marked("&New from template…"), Key.New, marked("Start a draft from an organ template")
    ),
    ActionId.OPEN: ActionSpec(
        marked("&Open…"), Key.Open, marked("Open a project, Word, UN XML or text file")
    ),
    ActionId.SAVE: ActionSpec(marked("&Save"), Key.Save, marked("Save the project file")),
    ActionId.SAVE_AS: ActionSpec(
        marked("Save &As…"), Key.SaveAs, marked("Save the project under another name")
    ),
    ActionId.EXPORT_DOCX: ActionSpec(
        marked("&Export Word (.docx)…"), "Ctrl+E", marked("Write the draft as a UN-style .docx")
    ),
    ActionId.EXPORT_PDF: ActionSpec(
        marked("Export &PDF…"), "Ctrl+P", marked("Write the draft as a UN-style PDF for circulation")
    ),
    ActionId.EXPORT_AKN: ActionSpec(
        marked("Export &UN XML (Akoma Ntoso)…"),
        "",
        marked("Write the draft as UN XML (Akoma Ntoso), as the UN publishes resolutions"),
    ),
    ActionId.IMPORT: ActionSpec(
        marked("&Import…"), "Ctrl+Shift+I", marked("Read a draft from a text, Word or UN XML file")
    ),
    ActionId.SETTINGS: ActionSpec(
        marked("Se&ttings…"), Key.Preferences, marked("Your name, delegation, defaults")
    ),
    ActionId.QUIT: ActionSpec(marked("&Quit"), Key.Quit),
    ActionId.UNDO: ActionSpec(marked("&Undo"), Key.Undo),
    ActionId.REDO: ActionSpec(marked("&Redo"), (Key.Redo, "Ctrl+Y")),
    ActionId.FIND: ActionSpec(
        marked("&Find and Replace…"), (Key.Find, Key.Replace), marked("Find and replace in the draft")
    ),
    ActionId.CUT: ActionSpec(marked("Cu&t"), Key.Cut),
    ActionId.COPY: ActionSpec(marked("&Copy"), Key.Copy),
    ActionId.PASTE: ActionSpec(marked("&Paste"), Key.Paste),
    ActionId.SELECT_ALL: ActionSpec(marked("Select &All"), Key.SelectAll),
    ActionId.FIND_NEXT: ActionSpec(
        marked("Find &Next"), (Key.FindNext, "F3"), marked("The next place with the words of the find bar")
    ),
    ActionId.FIND_PREVIOUS: ActionSpec(
        marked("Find Pre&vious"),
        (Key.FindPrevious, "Shift+F3"),
        marked("The place before, with the same words"),
    ),
    ActionId.ADD_PARAGRAPH: ActionSpec(
        marked("&New Paragraph After"), "Ctrl+Return", marked("Add a paragraph after this one")
    ),
    ActionId.INSERT_PARAGRAPH: ActionSpec(marked("Insert Paragraph &Before"), "Ctrl+Shift+Return"),
    ActionId.DELETE_PARAGRAPH: ActionSpec(marked("&Delete Paragraph"), "Ctrl+Shift+K"),
    ActionId.DUPLICATE_PARAGRAPH: ActionSpec(marked("Dupli&cate Paragraph"), "Ctrl+D"),
    ActionId.MOVE_UP: ActionSpec(
        marked("Move Paragraph &Up"),
        "Alt+Shift+Up",
        marked("Earlier; from the top of the operative part into the preamble"),
    ),
    ActionId.MOVE_DOWN: ActionSpec(marked("Move Paragraph Do&wn"), "Alt+Shift+Down"),
    ActionId.MOVE_TO_OTHER_PART: ActionSpec(
        marked("Move to Oth&er Part"),
        "Ctrl+Shift+M",
        marked("Preamble ↔ operative part; the opener is converted"),
    ),
    ActionId.MOVE_TO_UNIT: ActionSpec(
        marked("Move to Part or Anne&x…"),
        "",
        marked("Into another part's preamble or operative part, or into an annex"),
    ),
    ActionId.INDENT: ActionSpec(
        marked("&Indent (Subparagraph)"), "Tab", marked("Make this a subparagraph of the one above")
    ),
    ActionId.OUTDENT: ActionSpec(marked("&Outdent"), "Shift+Tab"),
    ActionId.INSERT_FOOTNOTE: ActionSpec(
        marked("Insert &Footnote"), "Ctrl+Alt+F", marked("A footnote at the cursor")
    ),
    ActionId.INSERT_TABLE: ActionSpec(
        marked("Insert &Table"),
        "Ctrl+Alt+T",
        marked("A table after this paragraph: unnumbered, its cells edited in place"),
    ),
    ActionId.ADD_PART: ActionSpec(
        marked("Add &Part"),
        "",
        marked("A part B, C … with its own title, organ line, preamble and operative part"),
    ),
    ActionId.ADD_ANNEX: ActionSpec(
        marked("Add &Annex"), "", marked("A text annexed to the resolution, its paragraphs numbered 1, 2 …")
    ),
    ActionId.TOGGLE_NUMBERED: ActionSpec(
        marked("Nu&mber or Unnumber Paragraph"),
        "",
        marked("Numbered 1, 2 … or unnumbered: an annex's chapeau, or a section's own preambular paragraph"),
    ),
    ActionId.REMOVE_UNIT: ActionSpec(
        marked("&Remove This Part or Annex"), "", marked("The part or annex the cursor is in, whole")
    ),
    ActionId.SECTION_HEADING: ActionSpec(
        marked("Section &Heading…"),
        "",
        marked("A heading printed before this paragraph (sections I, II … of an omnibus resolution)"),
    ),
    ActionId.ITALIC: ActionSpec(
        marked("Ita&lic (Titles of Publications)"),
        "Ctrl+I",
        marked("Italicize the selected words, e.g. a treaty series title"),
    ),
    ActionId.NEXT_ISSUE: ActionSpec(marked("&Next Issue"), "F8", marked("Go to the next finding")),
    ActionId.APPLY_FIX: ActionSpec(
        marked("Apply the Issue's &Fix"), "Ctrl+.", marked("Apply the automatic fix of the selected issue")
    ),
    ActionId.ZOOM_IN: ActionSpec(
        marked("&Zoom In"), (Key.ZoomIn, "Ctrl+=")
    ),  # "+" is Shift+= on most keyboards
    ActionId.ZOOM_OUT: ActionSpec(marked("Zoom &Out"), Key.ZoomOut),
    ActionId.ZOOM_RESET: ActionSpec(marked("&Actual Size"), "Ctrl+0"),
    ActionId.SHOW_PREVIEW: ActionSpec(
        marked("&Preview"), "F9", marked("Show the page as it will print"), checkable=True
    ),
    ActionId.SHOW_ISSUES: ActionSpec(marked("&Issues and Footnotes"), "F10", checkable=True),
    ActionId.SHOW_DETAILS: ActionSpec(
        marked("Document &Details"), "F11", marked("Header, agenda and sponsors"), checkable=True
    ),
    ActionId.COMPARE_WITH: ActionSpec(
        marked("&Compare With…"),
        "",
        marked("Choose an earlier version (project, Word, UN XML or text) to compare the draft with"),
    ),
    ActionId.COMPARE_BASE: ActionSpec(
        marked("Compare with &Base Version"),
        "Ctrl+Alt+B",
        marked("Show what changed since the version opened or issued"),
    ),
    ActionId.EXPORT_TRACKED: ActionSpec(
        marked("Export with &Track Changes…"),
        "",
        marked("A Word file with the changes from the base as tracked changes"),
    ),
    ActionId.ORAL_REVISIONS: ActionSpec(
        marked("&Oral Revisions…"), "", marked("The changes as a delegate reads them out")
    ),
    ActionId.ROLLOVER: ActionSpec(
        marked("&Roll Over to Next Session…"), "", marked("Next session's draft from this adopted resolution")
    ),
    ActionId.NEW_AMENDMENT: ActionSpec(
        marked("New A&mendment…"), "", marked("Start an amendment to a draft: choose the draft it amends")
    ),
    ActionId.AMEND_FROM_COMPARISON: ActionSpec(
        marked("&Amendment from Comparison"),
        "",
        marked("The amendment that turns the base version into this draft"),
    ),
    ActionId.SHOW_AMENDED: ActionSpec(
        marked("Amended &Draft"), "", marked("The draft this amendment amends, with the amendment applied")
    ),
    ActionId.REVISE: ActionSpec(
        marked("Make Re&vised Draft (/Rev.N)"),
        "",
        marked("The next revision of this issued draft; the issued text is the base"),
    ),
    ActionId.START_PAGE: ActionSpec(
        marked("&Start Page…"), "", marked("Templates by organ and kind, and the sample draft")
    ),
    ActionId.KEY_CARD: ActionSpec(
        marked("&Keys…"), Key.HelpContents, marked("The keys of the editor on one card")
    ),
    ActionId.ABOUT: ActionSpec(marked("&About Resolute")),
}

# Tab and Shift+Tab act inside a paragraph's text box (the box handles them), and every field cuts, copies,
# pastes and selects all with its own keys: the menu shows those keys as hints and takes none of them.
_HINT_ONLY = {
    ActionId.INDENT,
    ActionId.OUTDENT,
    ActionId.CUT,
    ActionId.COPY,
    ActionId.PASTE,
    ActionId.SELECT_ALL,
}

MENUS: list[tuple[str, list[ActionId | str | None]]] = [
    (
        marked("&File"),
        [
            ActionId.NEW,
            ActionId.NEW_AMENDMENT,
            ActionId.OPEN,
            "recent",
            None,
            ActionId.SAVE,
            ActionId.SAVE_AS,
            None,
            ActionId.IMPORT,
            ActionId.EXPORT_DOCX,
            ActionId.EXPORT_PDF,
            ActionId.EXPORT_AKN,
            None,
            ActionId.SETTINGS,
            None,
            ActionId.QUIT,
        ],
    ),
    (
        marked("&Edit"),
        [
            ActionId.UNDO,
            ActionId.REDO,
            None,
            ActionId.CUT,
            ActionId.COPY,
            ActionId.PASTE,
            ActionId.SELECT_ALL,
            None,
            ActionId.FIND,
            ActionId.FIND_NEXT,
            ActionId.FIND_PREVIOUS,
        ],
    ),
    (
        marked("&Paragraph"),
        [
            ActionId.ADD_PARAGRAPH,
            ActionId.INSERT_PARAGRAPH,
            ActionId.DUPLICATE_PARAGRAPH,
            ActionId.DELETE_PARAGRAPH,
            None,
            ActionId.MOVE_UP,
            ActionId.MOVE_DOWN,
            ActionId.MOVE_TO_OTHER_PART,
            ActionId.MOVE_TO_UNIT,
            None,
            ActionId.INDENT,
            ActionId.OUTDENT,
            None,
            ActionId.INSERT_FOOTNOTE,
            ActionId.ITALIC,
            None,
            ActionId.SECTION_HEADING,
            ActionId.INSERT_TABLE,
            None,
            ActionId.ADD_PART,
            ActionId.ADD_ANNEX,
            ActionId.TOGGLE_NUMBERED,
            ActionId.REMOVE_UNIT,
        ],
    ),
    (
        marked("&View"),
        [
            ActionId.SHOW_DETAILS,
            ActionId.SHOW_PREVIEW,
            ActionId.SHOW_ISSUES,
            None,
            ActionId.NEXT_ISSUE,
            ActionId.APPLY_FIX,
            None,
            ActionId.ZOOM_IN,
            ActionId.ZOOM_OUT,
            ActionId.ZOOM_RESET,
        ],
    ),
    (
        marked("Ver&sions"),
        [
            ActionId.COMPARE_BASE,
            ActionId.COMPARE_WITH,
            None,
            ActionId.EXPORT_TRACKED,
            ActionId.ORAL_REVISIONS,
            ActionId.AMEND_FROM_COMPARISON,
            ActionId.SHOW_AMENDED,
            None,
            ActionId.ROLLOVER,
            ActionId.REVISE,
        ],
    ),
    (marked("&Help"), [ActionId.START_PAGE, ActionId.KEY_CARD, None, ActionId.ABOUT]),
]

TOOLBAR: list[ActionId | None] = [
    ActionId.NEW,
    ActionId.OPEN,
    ActionId.SAVE,
    ActionId.EXPORT_DOCX,
    None,
    ActionId.UNDO,
    ActionId.REDO,
    None,
    ActionId.ADD_PARAGRAPH,
    ActionId.DELETE_PARAGRAPH,
    ActionId.MOVE_UP,
    ActionId.MOVE_DOWN,
    ActionId.MOVE_TO_OTHER_PART,
    None,
    ActionId.INSERT_FOOTNOTE,
    ActionId.FIND,
]

TOOLBAR_TEXT: dict[ActionId, str] = {
    ActionId.NEW: marked("New"),
    ActionId.OPEN: marked("Open"),
    ActionId.SAVE: marked("Save"),
    ActionId.EXPORT_DOCX: marked("Export .docx"),
    ActionId.UNDO: marked("Undo"),
    ActionId.REDO: marked("Redo"),
    ActionId.ADD_PARAGRAPH: marked("+ Paragraph"),
    ActionId.DELETE_PARAGRAPH: marked("Delete"),
    ActionId.MOVE_UP: marked("↑ Up"),
    ActionId.MOVE_DOWN: marked("↓ Down"),
    ActionId.MOVE_TO_OTHER_PART: marked("⇄ Other part"),
    ActionId.INSERT_FOOTNOTE: marked("Footnote"),
    ActionId.FIND: marked("Find"),
}


def key_sequences(shortcut: ActionSpec) -> list[QKeySequence]:
    items = shortcut.shortcut if isinstance(shortcut.shortcut, tuple) else (shortcut.shortcut,)
    out: list[QKeySequence] = []
    for item in items:
        if isinstance(item, QKeySequence.StandardKey):
            out += QKeySequence.keyBindings(item)
        elif item:
            out.append(QKeySequence(item))
    unique: list[QKeySequence] = []
    for seq in out:  # a platform's standard keys may already hold the extra one (Ctrl+Y for Redo)
        if seq not in unique:
            unique.append(seq)
    return unique


def make_action(parent: QWidget, action_id: ActionId, handler: Callable[[], None] | None) -> QAction:
    """The one factory: text, shortcuts, tip, accessible name, and the handler."""
    spec = SPECS[action_id]
    text, spec_tip = tr(spec.text), tr(spec.tip) if spec.tip else ""
    action = QAction(text, parent)
    action.setObjectName(f"action_{action_id.value}")
    keys = key_sequences(spec)
    if action_id in _HINT_ONLY:
        action.setText(f"{text}\t{keys[0].toString(QKeySequence.SequenceFormat.NativeText)}")
    else:
        action.setShortcuts(keys)
    tip = spec_tip or text.replace("&", "").rstrip("…")
    if keys:
        tip += f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(spec_tip)
    action.setCheckable(spec.checkable)
    if action_id in TOOLBAR_TEXT:
        action.setIconText(tr(TOOLBAR_TEXT[action_id]))
    if handler is not None:
        if spec.checkable:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False: handler())
    parent.addAction(action)
    return action


def build_actions(parent: QWidget, handlers: dict[ActionId, Callable[..., None]]) -> dict[ActionId, QAction]:
    return {action_id: make_action(parent, action_id, handlers.get(action_id)) for action_id in ActionId}


def build_menus(menubar: QMenuBar, actions: dict[ActionId, QAction], recent: QMenu) -> dict[str, QMenu]:
    """The menus, by their English title ("&View")."""
    menus: dict[str, QMenu] = {}
    for title, items in MENUS:
        menu = menus[title] = menubar.addMenu(tr(title))
        for item in items:
            if item is None:
                menu.addSeparator()
            elif item == "recent":
                menu.addMenu(recent)
            else:
                menu.addAction(actions[ActionId(item)])
    return menus


def build_toolbar(toolbar: QToolBar, actions: dict[ActionId, QAction]) -> None:
    for item in TOOLBAR:
        if item is None:
            toolbar.addSeparator()
            continue
        toolbar.addAction(actions[item])
