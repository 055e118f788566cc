"""Finding messages, fixes, undo labels, counts and template names in the interface language, driven as a
delegate does in a French or Spanish editor. Expected texts come from the catalogs (resources/interface/), never
typed here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from app import interface
from app.interface import catalog, message_catalog
from app.messages import Message, localize
from tests.gui.test_editor import draft, rows
from widgets.actions import ActionId
from widgets.fields import MAX_PASTED_CHARS
from widgets.interface_language import apply
from widgets.welcome import WelcomeDialog

OTHERS = [code for code in interface.languages() if code != interface.ENGLISH]


@pytest.fixture
def speak(qapp) -> Iterator:  # noqa: ANN001
    yield apply
    apply(interface.ENGLISH)


def _said(text: Message, code: str) -> str:
    """`text` filled from its catalog entry, fields as they are (the plain words of the draft)."""
    return message_catalog(code)[text.template].format_map(text.fields)


@pytest.mark.parametrize("code", OTHERS)
def test_a_finding_and_its_fix_read_in_the_interface_language(code: str, speak, request, qtbot) -> None:  # noqa: ANN001
    speak(code)
    window = request.getfixturevalue("window")
    draft(qtbot, window)
    field = rows(window)[2].text
    field.setFocus()
    qtbot.keyClicks(field, " of the UN")  # an abbreviation the UN never prints in a resolution
    window.flush()
    QApplication.processEvents()
    tree = window.issues.tree
    shown = {}
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        shown[finding.rule] = (finding, item)
    finding, item = shown["organs.abbreviation"]
    assert isinstance(finding.message, Message)
    assert item.text(2) == _said(finding.message, code) != finding.message  # French, not the English
    assert item.text(3) == f"✎ {_said(finding.fix.label, code)}"
    row = next(r for r in rows(window) if r.fix.isVisible())
    assert row.fix.text() == f"✎ {_said(finding.fix.label, code)}"
    assert row.fix.toolTip() == item.text(2)


@pytest.mark.parametrize("code", OTHERS)
def test_undo_and_redo_say_what_they_take_back(code: str, speak, request, qtbot) -> None:  # noqa: ANN001
    speak(code)
    window = request.getfixturevalue("window")
    draft(qtbot, window)
    text, words = catalog(code), message_catalog(code)
    undo, redo = window.action(ActionId.UNDO), window.action(ActionId.REDO)
    assert undo.text().split("\t")[0] == text["&Undo {action}"].format(action=words["Typing"])
    window.action(ActionId.DELETE_PARAGRAPH).trigger()
    QApplication.processEvents()
    assert undo.text().split("\t")[0] == text["&Undo {action}"].format(action=words["Delete paragraph"])
    undo.trigger()
    QApplication.processEvents()
    assert redo.text().split("\t")[0] == text["&Redo {action}"].format(action=words["Delete paragraph"])


@pytest.mark.parametrize("code", OTHERS)
def test_a_refused_paste_counts_as_the_language_prints_numbers(code: str, speak, request, qtbot) -> None:  # noqa: ANN001
    speak(code)
    window = request.getfixturevalue("window")
    draft(qtbot, window)
    text = "word " * (MAX_PASTED_CHARS // 5 + 1)
    mime = QMimeData()
    mime.setText(text)
    field = rows(window)[2].text
    field.setFocus()
    field.insertFromMimeData(mime)
    QApplication.processEvents()
    message = window.statusBar().currentMessage()
    template = catalog(code)["The pasted text is {count} characters long, more than a paragraph holds"]
    assert message == template.format(count=interface.number(len(text), code))
    assert f"{len(text):,}" not in message  # no English comma


@pytest.mark.parametrize("code", OTHERS)
def test_the_gallery_names_the_organs_in_the_language(code: str, speak, qtbot) -> None:  # noqa: ANN001
    speak(code)
    dialog = WelcomeDialog("ga-c3")
    qtbot.addWidget(dialog)
    names = [dialog.organs.item(i).text() for i in range(dialog.organs.count())]
    assert names == list(interface.template_catalog(code).values())
    assert dialog.organs.currentItem().text() == interface.template_catalog(code)["ga-c3"]


def test_english_stays_english(request, qtbot) -> None:  # noqa: ANN001
    window = request.getfixturevalue("window")
    draft(qtbot, window)
    assert window.action(ActionId.UNDO).text().split("\t")[0] == "&Undo Typing"
    assert localize(window.doc.history.undo_status().undo) == "Typing"


@pytest.mark.parametrize("code", OTHERS)
def test_the_details_show_each_heading_and_organ_whole(code: str, speak, request, qtbot) -> None:  # noqa: ANN001
    speak(code)
    window = request.getfixturevalue("window")
    header = window.header.agenda.horizontalHeader()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), (code, column)
    organs = window.header.template
    widest = max(
        organs.view().sizeHintForIndex(organs.model().index(i, 0)).width() for i in range(organs.count())
    )
    assert organs.view().minimumWidth() >= widest
    window.resize(1024, 640)  # the smallest window: the details share a tabbed column
    qtbot.wait(50)
    window.details_dock.raise_()
    QApplication.processEvents()
    text_width = organs.fontMetrics().horizontalAdvance(organs.currentText())
    assert text_width + 30 <= organs.width(), (code, organs.currentText())  # the name whole beside the arrow
    assert organs.toolTip() == organs.currentText() == interface.template_catalog(code)[organs.currentData()]
