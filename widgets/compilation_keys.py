"""The compilation from the keyboard: Up and Down select the place before or after (the buttons below act on it)
and Tab goes on to those buttons.

A QTextBrowser takes Tab to walk its links, one per paragraph label: on A/C.3/80/L.20 a keyboard user pressed Tab
157 times to leave the compilation for the Accept button below it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTextBrowser

from app.interface import tr

_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}


class CompilationKeys(QObject):
    """Up and Down call `step(+1 or -1)`; Tab and Shift+Tab move the focus on, past the browser's links."""

    def __init__(self, browser: QTextBrowser, step: Callable[[int], None]) -> None:
        super().__init__(browser)
        self._step = step
        flags = browser.textInteractionFlags() & ~Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        browser.setTextInteractionFlags(flags)  # Tab leaves: the links stay for the mouse
        browser.setAccessibleDescription(
            tr("Up and Down: the place before or after; Tab: the buttons that decide on it")
        )
        browser.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            delta = _STEPS.get(Qt.Key(event.key()))
            if delta is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self._step(delta)
                return True
        return super().eventFilter(watched, event)
