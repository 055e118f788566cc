"""Two classes of issued tables the second development half of `scripts/pdf_grid_vs_akn.py` showed, each read
from the issued PDF and held to the UN's XML of the same resolution, cell for cell
(tests/fixtures/pdf_tables/README.md):

- a table whose rules are as wide as the running head's rule over the page (A/RES/79/250, levels of
  contribution): the head's rule, drawn in two cells, had been taken for the table's top, and the paragraph
  between for its header;
- a table of one name and one figure a row, neither ruled nor spaced, over six pages (A/RES/79/249, the scale of
  assessments): a long name over a name that would not fit after it had left the rows unsure and the whole
  table as text, though a figure set under a figure is a new row.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest

from app import inline
from app.io.akn_reader import read_akn
from app.io.pdf_file import read_pdf
from app.io.pdf_grid import page_tables
from app.io.pdf_grid_rules import page_rules
from app.model import Paragraph, Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf_tables"
PAIRS = {  # the PDF in FIXTURES, the XML
    "A_RES_79_249": FIXTURES / "A_RES_79_249-2424688E.xml",
    "A_RES_79_250": FIXTURES.parent / "akn" / "A_RES_79_250-2424689E.xml",
}
_SPACES = re.compile(r"\s+")


def _rows(table: Paragraph) -> list[list[str]]:
    rows = [[_SPACES.sub(" ", inline.plain(c)).strip() for c in row] for row in table.table]
    return [row for row in rows if any(row)]


def _tables(res: Resolution) -> list[Paragraph]:
    items = [*res.operative, *(p for a in res.annexes for p in a.paragraphs)]
    return [p for item in items for p in item.walk() if p.is_table]


@pytest.fixture(scope="module", params=sorted(PAIRS))
def pair(request: pytest.FixtureRequest) -> tuple[Resolution, Resolution]:
    pdf = FIXTURES / f"{request.param}.pdf"
    xml = PAIRS[request.param]
    return read_pdf(pdf.read_bytes(), pdf.name).resolution, read_akn(xml.read_bytes()).resolution


def test_each_table_has_the_xml_cells_rows_columns_and_header(pair: tuple[Resolution, Resolution]) -> None:
    opened, marked_up = pair
    want, got = _tables(marked_up), _tables(opened)
    assert want and len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert _rows(g) == _rows(w)
        assert g.header_rows == len([r for r in w.table[: w.header_rows] if any(r)])


def test_no_cell_is_left_as_text(pair: tuple[Resolution, Resolution]) -> None:
    opened, _ = pair
    assert opened.unplaced == []
    cells = {c for t in _tables(opened) for row in _rows(t)[1:] for c in row if len(c) > 3}
    read = {
        _SPACES.sub(" ", inline.plain(p.opener + " " + p.text)).strip()
        for _, p in opened.paragraphs()
        if not p.is_table
    }
    assert cells and not cells & read


def test_the_running_heads_rule_is_no_tables_top() -> None:
    """On the page of A/RES/79/250's table the running head's rule is as wide as the table's and drawn in two
    cells; the table read starts at its own top rule, under paragraph 11, not at the head's."""
    document = pypdfium2.PdfDocument((FIXTURES / "A_RES_79_250.pdf").read_bytes())
    try:
        page = document[2]
        rules, _ = page_rules(pypdfium2.raw, page)
        head = rules[0]
        assert (
            len(rules) >= 4 and abs(head.width - rules[-1].width) < 3.0 and head.joints
        )  # the trap is there
        textpage = page.get_textpage()
        (table,) = page_tables(page, textpage, textpage.get_text_range(), 3)
        assert table.rows[0][0] == "Level" and table.header_rows == 1
        assert not any("Decides" in cell for row in table.rows for cell in row)
    finally:
        document.close()
