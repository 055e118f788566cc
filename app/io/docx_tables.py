"""A table of the draft as a Word table (`w:tbl`), with the issued look, and a Word table read back.

The issued look (A/RES/79/250's levels of contribution, its XML's border information): the table stands in the
body column, a thin rule (0.5 pt) above the header, a thick one (1.5 pt) below it and below the last row, no
vertical rules; text 10 pt, set without indents, columns of figures aligned right.

Reading: the lines of one Word table (app.io.wordml gives each its table, row and grid column) become rows of
cells; a cell's paragraphs are joined by a space. A table inside a cell is read into the cell, cells merged
over columns keep their text in their first column and the covered ones stay empty: said in findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app import cancelling, inline
from app.findings import Finding, Severity
from app.io.wordml import Line, grid_places, wtag
from app.messages import say
from app.model import Paragraph, table_size_refusal
from app.render import Block

THIN, THICK = 4, 12  # rule widths in eighths of a point, as the UN's XML gives them
# figures, spaces and their marks, with a digit: the digit looked for first, once (a class*, digit, class* pattern
# backtracks from each digit to the end: a cell "1 1 1 … x" of 160,000 characters took minutes)
_FIGURE = re.compile(r"(?=\D*\d)[\d\s.,%()\u2013\u2014+\-]*")

# ------------------------------------------------------------------ writing


def column_widths(block: Block, total: int) -> list[int]:
    """Column widths out of `total` twips, by each column's longest text below the header (a header wraps at
    its longest word), up to 60 characters: a column of names gets more than a column of figures. No column is
    narrower than its longest word with the cell margins (about 5.5 pt a character and 12 pt): the widest
    column gives the room."""
    columns = max(len(row) for row in block.cells)
    longest, word = [1] * columns, [1] * columns
    for index, row in enumerate(block.cells):
        for k, cell in enumerate(row):
            words = inline.plain(cell).split() or [""]
            longest[k] = max(
                longest[k],
                *(len(w) for w in words),
                0 if index < block.header_rows else sum(map(len, words)) + len(words) - 1,
            )
            word[k] = max(word[k], *(len(w) for w in words))
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


def figure_columns(block: Block) -> list[bool]:
    """Which columns hold figures only below the header: set right, as issued."""
    columns = max(len(row) for row in block.cells)
    body = block.cells[block.header_rows :]
    out = []
    for k in range(columns):
        texts = [inline.plain(row[k]).strip() for row in body if k < len(row)]
        out.append(any(texts) and all(not t or _FIGURE.fullmatch(t) for t in texts))
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
        rows = []
        last = len(block.cells) - 1
        for index, row in enumerate(block.cells):
            top = THIN if index == 0 else 0
            bottom = THICK if index == block.header_rows - 1 or index == last else 0
            header = index < block.header_rows
            cells = "".join(
                self._cell(
                    cell_runs[index][k] if cell_runs else self.runs(inline.parse(cell)),
                    widths[k],
                    top,
                    bottom,
                    "right" if right[k] and not header else "left",
                    header,
                )
                for k, cell in enumerate(row)
            )
            # a row never splits over two pages; the header repeats on each page and stays with the row under it
            head = "<w:tblHeader/>" if header else ""
            mark = row_marks[index] if row_marks else ""  # after w:tblHeader, as CT_TrPr orders them
            short = len(widths) - len(
                row
            )  # a row shorter than the grid (a tracked table whose columns changed)
            after = f'<w:gridAfter w:val="{short}"/>' if short > 0 else ""
            rows.append(f"<w:tr><w:trPr>{after}<w:cantSplit/>{head}{mark}</w:trPr>{cells}</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        props = (
            f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{self.indent}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
        )
        return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"

    def _cell(self, runs: str, width: int, top: int, bottom: int, jc: str, header: bool) -> str:
        keep = "<w:keepNext/>" if header else ""
        paragraph = (
            f'<w:p><w:pPr><w:pStyle w:val="UNBody"/>{keep}<w:spacing w:before="20" w:after="20"/>'
            f'<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>'
            f"{runs}</w:p>"
        )
        borders = _borders(top, bottom)
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}</w:tcPr>{paragraph}</w:tc>'


# ------------------------------------------------------------------ reading


def outer_table(line: Line) -> object:
    """The outermost table holding the line (a nested table's lines belong to the table around it)."""
    tables = list(line.element.iterancestors(wtag("tbl"))) if line.element is not None else []
    return tables[-1] if tables else line.cell and line.cell[0]


def _outer_cell(line: Line) -> object:
    cells = list(line.element.iterancestors(wtag("tc"))) if line.element is not None else []
    return cells[-1] if cells else None


def _merged(cell: object) -> bool:
    props = cell.find(wtag("tcPr")) if cell is not None else None  # type: ignore[attr-defined]
    if props is None:
        return False
    span = props.find(wtag("gridSpan"))
    return props.find(wtag("vMerge")) is not None or (
        span is not None and span.get(wtag("val")) not in (None, "1")
    )


@dataclass
class TableReading:
    """The lines of one Word table read into rows of cells (markup)."""

    markup: Callable[[Line], str]
    cells: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    # w:tc -> (row, grid column); the element itself is the key: lxml keeps one proxy per element while it is
    # referenced, so it is found again (an id() of a proxy let go could be reused)
    places: dict[object, tuple[int, int]] = field(default_factory=dict)
    merged: set[object] = field(default_factory=set)
    nested: int = 0
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
            if _merged(cell):
                self.merged.add(cell)
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

    def paragraph(self, header_rows: int) -> Paragraph:
        rows = 1 + max((r for r, _ in self.places.values()), default=0)
        columns = 1 + max((c for _, c in self.places.values()), default=0)
        table_size_refusal(rows, columns)
        table = [[" ".join(self.cells.get((r, c), [])) for c in range(columns)] for r in range(rows)]
        return Paragraph(table=table, header_rows=min(header_rows, rows), numbered=False)

    def findings(self, paragraph_id: str) -> list[Finding]:
        out = []
        if self.merged:
            out.append(
                Finding(
                    "import.table",
                    Severity.INFO,
                    say(
                        "the table at paragraph {index} of the file has {count} merged cell(s): each keeps its "
                        "text in its first cell, the cells it covered are empty",
                        index=self.first_index,
                        count=len(self.merged),
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
    para = reading.paragraph(header_rows(lines[start:end], bold))
    findings += reading.findings(para.id)
    return para, end
