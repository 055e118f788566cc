"""A table grid's rows as tall as their cells, measured once per kind of row rather than once per cell.

`QTableView.resizeRowsToContents` asks the delegate for every cell's size: 20,000 Python calls for a table at
the bound (`app.model.MAX_TABLE_CELLS`), seconds on each fit. Most cells of a table are one short line (a
State's name, a figure), and a row of one-line cells is as tall as any other row whose cells have the same
fonts (bold header, italic, empty). So one row of each such kind is measured by Qt, exactly, and its height
given to the others; a row with a cell that might wrap (its text about as wide as its column, or with a line
break) or under a merged cell is measured by Qt on its own, as before.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableWidget

from widgets.cell_editor import TEXT_MARGINS

SLACK = 4  # px kept short of the cell's room before a line is taken as fitting (grid line, rounding)

Kind = tuple[tuple[bool, bool, bool], ...]  # each cell's (bold, italic, empty), in column order


def fit_rows(grid: QTableWidget, merges: tuple[tuple[int, int, int, int], ...] = ()) -> None:
    """Every row of `grid` as tall as `grid.resizeRowsToContents()` makes it."""
    columns = grid.columnCount()
    rooms = [grid.columnWidth(c) - TEXT_MARGINS - SLACK for c in range(columns)]
    spanned = {r for top, _c, height, _w in merges for r in range(top, top + height)}
    metrics: dict[str, QFontMetrics] = {}
    heights: dict[Kind, int] = {}
    for r in range(grid.rowCount()):
        kind = None if r in spanned else _kind(grid, r, rooms, metrics)
        if kind is None:
            grid.resizeRowToContents(r)
        elif kind in heights:
            grid.setRowHeight(r, heights[kind])
        else:
            grid.resizeRowToContents(r)
            heights[kind] = grid.rowHeight(r)


def _kind(grid: QTableWidget, row: int, rooms: list[int], metrics: dict[str, QFontMetrics]) -> Kind | None:
    """The row's kind when each of its cells is surely one line in its column, else None."""
    kind = []
    for c, room in enumerate(rooms):
        item = grid.item(row, c)
        text = item.text() if item is not None else ""
        font = item.font() if item is not None else grid.font()
        if text and ("\n" in text or "\u2028" in text or _width(text, font, metrics) > room):
            return None
        kind.append((font.bold(), font.italic(), not text))
    return tuple(kind)


def _width(text: str, font: QFont, metrics: dict[str, QFontMetrics]) -> int:
    key = font.key()
    measure = metrics.get(key)
    if measure is None:
        measure = metrics[key] = QFontMetrics(font)
    return measure.horizontalAdvance(text)
