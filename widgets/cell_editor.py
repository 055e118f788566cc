"""A table cell's editor and painting, with misspelt words underlined as in a paragraph's text.

The underlining is the paragraph fields' own (`widgets.fields.MarkupHighlighter`, one speller: the window's
`SpellingSession.misspelt`, switched on and off with the paragraph list's). The editor is a one-line-at-a-time
text field (Enter commits, as in any grid cell); a cell not being edited is painted through the same
highlighter when it holds a misspelt word, and as any item otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QFrame,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QWidget,
)

from widgets.fields import MarkupHighlighter

Speller = Callable[[str], list[tuple[int, int, str]]]
Index = QModelIndex | QPersistentModelIndex


class CellEditor(QTextEdit):
    """The text of the cell being edited: plain text, its misspelt words underlined."""

    def __init__(self, parent: QWidget | None, spelling: Speller | None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(1)
        self.highlighter = MarkupHighlighter(self)
        self.highlighter.spelling = spelling


class SpellingDelegate(QStyledItemDelegate):
    """Cells edited in a `CellEditor`; `spelling()` gives the speller in force (None while spelling is off)."""

    def __init__(self, spelling: Callable[[], Speller | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spelling = spelling

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = CellEditor(parent, self.spelling())
        editor.setFont(option.font)
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            editor.setFont(font)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, CellEditor):
            editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()  # typed over, as a grid's cell is
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, CellEditor):
            text = editor.toPlainText().replace("\n", " ")
            if text != (index.data(Qt.ItemDataRole.EditRole) or ""):
                model.setData(index, text, Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Enter commits the cell (a text edit would take it as a new line); Tab and Escape as usual
        if (
            isinstance(editor, CellEditor)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        speller = self.spelling()
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if speller is None or not speller(text):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        document, _highlighter = self.document(text, opt)  # the highlighter lives while it is drawn
        opt.text = ""  # the background, selection and focus as the style draws them; the words below
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(3, 1, -3, -1)
        painter.save()
        room = rect.height() - document.size().height()  # centred in its row, as the other cells are
        painter.translate(rect.left(), rect.top() + max(room / 2, 0))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def document(self, text: str, opt: QStyleOptionViewItem) -> tuple[QTextDocument, MarkupHighlighter]:
        """The cell's words laid out in its width, misspelt ones underlined by the fields' highlighter."""
        document = QTextDocument()
        document.setDefaultFont(opt.font)
        document.setDocumentMargin(0)
        document.setTextWidth(max(opt.rect.width() - 6, 10))
        highlighter = MarkupHighlighter(document)
        highlighter.spelling = self.spelling()
        document.setPlainText(text)
        highlighter.rehighlight()  # now, not in the next event loop turn: it is drawn at once
        return document, highlighter
