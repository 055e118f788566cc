"""How many rows of one table a rich-text view draws: the preview, the compilation and the merge dialog cap a table
here; the compare view draws this many of a long table's changed rows and their context (app/compare/table_view.py).

Qt lays a rich-text table out at about a millisecond a row (5,000 rows, the model's bound: 3 s of a 9.5 s open,
14 s on a loaded machine); the largest table of an issued resolution, the scale of assessments, has 194. The rows
past the cap are said in one line under the table, and kept: the model, the grid and every export have them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TypeVar

from app.interface import fill

TABLE_ROWS = 300

Row = TypeVar("Row")


def capped(rows: Sequence[Row], style: str = "") -> tuple[Sequence[Row], str]:
    """The rows a view draws, and "" or the paragraph (HTML, in `style`) to put under the table saying how many
    rows it has."""
    if len(rows) <= TABLE_ROWS:
        return rows, ""
    line = fill(
        "Drawn here: the first {shown} of this table's {rows} rows; none is lost, the table in the paragraph "
        "list and every export show them all.",
        shown=TABLE_ROWS,
        rows=len(rows),
    )
    return rows[:TABLE_ROWS], f'<p style="{style}"><i>{escape(line)}</i></p>'
