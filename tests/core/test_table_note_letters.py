"""A table's note letters as issued: a superscript letter set close to what it marks ("9 237ᵇ", "Number of posts
(special political missions)ᵃ"). The UN XML lays its file out with a line break between `<span>9 237</span>` and
`<sup>b</sup>`; read as a space, the cell said "9 237 b", and the PDF's table (A/RES/80/242, staffing by
category), read right, differed from it in 3 cells.

The expected cells are the XML's own: each `th`/`td` with a `sup`, its text with the layout whitespace before the
superscript taken out."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from app.io.akn_reader import read_akn
from app.io.pdf_file import read_pdf
from app.model import Resolution
from scripts.pdf_grid_vs_akn import tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf_tables"
XML = FIXTURES / "A_RES_80_242-2521246E.xml"
PDF = FIXTURES / "A_RES_80_242.pdf"


def _cells_with_letters() -> list[str]:
    """Each XML cell holding a superscript, as printed: its pieces joined, the superscript closed up."""
    out = []
    for cell in etree.fromstring(XML.read_bytes()).iter("{*}th", "{*}td"):
        if next(cell.iter("{*}sup"), None) is None:
            continue
        pieces = []
        for node in cell.iter():
            if etree.QName(node).localname == "sup":
                pieces.append("\0")  # the superscript takes no space before it
            pieces += [node.text or ""] if node is not cell else [node.text or ""]
            if node is not cell:
                pieces.append(node.tail or "")
        text = " ".join("".join(pieces).split())
        out.append(re.sub(r"\s*\0", "", text))
    return out


def _table_cells(res: Resolution) -> list[str]:
    """Every table's cells with text, in reading order (annexes too), as scripts/pdf_grid_vs_akn.py reads them."""
    return [cell for table in tables(res) for row in table for cell in row if cell]


def test_the_xml_reads_a_note_letter_close_to_what_it_marks() -> None:
    expected = _cells_with_letters()
    assert len(expected) >= 3 and all(re.search(r"\S[a-z]$", e) for e in expected), expected
    cells = _table_cells(read_akn(XML.read_bytes()).resolution)
    assert all(e in cells for e in expected), [e for e in expected if e not in cells]


def test_the_pdf_table_is_the_xml_table_cell_for_cell() -> None:
    want = _table_cells(read_akn(XML.read_bytes()).resolution)
    got = _table_cells(read_pdf(PDF.read_bytes(), "A_RES_80_242").resolution)
    assert len(want) > 140 and got == want
