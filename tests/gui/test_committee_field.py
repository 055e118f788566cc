"""The details' Committee field in a French or Spanish draft: its hint is the template's committee as the draft
prints it ("Troisième Commission", not "Third Committee"), the commission typed or picked from its list in the
draft's words is stored by its English name, and the field shows the stored name in the draft's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.languages import get_language
from widgets.main_window import MainWindow


def _type(field: QWidget, text: str) -> None:
    """Key presses carrying each character, accented ones too (QTest's keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _write_in(window: MainWindow, code: str) -> None:
    box = window.header.language
    box.setCurrentIndex(box.findData(code))
    QApplication.processEvents()
    assert window.res.header.language == code


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_committee_hint_is_in_the_drafts_words(qtbot, window: MainWindow, code: str) -> None:  # noqa: ANN001
    window.files.new_document("ga-c3")
    field = window.header.committee
    assert field.placeholderText() == "Third Committee"
    _write_in(window, code)
    assert field.placeholderText() == get_language(code).committee("Third Committee") != "Third Committee"


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_commission_typed_in_the_drafts_words_is_stored_by_its_english_name(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    code: str,
) -> None:
    window.files.new_document("ecosoc")
    _write_in(window, code)
    language = get_language(code)
    printed = language.committee("Commission on the Status of Women")
    field = window.header.committee
    field.setFocus()
    _type(field, printed)
    assert window.res.header.committee == "Commission on the Status of Women"
    assert field.text() == printed
    # its list offers the bodies in the draft's words
    completer = field.completer()
    names = completer.model().stringList()
    assert printed in names and language.committee("Statistical Commission") in names
    assert "Statistical Commission" not in names
    # the draft put into the other language: the field shows the stored name in its words
    other = "es" if code == "fr" else "fr"
    _write_in(window, other)
    assert field.text() == get_language(other).committee("Commission on the Status of Women")
    _write_in(window, "en")
    assert field.text() == "Commission on the Status of Women"


def test_a_commission_picked_from_the_list_is_stored_by_its_english_name(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ecosoc")
    _write_in(window, "fr")
    field = window.header.committee
    field.setFocus()
    _type(field, "statis")
    completer = field.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "Commission de statistique"
    assert window.res.header.committee == "Statistical Commission"


@pytest.mark.parametrize("code", ["fr", "es"])
def test_restricted_is_offered_in_the_drafts_words(qtbot, window: MainWindow, code: str) -> None:  # noqa: ANN001
    window.files.new_document("ga-c3")
    _write_in(window, code)
    box = window.header.distribution
    word = get_language(code).word("Restricted")
    assert word != "Restricted" and word in [box.itemText(i) for i in range(box.count())]
    box.setFocus()
    box.setCurrentIndex(box.findText(word))
    assert window.res.header.distribution == "Restricted"
    # typed in the other language's word, in capitals: still the stored value
    box.lineEdit().selectAll()
    _type(box.lineEdit(), get_language("es" if code == "fr" else "fr").word("General").upper())
    assert window.res.header.distribution == "General"
