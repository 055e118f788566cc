"""A delegation's proposal on a table: words of a cell changed, rows added and rows deleted (the edits
`CellEdit`, `InsertRow` and `DeleteRow` of `app.negotiation.proposals`; a table added or deleted is its
paragraph's `InsertParagraph` or `DeleteParagraph`).

Rows are paired as the tracked-changes export pairs them (`app.compare.table_diff.row_pairs`): a paired row's
cells give word edits, column by column, as a paragraph's fields do; a row left over is added after the base
row before it, or deleted. Every edit names the base table's rows, so several delegations' edits on one table
are compiled and accepted together. What a proposal cannot say is refused in one line: a table whose columns
change (each row would be another row), or rows moved in or out of the table's header.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from app.compare.table_diff import row_pairs
from app.errors import InputError
from app.messages import say
from app.model import Paragraph
from app.negotiation.proposals import CellEdit, DeleteRow, InsertRow, TableEdit, splice, tokens, word_hunks

Hunks = list[tuple[int, int, str, str]]


def width(table: Sequence[Sequence[str]]) -> int:
    return max((len(row) for row in table), default=0)


def cell(row: Sequence[str], column: int) -> str:
    """A row's cell; "" past a short row's end."""
    return row[column] if column < len(row) else ""


def derive_table(
    base: Paragraph, proposed: Paragraph, remap: Callable[[str], str], proposer: str
) -> list[TableEdit]:
    """The edits that turn the base table into the proposer's (`remap`: the proposer's footnote ids as the
    base's). InputError for a change a proposal cannot say; applying the edits gives the proposer's table."""
    brows = base.table
    nrows = [[remap(c) for c in row] for row in proposed.table]
    if width(brows) != width(nrows):
        raise InputError(
            say(
                "the version of {proposer} changes the columns of a table: a proposal cannot carry that; "
                "propose a new table in its place, or make the change in the draft itself",
                proposer=proposer or "?",
            )
        )
    out: list[TableEdit] = []
    last = -1  # the base row the next added row follows
    for x, y in row_pairs(brows, nrows):
        if x is not None and y is not None:
            b, n = brows[x], nrows[y]
            for column in range(max(len(b), len(n))):
                for start, end, old, new in figure_hunks(cell(b, column), cell(n, column)):
                    out.append(CellEdit(base.id, x, column, start, end, old, new))
            last = x
        elif y is not None:
            out.append(InsertRow(base.id, last, tuple(nrows[y]), y < proposed.header_rows))
        elif x is not None:
            out.append(DeleteRow(base.id, x, tuple(brows[x])))
            last = x
    if apply_table(brows, base.header_rows, out) != (nrows, proposed.header_rows):
        raise InputError(
            say(
                "the version of {proposer} moves rows in or out of a table's header: a proposal cannot carry "
                "that; make the change in the draft itself",
                proposer=proposer or "?",
            )
        )
    return out


_DIGITS = re.compile(r"\d+")


def _figures(toks: list[str]) -> list[tuple[int, int]]:
    """Token ranges of the figures of a cell: digits joined by single "." or "," ("0.008", "18,357")."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        if not _DIGITS.fullmatch(toks[k]):
            k += 1
            continue
        end = k + 1
        while end + 1 < len(toks) and toks[end] in ".," and _DIGITS.fullmatch(toks[end + 1]):
            end += 2
        out.append((k, end))
        k = end
    return out


def figure_hunks(old: str, new: str) -> list[tuple[int, int, str, str]]:
    """`word_hunks` of a cell, each widened to the whole figures it touches: "0.008" made "0.009" is one
    figure replaced, not "008" after "0." (the tokens split a figure at its point)."""
    hunks = word_hunks(old, new)
    figures = _figures(toks := tokens(old)) if hunks else []
    if not figures:
        return hunks
    # figures are in order and apart: those a hunk touches are found by halving, not by a walk of every figure
    # for each hunk (a cell of 32,000 figures each changed: 4 s, growing with the square)
    starts, ends = [a for a, _ in figures], [b for _, b in figures]
    spans = []
    for start, end, _, words in hunks:
        wide_start, wide_end = start, end
        lo = bisect_right(ends, start)  # the first figure ending after the hunk's start
        hi = bisect_left(starts, end) if start < end else bisect_left(starts, start)
        touched = range(lo, hi) if start < end else [k for k in range(lo, hi) if starts[k] < start]
        if touched:
            wide_start, wide_end = min(start, starts[touched[0]]), max(end, ends[touched[-1]])
        spans.append((wide_start, wide_end, start, end, words))
    out: list[tuple[int, int, str, str]] = []
    group: list[tuple[int, int, int, int, str]] = []
    reach = 0  # the furthest end of the group's spans

    def close() -> None:
        first, last = group[0][0], max(g[1] for g in group)
        pieces, at = [], first
        for _, _, start, end, words in group:
            pieces += [*toks[at:start], words]
            at = end
        pieces += toks[at:last]
        out.append((first, last, "".join(toks[first:last]), "".join(pieces)))
        group.clear()

    for span in spans:
        if group and span[0] >= reach:
            close()
        group.append(span)
        reach = max(reach, span[1]) if len(group) > 1 else span[1]
    close()
    return out


def apply_table(
    table: Sequence[Sequence[str]], header_rows: int, edits: Sequence[TableEdit]
) -> tuple[list[list[str]], int]:
    """The table and its header rows with `edits` (all made on this table) applied."""
    hunks = _cell_hunks(edits)
    cells = {}
    for (row, column), mine in hunks.items():
        if not 0 <= row < len(table):
            raise _misfit(row)
        cells[(row, column)] = splice(cell(table[row], column), mine) if column >= 0 else ""
    deletes = {}
    for e in edits:
        if isinstance(e, DeleteRow):
            if not 0 <= e.row < len(table) or tuple(table[e.row]) != e.old:
                raise _misfit(e.row)
            deletes[e.row] = e.old
    inserts = [(e.after, e.cells, e.header) for e in edits if isinstance(e, InsertRow)]
    return place_rows(table, header_rows, cells, inserts, set(deletes))


def _misfit(row: int) -> InputError:
    return InputError(
        say("the proposal does not fit this table: row {number} reads otherwise", number=row + 1)
    )


def place_rows(
    table: Sequence[Sequence[str]],
    header_rows: int,
    cells: dict[tuple[int, int], str],
    inserts: Sequence[tuple[int, Sequence[str], bool]],
    deletes: set[int],
) -> tuple[list[list[str]], int]:
    """`table` with cells set, rows (after, cells, is-header) added after the rows they follow (-1: before
    the first) in the order given, and rows deleted; the header is the leading run of header rows."""
    rows = [list(row) for row in table]
    columns = max(width(table), 1)
    for (row, column), text in cells.items():
        if not (
            0 <= row < len(rows) and 0 <= column < columns
        ):  # a file's edit past the table: no new column
            raise _misfit(row)
        rows[row] += [""] * (column + 1 - len(rows[row]))
        rows[row][column] = text
    added: dict[int, list[tuple[list[str], bool]]] = {}
    for after, new, header in inserts:
        if not -1 <= after < len(rows) or len(new) > columns:
            raise _misfit(after)
        added.setdefault(after, []).append((list(new), header))
    out: list[list[str]] = []
    heads: list[bool] = []

    def put(after: int) -> None:
        for new, header in added.get(after, []):
            out.append(new)
            heads.append(header)

    put(-1)
    for index, row in enumerate(rows):
        if index not in deletes:
            out.append(row)
            heads.append(index < header_rows)
        put(index)
    leading = next((k for k, head in enumerate(heads) if not head), len(heads))
    return out, leading


def rebase_table(
    base: Paragraph,
    now: Paragraph,
    edits: Sequence[TableEdit],
    rebase: Callable[[str, str, Hunks], str],
) -> tuple[list[list[str]], int]:
    """Edits made on the base table applied to the table as it reads now (other proposals accepted since):
    rows found again by pairing, cells by `rebase` (which refuses words already changed). InputError for an
    edit on a row no longer there."""
    if (base.table, base.header_rows) == (now.table, now.header_rows):
        return apply_table(now.table, now.header_rows, edits)
    found = {x: y for x, y in row_pairs(base.table, now.table) if x is not None and y is not None}
    images = set(found.values())

    def where(row: int) -> int:
        if row not in found:
            raise InputError(
                say("the proposal touches a row already deleted in this table: merge it by hand")
            )
        return found[row]

    hunks = _cell_hunks(edits)
    cells = {}
    for (row, column), mine in hunks.items():
        at = where(row)
        cells[(at, column)] = rebase(cell(base.table[row], column), cell(now.table[at], column), mine)
    # past rows added there before: the last of the run of added rows after each place, found once for all
    # (a walk for each row inserted grew with rows inserted times rows added by proposals accepted before)
    past = list(range(-1, len(now.table)))  # past[at + 1]
    for at in range(len(now.table) - 2, -2, -1):
        if at + 1 not in images:
            past[at + 1] = past[at + 2]
    inserts = []
    for e in edits:
        if isinstance(e, InsertRow):
            at = where(e.after) if e.after >= 0 else -1
            inserts.append((past[at + 1], e.cells, e.header))
    deletes = {where(e.row) for e in edits if isinstance(e, DeleteRow)}
    return place_rows(now.table, now.header_rows, cells, inserts, deletes)


def _cell_hunks(edits: Sequence[TableEdit]) -> dict[tuple[int, int], Hunks]:
    """The word edits of each cell, by (row, column), in the order given."""
    hunks: dict[tuple[int, int], Hunks] = {}
    for e in edits:
        if isinstance(e, CellEdit):
            hunks.setdefault((e.row, e.column), []).append((e.start, e.end, e.old, e.new))
    return hunks
