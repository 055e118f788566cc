"""Find and replace, as a bar under the paragraphs (Escape closes it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    find_next = Signal(str, bool)  # text, match case
    replace_one = Signal(str, str, bool)
    replace_all = Signal(str, str, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.find = QLineEdit()
        self.find.setPlaceholderText("Find")
        self.find.setAccessibleName("Find")
        self.replace = QLineEdit()
        self.replace.setPlaceholderText("Replace with")
        self.replace.setAccessibleName("Replace with")
        self.case = QCheckBox("Match case")
        self.next_button = QPushButton("Find next")
        self.replace_button = QPushButton("Replace")
        self.replace_all_button = QPushButton("Replace all")
        self.status = QLabel()
        self.status.setMinimumWidth(110)
        close = QPushButton("✕")
        close.setFlat(True)
        close.setAccessibleName("Close find bar")
        close.setToolTip("Close (Esc)")
        for widget in (self.find, self.replace, self.case, self.next_button, self.replace_button,
                       self.replace_all_button, self.status, close):  # fmt: skip
            layout.addWidget(widget)
        layout.setStretch(0, 2)
        layout.setStretch(1, 2)
        self.find.returnPressed.connect(self._next)
        self.next_button.clicked.connect(self._next)
        self.replace.returnPressed.connect(self._replace)
        self.replace_button.clicked.connect(self._replace)
        self.replace_all_button.clicked.connect(
            lambda: self.replace_all.emit(self.find.text(), self.replace.text(), self.case.isChecked())
        )
        close.clicked.connect(self.close_bar)

    def _next(self) -> None:
        self.find_next.emit(self.find.text(), self.case.isChecked())

    def _replace(self) -> None:
        self.replace_one.emit(self.find.text(), self.replace.text(), self.case.isChecked())

    def open_bar(self, selected: str = "") -> None:
        if selected:
            self.find.setText(selected)
        self.show()
        self.find.setFocus()
        self.find.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
