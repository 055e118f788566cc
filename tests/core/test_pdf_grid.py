"""Tables of an opened PDF read from its geometry (app/io/pdf_grid.py, app/io/pdf_grid_places.py): each issued
table becomes a table of the draft, where it stands, with the cells, rows and columns the UN's XML of the same
resolution gives (tests/fixtures/pdf_tables/README.md). Rows the XML leaves empty (a spacer under the header)
print nothing and are not compared."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest

from app import inline
from app.io.akn_reader import read_akn
from app.io.pdf_file import pdf_text, read_pdf
from app.io.pdf_grid import page_tables
from app.model import Paragraph, Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAIRS = {
    "A_RES_79_253": (
        FIXTURES / "reading" / "A_RES_79_253.pdf",
        FIXTURES / "pdf_tables" / "A_RES_79_253-2424694E.xml",
    ),
    "A_RES_80_243": (
        FIXTURES / "pdf_tables" / "A_RES_80_243.pdf",
        FIXTURES / "pdf_tables" / "A_RES_80_243-2521248E.xml",
    ),
}
_SPACES = re.compile(r"\s+")


def _plain(cell: str) -> str:
    return _SPACES.sub(" ", inline.plain(cell)).strip()


def _tables(res: Resolution) -> list[tuple[str, Paragraph]]:
    """Every table with the part it stands in, in reading order."""
    out = []
    for where, items in [("operative", res.operative), *(("annex", a.paragraphs) for a in res.annexes)]:
        out += [(where, p) for item in items for p in item.walk() if p.is_table]
    return out


def _rows(table: Paragraph) -> list[list[str]]:
    return [[_plain(c) for c in row] for row in table.table if any(_plain(c) for c in row)]


@pytest.fixture(scope="module", params=sorted(PAIRS))
def pair(request: pytest.FixtureRequest) -> tuple[Resolution, Resolution]:
    pdf, xml = PAIRS[request.param]
    return read_pdf(pdf.read_bytes()).resolution, read_akn(xml.read_bytes()).resolution


def test_every_table_has_the_xml_cells_rows_and_columns(pair: tuple[Resolution, Resolution]) -> None:
    opened, marked_up = pair
    want = _tables(marked_up)
    got = _tables(opened)
    assert len(want) >= 2
    assert [where for where, _ in got] == [where for where, _ in want]
    for (_, g), (_, w) in zip(got, want, strict=True):
        assert _rows(g) == _rows(w)
        header = [r for r in w.table[: w.header_rows] if any(_plain(c) for c in r)]
        assert _rows(g)[: g.header_rows] == [[_plain(c) for c in r] for r in header]


def test_tables_stand_where_the_xml_sets_them(pair: tuple[Resolution, Resolution]) -> None:
    """Each table stands under the text that introduces it (paragraph 17 or 19, "Approves the changes to the
    staffing table …") or under its caption (the XML's heading over the table: "B" / "Pension
    Administration"), and the numbered paragraph after the last table is the XML's, read as one paragraph."""
    opened, marked_up = pair
    got = [k for k, p in enumerate(opened.operative) if p.is_table]
    want = [k for k, p in enumerate(marked_up.operative) if p.is_table]
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        table, before = opened.operative[g], opened.operative[g - 1]
        caption = marked_up.operative[w].heading.splitlines()[-1]
        assert table.heading.splitlines()[-1:] == [caption] or _plain(before.text).endswith(_plain(caption))
    after = next(p for p in opened.operative[got[-1] + 1 :] if p.opener and p.numbered)
    # the XML's reader may take the table's note ("*Abbreviations*: …") for a paragraph: the next two
    xml_after = [_plain(p.opener) for p in marked_up.operative[want[-1] + 1 : want[-1] + 3]]
    assert _plain(after.opener) in xml_after


def test_no_cell_is_kept_as_text_or_read_as_a_paragraph(pair: tuple[Resolution, Resolution]) -> None:
    opened, _ = pair
    cells = {c for _, t in _tables(opened) for row in _rows(t) for c in row if len(c) > 3}
    assert opened.unplaced == []
    read = {_plain(p.opener + " " + p.text) for _, p in opened.paragraphs() if not p.is_table}
    assert cells and not cells & read


def test_a_page_without_ruled_tables_gives_none() -> None:
    document = pypdfium2.PdfDocument((FIXTURES / "pdf" / "A_C.2_80_L.23.pdf").read_bytes())
    try:
        for page in document:
            textpage = page.get_textpage()
            assert page_tables(page, textpage, textpage.get_text_range()) == []
    finally:
        document.close()


def test_the_text_of_an_opened_pdf_is_the_text_layer_as_before() -> None:
    """`pdf_text` (what pasting the PDF's text gives) keeps the tables' lines: only opening the PDF reads the
    grid."""
    pdf, _ = PAIRS["A_RES_79_253"]
    assert "Programme Management Officer P-4 1" in pdf_text(pdf.read_bytes())


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_what_the_import_says_names_paragraphs_of_the_draft_with_its_tables_in_place(name: str) -> None:
    """The import's notes on ends and numbers are made after the tables take their marks' places: each names a
    paragraph the draft has, by the place it has there (a mark read as a paragraph of its own once drew "OP 18
    ended with '.'" on a paragraph that was then taken out, and moved every later name by one)."""
    from app.render import place_names, render

    pdf, _ = PAIRS[name]
    result = read_pdf(pdf.read_bytes(), pdf.name)
    names = place_names(render(result.resolution).blocks)
    about = [f for f in result.findings if f.paragraph_id]
    assert about and all(f.paragraph_id in names for f in about)
    for f in about:
        named = re.match(r"(?:OP|PP) \d+(?: of section \S+)?", f.message)
        assert named is None or named.group(0) == names[f.paragraph_id]
