"""The masthead's boxes in the details: the date, the distribution and the original language, each shown in
the draft's language ("4 décembre 2023", "limitée", "anglais") while the model keeps its stored values (a
date, "Limited", "English")."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from app.languages import get_language, stored_value

NO_DATE = QDate(1945, 10, 24)  # the date box at its least: a draft with no date (shown as "No date")
_FIELD = re.compile(r"(\{day\}|\{month\}|\{year\})")
_QT_FIELDS = {"{day}": "d", "{month}": "MMMM", "{year}": "yyyy"}


def qt_date_format(pattern: str) -> str:
    """A language's date pattern ("{day} de {month} de {year}") as a Qt display format, its words quoted."""
    parts = []
    for part in _FIELD.split(pattern):
        if part in _QT_FIELDS:
            parts.append(_QT_FIELDS[part])
        elif any(c.isalpha() or c == "'" for c in part):  # " de ": quoted, else Qt reads d, e as fields
            parts.append("'" + part.replace("'", "''") + "'")
        else:
            parts.append(part)  # spaces, commas: literal as they are
    return "".join(parts)


def draft_locale(code: str) -> QLocale:
    """The locale whose month names the draft's language prints (British English for English)."""
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom) if code == "en" else QLocale(code)


class DraftDateEdit(QDateEdit):
    """The date as the draft prints it; with no date its calendar opens at today's month, not at NO_DATE."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self._code = ""
        self.show_language("en")
        self.calendarWidget().window().installEventFilter(self)  # the popup holding the calendar

    def show_language(self, code: str) -> None:
        if code == self._code:
            return
        self._code = code
        self.setLocale(draft_locale(code))
        self.calendarWidget().setLocale(self.locale())
        self.setDisplayFormat(qt_date_format(get_language(code).date_pattern))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


class WordBox(QComboBox):
    """A choice among stored (English) values, each shown as the draft's language prints it: "Limited" is
    "limitée" in a French draft. `value_changed` reports the stored value; a word typed in an editable box
    that is no item's and no language's masthead word is reported as typed."""

    value_changed = Signal(str)

    def __init__(self, values: tuple[str, ...], *, editable: bool = False) -> None:
        super().__init__()
        self.setEditable(editable)
        for value in values:
            self.addItem(value, value)
        self._code = "en"
        self.currentTextChanged.connect(lambda text: self.value_changed.emit(self.value_of(text)))

    def value_of(self, text: str) -> str:
        """The stored value of a word shown or typed: an item's, else the value any language's word stands for
        ("Restreinte", "limitada" typed in a French draft → "Restricted", "Limited"), else the word as typed."""
        index = self.findText(text)
        return self.itemData(index) if index >= 0 else stored_value(text)

    def show_language(self, code: str) -> None:
        self._code = code
        language = get_language(code)
        for index in range(self.count()):
            self.setItemText(index, language.word(self.itemData(index)))

    def show_value(self, value: str) -> None:
        index = self.findData(value)
        if index < 0:  # a value read as printed ("inglés" from "Original: inglés"): the item showing it
            index = self.findText(value, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.setCurrentIndex(index)
        if self.isEditable():
            word = self.itemText(index) if index >= 0 else get_language(self._code).word(value)
            if self.currentText() != word:
                self.setEditText(word)
