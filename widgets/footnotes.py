"""The footnote pane: each footnote of the draft by its printed number, editable in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.interface import tr
from widgets.fields import OpenerField


class FootnoteField(OpenerField):
    """A footnote's text: one line, no italics, undo through the document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = self.font()
        font.setItalic(False)
        self.setFont(font)
        self.setFrame(True)
        self.setPlaceholderText(tr("Text of the footnote"))
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().verticalPolicy())

    def _fit(self) -> None:  # footnotes take the full width
        self.setMinimumWidth(200)
        self.setMaximumWidth(16777215)


class FootnotesPane(QWidget):
    edited = Signal(str, str)  # footnote id, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(
            tr("No footnotes. Put the cursor in a paragraph and press Ctrl+Alt+F to add one.")
        )
        self.empty.setContentsMargins(8, 6, 8, 6)
        self.empty.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setContentsMargins(8, 6, 8, 6)
        scroll.setWidget(body)
        outer.addWidget(self.empty)
        outer.addWidget(scroll, 1)
        self.fields: dict[str, FootnoteField] = {}
        self._numbers: dict[str, int] = {}

    def show_footnotes(self, footnotes: list[tuple[int, str, str]]) -> None:
        """(number, id, text) in printed order; keeps the field being typed in."""
        if [(n, fid) for n, fid, _ in footnotes] == [(self._numbers.get(fid), fid) for fid in self.fields]:
            for _n, fid, text in footnotes:
                self.fields[fid].set_text_quietly(text)
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        self._numbers = {}
        for number, fid, text in footnotes:
            field = FootnoteField()
            field.set_text_quietly(text)
            field.setAccessibleName(tr("Footnote {number}").format(number=number))
            field.edited.connect(lambda value, f=fid: self.edited.emit(f, value))
            label = QLabel(f"<sup><b>{number}</b></sup>")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.form.addRow(label, field)
            self.fields[fid] = field
            self._numbers[fid] = number
        self.empty.setVisible(not footnotes)

    def focus_footnote(self, footnote_id: str) -> None:
        field = self.fields.get(footnote_id)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
