"""Every word of a table's cells can be read in the editor's grid at 1024x640: A/RES/75/293's first annex table
(tests/fixtures/akn), six columns of posts, has words wider than their column ("Multidimensional",
"Organizational"); the grid elided them ("Multidime…"), now it breaks them across lines as Word prints them.

What the grid paints is recorded as text through an SVG painter: no "…" that the cells do not hold, and each
cell's letters in their order."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QStyleOptionViewItem, QTableWidget

from tests.gui.shown import shown_window
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_75_293-2108996E.xml"


def _painted(row: TableRow) -> list[str]:
    """The strings the grid draws, in the order drawn."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    svg = QSvgGenerator()
    svg.setOutputDevice(buffer)
    svg.setSize(QSize(row.grid.width(), row.grid.height()))
    row.grid.render(svg)
    drawn = re.findall(r"<text[^>]*>(.*?)</text>", bytes(buffer.data()).decode("utf-8"), re.S)
    return [html.unescape(text) for text in drawn]


def _too_wide(row: TableRow, r: int, c: int) -> bool:
    item = row.grid.item(r, c)
    room = row.grid.visualRect(row.grid.model().index(r, c)).width() - 6
    metrics = QFontMetrics(item.font() if item.font() != QFont() else row.grid.font())
    return any(metrics.horizontalAdvance(word) > room for word in item.text().split())


def test_every_word_of_a_cell_is_painted_whole(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    open_as_project(win, FIXTURE, tmp_path)
    win.paragraphs.finish()
    para = next(p for p in win.res.annex_paragraphs() if p.is_table)
    row = win.paragraphs.row_for(para.id)
    assert isinstance(row, TableRow)
    win.paragraphs.focus_paragraph(para.id)
    qtbot.wait(50)  # the grid laid out in its width
    grid = row.grid
    cells = [
        (r, c) for r in range(grid.rowCount()) for c in range(grid.columnCount()) if grid.item(r, c).text()
    ]
    wide = [
        (r, c) for r, c in cells if grid.rowSpan(r, c) * grid.columnSpan(r, c) == 1 and _too_wide(row, r, c)
    ]
    assert wide  # the table has words wider than their column at this size: the case looked at
    painted = _painted(row)
    held = "".join(grid.item(r, c).text() for r, c in cells)
    assert "…" not in held  # the cells hold none
    assert not [text for text in painted if "…" in text]  # so none is painted
    letters = re.sub(r"\s", "", "".join(painted))
    for r, c in wide:
        assert re.sub(r"\s", "", grid.item(r, c).text()) in letters, grid.item(r, c).text()
    # each such row as tall as its cell's lines broken: the last line is not cut off
    for r, c in wide:
        assert (
            grid.rowHeight(r) >= row.delegate.sizeHint(_option(grid, r, c), grid.model().index(r, c)).height()
        )
    win.doc.history.mark_saved()


def _option(grid: QTableWidget, r: int, c: int) -> QStyleOptionViewItem:
    """The options the grid paints a cell with: its font, in its rectangle, wrapped."""
    option = QStyleOptionViewItem()
    option.initFrom(grid)
    option.font = grid.font()
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    option.rect = grid.visualRect(grid.model().index(r, c))
    option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    return option
