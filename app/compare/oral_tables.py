"""Oral revisions inside a table: each changed cell, added row and deleted row read out as a delegate would.

The table is named by its place ("the table after operative paragraph 11"), a cell by its row and column:
by the row's first cell and the column's heading where the table has a header row and a first column of
names ("in the row “C”, column “Discount (percentage)”"), else by their numbers counted from the top and from
the left. Names are taken from the circulated (base) table; a row added is placed after the row before it.
The wording is `app.wording`'s (`table_name`, `cell_place`, `delete_row`, `insert_row`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app import inline
from app.compare.diff import DELETE, INSERT, Comparison
from app.compare.table_diff import table_rows
from app.render import Block
from app.wording.edits import segment_edits
from app.wording.sentences import in_paragraph, replace_paragraph
from app.wording.tables import (
    cell_place,
    delete_row,
    fill_cell,
    fill_row,
    insert_row,
    row_name,
    table_reading,
)

_NAME_WORDS = 8  # a first cell longer than this is a description, not a row's name: the row goes by number


def _plain(cell: str) -> str:
    return " ".join(inline.plain(cell).split())


def row_headings(cells: Sequence[Sequence[str]], header_rows: int) -> list[str]:
    """Each row's name, "" where it goes by number: with a header row, a first column mostly of words, the
    row's first cell when short and not repeated in that column."""
    firsts = [_plain(row[0]) if row else "" for row in cells]
    body = firsts[header_rows:]
    worded = [f for f in body if any(ch.isalpha() for ch in f)]
    if not header_rows or len(worded) * 2 < len(body):
        return [""] * len(cells)
    seen = Counter(firsts)  # counted once: a table may have thousands of rows
    out = []
    for i, name in enumerate(firsts):
        usable = i >= header_rows and name and len(name.split()) <= _NAME_WORDS and seen[name] == 1
        out.append(name if usable else "")
    return out


def column_headings(
    cells: Sequence[Sequence[str]], header_rows: int, merges: Sequence[tuple[int, int, int, int]] = ()
) -> list[str]:
    """Each column's heading: its lowest header cell with text; "" (by number) without one or when two
    columns share it. Under a header cell merged over several columns ("2024" over "Gross" and "Net", as
    "2025" is), a heading two columns share is named with the merged one above it ("2024 Gross")."""
    columns = max((len(r) for r in cells), default=0)
    over = {}  # (row, column) in the header -> the text of the cell merged over it
    for r, c, h, w in merges:
        for i in range(r, min(r + h, header_rows)):
            for j in range(c, c + w):
                over[i, j] = _plain(cells[r][c])
    heads, full = [], []
    for c in range(columns):
        texts = [
            over.get((i, c)) or _plain(row[c]) for i, row in enumerate(cells[:header_rows]) if c < len(row)
        ]
        heads.append(next((t for t in reversed(texts) if t), ""))
        spanned = any((i, c) in over for i in range(header_rows))
        full.append(" ".join(dict.fromkeys(t for t in texts if t)) if spanned else heads[-1])
    seen = Counter(heads)
    heads = [h if seen[h] == 1 else full[k] for k, h in enumerate(heads)]
    seen = Counter(heads)
    return [h if h and seen[h] == 1 else "" for h in heads]


def _width(block: Block) -> int:
    return max((len(r) for r in block.cells), default=0)


def _cells_text(row: Sequence[str]) -> list[str]:
    return [_plain(c) for c in row]


def table_revisions(cmp: Comparison, base: Block, new: Block, table: str) -> list[str]:
    """The sentences for one changed table named `table`, in the order of its rows."""
    if _width(base) != _width(new):  # the columns changed: the table is read out again whole
        return [f"{replace_paragraph(table)} {table_reading([_cells_text(r) for r in new.cells])}"]
    rows = table_rows(base, new, cmp.base, cmp.new, cmp.footnotes)
    base_names = row_headings(base.cells, base.header_rows)
    new_names = row_headings(new.cells, new.header_rows)
    columns = column_headings(base.cells, base.header_rows, base.merges)
    out: list[str] = []
    bi = nj = 0  # the next row of each version
    anchor = ""  # the row a row added goes after, as read out
    for row in rows:
        if row.op == DELETE:
            out.append(delete_row(table, row_name(base_names[bi], bi + 1)))
            bi += 1
            continue
        if row.op == INSERT:
            cells = _cells_text(new.cells[nj])
            if anchor:
                out.append(insert_row(table, anchor, cells))
            else:
                out.append(
                    insert_row(table, row_name(base_names[0], 1) if base.cells else "", cells, before=True)
                )
            anchor = row_name(new_names[nj], nj + 1)
            nj += 1
            continue
        where = row_name(base_names[bi], bi + 1)
        base_row = base.cells[bi]
        filled = _cells_text(new.cells[nj])
        if not any(_cells_text(base_row)) and any(filled):  # a blank row filled: read as one row
            out.append(fill_row(table, where, filled))
            anchor, bi, nj = where, bi + 1, nj + 1
            continue
        for c, segments in enumerate(row.cells):
            edits = segment_edits(segments)
            if not edits:
                continue
            place = cell_place(table, where, columns[c] if c < len(columns) else "", c + 1)
            old = _plain(base_row[c]) if c < len(base_row) else ""
            if not old:  # a blank cell filled: nothing to put it before or after
                new_text = "".join(s.text for s in segments if s.op == INSERT)
                out.append(in_paragraph(place, [fill_cell(new_text.strip())]))
            else:
                out.append(in_paragraph(place, [e.phrase for e in edits]))
        anchor = where
        bi, nj = bi + 1, nj + 1
    return out
