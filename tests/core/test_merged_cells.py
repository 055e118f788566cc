"""Merged table cells end to end: issued UN XML tables whose cells span columns and rows (`colspan`, `rowspan`)
read as the paragraph's merges, written to Word (`w:gridSpan`, `w:vMerge`) and UN XML and read back the same,
kept by the project file, printed by the preview and the PDF; merges that cannot stand are dropped, never a
cell's text.

The expected merges are derived from the XML's own markup by the HTML table model (each cell placed at the
first grid slot no cell above covers), not typed in."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import docx_problems, growth  # noqa: E402
from table_markup import markup_merges as _markup_merges  # noqa: E402

from app import inline, storage, table_edits  # noqa: E402
from app.edits import Document, EditError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.model import Paragraph, Resolution  # noqa: E402
from app.render import render  # noqa: E402
from app.table_merges import covered, valid_merges  # noqa: E402

AKN_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "akn"
ISSUED = ["A_RES_75_293-2108996E.xml", "A_RES_79_255-2424696E.xml", "A_RES_79_259-2424702E.xml"]
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOME = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _issued(name: str) -> list[tuple[list[tuple[int, int, int, int]], list[list[str]]]]:
    root = etree.parse(str(AKN_DIR / name)).getroot()
    return [_markup_merges(t) for t in root.iter(f"{AKN}table")]


def _tables(res: Resolution) -> list[Paragraph]:
    return [p for _, p in res.paragraphs() if p.is_table] + [p for p in res.annex_paragraphs() if p.is_table]


def _shape(res: Resolution) -> list[tuple[list[list[str]], int, list[tuple[int, int, int, int]]]]:
    return [(p.table, p.header_rows, p.merges) for p in _tables(res)]


@pytest.fixture(scope="module", params=ISSUED)
def issued(request: pytest.FixtureRequest) -> tuple[str, Resolution]:
    name = request.param
    return name, read_akn((AKN_DIR / name).read_bytes(), name=name).resolution


def test_issued_merges_are_read_from_the_markup(issued: tuple[str, Resolution]) -> None:
    name, res = issued
    expected = _issued(name)
    tables = _tables(res)
    assert len(tables) == len(expected) and any(merges for merges, _ in expected)
    for para, (merges, words) in zip(tables, expected, strict=True):
        assert para.merges == merges
        assert [[" ".join(inline.plain(c).split()) for c in row] for row in para.table] == words
        for r, c, h, w in merges:  # the covered cells are empty, the text in the first
            assert all(not para.table[r + i][c + j] for i in range(h) for j in range(w) if i or j)


def test_issued_merges_survive_word_and_un_xml(issued: tuple[str, Resolution]) -> None:
    name, res = issued
    blob = build_docx(res)
    assert docx_problems(blob) == []
    assert _shape(read_docx(blob, name="again.docx").resolution) == _shape(res)
    body = docx.Document(io.BytesIO(blob)).element.body
    spans = [int(e.get(f"{W}val")) for e in body.iter(f"{W}gridSpan")]
    restarts = [e for e in body.iter(f"{W}vMerge") if e.get(f"{W}val") == "restart"]
    merges = [m for p in _tables(res) for m in p.merges]
    assert sorted(spans) == sorted(w for _, _, h, w in merges for _ in range(h) if w > 1)
    assert len(restarts) == sum(1 for m in merges if m[2] > 1)
    data = to_akn(res)
    assert _shape(read_akn(data, name="again.xml").resolution) == _shape(res)
    root = etree.fromstring(data)
    assert sorted(m for t in root.iter(f"{AKN}table") for m in _markup_merges(t)[0]) == sorted(merges)
    again = storage.loads(storage.dumps(res))
    assert _shape(again) == _shape(res)


def test_word_export_prints_a_merged_row_in_one_line_in_libreoffice(tmp_path: Path) -> None:
    """A row of one cell over all six columns (a department's name) prints on one line in LibreOffice, where
    in its first narrow column alone it wraps."""
    from libreoffice import convert, need_soffice

    need_soffice("merged cells in a Word export", "pdftotext")
    import subprocess

    name = "A_RES_75_293-2108996E.xml"
    res = read_akn((AKN_DIR / name).read_bytes(), name=name).resolution
    table = _tables(res)[0]
    width = len(table.table[0])
    whole = [table.table[r][c] for r, c, h, w in table.merges if w == width and c == 0]
    assert whole
    src = tmp_path / "merged.docx"
    src.write_bytes(build_docx(res))
    text = subprocess.run(
        ["pdftotext", "-layout", str(convert(tmp_path, src) / "merged.pdf"), "-"],
        capture_output=True,
        text=True,
    )
    lines = [" ".join(line.split()) for line in text.stdout.splitlines()]
    for words in whole:
        assert " ".join(inline.plain(words).split()) in lines


# --- validity ----------------------------------------------------------------------------------------------


def test_merges_that_cannot_stand_are_dropped_never_a_text() -> None:
    table = [["a", "", "b"], ["", "", "c"], ["d", "e", ""]]
    assert valid_merges(table, [(0, 0, 2, 2)]) == [(0, 0, 2, 2)]
    assert valid_merges(table, [(0, 0, 1, 1)]) == []  # one cell
    assert valid_merges(table, [(0, 0, 3, 1)]) == []  # covers "d"
    assert valid_merges(table, [(1, 2, 2, 2)]) == []  # out of the table
    assert valid_merges(table, [(0, 0, 2, 2), (1, 1, 1, 1), (0, 1, 2, 1)]) == [(0, 0, 2, 2)]  # overlap
    assert valid_merges(table, [(-1, 0, 2, 1), (0, True, 1, 2), ("0", 0, 1, 2), (0, 0, 1)]) == []
    res = Resolution(operative=[Paragraph(table=[list(r) for r in table], merges=[(0, 0, 3, 1)])])
    assert render(res).blocks[0].merges == ()  # what prints drops it, the text "d" shows
    data = storage.to_dict(
        Resolution(operative=[Paragraph(table=[list(r) for r in table], merges=[(0, 0, 2, 2)])])
    )
    para = data["operative"][0]
    assert para["merges"] == [[0, 0, 2, 2]]
    para["merges"] = [[0, 0, 2, 2], [0, 0, 10**400, 1], "x", [1, 1, 2, 2], None, {"a": 1}]
    para["unknown"] = {"a later": "field"}  # a key this reader does not know is left alone
    assert storage.from_dict(data).operative[0].merges == [(0, 0, 2, 2)]
    para["merges"] = "damaged"
    assert storage.from_dict(data).operative[0].table == table  # the layout lost, never the file
    del para["merges"]  # an older file, or one an older Resolute wrote back
    assert storage.from_dict(data).operative[0].merges == []
    plain = storage.to_dict(Resolution(operative=[Paragraph(table=[["x", "y"]])]))
    assert "merges" not in plain["operative"][0] and plain["version"] == 2


def test_a_merge_list_of_overlaps_costs_linear_time() -> None:
    """Every merge over the whole table but the first: each is looked at once, and looking stops at twice the
    table's cells."""

    def make(n: int):  # noqa: ANN202
        table = [[""] * 20 for _ in range(n)]
        merges = [(0, 0, n, 20)] * (n * 20)
        return lambda: valid_merges(table, merges)

    assert growth(make, 200, factor=8, repeats=3) < 24


def test_text_export_keeps_every_cell_in_its_column() -> None:
    para = Paragraph(
        table=[["Year", "", "Total"], ["2024", "2025", "9"]], header_rows=1, merges=[(0, 0, 1, 2)]
    )
    text = to_text(Resolution(operative=[para]))
    assert "Year\t\tTotal" in text and "2024\t2025\t9" in text


def test_preview_and_pdf_span_the_merged_columns() -> None:
    """A heading over three columns prints on one line in the PDF, where in its first column alone it wraps; the
    preview gives it one cell over three."""
    from app.io.docx_layout import layout_for_paper
    from app.print_layout import Text, lay_out
    from widgets.preview import table_html

    heading = "Contributions assessed on Member States in 2025 for the Mechanism"
    table = [[heading, "", ""], ["Africa", "100 000", "200 000"], ["Asia", "300 000", "400 000"]]

    def baselines(merges: list[tuple[int, int, int, int]]) -> set[float]:
        rendered = render(Resolution(operative=[Paragraph(table=table, header_rows=1, merges=merges)]))
        pages = lay_out(
            rendered, layout_for_paper(rendered.template.paper), lambda t, f: 0.5 * f.size * len(t)
        )
        words = set(heading.split())
        return {i.y for page in pages for i in page.items if isinstance(i, Text) and i.text.strip() in words}

    assert len(baselines([(0, 0, 1, 3)])) == 1 < len(baselines([]))
    block = render(
        Resolution(operative=[Paragraph(table=table, header_rows=1, merges=[(0, 0, 1, 3)])])
    ).blocks[0]
    html = table_html(block, {})
    assert html.count("<td") == 7 and 'colspan="3"' in html


# --- editing -----------------------------------------------------------------------------------------------


def _doc(table: list[list[str]], merges: list[tuple[int, int, int, int]]) -> tuple[Document, Paragraph]:
    para = Paragraph(table=table, header_rows=1, numbered=False, merges=merges)
    return Document(Resolution(operative=[Paragraph(opener="Decides", text="x"), para])), para


def test_rows_and_columns_inserted_or_removed_widen_shrink_or_drop_merges() -> None:
    doc, para = _doc(
        [["Region", "", "Total"], ["Africa", "1", "2"], ["", "3", "4"]], [(0, 0, 1, 2), (1, 0, 2, 1)]
    )
    table_edits.add_row(doc, paragraph_id=para.id, at=2)  # inside the name going down two rows
    assert para.merges == [(0, 0, 1, 2), (1, 0, 3, 1)]
    table_edits.add_column(doc, paragraph_id=para.id, at=1)  # inside the heading over two columns
    assert para.merges == [(0, 0, 1, 3), (1, 0, 3, 1)]
    table_edits.remove_column(doc, paragraph_id=para.id, at=0)  # the first column: the name goes with it
    assert para.merges == [(0, 0, 1, 2)] and para.table[0][0] == ""
    table_edits.remove_column(doc, paragraph_id=para.id, at=1)  # one cell left: no merge
    assert para.merges == [] and para.table[0] == ["", "Total"]
    for _ in range(3):
        doc.history.undo()
    assert para.merges == [(0, 0, 1, 2), (1, 0, 3, 1)]


def test_merge_and_split_keep_every_word() -> None:
    doc, para = _doc([["2024", "", "2025"], ["a", "b", "c"]], [])
    table_edits.merge_cells(doc, paragraph_id=para.id, row=1, column=0, rows=1, columns=3)
    assert para.table[1] == ["a b c", "", ""] and para.merges == [(1, 0, 1, 3)]
    table_edits.merge_cells(doc, paragraph_id=para.id, row=0, column=0, rows=2, columns=3)  # takes it in
    assert para.merges == [(0, 0, 2, 3)] and para.table[0][0] == "2024 2025 a b c"
    table_edits.split_cell(doc, paragraph_id=para.id, row=1, column=2)
    assert para.merges == [] and para.table[0][0] == "2024 2025 a b c"
    doc.history.undo()
    doc.history.undo()
    assert para.merges == [(1, 0, 1, 3)]
    with pytest.raises(EditError, match="cut across"):
        table_edits.merge_cells(doc, paragraph_id=para.id, row=0, column=1, rows=2, columns=1)


@st.composite
def _merged_tables(draw: st.DrawFn) -> tuple[list[list[str]], int, list[tuple[int, int, int, int]]]:
    """A table with merges placed where no other is, a word in each first cell, the covered ones empty."""
    rows, columns = draw(st.integers(1, 6)), draw(st.integers(1, 5))
    taken: set[tuple[int, int]] = set()
    merges = []
    for _ in range(draw(st.integers(0, 4))):
        r, c = draw(st.integers(0, rows - 1)), draw(st.integers(0, columns - 1))
        h, w = draw(st.integers(1, rows - r)), draw(st.integers(1, columns - c))
        cells = {(r + i, c + j) for i in range(h) for j in range(w)}
        if h * w > 1 and not cells & taken:
            taken |= cells
            merges.append((r, c, h, w))
    words = st.sampled_from(["Region", "Total", "Africa", "Gross", "Net", "posts", ""])
    table = [[draw(words) for _ in range(columns)] for _ in range(rows)]
    for cell in covered(merges):
        if cell not in {(r, c) for r, c, _, _ in merges}:
            table[cell[0]][cell[1]] = ""
    return table, draw(st.integers(0, rows)), sorted(merges)


def _draft(table: list[list[str]], heads: int, merges: list[tuple[int, int, int, int]]) -> Resolution:
    para = Paragraph(table=table, header_rows=heads, numbered=False, merges=merges)
    return Resolution(
        operative=[
            Paragraph(opener="Decides", text="as follows:"),
            para,
            Paragraph(opener="Requests", text="more."),
        ]
    )


@SOME
@given(_merged_tables())
def test_any_merges_go_through_word_un_xml_and_the_project_file(shape) -> None:  # noqa: ANN001
    table, heads, merges = shape
    res = _draft(table, heads, merges)
    want = [(table, heads, merges)]
    word = _tables(read_docx(build_docx(res), name="t.docx").resolution)
    assert [(p.table, p.merges) for p in word] == [(table, merges)]
    # a row every cell of which a merge from above covers has no cell of its own in UN XML: whether it heads
    # the table cannot be written there
    whole = {r for r in range(len(table)) if all((r, c) in covered(merges) for c in range(len(table[0])))}
    back = _tables(read_akn(to_akn(res), name="t.xml").resolution)
    assert [(p.table, p.merges) for p in back] == [(table, merges)]
    if not whole - {r for r, _, _, _ in merges}:
        assert back[0].header_rows == heads
    assert _shape(storage.loads(storage.dumps(res))) == want


_STEP = st.tuples(
    st.sampled_from(["add_row", "remove_row", "add_column", "remove_column", "merge", "split"]),
    st.integers(0, 6),
    st.integers(0, 5),
    st.integers(1, 3),
    st.integers(1, 3),
)


def _words(table: list[list[str]]) -> list[str]:
    return sorted(w for row in table for cell in row for w in cell.split())


@SOME
@given(_merged_tables(), st.lists(_STEP, max_size=6))
def test_any_table_edits_keep_merges_valid_and_every_word(shape, steps) -> None:  # noqa: ANN001
    table, heads, merges = shape
    doc, para = _doc([list(r) for r in table], merges)
    for what, at, column, rows, columns in steps:
        before = _words(para.table)
        try:
            if what == "merge":
                table_edits.merge_cells(
                    doc, paragraph_id=para.id, row=at, column=column, rows=rows, columns=columns
                )
            elif what == "split":
                table_edits.split_cell(doc, paragraph_id=para.id, row=at, column=column)
            else:
                getattr(table_edits, what)(doc, paragraph_id=para.id, at=at)
        except EditError:  # the last row or column stays; no cells to merge, or across a merged cell
            assert _words(para.table) == before
        if not what.startswith("remove"):
            assert _words(para.table) == before
        assert para.merges == valid_merges(para.table, para.merges)
        first = {(r, c) for r, c, _, _ in para.merges}
        assert all(not para.table[r][c] for r, c in covered(para.merges) if (r, c) not in first)


def test_reading_merges_of_a_large_word_table_grows_linearly() -> None:
    def make(n: int):  # noqa: ANN202
        table = [["x" if c % 2 == 0 and r % 3 == 0 else "" for c in range(8)] for r in range(n * 3)]
        merges = [(r, c, 3, 2) for r in range(0, n * 3, 3) for c in range(0, 8, 2)]
        blob = build_docx(_draft(table, 1, merges))
        return lambda: read_docx(blob, name="t.docx")

    start = time.perf_counter()
    assert growth(make, 20, factor=8, repeats=2) < 16
    assert time.perf_counter() - start < 120


def test_oral_revisions_name_a_column_under_a_merged_heading() -> None:
    """ "2024" and "2025" each over "Gross" and "Net": a changed figure's column is read out with the year."""
    from app.compare.diff import compare
    from app.compare.oral import oral_revisions

    table = [
        ["Member State", "2024", "", "2025", ""],
        ["", "Gross", "Net", "Gross", "Net"],
        ["Albania", "10", "9", "11", "10"],
        ["Chile", "20", "18", "21", "19"],
    ]
    merges = [(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 1, 2)]
    base = _draft([list(r) for r in table], 2, merges)
    new = _draft([list(r) for r in table], 2, merges)
    _tables(new)[0].table[3][4] = "20"
    lines = [r.instruction for r in oral_revisions(compare(base, new))]
    assert len(lines) == 1 and "“2025 Net”" in lines[0] and "“Chile”" in lines[0], lines


def test_a_copied_table_keeps_its_merges_as_its_own() -> None:
    from app import edits

    doc, para = _doc([["2024", "", "x"], ["a", "b", "c"]], [(0, 0, 1, 2)])
    edits.duplicate_paragraph(doc, paragraph_id=para.id)
    twin = doc.resolution.operative[2]
    assert twin.id != para.id and twin.merges == para.merges
    table_edits.split_cell(doc, paragraph_id=twin.id, row=0, column=0)
    assert twin.merges == [] and para.merges == [(0, 0, 1, 2)]


def _word_table(
    merge: list[tuple[int, int, int, int]], rows: int = 4, columns: int = 3
) -> tuple[object, bytes]:
    """A python-docx table between two operative paragraphs, its cells merged as Word merges them (`merge`)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtures" / "wordxml"))
    from docs import Doc, I

    doc = Doc()
    doc.masthead()
    doc.para("1.\t", I("Decides"), " as follows:")
    table = doc.d.add_table(rows=rows, cols=columns)
    for r in range(rows):
        for c in range(columns):
            table.cell(r, c).text = f"w{r}{c}" if r < 2 else f"{r * 100 + c}"
    for r, c, h, w in merge:
        for i in range(h):
            for j in range(w):
                if i or j:
                    table.cell(r + i, c + j).text = ""
        table.cell(r, c).merge(table.cell(r + h - 1, c + w - 1))
    doc.para("2.\t", I("Requests"), " a report.")
    return table, doc.bytes()


def test_word_merges_made_by_word_s_own_merge_read_as_merges() -> None:
    merges = [(0, 0, 1, 2), (1, 2, 3, 1)]
    _, blob = _word_table(merges)
    para = next(p for p in read_docx(blob, name="t.docx").resolution.operative if p.is_table)
    assert para.merges == merges and para.table[0][0].startswith("w00")


def test_hostile_word_spans_are_kept_within_the_grid_or_left_as_cells() -> None:
    """A row's last cell saying it spans 99 columns of a grid of 3, a vMerge continue under no restart: read,
    not refused, every text kept, the table as wide as its grid."""
    table, _ = _word_table([])
    tc = table.rows[0].cells[2]._tc
    span = etree.SubElement(tc.get_or_add_tcPr(), f"{W}gridSpan")
    span.set(f"{W}val", "99")
    down = etree.SubElement(table.rows[2].cells[1]._tc.get_or_add_tcPr(), f"{W}vMerge")
    down.set(f"{W}val", "continue")
    blob = io.BytesIO()
    table._parent.part.document.save(blob)
    result = read_docx(blob.getvalue(), name="t.docx")
    para = next(p for p in result.resolution.operative if p.is_table)
    words = " ".join(c for row in para.table for c in row)
    assert all(f"w{r}{c}" in words or f"{r * 100 + c}" in words for r in range(4) for c in range(3))
    assert len(para.table[0]) == 3 and para.merges == []
    assert any(f.rule == "import.table" and "merged" in f.message for f in result.findings)
