"""A table cell as a field of its table paragraph: "cell:R:C" names the cell at row R, column C.

Find and replace, the spelling and style checks and their fixes name a place by paragraph, field and span;
a cell is such a field, its span an offset into the cell's markup, so each of them reaches cells as it
reaches a paragraph's text."""

from __future__ import annotations

import re

from app.model import Paragraph

_CELL = re.compile(r"cell:(\d+):(\d+)")


def cell_field(row: int, column: int) -> str:
    return f"cell:{row}:{column}"


def cell_of(field: str) -> tuple[int, int] | None:
    """(row, column) of a cell field, None for any other field."""
    found = _CELL.fullmatch(field)
    return (int(found.group(1)), int(found.group(2))) if found else None


def cells_of(para: Paragraph) -> list[tuple[str, str]]:
    """(field, markup) of each cell of a table paragraph, row by row."""
    return [(cell_field(r, c), cell) for r, row in enumerate(para.table) for c, cell in enumerate(row)]


def field_value(para: Paragraph, field: str) -> str:
    """The markup of a paragraph's field or table cell ("" for a cell the table no longer has)."""
    place = cell_of(field)
    if place is None:
        return getattr(para, field)
    row, column = place
    if row < len(para.table) and column < len(para.table[row]):
        return para.table[row][column]
    return ""


def with_cell(para: Paragraph, field: str, value: str) -> list[list[str]]:
    """A copy of the paragraph's rows with one cell set to `value`."""
    row, column = cell_of(field) or (-1, -1)
    return [
        [value if (r, c) == (row, column) else cell for c, cell in enumerate(cells)]
        for r, cells in enumerate(para.table)
    ]
