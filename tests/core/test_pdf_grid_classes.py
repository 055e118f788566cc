"""Tables read from a page's geometry, on PDFs drawn for the purpose (tests/ruled_pdf.py): whatever the cells
say, a ruled table drawn cell by cell (as Word draws it) or with one path a rule becomes a table of the draft
with the rows and cells drawn, between the paragraphs around it; what cannot be read as a grid stays text,
and a hostile page costs no more than a page of text."""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import inline
from app.io.pdf_file import pdf_text, read_pdf
from app.io.pdf_grid import MAX_PAGE_CHARS, page_tables
from tests.ruled_pdf import Page, pdf, table_page

ROWS = [
    ["Item", "Amount", "Posts"],
    ["Travel of staff", "1 200", "3"],
    ["Consultants and\nexperts", "15 000", "–"],
    ["Total", "16 200", "3"],
]
COLUMNS = [100.0, 300.0, 400.0]


def _drawn(rows: list[list[str]]) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for row in rows]


def _tables(data: bytes) -> list:
    return [p for p in read_pdf(data).resolution.operative if p.is_table]


DRAWN = {
    "cell-by-cell": {"joints": True},
    "one-path": {"joints": False},
    "stroked": {"stroked": True},
    "stroked-with-verticals": {"stroked": True, "verticals": True},
}


@pytest.mark.parametrize("drawn", sorted(DRAWN))
def test_a_ruled_table_is_read_with_its_rows_and_cells(drawn: str) -> None:
    """Rules filled a cell at a time (Word), filled whole, or stroked (LibreOffice), with or without vertical
    rules down the columns' edges: the same table."""
    result = read_pdf(pdf(table_page(ROWS, COLUMNS, **DRAWN[drawn])))
    operative = result.resolution.operative
    assert [p.opener for p in operative] == ["Approves", "", "Requests"]
    table = operative[1]
    assert [[inline.plain(c) for c in row] for row in table.table] == _drawn(ROWS)
    assert table.header_rows == 1  # the rows above the thick rule
    assert result.resolution.unplaced == []


def test_an_empty_column_drawn_by_the_rules_is_kept() -> None:
    """A spacer column (Word's narrow column between two columns of figures) stays a column."""
    rows = [["Item", "Gross", "", "Net"], ["Travel", "1 200", "", "1 000"]]
    table = _tables(pdf(table_page(rows, [100.0, 300.0, 380.0, 390.0])))[0]
    assert [[inline.plain(c) for c in row] for row in table.table] == rows


cell = st.text(alphabet="abcdefghij KLMNOP", min_size=1, max_size=14).map(str.strip).filter(bool)
figure = st.integers(min_value=0, max_value=9_999_999).map(lambda n: f"{n:,}".replace(",", " "))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(cell, figure, figure), min_size=1, max_size=12),
    how=st.sampled_from(sorted(DRAWN)),
)
def test_any_rows_of_words_and_figures_are_read_as_drawn(rows: list[tuple[str, str, str]], how: str) -> None:
    drawn = [["Item", "Gross", "Net"], *[list(r) for r in rows]]
    tables = _tables(pdf(table_page(drawn, COLUMNS, **DRAWN[how])))
    assert [[inline.plain(c) for c in row] for row in tables[0].table] == _drawn(drawn)


def test_a_line_running_out_of_the_frame_leaves_the_text_as_it_was() -> None:
    page = table_page(ROWS, COLUMNS)
    page.texts.append(
        (300.0, 600.0, "A sentence set across the table's edge and far beyond it, to the margin")
    )
    data = pdf(page)
    assert _tables(data) == []
    read = read_pdf(data).resolution
    words = " ".join(inline.plain(t) for _, p in read.paragraphs() for t in (p.opener, p.text)) + " ".join(
        inline.plain(u) for u in read.unplaced
    )
    for word in ("Travel", "Consultants", "16 200", "margin"):
        assert word in words or word in pdf_text(data)


def test_a_page_of_rules_without_a_table_gives_none_quickly() -> None:
    """20,000 rule pieces on a page (a hostile file): no grid is looked for, the text is read."""
    data = pdf(table_page(ROWS, COLUMNS), extra=20_000)
    start = time.perf_counter()
    read_pdf(data)
    assert time.perf_counter() - start < 10


def test_a_page_of_more_characters_than_any_page_of_text_is_read_as_text() -> None:
    page = table_page(ROWS, COLUMNS)
    page.texts += [(72.0, 20.0 + k * 4, f"{k:05d}" + "x" * 195) for k in range(MAX_PAGE_CHARS // 200 + 1)]
    document = pypdfium2.PdfDocument(pdf(page))
    try:
        textpage = document[0].get_textpage()
        text = textpage.get_text_range()
        assert len(text) > MAX_PAGE_CHARS
        assert page_tables(document[0], textpage, text) == []
    finally:
        document.close()


def test_two_tables_one_under_the_other_are_two() -> None:
    """Their rules are as wide: the thick rule under the first one's last row closes it."""
    first = table_page(ROWS, COLUMNS, top=640.0)
    second = table_page(ROWS, COLUMNS, top=440.0)
    both = Page(first.texts + second.texts[1:], first.rules + second.rules)
    tables = _tables(pdf(both))
    assert len(tables) == 2
    assert all([[inline.plain(c) for c in row] for row in t.table] == _drawn(ROWS) for t in tables)


def test_an_empty_page_list_of_rules_is_no_table() -> None:
    assert _tables(pdf(Page([(72.0, 700.0, "1. Decides to remain seized of the matter.")], []))) == []


def test_text_running_over_a_cell_edge_the_rules_draw_is_no_grid() -> None:
    """The rule under the row is drawn cell by cell: a piece of text over one of its joints cannot stand in a
    cell of that grid, so the frame is read as text, every word kept."""
    rows = [
        ["Item", "Amount", "Posts"],
        ["A heading set right across the amount column of this table", "", "3"],
        ["Total", "16 200", "3"],
    ]
    data = pdf(table_page(rows, COLUMNS))
    assert _tables(data) == []
    assert "amount column" in pdf_text(data)


def _running_off(rows: int, top: float = 700.0) -> Page:
    """A page whose table runs off its foot: a thin rule above the header, a thick one under it, rows to the
    page's foot and no rule under the last."""
    page = table_page([["Item", "Amount", "Posts"]], COLUMNS, top=top)
    page.texts.pop()  # the paragraph after the table stands on a later page
    page.rules = [r for r in page.rules if r[2] > top - 30]  # no rule under the last row
    for k in range(rows):
        y = top - 18 - 18 * (k + 1)
        page.texts += [(104.0, y, f"Item {k}"), (304.0, y, f"{k * 10}"), (404.0, y, "1")]
    return page


def test_a_table_running_off_its_page_goes_on_under_the_next_pages_header() -> None:
    first = _running_off(30)
    second = table_page(
        [["Item", "Amount", "Posts"], ["Item 30", "300", "1"], ["Total", "16 200", "31"]], COLUMNS
    )
    second.texts.pop(0)  # no paragraph over it: the table goes on first on the page
    tables = _tables(pdf(first, second))
    assert len(tables) == 1
    got = [[inline.plain(c) for c in row] for row in tables[0].table]
    assert got[0] == ["Item", "Amount", "Posts"] and tables[0].header_rows == 1
    assert got[1:] == [[f"Item {k}", f"{k * 10}", "1"] for k in range(31)] + [["Total", "16 200", "31"]]


def test_a_table_running_off_its_last_page_is_left_as_text() -> None:
    """No next page goes on with it: its rows cannot be known to be the table's, and stay text."""
    data = pdf(_running_off(30))
    assert _tables(data) == []
    assert "Item 29" in pdf_text(data)


def test_a_path_of_many_segments_costs_no_more_than_a_page_of_text() -> None:
    """One stroked path of 60,000 level segments (a hostile file): past MAX_SEGMENTS no rule is read from the
    page, and the text is read as text."""
    page = table_page(ROWS, COLUMNS, stroked=True)
    page.strokes.append(([(100.0 + (k % 2) * 300, 50.0 + k * 0.001) for k in range(60_000)], 0.5))
    data = pdf(page)
    start = time.perf_counter()
    assert _tables(data) == []
    assert time.perf_counter() - start < 10


def _right_end(text: str) -> float:
    """Where `text` set at x = 0 ends, as PDFium measures it."""
    document = pypdfium2.PdfDocument(pdf(Page([(0.0, 700.0, text)], [])))
    try:
        textpage = document[0].get_textpage()
        return textpage.get_charbox(len(text) - 1)[2]
    finally:
        document.close()


def test_two_columns_whose_text_comes_closer_than_a_gutter_are_no_grid() -> None:
    """Rules drawn whole (no joints, no vertical rules): the columns are the gutters between the text. Where a
    label ends a little more than a word space before the figure beside it, the two columns run together
    into one and the line's two pieces share a cell: the table is given up, not read a column short."""
    label = "Contributions to the trust fund"
    page = table_page(ROWS, COLUMNS, joints=False)
    figure = next(k for k, t in enumerate(page.texts) if t[2] == "1 200")
    x, y, _ = page.texts[figure]
    page.texts[figure - 1] = (x - 8.0 - _right_end(label), y, label)  # 8 pt: wider than a space, not an em
    data = pdf(page)
    assert _tables(data) == []
    assert "trust fund" in pdf_text(data)


def test_a_masthead_between_a_thin_and_a_thick_rule_is_no_table_running_off_its_page() -> None:
    """Page 1 of an issued draft: a thin rule over the masthead, a thick one under it, the text, and a
    footnote's short rule near the foot. The page's last rule is not the thick one: no table runs off the page
    (read page by page, before any joining over pages, as a reader without child processes reads it)."""
    data = (Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "A_80_L.4.pdf").read_bytes()
    document = pypdfium2.PdfDocument(data)
    try:
        textpage = document[0].get_textpage()
        assert page_tables(document[0], textpage, textpage.get_text_range()) == []
    finally:
        document.close()
