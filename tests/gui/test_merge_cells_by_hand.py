"""Merging a table's cells as a delegate does it, on A/RES/79/255's annex table (tests/fixtures/akn): with the
mouse, cells selected then a right-click on one of them; with the keyboard alone, Shift+arrows then Shift+F10
or the menu key (on the Keys card, Help › Keys). Before, the right-click made the cell under the mouse the only one selected, so Merge Cells
was always greyed out, and no key opened the cell's menu: a merge could not be made at all.

The row merged is the first of the table's body whose first two cells both hold words (from the XML); the
merged cell holds both, and the preview prints it over two columns."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from app import interface
from app.interface import tr
from app.model import Paragraph
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.main_window import MainWindow
from widgets.table_row import TableRow
from widgets.welcome import key_card_rows

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_255-2424696E.xml"


@pytest.fixture(params=["en", "fr", "es"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def _opened(qtbot, settings, prompter, tmp_path: Path) -> tuple[MainWindow, Paragraph, TableRow, int]:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # Ctrl+Z is the window's shortcut
    open_as_project(win, FIXTURE, tmp_path)
    win.paragraphs.finish()
    para = next(p for p in win.res.annex_paragraphs() if p.is_table)
    row = win.paragraphs.row_for(para.id)
    assert isinstance(row, TableRow)
    body = range(para.header_rows, len(para.table))
    r = next(i for i in body if all(c.strip() for c in para.table[i][:2]) and not _merged(para, i, 0))
    win.paragraphs.focus_paragraph(para.id)
    row.grid.setFocus()
    row.grid.setCurrentCell(r, 0)
    return win, para, row, r


def _merged(para: Paragraph, r: int, c: int) -> bool:
    return any(a <= r < a + h and b <= c < b + w for a, b, h, w in para.merges)


def _in_menu(qtbot, open_menu: Callable[[], None], choose: str) -> list[tuple[str, bool]]:  # noqa: ANN001
    """Open the menu, walk it with the arrow keys to the entry `choose` and press Enter (Esc when it is not
    there or greyed out); returns what the menu offered."""
    seen: list[tuple[str, bool]] = []

    def walk() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            return
        seen.extend((a.text(), a.isEnabled()) for a in menu.actions() if a.text())
        wanted = next((a for a in menu.actions() if a.text() == choose and a.isEnabled()), None)
        for _ in range(len(menu.actions()) if wanted else 0):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
            if menu.activeAction() is wanted:
                qtbot.keyClick(menu, Qt.Key.Key_Return)
                return
        menu.close()

    QTimer.singleShot(200, walk)
    open_menu()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return seen


def test_cells_selected_then_right_clicked_are_merged(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win, para, row, r = _opened(qtbot, settings, prompter, tmp_path)
    words = list(para.table[r][:2])
    grid = row.grid
    first, second = (grid.visualRect(grid.model().index(r, c)).center() for c in (0, 1))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, second)
    assert len(grid.selectedIndexes()) == 2
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.RightButton, pos=second)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, second, grid.viewport().mapToGlobal(second))
    offered = _in_menu(qtbot, lambda: QApplication.sendEvent(grid.viewport(), event), tr("Merge Cells"))
    assert (tr("Merge Cells"), True) in offered
    assert (r, 0, 1, 2) in para.merges and para.table[r][:2] == [" ".join(words), ""]
    win.flush()
    assert 'colspan="2"' in win.preview.html
    qtbot.keyClick(win.paragraphs.row_for(para.id).grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert para.table[r][:2] == words and (r, 0, 1, 2) not in para.merges
    qtbot.keyClick(win.paragraphs.row_for(para.id).grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert (r, 0, 1, 2) in para.merges
    win.doc.history.mark_saved()


def test_cells_are_merged_and_split_from_the_keyboard(
    qtbot, settings, prompter, tmp_path: Path, language: str
) -> None:  # noqa: ANN001
    win, para, row, r = _opened(qtbot, settings, prompter, tmp_path)
    words = list(para.table[r][:2])
    assert "F10" in row.grid.accessibleDescription()  # a screen reader says how to reach the menu
    keys = QKeySequence("Shift+F10").toString(QKeySequence.SequenceFormat.NativeText)  # "Maj+F10"
    assert dict(key_card_rows())[keys] == tr("In a table: the cell's menu (merge, split, rows, columns)")
    qtbot.keyClick(row.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    shift_f10 = lambda: qtbot.keyClick(row.grid, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)  # noqa: E731
    offered = _in_menu(qtbot, shift_f10, tr("Merge Cells"))
    assert (tr("Merge Cells"), True) in offered
    assert (r, 0, 1, 2) in para.merges and para.table[r][:2] == [" ".join(words), ""]
    # the menu key (a context menu sent to the grid itself) on the merged cell: Split Cell
    grid = win.paragraphs.row_for(para.id).grid
    grid.setFocus()
    grid.setCurrentCell(r, 0)
    menu_key = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), grid.mapToGlobal(QPoint(2, 2))
    )
    offered = _in_menu(qtbot, lambda: QApplication.sendEvent(grid, menu_key), tr("Split Cell"))
    assert (tr("Split Cell"), True) in offered
    assert (r, 0, 1, 2) not in para.merges
    win.doc.history.mark_saved()
