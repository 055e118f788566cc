"""A Word table's header marked by bold text on its first row, as issued UN Word tables often mark it, instead
of Word's repeated header rows (w:tblHeader).

The tables are built as Word writes them (python-docx: a run's w:rPr with w:b, or the bold "Strong" character
style) with A/RES/79/250's levels of contribution as text (its UN XML, tests/fixtures/akn), whose XML heads the
table with the row of column names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import W_NS, Doc, I  # noqa: E402

from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _levels() -> list[list[str]]:
    """The XML's table: its column names, then its rows of levels (the empty second header row left out)."""
    table = next(etree.parse(str(FIXTURE)).getroot().iter(f"{AKN}table"))
    rows = [[" ".join("".join(c.itertext()).split()) for c in tr] for tr in table]
    return [row for row in rows if any(row)]


def _word(rows: list[list[str]], bold: str = "run", repeat: bool = False, plain_cell: int = -1) -> bytes:
    """A draft with the table; the first row's text bold by `bold` ("run": w:b on each run, "style": the
    Strong character style, "": not bold), one of its cells left plain (`plain_cell`), or marked as Word's
    repeated header row (`repeat`)."""
    doc = Doc()
    doc.masthead()
    doc.para("1.\t", I("Decides"), " that the rates shall be as set forth in the table below:")
    table = doc.d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            if r == 0 and text and bold == "style" and c != plain_cell:
                paragraph.add_run(text, style="Strong")
            else:
                run = paragraph.add_run(text)
                if r == 0 and text and bold == "run" and c != plain_cell:
                    run.bold = True  # Word: <w:b/>, and <w:bCs/> for complex scripts
                    run._r.get_or_add_rPr().append(parse_xml(f'<w:bCs xmlns:w="{W_NS}"/>'))
    if repeat:
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W_NS}"/>'))
    doc.para("2.\t", I("Requests"), " the Secretary-General to report.")
    return doc.bytes()


def _table(data: bytes):  # noqa: ANN202
    res = read_docx(data, name="t.docx").resolution
    return next(p for p in res.operative if p.is_table)


@pytest.mark.parametrize("bold", ["run", "style"])
def test_a_bold_first_row_heads_the_table(bold: str) -> None:
    rows = _levels()
    table = _table(_word(rows, bold))
    assert table.table == rows and table.header_rows == 1
    # and it stays the header through our own Word file (w:tblHeader there)
    again = _table(build_docx(read_docx(_word(rows, bold), name="t.docx").resolution))
    assert again.header_rows == 1 and again.table == rows


def test_an_empty_cell_in_the_bold_row_does_not_matter() -> None:
    rows = _levels()
    rows[0][0] = ""
    assert _table(_word(rows)).header_rows == 1


def test_no_header_when_the_first_row_is_not_all_bold_or_the_table_short() -> None:
    rows = _levels()
    assert _table(_word(rows, "")).header_rows == 0
    assert _table(_word(rows, plain_cell=1)).header_rows == 0  # one column name plain
    assert _table(_word(rows[:2])).header_rows == 0  # two rows: a bold row is as likely a row of names


def test_word_repeated_header_rows_still_decide() -> None:
    rows = _levels()
    assert _table(_word(rows, "", repeat=True)).header_rows == 1
    assert _table(_word(rows, "run", repeat=True)).header_rows == 1
