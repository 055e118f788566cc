"""The masthead's boxes in the details of a French or Spanish draft: the distribution and original language as
the issued L documents print them ("Distr. limitée", "Original : anglais"; "Distr. limitada", "Original:
inglés"), the date with the draft's month names, and the model keeping its stored values ("Limited",
"English", the date). With no date the calendar opens at today's month, not at the box's least date (1945).
Each box has an accessible name in the interface's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app import interface
from app.interface import tr
from app.languages import get_language
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.main_window import MainWindow


def _type(field: QWidget, text: str) -> None:
    """Key presses carrying each character, accented ones too (QTest's keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _write_in(window: MainWindow, code: str) -> None:
    """The user picks the draft's language in the details."""
    box = window.header.language
    box.setCurrentIndex(box.findData(code))
    QApplication.processEvents()
    assert window.res.header.language == code


@pytest.mark.parametrize("code", ["fr", "es"])
def test_distribution_and_original_show_the_drafts_words(qtbot, window: MainWindow, code: str) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    _write_in(window, code)
    h, language = window.res.header, get_language(code)
    distribution, original = window.header.distribution, window.header.original
    assert distribution.currentText() == language.word(h.distribution) != h.distribution
    assert original.currentText() == language.word(h.original_language) != h.original_language
    assert language.masthead["distribution"].format(value=distribution.currentText()) in (
        "Distr. limitée",
        "Distr. limitada",
    )
    # every choice in the lists is in the draft's words, where a word is known
    words = [original.itemText(i) for i in range(original.count())]
    assert language.word("Spanish") in words and "Spanish" not in words
    # the user picks another choice with the keyboard: the model gets the stored (English) value
    original.setFocus()
    qtbot.keyClick(original, Qt.Key.Key_Down)
    assert original.currentText() == language.word(window.res.header.original_language)
    assert window.res.header.original_language in (
        "Arabic",
        "Chinese",
        "English",
        "French",
        "Russian",
        "Spanish",
    )
    assert window.res.header.original_language != original.currentText()
    # a word typed into the distribution box is taken as its stored value
    distribution.setFocus()
    distribution.lineEdit().selectAll()
    _type(distribution.lineEdit(), language.word("General"))
    assert window.res.header.distribution == "General"
    # a value stored as a draft printed it ("inglés", "anglais" read from its masthead) is shown as that item
    window.res.header.original_language = language.word("English")
    window.header.show_header(window.res)
    assert original.currentIndex() == original.findData("English")
    # back to English: the same stored values, in English words
    window.res.header.original_language = "French"
    _write_in(window, "en")
    assert distribution.currentText() == "General"
    assert original.currentText() == window.res.header.original_language == "French"


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_date_shows_the_drafts_month(qtbot, window: MainWindow, code: str) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    day = dt.date(2025, 12, 4)
    date_box = window.header.date
    date_box.setFocus()
    date_box.setDate(QDate(day.year, day.month, day.day))
    assert window.res.header.date == day
    _write_in(window, code)
    language = get_language(code)
    assert date_box.text() == language.format_date(day) != get_language("en").format_date(day)
    assert window.res.header.date == day  # the stored date unchanged
    # the user moves a day on with the arrow key: the model gets a date, shown in the draft's words
    date_box.setCurrentSection(date_box.Section.DaySection)
    qtbot.keyClick(date_box, Qt.Key.Key_Up)
    assert window.res.header.date == day + dt.timedelta(days=1)
    assert date_box.text() == language.format_date(day + dt.timedelta(days=1))


def test_the_calendar_of_an_undated_draft_opens_at_today(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    window.res.header.date = None  # a rolled-over draft is not dated yet
    window.header.show_header(window.res)
    date_box = window.header.date
    assert date_box.text() == tr("No date")
    # the user clicks the box's arrow, at its right end
    qtbot.mouseClick(
        date_box, Qt.MouseButton.LeftButton, pos=QPoint(date_box.width() - 6, date_box.height() // 2)
    )
    calendar = date_box.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    qtbot.keyClick(calendar.window(), Qt.Key.Key_Escape)
    assert window.res.header.date is None  # opening and closing it leaves the draft undated


@pytest.fixture(params=["en", "fr", "es"])
def speak(request, qapp) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def test_distribution_and_original_have_accessible_names(
    speak: str, qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    assert win.header.distribution.accessibleName() == tr("Distribution")
    assert win.header.original.accessibleName() == tr("Original language")
    assert speak == "en" or tr("Original language") != "Original language"  # said in French and Spanish
    win.doc.history.mark_saved()
    win.close()
