"""The draft's unplaced text in the paragraph list: what a reader kept but could not place (a header line no role
fits, a table set a cell to a line), shown after the last paragraph where it prints, with buttons to move each
block to the preamble or the operative part as a new paragraph and one to delete it (app.unplaced_edits, each
one undo step).

The import said "kept as unplaced text after the operative part … put each where it belongs", the preview
printed it and the Word export wrote it, but the paragraph list showed nothing: the delegate could neither see
it where they work nor do what the message asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import inline
from app.interface import tr
from app.model import Part
from app.render import Block

if TYPE_CHECKING:
    from widgets.main_window import MainWindow


class _Row(NamedTuple):
    words: QLabel
    to_preamble: QPushButton
    to_operative: QPushButton
    delete: QPushButton


class UnplacedBox(QGroupBox):
    """One row per block of unplaced text; hidden while the draft has none."""

    delete_requested = Signal(int)  # the block's index in `Resolution.unplaced`
    paragraph_requested = Signal(int, object)  # the index and the Part it goes to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Unplaced text"), parent)
        self.setToolTip(
            tr(
                "Text the reader kept but could not place: it prints after the last paragraph until you move or delete it"
            )
        )
        self.setAccessibleName(tr("Unplaced text"))
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.inner = QWidget()  # the rows, made again as a whole (see `show_blocks`)
        self.column.addWidget(self.inner)
        self.texts: list[str] = []
        self.rows: list[_Row] = []
        self.hide()

    def show_blocks(self, blocks: list[Block]) -> None:
        """The unplaced blocks of the rendered draft, in their order; rows made again only when they change."""
        texts = [inline.plain(inline.unparse(list(b.spans))) for b in blocks if b.role == "unplaced"]
        if texts == self.texts:
            return
        self.texts = texts
        # the rows are built in a widget not yet shown, which then takes the old one's place: deleting the old
        # rows one by one from the shown box laid out every row left at each (300 blocks: 10 s after one
        # block was deleted, 1,200 blocks: 160 s)
        inner = QWidget()
        rows = QVBoxLayout(inner)
        rows.setContentsMargins(0, 0, 0, 0)
        self.rows = []
        for index, text in enumerate(texts):
            rows.addLayout(self._row(index, text))
        old, self.inner = self.inner, inner
        self.column.replaceWidget(old, inner)
        old.hide()
        old.deleteLater()
        self.setVisible(bool(texts))

    def focus_text(self, message: str) -> QWidget | None:
        """The row of the block a reader's note quotes (a header line "kept as unplaced text …: “…”") gets the
        focus, on the button that makes it an operative paragraph (the usual place of a line the reader could not
        place); None when no block is quoted."""
        for text, row in zip(self.texts, self.rows, strict=True):
            if text and text[:60] in message:
                row.to_operative.setFocus(Qt.FocusReason.OtherFocusReason)
                return row.to_operative
        return None

    def _row(self, index: int, text: str) -> QHBoxLayout:
        words = QLabel(text)
        # the words as kept: a block reading "<b>…" or "<!-- … -->" is no markup to render (or hide)
        words.setTextFormat(Qt.TextFormat.PlainText)
        words.setWordWrap(True)
        words.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        number = index + 1
        to_preamble = QPushButton(tr("To preamble"))
        to_preamble.setAccessibleName(
            tr("Make unplaced text {number} a preambular paragraph").format(number=number)
        )
        to_preamble.setToolTip(tr("Move these words to a new paragraph at the end of the preamble"))
        to_preamble.clicked.connect(lambda: self.paragraph_requested.emit(index, Part.PREAMBLE))
        to_operative = QPushButton(tr("To operative part"))
        to_operative.setAccessibleName(
            tr("Make unplaced text {number} an operative paragraph").format(number=number)
        )
        to_operative.setToolTip(tr("Move these words to a new paragraph at the end of the operative part"))
        to_operative.clicked.connect(lambda: self.paragraph_requested.emit(index, Part.OPERATIVE))
        delete = QPushButton(tr("Delete"))
        delete.setAccessibleName(tr("Delete unplaced text {number}").format(number=number))
        delete.clicked.connect(lambda: self.delete_requested.emit(index))
        row = QHBoxLayout()
        row.addWidget(words, 1)
        for button in (to_preamble, to_operative, delete):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.rows.append(_Row(words, to_preamble, to_operative, delete))
        return row


def wire(box: UnplacedBox, win: MainWindow) -> None:
    """The box's buttons run their commands as undo steps of the window's document."""
    from app import unplaced_edits

    box.delete_requested.connect(lambda i: win.apply_structure(unplaced_edits.delete_unplaced, index=i))
    box.paragraph_requested.connect(
        lambda i, part: win.apply_structure(unplaced_edits.unplaced_to_paragraph, index=i, part=part)
    )
