"""A table cell whose text is cut short ("Promotion and protection of human rights: human rights …" in the
agenda items at any window size) shows its whole text as a tooltip, as Qt does not for item views."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QToolTip

PADDING = 8  # the cell's margins around its text


class _CutCellTips(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        index = self.view.indexAt(event.pos())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "") if index.isValid() else ""
        if not text or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # nothing there, or a tooltip of the cell's own
        if cut_short(self.view, text, self.view.visualRect(index)):
            QToolTip.showText(event.globalPos(), text, self.view.viewport())
        else:
            QToolTip.hideText()
        return True


def cut_short(view: QAbstractItemView, text: str, cell: QRect) -> bool:
    """Whether `text`, wrapped as the view wraps it, needs more room than the cell has."""
    room = QRect(0, 0, max(1, cell.width() - PADDING), 100000)
    flags = Qt.TextFlag.TextWordWrap if view.wordWrap() else Qt.TextFlag.TextSingleLine
    needed = view.fontMetrics().boundingRect(room, int(flags), text)
    return needed.width() > room.width() or needed.height() > cell.height()


def tip_cut_cells(view: QAbstractItemView) -> None:
    view.viewport().installEventFilter(_CutCellTips(view))
