"""Tables of the UN's Akoma Ntoso XML: `<container name="table"><table><tr><th|td><p>…` between paragraphs
(a Fifth Committee resolution's levels of contribution, an annex's figures) read as a table paragraph.

A cell's `<p>`s are joined by a space, with their italics and notes. What a table of rows of cells cannot hold
is kept as text, never lost, and said once per table. Cells merged over columns or rows (`colspan`, `rowspan`)
keep their text in their first cell and leave the ones they covered empty, so every column stays in its place,
and are the paragraph's merges (`app.table_merges`); a rowspan running past the last row ends with it, and a
merge that cannot stand (over another) is said and left as its cells. A table inside a cell is read into the
cell, its cells set apart by spaces.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from app import inline
from app.digits import to_int
from app.findings import Finding, Severity
from app.io.akn_tree import children, local_name, text_of
from app.io.span_text import tidy
from app.messages import say
from app.model import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, Paragraph, table_size_refusal
from app.place_words import Where
from app.table_merges import Merge, valid_merges

Spans = Callable[[etree._Element], list[inline.Span]]
_ROW_GROUPS = ("thead", "tbody", "tfoot")


def table_of(el: etree._Element) -> etree._Element | None:
    """The `<table>` an item of a body stands for: the item itself, or a container holding a table and no
    text beside it (`<container name="table">`)."""
    if local_name(el) == "table":
        return el
    if local_name(el) not in ("container", "blockContainer", "tblock"):
        return None
    tables = children(el, "table")
    others = [c for c in children(el) if local_name(c) != "table" and text_of(c)]
    return tables[0] if len(tables) == 1 and not others else None


def _rows(table: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    for c in children(table):
        if local_name(c) == "tr":
            out.append(c)
        elif local_name(c) in _ROW_GROUPS:
            out += children(c, "tr")
    return out


class _Grid:
    """Rows of cells with the places merged cells cover kept empty."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.covered: dict[int, int] = {}  # column -> rows still covered by a cell spanning down
        self.merges: list[Merge] = []
        self.nested = 0

    def row(self, cells: list[tuple[str, int, int]]) -> None:
        out: list[str] = []
        for text, across, down in cells:
            self._skip_covered(out)
            if across > 1 or down > 1:
                self.merges.append((len(self.rows), len(out), down, across))
            for k in range(across):
                if self.covered.get(len(out), 0) > 0:  # spanning into a column a cell above covers: the
                    self.covered[len(out)] -= 1  # overlap is dropped from the merges, the rows stay in step
                if down > 1:
                    self.covered[len(out)] = down - 1
                out.append(text if k == 0 else "")
            if len(out) > MAX_TABLE_COLUMNS:  # refused before a row of spans grows any wider
                table_size_refusal(len(self.rows) + 1, len(out))
        self._skip_covered(out)
        self.rows.append(out)

    def _skip_covered(self, out: list[str]) -> None:
        while self.covered.get(len(out), 0) > 0:
            self.covered[len(out)] -= 1
            out.append("")


def _span(cell: etree._Element, name: str) -> int:
    """A cell's `colspan` or `rowspan`, at most the table's bound (a span running past the table's last column
    or row ends with it). Digits past the bound's are the bound, not one cell: a rowspan of 4,999 (which the
    writer gives a merge down a long table) read as 1 had every row under it shift its cells left."""
    limit = MAX_TABLE_COLUMNS if name == "colspan" else MAX_TABLE_ROWS
    text = (cell.get(name) or "").strip().lstrip("0")
    if text.isascii() and text.isdigit() and len(text) > len(str(limit)):
        return limit
    return max(1, min(to_int(text, 1, max_digits=len(str(limit))) or 1, limit))


def _cell_text(cell: etree._Element, spans: Spans, grid: _Grid) -> str:
    """A cell's paragraphs as one line; a table inside it read as its cells' text."""
    if not children(cell, "p", "block", "table"):
        return _one_line(spans(cell))
    out: list[inline.Span] = []
    for c in children(cell):
        if local_name(c) == "table":
            grid.nested += 1
            piece = [inline.Span(" ".join(_nested_words(c)))]
        else:
            piece = spans(c)
        if piece and out:
            out.append(inline.Span(" "))
        out += piece
    return _one_line(out)


def _nested_words(table: etree._Element) -> list[str]:
    """A table inside a cell as its cells' words, each once: a cell's own paragraphs, then the tables inside it
    (the text of every cell of every depth had been taken with the text of each cell around it: a table in a
    table in a table printed its innermost words three times, glued to the words before them)."""
    out: list[str] = []
    for tr in _rows(table):
        for cell in children(tr, "th", "td"):
            parts = children(cell)
            if not parts and text_of(cell):
                out.append(text_of(cell))
            for c in parts:
                if local_name(c) == "table":
                    out += _nested_words(c)
                elif text_of(c):
                    out.append(text_of(c))
    return out


def _one_line(spans: list[inline.Span]) -> str:
    return " ".join(inline.unparse(tidy(spans)).split())


def read_table(table: etree._Element, spans: Spans, where: Where) -> tuple[Paragraph, list[Finding]]:
    """The table as a paragraph (unnumbered), with a finding for merged cells or tables in cells."""
    grid = _Grid()
    header_rows, in_header = 0, True
    rows = _rows(table)
    table_size_refusal(len(rows), max((len(children(tr, "th", "td")) for tr in rows), default=0))
    for tr in rows:
        cells = children(tr, "th", "td")
        # a row whose every cell a header cell above covers (rowspan) goes on with the header
        spanned = not cells and any(grid.covered.values())
        in_header = in_header and (spanned or bool(cells) and all(local_name(c) == "th" for c in cells))
        header_rows += in_header
        grid.row([(_cell_text(c, spans, grid), _span(c, "colspan"), _span(c, "rowspan")) for c in cells])
    width = max((len(r) for r in grid.rows), default=0)
    table_size_refusal(len(grid.rows), width)  # cells spanning columns may widen it
    rows = [(r + [""] * width)[:width] for r in grid.rows]
    merges = valid_merges(rows, [(r, c, min(h, len(rows) - r), w) for r, c, h, w in grid.merges])
    para = Paragraph(table=rows or [[""]], header_rows=header_rows, numbered=False, merges=merges)
    return para, _findings(grid, len(grid.merges) - len(merges), where, para.id)


def _findings(grid: _Grid, dropped: int, where: Where, paragraph_id: str) -> list[Finding]:
    out: list[Finding] = []
    if dropped:
        out.append(
            Finding(
                "import.table",
                Severity.INFO,
                say(
                    "the table at {where} has {count} merged cell(s): each keeps its text in its first cell, "
                    "the cells it covered are empty",
                    where=where,
                    count=dropped,
                ),
                paragraph_id=paragraph_id,
            )
        )
    if grid.nested:
        out.append(
            Finding(
                "import.table",
                Severity.WARNING,
                say(
                    "the table at {where} has {count} table(s) inside its cells: read as the cell's text",
                    where=where,
                    count=grid.nested,
                ),
                paragraph_id=paragraph_id,
            )
        )
    return out
