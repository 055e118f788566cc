"""Hostile tables (the eighth red-team pass): Word tables whose cells hold tables, tables of every shape
through the project file, and the costs that grew with the square of a table's cells.

Inputs are generated here (hypothesis or a size where the old cost grew with the square); the hang guards are
far above a linear run and turn a hang into a failure."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from docx_parts import repack  # noqa: E402
from fixtures.robust.hostile import growth, hang_guard, sample, xml_parts  # noqa: E402

from app import inline  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.model import Paragraph  # noqa: E402

HANG = 30.0
SOME = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- Word tables holding tables ----------------------------------------------------------------------------


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tbl(rows: list[str]) -> str:
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"


def _docx_with(body: str) -> bytes:
    """The sample draft in Word with `body` after its operative paragraph 1."""
    blob = build_docx(sample(paragraphs=4, footnotes=0))
    xml = xml_parts(blob)["word/document.xml"].decode("utf-8")
    start = xml.index("the work of paragraph 2 and the Charter of the United Nations</w:t></w:r>")
    end = xml.index("</w:p>", start) + len("</w:p>")
    return repack(blob, {"word/document.xml": xml[:end] + body + xml[end:]})


def _nested_grid(rows: int, columns: int, own: list[bool]) -> str:
    """A table of rows x columns whose every cell holds a one-cell table "rRcC"; where `own` says so (cycled
    over the cells) the cell has a line of its own "oRcC" before it."""
    out = []
    for r in range(rows):
        cells = []
        for c in range(columns):
            mine = _p(f"o{r}c{c}") if own[(r * columns + c) % len(own)] else ""
            inner = _tbl(["<w:tc>" + _p(f"r{r}c{c}") + "</w:tc>"])
            cells.append(f"<w:tc>{mine}{inner}</w:tc>")
        out.append("".join(cells))
    return _tbl(out)


def _the_table(res_paragraphs: list[Paragraph]) -> list[list[str]]:
    tables = [p.table for p in res_paragraphs if p.table]
    assert len(tables) == 1
    return [[inline.plain(cell) for cell in row] for row in tables[0]]


@SOME
@given(st.integers(1, 6), st.integers(1, 5), st.lists(st.booleans(), min_size=1, max_size=7))
def test_a_table_in_each_cell_is_read_into_its_own_cell(rows: int, columns: int, own: list[bool]) -> None:
    """Each nested table's text lands in the cell that holds it, after the cell's own line; a cell whose
    first line was the nested table's was read into the last cell seen (a table of tables in each row's only
    cell came back as one cell holding every row)."""
    res = read_docx(_docx_with(_nested_grid(rows, columns, own))).resolution
    table = _the_table(res.operative)
    assert len(table) == rows and all(len(row) == columns for row in table)
    for r in range(rows):
        for c in range(columns):
            mine = f"o{r}c{c} " if own[(r * columns + c) % len(own)] else ""
            assert table[r][c] == f"{mine}r{r}c{c}"


def test_a_table_of_thousands_of_cells_holding_tables_reads_in_linear_time() -> None:
    """Each line of a nested table searched every cell read before it for its place: 40,000 cells holding a
    table took 50 s to read (10 s after); 8x the cells took 28x the time, 5x to 8x after."""

    def make(rows: int):
        blob = _docx_with(_nested_grid(rows, 20, [True]))
        return lambda: read_docx(blob)

    with hang_guard(HANG * 4):
        ratio = growth(make, 60, factor=8, repeats=2)
    assert ratio < 16, f"8x the cells holding tables took {ratio:.1f}x the time"
