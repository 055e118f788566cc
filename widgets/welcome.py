"""The start page a delegate sees the first time (and from Help > Start Page): a gallery of organ templates
and kinds of document, the sample draft to explore, and the key card."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.interface import marked, tr
from app.model import DocumentKind
from app.paths import resource
from app.templates import all_templates, template_name
from widgets.actions import SPECS, ActionId, key_sequences
from widgets.fit_window import fit_to_window, scrolled

SAMPLE = ("samples", "A_C.3_80_L.20.json")  # under resources/
SAMPLE_NAME = marked("A/C.3/80/L.20, Rights of the child (Third Committee)")

# the keys a delegate needs on day one, in the order they are used
KEY_CARD_ACTIONS = (
    ActionId.INDENT,
    ActionId.OUTDENT,
    ActionId.MOVE_UP,
    ActionId.MOVE_DOWN,
    ActionId.INSERT_FOOTNOTE,
    ActionId.ITALIC,
    ActionId.NEXT_ISSUE,
    ActionId.APPLY_FIX,
    ActionId.UNDO,
    ActionId.REDO,
    ActionId.FIND,
    ActionId.FIND_NEXT,
    ActionId.SAVE,
    ActionId.SHOW_PREVIEW,
)
# keys handled inside a paragraph's boxes, not by a menu action
FIELD_KEYS = (
    ("Enter", marked("New paragraph after this one")),
    ("Backspace", marked("Remove an empty paragraph")),
    ("Shift+F10", marked("In a table: the cell's menu (merge, split, rows, columns)")),
)

KINDS = (
    (DocumentKind.DRAFT_RESOLUTION, marked("Draft resolution"), marked("Preamble and operative part")),
    (DocumentKind.DRAFT_DECISION, marked("Draft decision"), marked("Operative text only")),
    (
        DocumentKind.AMENDMENT,
        marked("Amendment"),
        marked("To a draft you open; its instructions in the UN's set wording"),
    ),
)


@dataclass(frozen=True)
class StartChoice:
    action: str  # "new", "sample" or "open"
    template: str = ""
    kind: DocumentKind = DocumentKind.DRAFT_RESOLUTION


def key_card_rows() -> list[tuple[str, str]]:
    """(keys, what they do): the menu's own shortcuts, so the card never disagrees with the menus."""
    native = QKeySequence.SequenceFormat.NativeText  # key names in Qt's own words: "Entrée", "Intro"
    rows = [(QKeySequence(keys).toString(native), tr(what)) for keys, what in FIELD_KEYS]
    for action_id in KEY_CARD_ACTIONS:
        keys = key_sequences(SPECS[action_id])
        if keys:
            shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((shown, tr(SPECS[action_id].text).replace("&", "").rstrip("…")))
    return rows


def key_card() -> QWidget:
    box = QGroupBox(tr("Keys"))
    grid = QGridLayout(box)
    grid.setHorizontalSpacing(14)
    grid.setVerticalSpacing(2)
    for row, (keys, what) in enumerate(key_card_rows()):
        key = QLabel(f"<b>{keys}</b>")
        key.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(key, row, 0)
        said = QLabel(what)
        said.setWordWrap(True)  # the dialogs showing the card scroll: a wrapped row is never cut off
        grid.addWidget(said, row, 1)
    grid.setColumnStretch(1, 1)
    return box


class KeyCardDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keys"))
        lay = QVBoxLayout(self)
        self.area = scrolled(key_card())
        lay.addWidget(self.area)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        fit_to_window(self, self.area)


class WelcomeDialog(QDialog):
    """Choose a template and kind (Create), the sample draft, or a file; `choice` says which."""

    def __init__(self, default_template: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Start a draft — Resolute"))
        self.choice: StartChoice | None = None
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            tr("Choose the organ and the kind of document for a new draft, or explore a sample draft.")
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        columns.addWidget(self._new_draft_box(default_template), 1)
        columns.addLayout(self._explore_column(), 1)
        self.area = scrolled(page)  # a laptop at 150 % with a large font: the page scrolls, nothing is cut
        QVBoxLayout(self).addWidget(self.area)
        fit_to_window(self, self.area)

    def _new_draft_box(self, default_template: str) -> QGroupBox:
        """The organs, the kinds and the Create button."""
        start = QGroupBox(tr("New draft"))
        left = QVBoxLayout(start)
        self.organs = QListWidget()
        self.organs.setAccessibleName(tr("Organ"))
        for tpl in all_templates().values():
            item = QListWidgetItem(template_name(tpl.id, tpl.name))
            item.setData(Qt.ItemDataRole.UserRole, tpl.id)
            self.organs.addItem(item)
            if tpl.id == default_template:
                self.organs.setCurrentItem(item)
        if self.organs.currentItem() is None:
            self.organs.setCurrentRow(0)
        # every organ's name whole, no sideways scrolling
        self.organs.setMinimumWidth(self.organs.sizeHintForColumn(0) + 2 * self.organs.frameWidth() + 8)
        self.organs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.organs.itemDoubleClicked.connect(lambda _item: self._create())
        left.addWidget(QLabel(tr("&Organ:"), buddy=self.organs))
        left.addWidget(self.organs, 1)
        self.kinds = QButtonGroup(self)
        for i, (_kind, label, tip) in enumerate(KINDS):
            button = QRadioButton(tr(label))
            button.setToolTip(tr(tip))
            button.setChecked(i == 0)
            self.kinds.addButton(button, i)
            left.addWidget(button)
        self.create = QPushButton(tr("&Create draft"))
        self.create.setDefault(True)
        self.create.clicked.connect(self._create)
        left.addWidget(self.create)
        return start

    def _explore_column(self) -> QVBoxLayout:
        """The sample draft, a file to open, and the key card."""
        right = QVBoxLayout()
        explore = QGroupBox(tr("Explore"))
        ex = QVBoxLayout(explore)
        self.sample = QPushButton(tr("Open the &sample draft"))
        self.sample.setToolTip(tr(SAMPLE_NAME))
        self.sample.clicked.connect(lambda: self._done(StartChoice("sample")))
        self.open_file = QPushButton(tr("Open a &file…"))
        self.open_file.clicked.connect(lambda: self._done(StartChoice("open")))
        sample_note = QLabel(tr(SAMPLE_NAME))
        sample_note.setWordWrap(True)
        ex.addWidget(self.sample)
        ex.addWidget(sample_note)
        ex.addWidget(self.open_file)
        right.addWidget(explore)
        right.addWidget(key_card(), 1)
        return right

    def _create(self) -> None:
        item = self.organs.currentItem()
        kind = KINDS[max(0, self.kinds.checkedId())][0]
        self._done(StartChoice("new", item.data(Qt.ItemDataRole.UserRole) if item else "", kind))

    def _done(self, choice: StartChoice) -> None:
        self.choice = choice
        self.accept()


def sample_path() -> Path:
    return resource(*SAMPLE)
