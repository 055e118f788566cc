"""Merged cells in the editor's table grid, driven as a user drives it: the issued table's merged heading spans
its columns in the grid; rows and columns added and removed at a cell keep the merges valid; the grid's menu
merges the cells selected and splits a merged cell, each one undo step, and the preview follows.

The table is A/RES/79/259's first (tests/fixtures/akn): its XML spans its first header cell over two columns."""

from __future__ import annotations

from pathlib import Path

from conftest import open_as_project
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetSelectionRange

from app.table_merges import valid_merges
from widgets.main_window import MainWindow
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_259-2424702E.xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _first_spanned() -> int:
    """How many columns the first table's first spanning cell covers, from the XML."""
    table = next(etree.parse(str(FIXTURE)).getroot().iter(f"{AKN}table"))
    return next(int(c.get("colspan")) for tr in table for c in tr if c.get("colspan"))


def _grid(window: MainWindow, pid: str) -> TableRow:
    row = window.paragraphs.rows[(pid, False)]
    assert isinstance(row, TableRow)
    return row


def _spans(row: TableRow) -> list[tuple[int, int, int, int]]:
    grid = row.grid
    out, seen = [], set()
    for r in range(grid.rowCount()):
        for c in range(grid.columnCount()):
            h, w = grid.rowSpan(r, c), grid.columnSpan(r, c)
            if h * w > 1 and (r, c) not in seen:  # Qt gives a covered cell its span's size too
                out.append((r, c, h, w))
                seen |= {(r + i, c + j) for i in range(h) for j in range(w)}
    return out


def _action(row: TableRow, text: str, r: int, c: int):  # noqa: ANN202
    return next(a for a in row.context_menu(r, c).actions() if a.text() == text)


def test_the_grid_spans_merges_and_keeps_them_through_edits(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    window.paragraphs.finish()
    para = next(p for _, p in window.res.paragraphs() if p.is_table)
    across = _first_spanned()
    assert para.merges[0][2:] == (1, across)
    row = _grid(window, para.id)
    assert _spans(row) == para.merges
    # a column added inside the merged heading widens it, in the model and the grid
    first = para.merges[0]
    row.grid.setCurrentCell(first[0] + 1, first[1])
    qtbot.mouseClick(row.add_column, Qt.MouseButton.LeftButton)
    assert para.merges[0] == (first[0], first[1], 1, across + 1)
    row = _grid(window, para.id)
    assert _spans(row) == para.merges
    # a column removed inside it narrows it back
    row.grid.setCurrentCell(first[0] + 1, first[1] + 1)
    qtbot.mouseClick(row.remove_column, Qt.MouseButton.LeftButton)
    assert para.merges[0] == first and para.merges == valid_merges(para.table, para.merges)
    # Split Cell on the heading, then Ctrl+Z
    row = _grid(window, para.id)
    split = _action(row, "Split Cell", first[0], first[1])
    assert split.isEnabled()
    split.trigger()
    assert first not in para.merges
    row = _grid(window, para.id)
    assert first not in _spans(row)
    qtbot.keyClick(row.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert para.merges[0] == first


def test_merge_cells_from_the_menu_joins_their_words(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    window.paragraphs.finish()
    para = next(p for _, p in window.res.paragraphs() if p.is_table)
    r = next(i for i in range(len(para.table) - 1, 0, -1) if all(para.table[i][:2]))  # two cells with words
    words = para.table[r][:2]
    row = _grid(window, para.id)
    assert not _action(row, "Merge Cells", r, 0).isEnabled()  # nothing selected
    row.grid.setRangeSelected(QTableWidgetSelectionRange(r, 0, r, 1), True)
    join = _action(row, "Merge Cells", r, 0)
    assert join.isEnabled()
    join.trigger()
    assert (r, 0, 1, 2) in para.merges and para.table[r][:2] == [" ".join(words), ""]
    row = _grid(window, para.id)
    assert (r, 0, 1, 2) in _spans(row)
    window.flush()
    assert 'colspan="2"' in window.preview.html
    qtbot.keyClick(row.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert para.table[r][:2] == words and (r, 0, 1, 2) not in para.merges
