"""The status bar's messages on a narrow window: one that does not fit beside the place and the counts ends
with "…" and is whole in the bar's tooltip, where Qt cut it off mid-word under them ("… Comparar con la
versión de base los m" at 1024x640 in Spanish)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QStatusBar, QWidget

GRIP_AND_MARGINS = 28  # the size grip and the bar's own margins, in pixels


class FittingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self._message = ""
        self.messageChanged.connect(self._changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 (Qt's name)
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch)

    def room(self) -> int:
        """The width left of the permanent widgets, where Qt paints a message."""
        taken = sum(w.width() + self.layout().spacing() for w in self._permanent if w.isVisible())
        return max(0, self.width() - taken - GRIP_AND_MARGINS)

    def showMessage(self, message: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        shown = self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, self.room())
        self._message = message
        self.setToolTip(message if shown != message else "")
        super().showMessage(shown, timeout)

    def currentMessage(self) -> str:  # noqa: N802 (Qt's name)
        """The whole message shown, as it was given (not the shortened line)."""
        return self._message if super().currentMessage() else ""

    def _changed(self, text: str) -> None:
        if not text:  # the message timed out or was cleared
            self._message = ""
            self.setToolTip("")


def fitting_status_bar(window: QMainWindow, *permanent: QWidget) -> FittingStatusBar:
    """Give the window a fitting status bar with these widgets on its right."""
    bar = FittingStatusBar(window)
    window.setStatusBar(bar)
    for widget in permanent:
        bar.addPermanentWidget(widget)
    return bar
