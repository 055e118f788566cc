"""A ruled table's printed lines gathered into rows (app/io/pdf_grid.py), or None where the page's geometry
cannot tell a row from a cell's wrapped line.

Three things part two rows: a rule between them; a gap wider than the table's line pitch (the least gap
between two lines no rule parts, in font sizes: a wrapped cell's lines stand at it, rows further apart where the writer
spaced them); and, in a table that neither rules nor spaces its rows, a line that cannot be a cell's wrapped
line: it fills a column the row above leaves empty, or each of its words would have fitted on the line above
in its column (the column is at least as wide as its widest line), or it sets a figure under the row's figure in
a body column (a cell holds one figure: "0.005" over "0.010" are two Member States' rates, however long the
names beside them). In such a compact table a line of words only, none of which would have fitted on the line
above in its column, is that cell's wrapped line (joining it moves no figure). A line at the pitch, with no
rule, in a table whose rows are neither ruled nor spaced, some of whose words would have fitted above and some
not, may be either: the table is given up and its text read as text (a wrong grid puts figures in the wrong
row silently). In the header, a line at the pitch that fills columns the lines above leave empty is a header
row of its own (years or words under headings merged over their columns), unless it ends every heading above
it with words that would not have fitted there: the foot of a header set at its bottom, the short headings level
with a wrapped one's last line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from app.io.pdf_tables import is_figure

if TYPE_CHECKING:
    from app.io.pdf_grid import _Line

SAME_LINE = 0.35  # of the font size: lines whose baselines are this close are one printed line
LOOSE = 0.15  # of the pitch (and at least a point): a gap this much wider than the pitch parts two rows
SPACE = 0.25  # of the font size: a word space, in the test of whether a word fits on the line above
MARGIN = 0.5  # of the font size: room to spare for a word to fit (its width is only estimated)

Column = Callable[[float, float], int]


def row_groups(
    lines: Sequence[_Line],
    rules_above: Callable[[float], int],
    head_y: float | None,
    column: Column,
) -> tuple[list[list[_Line]], int] | None:
    """The lines gathered into rows, top to bottom, and how many rows stand above `head_y` (the header rule);
    None where a row cannot be told from a wrapped line. `rules_above(y)` counts the frame's rules above a
    height, `column(x0, x1)` gives the column of a piece of text."""
    printed: list[list[_Line]] = []
    for line in sorted(lines, key=lambda ln: -ln.baseline):
        if printed and printed[-1][0].baseline - line.baseline <= SAME_LINE * max(line.size, 1.0):
            printed[-1].append(line)
        else:
            printed.append([line])
    if not printed:
        return [], 0
    base = [p[0].baseline for p in printed]
    head = [head_y is not None and b > head_y for b in base]
    ruled = [False] + [rules_above(base[k]) != rules_above(base[k - 1]) for k in range(1, len(base))]
    sizes = [max(max(ln.size for ln in p), 1.0) for p in printed]
    gaps = [0.0] + [(base[k - 1] - base[k]) / sizes[k] for k in range(1, len(base))]  # in font sizes
    pitch = min((gaps[k] for k in range(1, len(base)) if not ruled[k]), default=0.0)

    def loose(k: int) -> bool:
        return gaps[k] > pitch + max(LOOSE * pitch, 1.0 / sizes[k])

    body = [k for k in range(1, len(base)) if not head[k] and not head[k - 1]]
    spaced = any(not ruled[k] and loose(k) for k in body)
    rows_ruled = any(ruled[k] for k in body)
    extents = _extents(printed, column)  # a header's text too: a column is as wide as its heading
    rows: list[list[list[_Line]]] = []
    firsts: list[set[int]] = []  # the columns each row's first line fills
    above: dict[int, tuple[float, float, str]] = {}  # the last row's last piece in each column
    for k, line in enumerate(printed):
        mine = _pieces(line, column)
        evidence = (
            "new"
            if k == 0 or ruled[k] or head[k] != head[k - 1] or loose(k)
            else _header_line(above, mine, max(ln.size for ln in line), extents)
            if head[k] and set(mine) - set(above)
            else "same"
            if spaced  # at the pitch, in a table that spaces its rows: a wrapped line
            else "new"
            if not head[k] and not rows_ruled and _stacked_figures(above, mine)
            else _evidence(above, firsts[-1], mine, max(ln.size for ln in line), extents)
        )
        if evidence == "new" or (evidence == "fits" and not rows_ruled):
            rows.append([line])
            firsts.append(set(mine))
            above = dict(mine)
        elif spaced or head[k] or rows_ruled or (evidence == "same" and not _any_figure(mine)):
            # a rule parts the rows (a header's wrong split costs no figure its column); or words only, none of
            # which would have fitted above: a cell's wrapped line, and joined so no figure changes its row
            rows[-1].append(line)
            above.update(mine)
        else:
            return None
    groups = [[ln for p in row for ln in p] for row in rows]
    header_rows = sum(1 for row in rows if head_y is not None and row[0][0].baseline > head_y)
    return groups, header_rows


def _pieces(printed: list[_Line], column: Column) -> dict[int, tuple[float, float, str]]:
    """The printed line's pieces by column (the last in a column where two stand)."""
    return {column(x0, x1): (x0, x1, text) for line in printed for x0, x1, text in line.pieces}


def _stacked_figures(
    above: dict[int, tuple[float, float, str]], mine: dict[int, tuple[float, float, str]]
) -> bool:
    """A figure under a figure in one column: no cell wraps a figure onto a figure, so a new row."""
    return any(c in above and is_figure(text) and is_figure(above[c][2]) for c, (_, _, text) in mine.items())


def _any_figure(mine: dict[int, tuple[float, float, str]]) -> bool:
    return any(is_figure(text) for _, _, text in mine.values())


def _extents(printed: list[list[_Line]], column: Column) -> dict[int, float]:
    """Each column's width as its lines show it: from the leftmost piece's start to the rightmost's end."""
    spans: dict[int, list[float]] = {}
    for p in printed:
        for c, (x0, x1, _) in _pieces(p, column).items():
            lo, hi = spans.setdefault(c, [x0, x1])
            spans[c] = [min(lo, x0), max(hi, x1)]
    return {c: hi - lo for c, (lo, hi) in spans.items()}


def _evidence(
    above: dict[int, tuple[float, float, str]],
    first: set[int],
    mine: dict[int, tuple[float, float, str]],
    size: float,
    extents: dict[int, float],
) -> str:
    """Whether a line with pieces `mine` may be a wrapped line of the row whose pieces so far are `above`
    (the last in each column) and whose first line fills the columns `first`: 'new' where it cannot (it fills
    a column the row leaves empty, or every column the row's first line fills, three or more, or two with
    words that would have fitted); 'fits' where each of its words would have fitted on the row's line above
    it in its column (no wrapped line, unless a rule parts the rows and the table is narrower than its widest
    line shows); 'same' where none would have fitted, else 'unsure'."""
    if set(mine) - set(above):
        return "new"  # a wrapped line continues a cell that has text
    if set(mine) == first and len(mine) > 2:
        return "new"  # every cell of three or more wrapped at once: rather a row as full as the one above
    fits = [_fits(above[c], piece, size, extents.get(c, 0.0)) for c, piece in mine.items()]
    if any(fits) and set(mine) == first and len(mine) > 1:
        return "new"  # a line as full as the row's first, with words that would have fitted above
    return "fits" if all(fits) else "same" if not any(fits) else "unsure"


def _fits(
    above: tuple[float, float, str], piece: tuple[float, float, str], size: float, extent: float
) -> bool:
    """Whether the first word of `piece` would have fitted after `above` in a column `extent` wide."""
    x0, x1, text = piece
    word = text.split()[0] if text.split() else text
    width = (x1 - x0) * len(word) / max(len(text), 1)
    return (above[1] - above[0]) + SPACE * size + width <= extent - MARGIN * size


def _header_line(
    above: dict[int, tuple[float, float, str]],
    mine: dict[int, tuple[float, float, str]],
    size: float,
    extents: dict[int, float],
) -> str:
    """A header line no rule or space parts from the line above that fills columns that line leaves empty:
    'same' where it goes on with every heading above it, each with words that would not have fitted there:
    the foot of a header whose cells are set at their bottom, where every heading ends, the short ones level
    with the wrapped one's last line; else 'new', a header row of its own (years, or words, under headings
    merged over their columns, a heading beside them ending above), however close the two rows stand."""
    shared = set(mine) & set(above)
    foot = (
        bool(shared)
        and set(above) <= set(mine)
        and all(
            not is_figure(mine[c][2]) and not _fits(above[c], mine[c], size, extents.get(c, 0.0))
            for c in shared
        )
    )
    return "same" if foot else "new"
