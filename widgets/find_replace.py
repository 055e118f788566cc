"""Find and replace: the bar under the paragraphs (Escape closes it) and what its buttons do."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget

from app import edits
from app.cells import cell_of, field_value
from app.interface import fill, marked, tr
from widgets.actions import ActionId
from widgets.fields import TextField, to_display

if TYPE_CHECKING:
    from widgets.main_window import MainWindow


class FindBar(QWidget):
    find_next = Signal(str, bool)  # text, match case
    replace_one = Signal(str, str, bool)
    replace_all = Signal(str, str, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find = QLineEdit()
        self.find.setPlaceholderText(tr("Find"))
        self.find.setAccessibleName(tr("Find"))
        self.replace = QLineEdit()
        self.replace.setPlaceholderText(tr("Replace with"))
        self.replace.setAccessibleName(tr("Replace with"))
        self.case = QCheckBox(tr("Match case"))
        self.next_button = QPushButton(tr("Find next"))
        self.replace_button = QPushButton(tr("Replace"))
        self.replace_all_button = QPushButton(tr("Replace all"))
        self.status = QLabel()
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(tr("Close find bar"))
        close.setToolTip(tr("Close (Esc)"))
        self._lay_out(close)
        self.find.returnPressed.connect(self._next)
        self.next_button.clicked.connect(self._next)
        self.replace.returnPressed.connect(self._replace)
        self.replace_button.clicked.connect(self._replace)
        self.replace_all_button.clicked.connect(
            lambda: self.replace_all.emit(self.find.text(), self.replace.text(), self.case.isChecked())
        )
        close.clicked.connect(self.close_bar)

    def _lay_out(self, close: QToolButton) -> None:
        """Two rows under the paragraphs, find over replace, each field with its buttons: on a laptop the
        paragraphs' column is some 600 px wide, and one row of it all squeezed the fields to a few letters
        (and, in Spanish, widened the window past the screen)."""
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        for field in (self.find, self.replace):
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("x") * 18)
        grid.addWidget(self.find, 0, 0)
        grid.addWidget(self.next_button, 0, 1)
        grid.addWidget(self.case, 0, 2)
        grid.addWidget(self.status, 0, 3)
        grid.addWidget(close, 0, 4)
        grid.addWidget(self.replace, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        grid.setColumnStretch(0, 1)
        self.status.setMinimumWidth(
            self.status.fontMetrics().horizontalAdvance(fill("{index} of {count}", index=888, count=888))
        )
        self.setTabOrder(self.find, self.replace)

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


class Finder(QObject):
    """What the bar's buttons do to the open document: matches in reading order, one replacement or all."""

    def __init__(self, win: MainWindow, bar: FindBar) -> None:
        super().__init__(win)
        self.win = win
        self.bar = bar
        self._last_match: edits.Match | None = None
        self._opened_from: QWidget | None = None  # where the delegate was when the bar opened
        bar.find_next.connect(self.find_next)
        bar.replace_one.connect(self.replace_one)
        bar.replace_all.connect(self.replace_all)
        bar.closed.connect(self._back_to_text)

    def handlers(self) -> dict[ActionId, Callable[[], object]]:
        return {
            ActionId.FIND: self.open,
            ActionId.FIND_NEXT: lambda: self.find_again(1),
            ActionId.FIND_PREVIOUS: lambda: self.find_again(-1),
        }

    def find_again(self, step: int) -> None:
        """F3 / Shift+F3 from anywhere (the cursor is in the text after a match): the next or previous place
        with the bar's words; with no words yet, the bar opens to take them."""
        needle = self.bar.find.text()
        if not needle:
            self.open()
            return
        self.bar.show()
        self.find_next(needle, self.bar.case.isChecked(), step)

    def open(self) -> None:
        focus = self.win.focusWidget()
        selected = focus.textCursor().selectedText() if isinstance(focus, TextField) else ""
        self._opened_from = focus if focus is not None and not self.bar.isAncestorOf(focus) else None
        self.bar.open_bar(selected)

    def _back_to_text(self) -> None:
        """The bar closed (Escape): the cursor goes back to the text, on the last match found if any (its words
        still selected), else where it was when the bar opened; never to whatever widget comes next."""
        match = self._last_match
        if match is not None and self._matches_still(match):
            self._show_match(match)
        elif self._opened_from is not None and self._opened_from.isVisible():
            self._opened_from.setFocus(Qt.FocusReason.OtherFocusReason)
        elif pid := self.win.paragraphs.active_id:
            self.win.paragraphs.focus_paragraph(pid)

    def _matches_still(self, match: edits.Match) -> bool:
        """The match is still in the document (not deleted or typed over since)."""
        return match in edits.find_all(self.win.res, self.bar.find.text(), case=self.bar.case.isChecked())

    def find_next(self, needle: str, case: bool, step: int = 1) -> edits.Match | None:
        matches = edits.find_all(self.win.res, needle, case=case)
        if not matches:
            self.bar.status.setText(tr("Not found"))
            self._last_match = None
            return None
        self.win.paragraphs.finish()
        order = {key[0]: i for i, key in enumerate(self.win.paragraphs.order)}
        after = len(order)  # the footnotes after the paragraphs, by number
        order |= {fid: after + number for fid, number in self.win.numbers.items()}
        matches.sort(key=lambda m: (order.get(m.paragraph_id, -1), *_field_order(m.field), m.start))
        last = self._last_match
        index = 0 if step > 0 else len(matches) - 1
        if last is not None and last in matches:
            index = (matches.index(last) + step) % len(matches)
        match = matches[index]
        self._last_match = match
        self.bar.status.setText(fill("{index} of {count}", index=index + 1, count=len(matches)))
        self._show_match(match)
        return match

    def _show_match(self, match: edits.Match) -> None:
        if match.field == "footnote":  # in the footnotes pane, its words selected
            self.win.issues_dock.show()
            self.win.bottom_tabs.setCurrentWidget(self.win.footnotes)
            self.win.footnotes.focus_footnote(match.paragraph_id)
            field = self.win.footnotes.fields.get(match.paragraph_id)
            if field is not None:
                field.setSelection(match.start, match.end - match.start)
            return
        if not match.paragraph_id:
            self.win.header.title.setFocus()
            self.win.header.title.setSelection(match.start, match.end - match.start)
            return
        span = (match.start, match.end)
        if cell_of(match.field) is not None:  # a table's cell: the grid goes to the cell
            self.win.paragraphs.focus_paragraph(match.paragraph_id, match.field)
            return
        if match.field != "opener":
            markup = getattr(self.win.res.find(match.paragraph_id), match.field)
            span = (
                len(to_display(markup[: match.start], self.win.numbers)),
                len(to_display(markup[: match.end], self.win.numbers)),
            )
        self.win.paragraphs.focus_paragraph(match.paragraph_id, match.field, span)

    def replace_one(self, needle: str, replacement: str, case: bool) -> None:
        match = self._last_match
        current = edits.find_all(self.win.res, needle, case=case)
        if match is None or match not in current:
            self.find_next(needle, case)
            return
        self.win.doc.history.seal()
        if match.field == "footnote":
            old = self.win.res.footnotes[match.paragraph_id].text
            self.win.apply(
                edits.set_footnote_text,
                footnote_id=match.paragraph_id,
                text=old[: match.start] + replacement + old[match.end :],
                label=marked("Replace"),
            )
        elif match.paragraph_id:
            old = field_value(self.win.res.find(match.paragraph_id), match.field)
            self.win.apply(
                edits.set_field,
                paragraph_id=match.paragraph_id,
                field=match.field,
                value=old[: match.start] + replacement + old[match.end :],
                label=marked("Replace"),
            )
        else:
            self.win.apply(
                edits.set_title,
                value=self.win.res.title[: match.start] + replacement + self.win.res.title[match.end :],
            )
        self._last_match = edits.Match(
            match.paragraph_id, match.field, match.start, match.start + len(replacement)
        )
        self.find_next(needle, case)

    def replace_all(self, needle: str, replacement: str, case: bool) -> None:
        self.win.doc.history.seal()
        count = len(edits.find_all(self.win.res, needle, case=case))
        change = self.win.apply(edits.replace_all, needle=needle, replacement=replacement, case=case)
        self.bar.status.setText(
            fill("Replaced {count}", count=count) if change is not None and count else tr("Not found")
        )


def _field_order(field: str) -> tuple[int, int, int]:
    """Where a field stands in its paragraph for reading order: a table's cells row by row."""
    cell = cell_of(field)
    if cell is not None:
        return (4, *cell)
    return (("title", "opener", "text", "tail", "footnote").index(field), 0, 0)
