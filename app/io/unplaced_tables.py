"""The one way every reader keeps a table it cannot place in the draft as unplaced text.

A table stands in the model as a table paragraph (`Paragraph.table`) where a reader can place it. Where it
cannot (a Word table between the operative part and the first annex, a UN XML table where its markup allows no
paragraph, a PDF text layer's table whose rows are lost, a tabbed table after the text), its words are kept as
one block of unplaced text: cells set apart by " | ", rows by " / ", on one line (the Word export sets a block's
line breaks as spaces, so a break could not keep the rows apart), every cell's words kept, rows of empty cells
left out. Before this, the Word reader kept each cell as a block of its own, the UN XML reader ran all the words
together, and the text reader joined cells with " | " in one place and rows with " / " in another.
"""

from __future__ import annotations

from collections.abc import Sequence

CELL_APART = " | "
ROW_APART = " / "


def table_as_text(rows: Sequence[Sequence[str]]) -> str:
    """The table's rows as one line of text (its cells' own markup kept), or "" for a table with no text."""
    lines = [[" ".join(cell.split()) for cell in row] for row in rows]
    return ROW_APART.join(CELL_APART.join(row) for row in lines if any(row))
