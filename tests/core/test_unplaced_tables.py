"""A table a reader cannot place in the draft is kept as unplaced text one way, whichever reader meets it
(app/io/unplaced_tables.py): one block, cells set apart by " | ", rows by " / ", every cell's words kept. The
Word reader kept each cell as a block of its own, the UN XML reader ran the cells' words together, the text
reader had two forms of its own. The expected blocks are made from the tables as built or as the UN's XML
marks them up (A/RES/79/250's levels of contribution, tests/fixtures/akn)."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import Doc, I  # noqa: E402

from app import inline  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.unplaced_tables import CELL_APART, ROW_APART, table_as_text  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LEVELS = FIXTURES / "akn" / "A_RES_79_250-2424689E.xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _xml_rows(table: etree._Element) -> list[list[str]]:
    rows = [[" ".join("".join(c.itertext()).split()) for c in tr] for tr in table.iter(f"{AKN}tr")]
    return [row for row in rows if any(row)]


def test_rows_and_cells_are_set_apart_and_empty_rows_left_out() -> None:
    rows = [["Post", "Grade"], ["", ""], ["Legal  Officer", "P-4"], ["Assistant", ""]]
    assert table_as_text(rows) == "Post | Grade / Legal Officer | P-4 / Assistant | "
    assert table_as_text([["", ""]]) == ""


def test_a_word_table_after_the_operative_part_is_one_block() -> None:
    """Between the operative part and the first annex ("Enclosure" over it): each cell was a block of its own,
    four blocks for a table of two rows; now the table is one, its rows and cells in order."""
    rows = [["Post", "Grade", "Number"], ["Legal Officer", "P-4", "1"], ["Assistant", "GS (OL)", "2"]]
    doc = Doc()
    doc.masthead()
    doc.para("1.\t", I("Decides"), " that the posts shall be as set forth below;")
    doc.para("2.\t", I("Requests"), " the Secretary-General to report.")
    doc.para("Enclosure")
    table = doc.d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).paragraphs[0].add_run(text)
    doc.para("Annex")
    doc.para("1.\tThe text of the annex.")
    result = read_docx(doc.bytes(), name="t.docx")
    assert result.resolution.unplaced == ["Enclosure", table_as_text(rows)]
    said = [f.message for f in result.findings if f.rule == "import.unplaced"]
    assert len(said) == 2 and "a table after the operative part" in said[1]


def test_a_un_xml_table_where_no_paragraph_can_stand_is_one_block_of_its_rows() -> None:
    """A `<table>` set straight in an operative paragraph beside its `<num>` and `<content>`, where the reader
    places no table: its words had run together ("Level Criterion Threshold …"); now its rows and cells are set
    apart as the XML marks them."""
    root = etree.fromstring(LEVELS.read_bytes())
    table = next(root.iter(f"{AKN}table"))
    paragraph = next(root.iter(f"{AKN}paragraph"))
    paragraph.append(copy.deepcopy(table))
    res = read_akn(etree.tostring(root)).resolution
    expected = table_as_text(_xml_rows(table))
    assert expected.count(" / ") >= 10
    assert [inline.plain(u) for u in res.unplaced] == [expected]


def test_a_table_of_pdf_text_a_cell_a_line_is_one_block_of_its_cells() -> None:
    """PDF text whose tables lost their rows (a cell a line: A/RES/79/253's staffing tables through pdftotext)
    is kept the same way, each table one block of one row: the cells the PDF's typography prints
    (tests/core/test_pdf_tables.py) are its cells, whole, none cut or run into another."""
    from tests.core.test_pdf_tables import _cells

    reading = FIXTURES / "reading"
    res = read_text((reading / "pdftotext" / "A_RES_79_253.txt").read_text(encoding="utf-8")).resolution
    kept = [inline.plain(u) for u in res.unplaced]
    assert kept and all("\n" not in u and ROW_APART not in u for u in kept)
    cells = {c for u in kept for c in u.split(CELL_APART)}
    printed = [" ".join(c.split()) for c in _cells(reading / "A_RES_79_253.pdf")]
    assert len(printed) > 50 and [c for c in printed if c not in cells] == []
