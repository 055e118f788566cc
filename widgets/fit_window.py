"""A dialog whose content may be larger than the window it opens over (a 1024x640 laptop window at 150 % scaling,
a 14-point interface font, French or Spanish words): the content scrolls inside the dialog, and the dialog is
sized to its content but never past the window (or the screen when it has no parent window)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QWidget

MARGIN = 16  # the window's edge left visible around the dialog


def scrolled(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that only scrolls when the dialog cannot show all of it."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


def room_for(dialog: QDialog) -> QSize:
    """The most the dialog may take: its parent window's size, else the screen's free area."""
    parent = dialog.parentWidget()
    if parent is not None and parent.window().isVisible():
        size = parent.window().size()
    else:
        screen = dialog.screen()
        size = screen.availableGeometry().size() if screen else QSize(1024, 640)
    return QSize(max(200, size.width() - MARGIN), max(150, size.height() - MARGIN))


def fit_to_window(dialog: QDialog, area: QScrollArea) -> None:
    """Size `dialog` to what `area`'s content wants plus the rest of the dialog, capped by `room_for`."""
    content = area.widget().sizeHint()
    room = room_for(dialog)
    layout = dialog.layout()
    rest = dialog.sizeHint() - area.sizeHint() if layout is not None else QSize(0, 0)
    bar = area.style().pixelMetric(area.style().PixelMetric.PM_ScrollBarExtent)
    wanted = QSize(content.width() + rest.width() + bar, content.height() + rest.height() + bar)
    dialog.resize(wanted.boundedTo(room))


class DownScroll(QScrollArea):
    """Scrolls up and down: the view keeps the width it is given (its labels wrap, its buttons flow) and scrolls
    when that makes it taller than the space it has; sideways only when one control (a button's words) is wider
    than that width. A plain scroll area widened the whole view to its size hint and wrapped nothing."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        content = self.widget()
        if content is None:
            return
        width = max(self.viewport().width(), content.minimumSizeHint().width())
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(width)
        else:
            needed = content.minimumSizeHint().height()
        size = QSize(width, max(self.viewport().height(), needed))
        if content.size() != size:
            content.resize(size)
