"""A table cell's editor and painting, with misspelt words underlined as in a paragraph's text.

The underlining is the paragraph fields' own (`widgets.fields.MarkupHighlighter`, one speller: the window's
`SpellingSession.misspelt`, switched on and off with the paragraph list's). The editor is a one-line-at-a-time
text field (Enter commits, as in any grid cell); a cell not being edited is painted through the same
highlighter when it holds a misspelt word or a word wider than its column, and as any item otherwise.

A word wider than its column ("Multidimensional" in a narrow column of an annex's posts table at 1024 px) is
broken across lines, as Word prints it: the style elided it ("Multidime…") and the cell could not be read.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
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
    """Cells edited in a `CellEditor`; `spelling()` gives the speller in force (None while spelling is off).
    A right-click in the editor asks for its menu (`editor_menu`), as a paragraph's text field does."""

    editor_menu = Signal(object, object)  # CellEditor, QPoint (global)

    def __init__(self, spelling: Callable[[], Speller | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spelling = spelling
        # each cell's size by its text, font, width and wrapping: the grid asks at every fit
        self._sizes: dict[tuple[str, str, int, bool], tuple[int, int]] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = CellEditor(parent, self.spelling())
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(
            lambda pos, e=editor: self.editor_menu.emit(e, e.mapToGlobal(pos))
        )
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
        if (
            isinstance(editor, CellEditor)
            and event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and (
                event.reason() == Qt.FocusReason.PopupFocusReason
                or QApplication.activePopupWidget() is not None
            )
        ):
            return False  # its right-click menu is up: the cell is still being edited (a choice edits it)
        return super().eventFilter(editor, event)

    def _laid_out(
        self, option: QStyleOptionViewItem, index: Index
    ) -> tuple[QTextDocument, MarkupHighlighter, QPointF]:
        """The cell's words as `paint` draws them, and where their top left stands in the grid's viewport."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        document, highlighter = self.document(index.data(Qt.ItemDataRole.DisplayRole) or "", opt)
        rect = opt.rect.adjusted(3, 1, -3, -1)
        room = rect.height() - document.size().height()  # centred in its row, as the other cells are
        return document, highlighter, QPointF(rect.left(), rect.top() + max(room / 2, 0))

    def position_at(self, option: QStyleOptionViewItem, index: Index, point: QPointF) -> int:
        """The offset in the cell's text of the character under `point` (viewport coordinates), as painted."""
        document, _highlighter, origin = self._laid_out(option, index)
        return document.documentLayout().hitTest(point - origin, Qt.HitTestAccuracy.FuzzyHit)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        speller = self.spelling()
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if (speller is None or not speller(text)) and not _too_wide(text, opt):
            super().paint(painter, option, index)
            return
        document, _highlighter, origin = self._laid_out(option, index)  # it lives while it is drawn
        opt.text = ""  # the background, selection and focus as the style draws them; the words below
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(origin)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """As tall as the cell's lines with a word too wide broken across them (the grid's rows fit their cells).
        The grid asks again at each fit, mostly in the same width: each cell is measured once per width."""
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text, font.key(), option.rect.width(), bool(option.features & WRAP))
        size = self._sizes.get(key)
        if size is None:
            hint = super().sizeHint(option, index)
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            if _too_wide(text, opt):
                document, _highlighter = self.document(text, opt)
                hint.setHeight(max(hint.height(), math.ceil(document.size().height()) + 2))
            if len(self._sizes) > SIZES_KEPT:
                self._sizes.clear()
            size = self._sizes[key] = (hint.width(), hint.height())
        return QSize(*size)

    def document(self, text: str, opt: QStyleOptionViewItem) -> tuple[QTextDocument, MarkupHighlighter]:
        """The cell's words laid out in its width, misspelt ones underlined by the fields' highlighter; a word
        wider than the cell broken where the width ends."""
        document = QTextDocument()
        document.setDefaultFont(opt.font)
        wrapping = QTextOption()
        wrapping.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(wrapping)
        document.setDocumentMargin(0)
        document.setTextWidth(max(opt.rect.width() - TEXT_MARGINS, 10))
        highlighter = MarkupHighlighter(document)
        highlighter.spelling = self.spelling()
        document.setPlainText(text)
        highlighter.rehighlight()  # now, not in the next event loop turn: it is drawn at once
        return document, highlighter


TEXT_MARGINS = 6  # px: the style's text margin, 3 on each side of a cell
SIZES_KEPT = 20_000  # cells' sizes remembered by a grid's delegate, at most
WRAP = QStyleOptionViewItem.ViewItemFeature.WrapText


def _too_wide(text: str, opt: QStyleOptionViewItem) -> bool:
    """Whether a word of `text` is wider than the cell's room (only known once the grid has laid it out)."""
    room = opt.rect.width() - TEXT_MARGINS
    if room <= 0 or not opt.features & WRAP:
        return False
    metrics = QFontMetrics(opt.font)
    return any(metrics.horizontalAdvance(word) > room for word in text.split())
