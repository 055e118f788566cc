"""Two versions of a table compared row by row and cell by cell (the tracked-changes export's tables).

Rows are aligned first: the common first and last rows and then equal rows anchor, the rows between two
anchors are paired in order by how alike they are (their words, the cells that stay in their column; a blank
row pairs with whatever fills it), the rows still unpaired between two paired ones pair in order when as many
went as came (a row rewritten in place is the same row edited), and a row left over is inserted or deleted
whole. A paired row's cells are then compared
word by word, column by column, footnote references included (keyed as the whole comparison keyed them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from app import inline
from app.compare.diff import (
    DELETE,
    EQUAL,
    INSERT,
    FootnoteChange,
    Segment,
    _flatten,
    _markup_tokens,
    _Notes,
    _segments,
    diff_tokens,
    features,
    likeness,
)
from app.model import Resolution
from app.render import Block
from app.sequences import matching_blocks

ROW_PAIR_THRESHOLD = 0.3  # rows this alike (0..1, by words and word pairs) are one row edited
_PAIRED_GAP = 400  # rows a side of a gap weighed pair by pair; a larger gap pairs by place
# Words and word pairs compared in weighing a gap: each pair of rows compares the smaller row's, so 400 rows a
# side of 2,000 words took 50 s; past this (about 3 s) the gap pairs by place as a larger one does.
_GAP_WORK = 50_000_000


@dataclass
class RowChange:
    """A row of either version: `op` EQUAL for a row both have (its cells may differ), INSERT or DELETE for a
    row one version has; `cells` one list of segments per column; `markup` the row as it reads in the new
    version (the base when deleted), what the layout measures."""

    op: str
    cells: list[list[Segment]]
    header: bool
    markup: tuple[str, ...]


class _SharedNotes(_Notes):
    """The comparison's footnote keys, found again by the pair of note ids they stand for, so a table's notes
    are not counted twice (the oral revisions read each changed note once)."""

    def __init__(self, base: Resolution, new: Resolution, changes: dict[str, FootnoteChange]) -> None:
        super().__init__(base, new)
        self.changes = changes
        self.by_ids = {(c.base_id, c.new_id): key for key, c in changes.items()}

    def key(self, base_id: str, new_id: str) -> str:
        found = self.by_ids.get((base_id, new_id))
        if found is None:
            found = self.by_ids[(base_id, new_id)] = super().key(base_id, new_id)
        return found


@dataclass(frozen=True)
class _RowKey:
    """What a row is weighed by: its words and word pairs, and its filled cells as (column, text) (spaces
    aside) and their columns; sets, so a gap of hundreds of rows a side is weighed fast."""

    words: frozenset[str]
    filled: frozenset[tuple[int, str]]
    columns: frozenset[int]


def _row_key(row: Sequence[str]) -> _RowKey:
    cells = [" ".join(inline.plain(cell).split()) for cell in row]
    filled = frozenset((k, c) for k, c in enumerate(cells) if c)
    return _RowKey(features(" ".join(cells).lower().split()), filled, frozenset(k for k, _ in filled))


def _row_likeness(a: _RowKey, b: _RowKey) -> float:
    """How alike two rows are, 0..1: the likeness of their words, or the share of their filled columns whose
    cell stayed, whichever is more; a row that keeps any filled cell in its column, or a blank row (a row
    left to be filled, or emptied), is at least ROW_PAIR_THRESHOLD alike."""
    if not a.filled or not b.filled:
        return ROW_PAIR_THRESHOLD
    kept = len(a.filled & b.filled)
    if not kept:
        return likeness(a.words, b.words)
    return max(likeness(a.words, b.words), kept / len(a.columns | b.columns), ROW_PAIR_THRESHOLD)


def _pair_gap(
    base: Sequence[Sequence[str]], new: Sequence[Sequence[str]]
) -> list[tuple[int | None, int | None]]:
    """Order-keeping pairs of the rows between two equal ones: the pairing with the most likeness (rows at
    least ROW_PAIR_THRESHOLD alike), by dynamic programming over the gap."""
    n, m = len(base), len(new)
    by_place = n * m > _PAIRED_GAP * _PAIRED_GAP
    if not by_place and n and m:
        bw, nw = [_row_key(r) for r in base], [_row_key(r) for r in new]
        by_place = min(m * sum(len(k.words) for k in bw), n * sum(len(k.words) for k in nw)) > _GAP_WORK
    if by_place or not n or not m:
        k = min(n, m) if by_place else 0
        return (
            [(i, i) for i in range(k)] + [(i, None) for i in range(k, n)] + [(None, j) for j in range(k, m)]
        )
    scores = [[_row_likeness(b, w) for w in nw] for b in bw]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = scores[i][j]
            paired = best[i + 1][j + 1] + score if score >= ROW_PAIR_THRESHOLD else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        score = scores[i][j]
        if score >= ROW_PAIR_THRESHOLD and best[i][j] == best[i + 1][j + 1] + score:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    return out + [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]


def row_pairs(
    base: Sequence[Sequence[str]], new: Sequence[Sequence[str]]
) -> list[tuple[int | None, int | None]]:
    """Order-keeping pairs of both versions' rows, (i, None) a row deleted, (None, j) a row added."""
    n, m = len(base), len(new)
    head = 0  # the common first rows anchor first: a blank row repeated must not be matched further down
    while head < n and head < m and base[head] == new[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and base[n - 1 - tail] == new[m - 1 - tail]:
        tail += 1
    pairs: list[tuple[int | None, int | None]] = [(k, k) for k in range(head)]
    mid_b, mid_n = base[head : n - tail], new[head : m - tail]
    i = j = 0
    for bi, nj, size in matching_blocks([tuple(r) for r in mid_b], [tuple(r) for r in mid_n]):
        for x, y in _pair_gap(mid_b[i:bi], mid_n[j:nj]):
            pairs.append((None if x is None else head + i + x, None if y is None else head + j + y))
        pairs += [(head + bi + k, head + nj + k) for k in range(size)]
        i, j = bi + size, nj + size
    pairs += [(n - tail + k, m - tail + k) for k in range(tail)]
    return _paired_in_place(pairs)


_row_pairs = row_pairs  # the name tests knew it by


def _paired_in_place(pairs: list[tuple[int | None, int | None]]) -> list[tuple[int | None, int | None]]:
    """The unpaired rows between two paired ones paired in order where as many rows went as came."""
    out: list[tuple[int | None, int | None]] = []
    run: list[tuple[int | None, int | None]] = []

    def flush() -> None:
        gone = [x for x, _ in run if x is not None]
        came = [y for _, y in run if y is not None]
        out.extend(list(zip(gone, came, strict=True)) if len(gone) == len(came) else run)
        run.clear()

    for pair in pairs:
        if pair[0] is None or pair[1] is None:
            run.append(pair)
            continue
        flush()
        out.append(pair)
    flush()
    return out


def _cell_segments(base: str, new: str, notes: _Notes) -> list[Segment]:
    return _segments(_flatten(diff_tokens(_markup_tokens(base), _markup_tokens(new))), notes)


def _whole(markup: str, op: str, notes: _Notes) -> list[Segment]:
    return _segments([(op, t) for t in _markup_tokens(markup)], notes)


@dataclass(frozen=True)
class RowPlan:
    """Both versions' rows in print order before their words are compared: `order` holds (base row, new row)
    pairs, None for the side that lacks the row; `columns` the width every row is padded to (0 for a table
    whose columns changed, shown replaced: each row keeps its own cells). The compare view compares the words
    of the rows it draws only."""

    brows: Sequence[Sequence[str]]
    nrows: Sequence[Sequence[str]]
    bhead: int
    nhead: int
    columns: int
    order: list[tuple[int | None, int | None]]

    def _cells(self, row: Sequence[str]) -> list[str]:
        return [*row, *[""] * (self.columns - len(row))]

    def header(self, k: int) -> bool:
        x, y = self.order[k]
        return y < self.nhead if y is not None else x is not None and x < self.bhead

    def changed(self, k: int) -> bool:
        """Whether the row reads differently in the two versions (cheap: no words compared)."""
        x, y = self.order[k]
        return x is None or y is None or self._cells(self.brows[x]) != self._cells(self.nrows[y])

    def change(self, k: int, notes: _Notes) -> RowChange:
        x, y = self.order[k]
        header = self.header(k)
        if x is not None and y is not None:
            b, n = self._cells(self.brows[x]), self._cells(self.nrows[y])
            segs = [_cell_segments(b[c], n[c], notes) for c in range(self.columns)]
            return RowChange(EQUAL, segs, header, tuple(n))
        op, row = (INSERT, self.nrows[y]) if y is not None else (DELETE, self.brows[x])  # type: ignore[index]
        cells = self._cells(row)
        return RowChange(op, [_whole(c, op, notes) for c in cells], header, tuple(cells))


def row_plan(base: Block | None, new: Block | None) -> RowPlan:
    """The rows of both versions of a table in print order (a deleted row where it stood); a table whose
    number of columns changed is shown replaced: every base row deleted, every new row inserted, the header
    rows of both first (so the header stays on top whichever is accepted)."""
    brows = base.cells if base else ()
    nrows = new.cells if new else ()
    bhead = base.header_rows if base else 0
    nhead = new.header_rows if new else 0
    bcols = max((len(r) for r in brows), default=0)
    ncols = max((len(r) for r in nrows), default=0)
    if brows and nrows and bcols != ncols:
        order: list[tuple[int | None, int | None]] = [
            *((x, None) for x in range(bhead)),
            *((None, y) for y in range(nhead)),
            *((x, None) for x in range(bhead, len(brows))),
            *((None, y) for y in range(nhead, len(nrows))),
        ]
        return RowPlan(brows, nrows, bhead, nhead, 0, order)
    return RowPlan(brows, nrows, bhead, nhead, max(bcols, ncols), row_pairs(brows, nrows))


def shared_notes(cmp_base: Resolution, cmp_new: Resolution, changes: dict[str, FootnoteChange]) -> _Notes:
    """The footnote keys of a table's rows, as the whole comparison keyed them."""
    return _SharedNotes(cmp_base, cmp_new, changes)


def table_rows(
    base: Block | None,
    new: Block | None,
    cmp_base: Resolution,
    cmp_new: Resolution,
    changes: dict[str, FootnoteChange],
) -> list[RowChange]:
    """The rows of both versions of a table in print order (`row_plan`), each cell's words marked. Each row of
    a table shown replaced keeps its own cells: accepting leaves the new table's columns, rejecting the old's."""
    plan = row_plan(base, new)
    notes = shared_notes(cmp_base, cmp_new, changes)
    return [plan.change(k, notes) for k in range(len(plan.order))]


def layout_block(block: Block, rows: list[RowChange]) -> Block:
    """The table block laid out with the rows of both versions: its leading header rows head it, and no merged
    cells (its rows are neither version's alone: the comparison works on the cells' texts)."""
    header = 0
    while header < len(rows) and rows[header].header:
        header += 1
    return replace(block, cells=tuple(r.markup for r in rows), header_rows=header, merges=())
