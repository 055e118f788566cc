"""A table grid's rows as tall as their cells, measured once per kind of row rather than once per cell.

`QTableView.resizeRowsToContents` asks the delegate for every cell's size: 20,000 Python calls for a table at
the bound (`app.model.MAX_TABLE_CELLS`), seconds on each fit. Most cells of a table are one short line (a
State's name, a figure), and a row of one-line cells is as tall as any other row whose cells have the same
fonts (bold header, italic, empty). So one row of each such kind is measured by Qt, exactly, and its height
given to the others; a row with a cell that might wrap (its text about as wide as its column, or with a line
break) or under a merged cell is measured by Qt on its own, as before. The cells' widths (`measure`) hold
until the cells change: a fit at another width (the list's scroll bar coming) reads them again.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableWidget

from widgets.cell_editor import TEXT_MARGINS

SLACK = 4  # px kept short of the cell's room before a line is taken as fitting (grid line, rounding)
BREAKS = ("\n", "\r", "\u2028", "\u2029")  # a cell's text holding one is more than a line, whatever its width

Cell = tuple[int, bool, bool, bool]  # the text's width in px (-1: more than a line), bold, italic, empty
Kind = tuple[tuple[bool, bool, bool], ...]  # each cell's (bold, italic, empty), in column order


def measure(grid: QTableWidget) -> list[tuple[Cell, ...]]:
    """Each row's cells: their text's width on one line in their font, and their font's look."""
    metrics: dict[str, QFontMetrics] = {}
    rows = []
    for r in range(grid.rowCount()):
        cells = []
        for c in range(grid.columnCount()):
            item = grid.item(r, c)
            text = item.text() if item is not None else ""
            font = item.font() if item is not None else grid.font()
            width = 0
            if text:
                key = font.key()
                if key not in metrics:
                    metrics[key] = QFontMetrics(font)
                width = -1 if any(b in text for b in BREAKS) else metrics[key].horizontalAdvance(text)
            cells.append((width, font.bold(), font.italic(), not text))
        rows.append(tuple(cells))
    return rows


def fit_rows(
    grid: QTableWidget,
    merges: tuple[tuple[int, int, int, int], ...] = (),
    measured: list[tuple[Cell, ...]] | None = None,
) -> list[tuple[Cell, ...]]:
    """Every row of `grid` as tall as `grid.resizeRowsToContents()` makes it; `measured`: `measure(grid)`
    when the cells have not changed since. Returns the cells' measures."""
    measured = measured if measured is not None else measure(grid)
    rooms = [grid.columnWidth(c) - TEXT_MARGINS - SLACK for c in range(grid.columnCount())]
    spanned = {r for top, _c, height, _w in merges for r in range(top, top + height)}
    heights: dict[Kind, int] = {}
    for r, cells in enumerate(measured):
        kind = None if r in spanned else _kind(cells, rooms)
        if kind is None:
            grid.resizeRowToContents(r)
        elif kind in heights:
            grid.setRowHeight(r, heights[kind])
        else:
            grid.resizeRowToContents(r)
            heights[kind] = grid.rowHeight(r)
    return measured


def _kind(cells: tuple[Cell, ...], rooms: list[int]) -> Kind | None:
    """The row's kind when each of its cells is surely one line in its column, else None."""
    if any(width < 0 or width > room for (width, *_), room in zip(cells, rooms, strict=False)):
        return None
    return tuple((bold, italic, empty) for _width, bold, italic, empty in cells)
