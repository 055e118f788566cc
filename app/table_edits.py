"""The commands that make and change a table paragraph, each one undo step (see app.edits).

A table stands among the top-level paragraphs of a part or an annex; inserted "after" a subparagraph, it goes
after the paragraph holding it. A table keeps at least one row and one column: removing the last would leave
an empty paragraph that is no table. Its merged cells follow its rows and columns: a row or column inserted
inside a merge widens it, one removed shrinks it (a merge left one cell is dropped), and whatever the cells
become, only merges that can stand on them are kept (`app.table_merges.valid_merges`)."""

from __future__ import annotations

from app.edits import Document, EditError, _record, insert_paragraph, parent_of
from app.history import Change
from app.messages import say
from app.model import MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, Paragraph, Part
from app.table_merges import (
    Merge,
    column_inserted,
    column_removed,
    covered,
    row_inserted,
    row_removed,
    valid_merges,
)


def new_table(rows: int = 2, columns: int = 2) -> Paragraph:
    """An empty table, its first row the header."""
    return Paragraph(table=[[""] * columns for _ in range(rows)], header_rows=1, numbered=False)


def insert_table(
    doc: Document, *, after_id: str = "", part: Part | None = Part.OPERATIVE, unit: str = ""
) -> Change:
    """A new 2 x 2 table after the top-level paragraph holding `after_id`, or at the end of a part."""
    top = after_id
    while top and (parent := parent_of(doc.resolution, top)) is not None:
        top = parent.id
    return insert_paragraph(
        doc, part=part, unit=unit, after_id=top, paragraph=new_table(), label=say("Insert table")
    )


def set_table(
    doc: Document,
    *,
    paragraph_id: str,
    rows: list[list[str]],
    header_rows: int | None = None,
    merges: list[Merge] | None = None,
    label: str = say("Edit table"),
) -> Change:
    """The table's cells (and how many rows head it, and its merged cells: by default the ones it has, as far
    as they can stand on the new cells); rows are made as wide as the widest."""
    para = doc.find(paragraph_id)
    if para is None or not para.is_table:
        raise EditError(say("no table here"))
    width = max((len(row) for row in rows), default=0)
    if not rows or not width:
        raise EditError(say("a table keeps at least one row and one column"))
    if len(rows) > MAX_TABLE_ROWS or width > MAX_TABLE_COLUMNS:
        raise EditError(
            say(
                "a table holds at most {rows} rows and {columns} columns",
                rows=MAX_TABLE_ROWS,
                columns=MAX_TABLE_COLUMNS,
            )
        )
    if len(rows) * width > MAX_TABLE_CELLS:
        raise EditError(say("a table holds at most {cells} cells", cells=MAX_TABLE_CELLS))
    new = [[*row, *[""] * (width - len(row))] for row in rows]
    heads = para.header_rows if header_rows is None else header_rows
    heads = max(0, min(heads, len(new)))
    joined = valid_merges(new, para.merges if merges is None else merges)
    old, old_heads, old_joined = para.table, para.header_rows, para.merges
    if (new, heads, joined) == (old, old_heads, old_joined):
        return Change(revision=doc.revision)

    def put(table: list[list[str]], count: int, spans: list[Merge]):  # noqa: ANN202 - an apply or revert
        return lambda: (
            setattr(para, "table", table),
            setattr(para, "header_rows", count),
            setattr(para, "merges", spans),
        )

    # a structure change: the rows of the editor and the preview are rendered again; no focus move, the
    # cell being typed in keeps it
    change = Change(label=label, structure=True, paragraph_ids=frozenset({paragraph_id}))
    return _record(doc, label, put(new, heads, joined), put(old, old_heads, old_joined), change)


def set_header_rows(doc: Document, *, paragraph_id: str, count: int) -> Change:
    """How many rows head the table (bold in the grid, repeated on each page of the Word file, above the
    thick rule in print): 0 to all of its rows."""
    para = _table(doc, paragraph_id)
    rows = [list(row) for row in para.table]
    return set_table(doc, paragraph_id=paragraph_id, rows=rows, header_rows=count, label=say("Header rows"))


def add_row(doc: Document, *, paragraph_id: str, at: int | None = None) -> Change:
    para = _table(doc, paragraph_id)
    rows = [list(row) for row in para.table]
    at = len(rows) if at is None else max(0, min(at, len(rows)))
    rows.insert(at, [""] * len(rows[0]))
    return set_table(doc, paragraph_id=paragraph_id, rows=rows, merges=row_inserted(para.merges, at))


def remove_row(doc: Document, *, paragraph_id: str, at: int) -> Change:
    para = _table(doc, paragraph_id)
    rows = [list(row) for i, row in enumerate(para.table) if i != at]
    heads = para.header_rows - (1 if at < para.header_rows else 0)
    merges = row_removed(para.merges, at)
    return set_table(doc, paragraph_id=paragraph_id, rows=rows, header_rows=heads, merges=merges)


def add_column(doc: Document, *, paragraph_id: str, at: int | None = None) -> Change:
    para = _table(doc, paragraph_id)
    width = len(para.table[0])
    at = width if at is None else max(0, min(at, width))
    rows = [[*row[:at], "", *row[at:]] for row in para.table]
    return set_table(doc, paragraph_id=paragraph_id, rows=rows, merges=column_inserted(para.merges, at))


def remove_column(doc: Document, *, paragraph_id: str, at: int) -> Change:
    para = _table(doc, paragraph_id)
    rows = [[c for k, c in enumerate(row) if k != at] for row in para.table]
    return set_table(doc, paragraph_id=paragraph_id, rows=rows, merges=column_removed(para.merges, at))


def merge_cells(
    doc: Document, *, paragraph_id: str, row: int, column: int, rows: int, columns: int
) -> Change:
    """One cell over `rows` x `columns` from (row, column): the words of the cells it takes in follow its
    first cell's, in reading order (nothing is lost, as Word merges), and merges inside it give way to it."""
    para = _table(doc, paragraph_id)
    merge = (row, column, rows, columns)
    height, width = len(para.table), len(para.table[0])
    outside = min(row, column) < 0 or row + rows > height or column + columns > width
    if outside or min(rows, columns) < 1 or rows * columns < 2:
        raise EditError(say("no cells to merge here"))
    inside = {(r, c) for r in range(row, row + rows) for c in range(column, column + columns)}
    kept = []
    for other in para.merges:
        spread = set(covered([other]))
        if spread & inside and not spread <= inside:
            raise EditError(say("the cells to merge cut across a merged cell"))
        if not spread & inside:
            kept.append(other)
    table = [list(r) for r in para.table]
    words = [table[r][c].strip() for r, c in sorted(inside) if table[r][c].strip()]
    for r, c in inside:
        table[r][c] = ""
    table[row][column] = " ".join(words)
    return set_table(
        doc, paragraph_id=paragraph_id, rows=table, merges=[*kept, merge], label=say("Merge cells")
    )


def split_cell(doc: Document, *, paragraph_id: str, row: int, column: int) -> Change:
    """The merged cell over (row, column) back to its cells, its words in its first."""
    para = _table(doc, paragraph_id)
    merges = [m for m in para.merges if (row, column) not in covered([m])]
    if len(merges) == len(para.merges):
        raise EditError(say("no merged cell here"))
    rows = [list(r) for r in para.table]
    return set_table(doc, paragraph_id=paragraph_id, rows=rows, merges=merges, label=say("Split cell"))


def _table(doc: Document, paragraph_id: str) -> Paragraph:
    para = doc.find(paragraph_id)
    if para is None or not para.is_table:
        raise EditError(say("no table here"))
    return para
