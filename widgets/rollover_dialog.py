"""Roll over to next session: what the adopted resolution was, then each automatic change to keep or undo.

Step one asks for the adopted symbol and the adoption date (pre-filled from the opened file where it says
them) and the organ of the new draft. Step two lists every change `app.rollover.rollover` made, each with a
box: unticking it undoes that change on the new draft, ticking it again redoes it. Items to review by hand
have no box.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ResoluteError
from app.formatting import parse_date
from app.interface import tr
from app.io.imported import Adoption
from app.languages import get_language, read_date
from app.messages import explain, localize
from app.model import Resolution
from app.rollover import RolloverChange, rollover
from app.templates import all_templates, template_name

_EXAMPLE = dt.date(2025, 12, 15)  # the date shown as an example, in the draft's language


class RolloverDialog(QDialog):
    def __init__(self, res: Resolution, info: Adoption, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Roll over to next session"))
        self.resize(680, 420)
        self.base = res
        self.result_resolution: Resolution | None = None
        self.changes: list[RolloverChange] = []

        self.pages = QStackedWidget()
        self.pages.addWidget(self._adopted_page(res, info))  # step one: the adopted resolution
        self.pages.addWidget(self._changes_page())  # step two: the changes
        self._build_buttons()
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages, 1)
        lay.addWidget(self.buttons)

    def _adopted_page(self, res: Resolution, info: Adoption) -> QWidget:
        """Step one: the adopted resolution's symbol and date, and the organ of the new draft."""
        first = QWidget()
        form = QFormLayout(first)
        intro = QLabel(
            tr(
                "Next session's draft starts from the adopted text. Say which resolution it was: the "
                "new draft cites it in the preamble."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.symbol = QLineEdit(info.symbol)
        self.symbol.setPlaceholderText(tr("e.g. A/RES/80/70"))
        self.symbol.setAccessibleName(tr("Adopted symbol"))
        self.language = get_language(res.header.language)  # dates are typed as the draft prints them
        self.date = QLineEdit(self.language.format_date(info.date) if info.date else "")
        self.date.setPlaceholderText(
            tr("e.g. {date} (leave empty if not known)").format(date=self.language.format_date(_EXAMPLE))
        )
        self.date.setToolTip(self.date.placeholderText())  # cut off in a narrow dialog or with a large font
        self.date.setAccessibleName(tr("Adoption date"))
        self.template = QComboBox()
        self.template.setAccessibleName(tr("Organ of the new draft"))
        wanted = info.template or res.header.template
        for i, tpl in enumerate(all_templates().values()):
            self.template.addItem(template_name(tpl.id, tpl.name), tpl.id)
            if tpl.id == wanted:
                self.template.setCurrentIndex(i)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        form.addRow(tr("Adopted as:"), self.symbol)
        form.addRow(tr("Adopted on:"), self.date)
        form.addRow(tr("New draft for:"), self.template)
        form.addRow(self.message)
        return first

    def _changes_page(self) -> QWidget:
        """Step two: the automatic changes, each to untick."""
        second = QWidget()
        lay2 = QVBoxLayout(second)
        explain = QLabel(
            tr(
                "These changes were made automatically. Untick one to undo it; items without a box "
                "are for you to check by hand."
            )
        )
        explain.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Automatic changes"))
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._toggled)
        lay2.addWidget(explain)
        lay2.addWidget(self.list, 1)
        return second

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Roll Over"))
        self.back_button = self.buttons.addButton(tr("Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.hide()
        self.back_button.clicked.connect(self._back)
        self.buttons.accepted.connect(self._next)
        self.buttons.rejected.connect(self.reject)

    def adoption_date(self) -> tuple[bool, dt.date | None]:
        text = self.date.text().strip()
        if not text:
            return True, None
        date = read_date(text, language=self.language.code) or parse_date(text)
        return date is not None, date

    def _next(self) -> None:
        if self.pages.currentIndex() == 1:
            self.accept()
            return
        symbol = self.symbol.text().strip()
        ok, date = self.adoption_date()
        if not symbol:
            self.message.setText(tr("Give the symbol the resolution was adopted as (e.g. A/RES/80/70)."))
            self.symbol.setFocus()
            return
        if not ok:
            self.message.setText(
                tr("Write the date as in the resolution, e.g. {date}.").format(
                    date=self.language.format_date(_EXAMPLE)
                )
            )
            self.date.setFocus()
            return
        try:
            new, changes = rollover(
                self.base,
                adoption_date=date,
                adopted_symbol=symbol,
                template=self.template.currentData() or "",
            )
        except ResoluteError as exc:
            self.message.setText(explain(exc))
            return
        self.result_resolution, self.changes = new, changes
        self.list.blockSignals(True)
        for change in changes:
            item = QListWidgetItem(localize(change.description))
            if change.can_undo:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setText(tr("Check: {note}").format(note=localize(change.description)))
                item.setForeground(QColor("#8a4b00"))  # a note for the user, not a change
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.pages.setCurrentIndex(1)
        self.ok_button.setText(tr("Open New Draft"))
        self.back_button.show()

    def _back(self) -> None:
        """To step one: a new rollover is made from the adopted text when the user goes on again."""
        self.list.clear()
        self.result_resolution, self.changes = None, []
        self.pages.setCurrentIndex(0)
        self.ok_button.setText(tr("Roll Over"))
        self.back_button.hide()

    def _toggled(self, item: QListWidgetItem) -> None:
        change = self.changes[self.list.row(item)]
        if self.result_resolution is None or not change.can_undo:
            return
        keep = item.checkState() == Qt.CheckState.Checked
        try:
            (change.redo if keep else change.undo)(self.result_resolution)
        except ResoluteError as exc:
            self.list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked if keep else Qt.CheckState.Checked)
            self.list.blockSignals(False)
            item.setToolTip(explain(exc))

    def change_items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]
