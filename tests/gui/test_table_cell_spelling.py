"""Misspelt words typed into a table's cell are underlined as in a paragraph's text, by the same highlighter and
speller: in the cell's editor while typing, and in the grid once the cell is entered. The table is A/RES/79/250's
(tests/fixtures/akn); which words are unknown is asked of the window's own speller, not typed here."""

from __future__ import annotations

from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from widgets.cell_editor import CellEditor, SpellingDelegate
from widgets.fields import MarkupHighlighter
from widgets.main_window import MainWindow
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
KNOWN, MISSPELT = "assessment", "assesment"
WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _table(qtbot, window: MainWindow, tmp_path: Path) -> TableRow:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    window.paragraphs.finish()
    row = next(r for r in window.paragraphs.rows.values() if isinstance(r, TableRow))
    qtbot.waitUntil(lambda: row.text.highlighter.spelling is not None, timeout=20000)  # spelling warmed up
    return row


def _underlined(document: QTextDocument) -> list[str]:
    """The words of a one-block document its highlighter set with the spelling underline."""
    block = document.firstBlock()
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == WAVY
    ]


def test_a_misspelt_word_typed_into_a_cell_is_underlined(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    assert window.spelling.misspelt(MISSPELT) and not window.spelling.misspelt(KNOWN)
    table = _table(qtbot, window, tmp_path)
    assert isinstance(table.grid.itemDelegate(), SpellingDelegate)
    row, column = table.grid.rowCount() - 1, 1
    table.grid.setFocus()
    table.grid.setCurrentCell(row, column)
    qtbot.keyClick(table.grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEditor)
    assert isinstance(editor.highlighter, MarkupHighlighter)  # the paragraphs' highlighter, not a second one
    qtbot.keyClicks(editor, f"Scale of {MISSPELT} and {KNOWN}")
    assert _underlined(editor.document()) == [MISSPELT]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.grid.state() != table.grid.State.EditingState)
    para = window.res.find(table.paragraph_id)
    assert para.table[row][column] == f"Scale of {MISSPELT} and {KNOWN}"  # Enter committed, no new line

    # the grid paints the entered cell through the same highlighter: the misspelt word alone underlined
    delegate = table.grid.itemDelegate()
    option = QStyleOptionViewItem()
    option.rect = table.grid.visualRect(table.grid.model().index(row, column))
    option.font = table.grid.font()
    document, _ = delegate.document(table.grid.item(row, column).text(), option)
    assert _underlined(document) == [MISSPELT]


def test_a_cell_of_known_words_is_not_marked(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    table = _table(qtbot, window, tmp_path)
    table.grid.setFocus()
    table.grid.setCurrentCell(0, 1)
    qtbot.keyClick(table.grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEditor)
    qtbot.keyClicks(editor, f"The {KNOWN} of Member States")
    assert _underlined(editor.document()) == []
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
