"""Hostile tables (the eighth red-team pass): Word tables whose cells hold tables, tables of every shape
through the project file, and the costs that grew with the square of a table's cells.

Inputs are generated here (hypothesis or a size where the old cost grew with the square); the hang guards are
far above a linear run and turn a hang into a failure."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
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


# --- UN XML tables holding tables --------------------------------------------------------------------------

AKN = Path(__file__).resolve().parents[1] / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _akn_with(table: str) -> bytes:
    src = AKN.read_text(encoding="utf-8")
    start = src.index('<container name="table"')
    end = src.index("</container>", start) + len("</container>")
    return (src[:start] + f'<container name="table">{table}</container>' + src[end:]).encode("utf-8")


@SOME
@given(st.integers(1, 6), st.integers(1, 3))
def test_a_table_nested_in_a_cell_of_an_akn_table_reads_each_word_once(depth: int, width: int) -> None:
    """A table in a table in a table: each level's words once, in order, apart (they were taken again with
    every cell around them, 'L2 L1L0deep L0deep deep')."""
    from app.io.akn_reader import read_akn

    inner = "<table><tr>" + "".join(f"<td><p>deep{k}</p></td>" for k in range(width)) + "</tr></table>"
    for level in range(depth):
        inner = f"<table><tr><td><p>L{level}</p>{inner}</td></tr></table>"
    res = read_akn(_akn_with(inner)).resolution
    cells = [c for p in res.operative if p.table for row in p.table for c in row if inline.plain(c)]
    expected = [f"L{level}" for level in reversed(range(depth))] + [f"deep{k}" for k in range(width)]
    assert len(cells) == 1 and inline.plain(cells[0]) == " ".join(expected)


# --- project files whose tables are of every shape, through every output -------------------------------------

CELL = st.one_of(st.text(max_size=8), st.sampled_from(["[^n1]", "*x*", "\n", "\t", "\ud800", "1 234"]))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(CELL, max_size=5), max_size=6),
    st.one_of(st.integers(-(10**6), 10**12), st.none()),
)
def test_a_project_table_of_any_shape_checks_exports_and_reopens(
    rows: list[list[str]], header: int | None
) -> None:
    """Ragged rows, no rows, empty rows, a note in a cell, header_rows negative or past the rows: every output
    is written and the draft reads back with the same cells (header_rows no more than the rows: 10**9 was kept
    through every save)."""
    import json

    from app import storage
    from app.conventions.engine import check_document
    from app.io.akn_writer import to_akn
    from app.io.text_writer import to_text
    from app.print_layout import lay_out
    from app.render import render
    from tests.core.test_hostile_pdf_export import measure

    data = storage.to_dict(sample(paragraphs=4, footnotes=1))
    note_id = data["footnotes"][0]["id"]
    table = [[c.replace("[^n1]", f"[^{note_id}]") for c in row] for row in rows]
    data["operative"].insert(1, {"id": "t", "numbered": False, "table": table, "header_rows": header})
    res = storage.from_dict(json.loads(json.dumps(data)))
    para = res.operative[1]
    width = max((len(r) for r in rows), default=0)
    if para.table:
        assert all(len(r) == max(width, 1) for r in para.table)
        assert 0 <= para.header_rows <= len(para.table)
    check_document(res)
    build_docx(res)
    to_akn(res)
    to_text(res)
    r = render(res)
    from app.io.docx_layout import layout_for_paper

    lay_out(r, layout_for_paper(r.template.paper), measure)
    again = storage.loads(storage.dumps(res))
    assert again.operative[1].table == para.table and again.operative[1].header_rows == para.header_rows


# --- tables past the cell bound ----------------------------------------------------------------------------


def test_a_table_of_a_hundred_thousand_cells_is_refused_in_one_line_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Within the row and column bounds (5,000 and 64) a file could bring 320,000 cells, which the editor took
    minutes to open; past MAX_TABLE_CELLS a project, a Word file and a UN XML file are refused in one line (exit
    2, nothing written), and an edit that would grow a table past it is refused."""
    import json

    from app import cli, storage, table_edits
    from app.edits import Document, EditError
    from app.errors import InputError
    from app.io.akn_reader import read_akn
    from app.model import MAX_TABLE_CELLS

    rows, columns = 2_000, 50
    assert rows * columns > MAX_TABLE_CELLS
    data = storage.to_dict(sample(paragraphs=4, footnotes=0))
    data["operative"].insert(1, {"id": "t", "table": [["x"] * columns] * rows, "header_rows": 1})
    project = tmp_path / "cells.json"
    project.write_text(json.dumps(data), encoding="utf-8")
    for args in (["check", str(project)], ["export", str(project), "-o", str(tmp_path / "out.docx")]):
        assert cli.run(args) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "cells" in err[0], err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cells.json"]
    row = "".join(f"<w:tc>{_p('x')}</w:tc>" for _ in range(columns))
    with hang_guard(HANG), pytest.raises(InputError, match="cells"):
        read_docx(_docx_with(_tbl([row] * rows)))
    akn_row = "<tr>" + "<td><p>x</p></td>" * columns + "</tr>"
    with hang_guard(HANG), pytest.raises(InputError, match="cells"):
        read_akn(_akn_with("<table>" + akn_row * rows + "</table>"))
    doc = Document(sample(paragraphs=4, footnotes=0))
    doc.resolution.operative.insert(
        1, Paragraph(table=[["x"] * columns] * (MAX_TABLE_CELLS // columns), numbered=False)
    )
    pid = doc.resolution.operative[1].id
    with pytest.raises(EditError):
        table_edits.add_row(doc, paragraph_id=pid)


@SOME
@given(st.lists(st.sampled_from(["note", "blank", "rule"]), min_size=1, max_size=12))
def test_the_notes_under_a_word_table_are_read_whole_and_in_order(kinds: list[str]) -> None:
    """Notes in Word's FootnoteText style under a table, with empty lines and rules among them: the table's
    text, every note once, in order (they were joined note by note, each copying all the notes before it)."""

    def line(k: int, kind: str) -> str:
        style = '<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>' if kind == "note" else ""
        text = {"note": f"a note {k} of the table", "blank": "", "rule": "* * *"}[kind]
        return f"<w:p>{style}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = _tbl(["<w:tc>" + _p("x") + "</w:tc>"]) + "".join(line(k, kind) for k, kind in enumerate(kinds))
    res = read_docx(_docx_with(body)).resolution
    [table] = [p for p in res.operative if p.table]
    expected = [f"a note {k} of the table" for k, kind in enumerate(kinds) if kind == "note"]
    assert inline.plain(table.text) == " ".join(expected)
