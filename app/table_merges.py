"""Merged cells of a table paragraph: each merge a (row, column, rows, columns) rectangle whose first cell holds
the text and whose other cells, the ones it covers, stay empty (a Fifth Committee table's "2024" over two
columns, an annex's department name down three rows).

Merges are layout only: the cells keep every text, so whatever cannot show a merge (plain text, a comparison)
reads the table as its rows of cells. A merge that cannot stand (outside the table, a single cell, over
another, covering a cell with text) is dropped, never the text: `valid_merges` is what every reader and writer
takes a table's merges through."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Merge = tuple[int, int, int, int]  # row, column, rows, columns


def valid_merges(table: Sequence[Sequence[str]], merges: Iterable[Sequence[object]]) -> list[Merge]:
    """The merges that can stand on `table`, sorted: each inside it, of two cells or more, covering only empty
    cells and none covered by a merge kept before it. Cells looked at are counted: a list of merges that
    overlap one another could otherwise cost its length times the table's cells; past twice the cells, the
    rest are dropped (merges that can stand cover each cell once)."""
    rows = len(table)
    width = max((len(row) for row in table), default=0)
    budget = 2 * rows * width + 16
    taken: set[tuple[int, int]] = set()
    out: list[Merge] = []
    for merge in merges:
        if not _shape_ok(merge, rows, width):
            continue
        r, c, h, w = (int(v) for v in merge)  # type: ignore[call-overload]
        budget -= h * w
        if budget < 0:
            break
        cells = [(r + i, c + j) for i in range(h) for j in range(w)]
        if any(cell in taken for cell in cells):
            continue
        if any(_text(table, i, j) for i, j in cells[1:]):
            continue
        taken.update(cells)
        out.append((r, c, h, w))
    return sorted(out)


def _shape_ok(merge: Sequence[object], rows: int, width: int) -> bool:
    if len(merge) != 4 or not all(type(v) is int for v in merge):
        return False
    r, c, h, w = merge  # type: ignore[misc]
    return r >= 0 and c >= 0 and h >= 1 and w >= 1 and h * w > 1 and r + h <= rows and c + w <= width  # type: ignore[operator]


def _text(table: Sequence[Sequence[str]], row: int, column: int) -> bool:
    cells = table[row]
    return column < len(cells) and bool(cells[column].strip())


def covered(merges: Iterable[Merge]) -> dict[tuple[int, int], Merge]:
    """Each cell a merge covers (its first cell included) -> that merge."""
    return {(r + i, c + j): m for m in merges for r, c, h, w in (m,) for i in range(h) for j in range(w)}


# ------------------------------------------------------------------ a row or a column inserted or removed


def row_inserted(merges: Iterable[Merge], at: int) -> list[Merge]:
    """The merges after a row inserted at `at`: below it moved down, across it one row longer (the new row's
    cells under a merge are covered, as Word extends a merged cell when a row goes in inside it)."""
    return [_grown(m, at, 0) for m in merges]


def column_inserted(merges: Iterable[Merge], at: int) -> list[Merge]:
    return [_grown(m, at, 1) for m in merges]


def row_removed(merges: Iterable[Merge], at: int) -> list[Merge]:
    """The merges after row `at` removed: below it moved up, over it one row shorter, dropped when one cell is
    left."""
    return [m for m in (_shrunk(m, at, 0) for m in merges) if m[2] * m[3] > 1]


def column_removed(merges: Iterable[Merge], at: int) -> list[Merge]:
    return [m for m in (_shrunk(m, at, 1) for m in merges) if m[2] * m[3] > 1]


def _grown(merge: Merge, at: int, axis: int) -> Merge:
    start, size = merge[axis], merge[axis + 2]
    if at <= start:
        start += 1
    elif at < start + size:
        size += 1
    return _with(merge, axis, start, size)


def _shrunk(merge: Merge, at: int, axis: int) -> Merge:
    start, size = merge[axis], merge[axis + 2]
    if at < start:
        start -= 1
    elif at < start + size:
        size -= 1
    return _with(merge, axis, start, size)


def _with(merge: Merge, axis: int, start: int, size: int) -> Merge:
    r, c, h, w = merge
    return (start, c, size, w) if axis == 0 else (r, start, h, size)


def rows_moved(
    old: Sequence[Sequence[str]], new: Sequence[Sequence[str]], merges: Iterable[Merge]
) -> list[Merge]:
    """The merges of table `old` on `new`, the same table with rows added, deleted or changed (a negotiation's
    accepted rows): each merge over the rows its rows went to, from the first to the last, as `row_inserted` and
    `row_removed` move them; one whose rows all went is dropped, and only merges that can stand on `new` kept."""
    from app.compare.table_diff import row_pairs

    merges = list(merges)
    if not merges:
        return []
    went = {x: y for x, y in row_pairs(old, new) if x is not None and y is not None}
    out: list[Merge] = []
    for r, c, h, w in merges:
        rows = [went[k] for k in range(r, r + h) if k in went]
        if rows:
            out.append((min(rows), c, max(rows) - min(rows) + 1, w))
    return valid_merges(new, out)
