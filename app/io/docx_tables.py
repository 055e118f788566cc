"""A table of the draft as a Word table (`w:tbl`), with the issued look, and a Word table read back.

The issued look (A/RES/79/250's levels of contribution, its XML's border information): the table stands in the
body column, a thin rule (0.5 pt) above the header, a thick one (1.5 pt) below it and below the last row, no
vertical rules; text 10 pt, set without indents, columns of figures aligned right.

Reading: the lines of one Word table (app.io.wordml gives each its table, row and grid column) become rows of
cells; a cell's paragraphs are joined by a space. A table inside a cell is read into the cell (said in a
finding). Cells merged over columns (`w:gridSpan`) or rows (`w:vMerge` restart, then continue) keep their text
in their first cell, the covered ones stay empty, and are the paragraph's merges (`app.table_merges`), written
back the same way; a merge that cannot stand (text in a cell it covers) is said and left as its cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from app import cancelling, inline
from app.digits import to_int
from app.findings import Finding, Severity
from app.io.wordml import VMERGE_REVISED, Line, grid_places, wtag
from app.messages import say
from app.model import Paragraph, table_size_refusal
from app.render import Block
from app.table_merges import Merge, covered, valid_merges

THIN, THICK = 4, 12  # rule widths in eighths of a point, as the UN's XML gives them
# figures, spaces and their marks, with a digit: the digit looked for first, once (a class*, digit, class* pattern
# backtracks from each digit to the end: a cell "1 1 1 … x" of 160,000 characters took minutes)
_NIL = ("-", "\u2013", "\u2014")
_FIGURE = re.compile(r"(?=\D*\d)[\d\s.,%()\u2013\u2014+\-]*")

# ------------------------------------------------------------------ writing


ColumnNeeds = tuple[list[int], list[int]]  # each column's longest text below the header, and longest word


def column_widths(block: Block, total: int, needs: ColumnNeeds | None = None) -> list[int]:
    """Column widths out of `total` twips, by each column's longest text below the header (a header wraps at
    its longest word), up to 60 characters: a column of names gets more than a column of figures. No column is
    narrower than its longest word with the cell margins (about 5.5 pt a character and 12 pt), a figure
    ("(8 898 000)") counting as one word: the widest column gives the room. A merged cell counts its share in
    each column it spans. `needs`: `column_needs(block)` when the caller has it (the editor's grid, fitted
    again at each width, reads its cells once)."""
    longest, word = needs if needs is not None else column_needs(block)
    columns = len(longest)
    weights = [min(n, 60) + 6 for n in longest]
    widths = [int(total * w / sum(weights)) for w in weights]
    for k in range(columns):
        need = min(word[k] * 110 + 240, total // columns) - widths[k]
        if need > 0:
            widest = max(range(columns), key=lambda c: widths[c])
            give = min(need, widths[widest] - total // columns)
            if give > 0:
                widths[k] += give
                widths[widest] -= give
    return widths


def column_needs(block: Block) -> ColumnNeeds:
    """What `column_widths` shares the room by, in characters: each column's longest text below the header and
    its longest word (a figure one word), a merged cell's counted in shares over the columns it spans."""
    columns = max(len(row) for row in block.cells)
    longest, word = [1] * columns, [1] * columns
    span = {(r, c): w for r, c, _, w in block.merges}
    for index, row in enumerate(block.cells):
        for k, cell in enumerate(row):
            text = inline.plain(cell).strip()
            words = [text] if _FIGURE.fullmatch(text) else text.split() or [""]
            across = span.get((index, k), 1)
            body = 0 if index < block.header_rows else sum(map(len, words)) + len(words) - 1
            need = -(-max(len(w) for w in words) // across)  # the share of the longest word, rounded up
            for j in range(k, min(k + across, columns)):
                longest[j] = max(longest[j], need, -(-body // across))
                word[j] = max(word[j], need)
    return longest, word


def figure_columns(block: Block) -> list[bool]:
    """Which columns hold figures only below the header: set right, as issued."""
    columns = max(len(row) for row in block.cells)
    body = block.cells[block.header_rows :]
    out = []
    for k in range(columns):
        texts = [inline.plain(row[k]).strip() for row in body if k < len(row)]
        # a dash stands for nil in a column of figures ("–" in A/RES/79/255's financing table)
        out.append(any(texts) and all(not t or t in _NIL or _FIGURE.fullmatch(t) for t in texts))
    return out


def _borders(top: int, bottom: int) -> str:
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'
        for side, size in (("top", top), ("bottom", bottom))
        if size
    )
    return f"<w:tcBorders>{sides}</w:tcBorders>" if sides else ""


@dataclass
class TableWriter:
    """Writes table blocks; `runs` turns a cell's spans into runs (the body's footnote references)."""

    runs: Callable[[list[inline.Span]], str]
    indent: int  # twips from the left margin: the body column
    width: int  # twips

    def xml(
        self, block: Block, cell_runs: list[list[str]] | None = None, row_marks: list[str] | None = None
    ) -> str:
        """The table; `cell_runs` (runs per cell) and `row_marks` (a w:ins or w:del per row) are what the
        tracked-changes export gives for the rows of both versions, laid out by `block.cells`."""
        widths = column_widths(block, self.width)
        right = figure_columns(block)
        # a tracked table's rows are both versions' and its merges neither's: written as single cells
        merged = {} if cell_runs else covered(block.merges)
        rows = []
        last = len(block.cells) - 1
        for index, row in enumerate(block.cells):
            top = THIN if index == 0 else 0
            bottom = THICK if index == block.header_rows - 1 or index == last else 0
            header = index < block.header_rows
            cells = []
            for k, cell in enumerate(row):
                merge = merged.get((index, k))
                if merge is not None and k != merge[1]:
                    continue  # a column a cell spans (w:gridSpan): no w:tc of its own
                span = merge[3] if merge else 1
                runs = cell_runs[index][k] if cell_runs else self.runs(inline.parse(cell))
                jc = "right" if right[k] and not header else "left"
                look = _Look(sum(widths[k : k + span]), top, bottom, jc, header, span, _down(merge, index))
                cells.append(self._cell(runs, look))
            # a row never splits over two pages; the header repeats on each page and stays with the row under it
            head = "<w:tblHeader/>" if header else ""
            mark = row_marks[index] if row_marks else ""  # after w:tblHeader, as CT_TrPr orders them
            short = len(widths) - len(
                row
            )  # a row shorter than the grid (a tracked table whose columns changed)
            after = f'<w:gridAfter w:val="{short}"/>' if short > 0 else ""
            rows.append(f"<w:tr><w:trPr>{after}<w:cantSplit/>{head}{mark}</w:trPr>{''.join(cells)}</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        props = (
            f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{self.indent}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
        )
        return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"

    def _cell(self, runs: str, look: _Look) -> str:
        keep = "<w:keepNext/>" if look.header else ""
        paragraph = (
            f'<w:p><w:pPr><w:pStyle w:val="UNBody"/>{keep}<w:spacing w:before="20" w:after="20"/>'
            f'<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{look.jc}"/></w:pPr>'
            f"{runs if look.down != 'continue' else ''}</w:p>"
        )
        # CT_TcPr orders them: tcW, gridSpan, vMerge, tcBorders
        span = f'<w:gridSpan w:val="{look.span}"/>' if look.span > 1 else ""
        down = f'<w:vMerge w:val="{look.down}"/>' if look.down else ""
        borders = _borders(look.top, look.bottom)
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{look.width}" w:type="dxa"/>{span}{down}{borders}</w:tcPr>'
            f"{paragraph}</w:tc>"
        )


@dataclass(frozen=True)
class _Look:
    """How one written cell is set: its width (twips, its columns' together), its rules, alignment, and the
    merge it is part of (`span` columns; `down` "restart" or "continue" for a merge over rows)."""

    width: int
    top: int
    bottom: int
    jc: str
    header: bool
    span: int = 1
    down: str = ""


def _down(merge: Merge | None, row: int) -> str:
    if merge is None or merge[2] == 1:
        return ""
    return "restart" if row == merge[0] else "continue"


# ------------------------------------------------------------------ reading


def outer_table(line: Line) -> object:
    """The outermost table holding the line (a nested table's lines belong to the table around it)."""
    tables = list(line.element.iterancestors(wtag("tbl"))) if line.element is not None else []
    return tables[-1] if tables else line.cell and line.cell[0]


def _outer_cell(line: Line) -> object:
    cells = list(line.element.iterancestors(wtag("tc"))) if line.element is not None else []
    return cells[-1] if cells else None


def word_merges(tbl: etree._Element) -> list[Merge]:
    """The merged cells of a Word table, by grid row and column: a cell over `w:gridSpan` columns, and down the
    rows where the cell under it in the same columns says `w:vMerge` (continue) after one saying restart. A
    continue with no cell of its width to continue stands alone, as Word shows it. A tracked merge or split
    (`w:cellMerge`) is read accepted, as the reader takes every tracked change: its cell continues the cell
    above (which Word leaves unmarked when it merges two) or is split from it."""
    out: list[list[int]] = []
    running: dict[int, list[int]] = {}  # grid column -> the merge going down from it
    last: dict[int, list[int]] = {}  # grid column -> the cell (or merge) last placed at it
    for tc, row, column in grid_places(tbl):
        props = tc.find(wtag("tcPr"))
        span = (to_int(_val(props, "gridSpan"), 1, max_digits=2) or 1) if props is not None else 1
        down, tracked = _vertical(props)
        above = last.get(column) if tracked else running.get(column)
        if down == "continue" and above is not None and above[3] == span and above[0] + above[2] == row:
            above[2] += 1
            running[column] = above
            continue
        merge = [row, column, 1, span]
        out.append(merge)
        last[column] = merge
        if down == "restart":
            running[column] = merge
        else:
            running.pop(column, None)
    return [(r, c, h, w) for r, c, h, w in out if h * w > 1]


def _vertical(props: etree._Element | None) -> tuple[str | None, bool]:
    """The cell's vertical merge, "restart", "continue" or None, and whether a tracked revision set it: a
    `w:cellMerge` saying "cont" or "rest" (ECMA-376 17.13.5.4) overrides the cell's `w:vMerge`; a split cell
    restarts, so the cells under it may continue it, as Word shows the split."""
    if props is None:
        return None, False
    mark = props.find(wtag("cellMerge"))
    revised = VMERGE_REVISED.get(mark.get(wtag("vMerge")) or "") if mark is not None else None
    if revised is not None:
        return revised, True
    down = props.find(wtag("vMerge"))
    if down is None:
        return None, False
    value = down.get(wtag("val"))
    return ("continue" if value in (None, "continue") else value), False


def _grid_columns(tbl: etree._Element) -> int:
    grid = tbl.find(wtag("tblGrid"))
    return len(grid.findall(wtag("gridCol"))) if grid is not None else 0


def _val(props: etree._Element, name: str) -> str | None:
    el = props.find(wtag(name))
    return el.get(wtag("val")) if el is not None else None


@dataclass
class TableReading:
    """The lines of one Word table read into rows of cells (markup)."""

    markup: Callable[[Line], str]
    cells: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    # w:tc -> (row, grid column); the element itself is the key: lxml keeps one proxy per element while it is
    # referenced, so it is found again (an id() of a proxy let go could be reused)
    places: dict[object, tuple[int, int]] = field(default_factory=dict)
    nested: int = 0
    dropped: int = 0  # merges that could not stand
    first_index: int = 0

    def add(self, line: Line) -> None:
        """A line of this table, or of a table inside one of its cells (read into that cell)."""
        assert line.cell is not None
        self.first_index = self.first_index or line.index
        cell = _outer_cell(line)
        if line.element is not None and sum(1 for _ in line.element.iterancestors(wtag("tc"))) > 1:
            self.nested += 1
            place = self._place(cell, line)
        else:
            place = self.places.setdefault(cell, line.cell[1:])
        text = self.markup(line)
        if text:
            self.cells.setdefault(place, []).append(text)

    def _place(self, cell: object, line: Line) -> tuple[int, int]:
        """Where the outer cell holding a nested table's line stands. A cell whose first line is the nested
        table's has no place yet: the outer table's cells are placed all at once, the first time, so that each
        line costs the same however many cells came before (searching them line by line took the square)."""
        if cell not in self.places:
            for tc, row, column in grid_places(outer_table(line)):  # type: ignore[arg-type]
                self.places.setdefault(tc, (row, column))
        return self.places.get(cell, (0, 0))

    def paragraph(self, header_rows: int, tbl: object = None) -> Paragraph:
        """The table read; `tbl` the `w:tbl` its merges are read from."""
        found = word_merges(tbl) if isinstance(tbl, etree._Element) else []
        rows = 1 + max((r for r, _ in self.places.values()), default=0)
        columns = 1 + max((c for _, c in self.places.values()), default=0)
        # the last columns a cell spans have no cell of their own: the table reaches as far as the merges do,
        # within its grid (a cell saying it spans 99 columns of a grid of 3 spans none past the third)
        if found:
            reach = max(c + w for _, c, _, w in found)
            columns = max(columns, min(reach, _grid_columns(tbl)))  # type: ignore[arg-type]
        table_size_refusal(rows, columns)
        table = [[" ".join(self.cells.get((r, c), [])) for c in range(columns)] for r in range(rows)]
        merges = valid_merges(table, found)
        self.dropped = len(found) - len(merges)
        return Paragraph(table=table, header_rows=min(header_rows, rows), numbered=False, merges=merges)

    def findings(self, paragraph_id: str) -> list[Finding]:
        out = []
        if self.dropped:
            out.append(
                Finding(
                    "import.table",
                    Severity.INFO,
                    say(
                        "the table at paragraph {index} of the file has {count} merged cell(s): each keeps its "
                        "text in its first cell, the cells it covered are empty",
                        index=self.first_index,
                        count=self.dropped,
                    ),
                    paragraph_id=paragraph_id,
                )
            )
        if self.nested:
            out.append(
                Finding(
                    "import.table",
                    Severity.WARNING,
                    say(
                        "the table at paragraph {index} of the file has a table inside a cell: its {count} "
                        "line(s) were read into that cell",
                        index=self.first_index,
                        count=self.nested,
                    ),
                    paragraph_id=paragraph_id,
                )
            )
        return out


BOLD_HEADER_MIN_ROWS = 3  # a table this long whose first row is all bold reads it as its header


def header_rows(lines: list[Line], bold: Callable[[Line], bool | None] | None = None) -> int:
    """How many rows head the table: the rows Word repeats on each page (`w:tblHeader`); without any, a first
    row whose every cell with text is wholly bold (`bold` says of a line) in a table of 3 rows or more, as
    issued UN Word tables mark their header."""
    count = _repeated_rows(lines)
    if count or bold is None:
        return count
    own = [line for line in lines if line.cell is not None and _own_line(line)]
    if len({line.cell[1] for line in own}) < BOLD_HEADER_MIN_ROWS:  # type: ignore[index]
        return 0
    first = [line for line in own if line.cell[1] == 0 and line.plain.strip()]  # type: ignore[index]
    return 1 if first and all(bold(line) for line in first) else 0


def _own_line(line: Line) -> bool:
    """A line of the table's own cells, not of a table inside one."""
    return line.element is not None and sum(1 for _ in line.element.iterancestors(wtag("tc"))) == 1


def _repeated_rows(lines: list[Line]) -> int:
    rows: set[int] = set()
    for line in cancelling.each(lines):
        tr = next(line.element.iterancestors(wtag("tr")), None) if line.element is not None else None
        trpr = tr.find(wtag("trPr")) if tr is not None else None
        own = line.element is not None and sum(1 for _ in line.element.iterancestors(wtag("tc"))) == 1
        if own and trpr is not None and trpr.find(wtag("tblHeader")) is not None and line.cell is not None:
            rows.add(line.cell[1])
    count = 0
    while count in rows:
        count += 1
    return count


def read_table(
    lines: list[Line],
    start: int,
    markup: Callable[[Line], str],
    findings: list[Finding],
    bold: Callable[[Line], bool | None] | None = None,
) -> tuple[Paragraph, int]:
    """The table whose first line is lines[start], as a paragraph, and the index of the line after it;
    `bold` says whether a line's text is all bold (a header marked so, see `header_rows`)."""
    outer = outer_table(lines[start])
    reading = TableReading(markup)
    end = start
    while end < len(lines) and lines[end].in_table and outer_table(lines[end]) == outer:
        cancelling.check()
        reading.add(lines[end])
        end += 1
    para = reading.paragraph(header_rows(lines[start:end], bold), outer)
    findings += reading.findings(para.id)
    return para, end
