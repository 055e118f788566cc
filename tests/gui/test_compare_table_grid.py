"""A table compared with its base is shown as a grid, as a delegate reads it: a cell retyped holds its old words
struck through and its new words underlined, in its own row and column.

The table is A/RES/79/250's (tests/fixtures/akn); rows and columns are counted from the draft as opened."""

from __future__ import annotations

from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextFrame, QTextTable
from PySide6.QtWidgets import QApplication

from app import inline
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found += _tables(child)
    return found


def _runs(table: QTextTable, row: int, column: int) -> list[tuple[bool, bool, str]]:
    """(struck through, underlined, text) of each fragment of a cell."""
    cell = table.cellAt(row, column)
    out = []
    it = cell.begin()
    while not it.atEnd():
        block = it.currentBlock()
        frag = block.begin()
        while not frag.atEnd():
            f = frag.fragment()
            out.append((f.charFormat().fontStrikeOut(), f.charFormat().fontUnderline(), f.text()))
            frag += 1
        it += 1
    return out


def test_a_retyped_cell_is_marked_in_its_place_in_the_grid(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    window.paragraphs.finish()
    grid = next(r for r in window.paragraphs.rows.values() if isinstance(r, TableRow))
    cells = [
        [inline.plain(c) for c in row] for row in next(p for p in window.res.operative if p.is_table).table
    ]
    row, column = next(
        (r, c) for r, line in enumerate(cells) for c, text in enumerate(line) if text and r > 1
    )
    old = cells[row][column]
    grid.grid.setFocus()
    grid.grid.setCurrentCell(row, column)
    qtbot.keyClick(grid.grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Surcharge")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.grid.state() != grid.grid.State.EditingState)
    window.flush()
    window.action(ActionId.COMPARE_BASE).trigger()
    assert [label for _, label, _ in window.versions.view.shown_rows() if label.startswith("Table")] == [
        "Table 1"
    ]
    tables = [t for t in _tables(window.versions.view.browser.document().rootFrame()) if t.columns() > 2]
    assert len(tables) == 1
    shown = tables[0]
    assert (shown.rows(), shown.columns()) == (len(cells), len(cells[0]))
    runs = _runs(shown, row, column)
    assert (True, False, old) in runs and (False, True, "Surcharge") in runs
    other = next((r, c) for r, line in enumerate(cells) for c, text in enumerate(line) if text and r != row)
    assert _runs(shown, *other) == [(False, False, cells[other[0]][other[1]])]
