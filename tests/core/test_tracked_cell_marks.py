"""Word's cell-level tracked marks (w:tcPr/w:cellIns, w:cellDel; ECMA-376 17.13.5.1-2) read as their author's
proposal, as the row marks (w:trPr/w:ins, w:del) are.

The file is the draft's own Word export with marks put in as Word writes them (python-docx for the package,
lxml for the marks); each author's expected table is worked out from that file's markup: a cell is in an
author's table unless someone else inserted it or the author deleted it, a row's cells closing up to the left
and the row padded to the table's width, as the Word reader pads a short row; a row none of whose cells is left
is gone."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app import inline
from app.errors import InputError
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.model import Paragraph, Resolution
from app.negotiation.proposals import CellEdit, apply, derive
from app.negotiation.tracked_reading import authors, proposals_from_tracked

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LEVELS = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
DATE = "2026-12-07T10:00:00Z"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def _document(blob: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _with_document(blob: bytes, root: etree._Element) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(
                info.filename, etree.tostring(root) if info.filename == "word/document.xml" else data
            )
    return out.getvalue()


def _mark(tc: etree._Element, kind: str, author: str, number: int) -> None:
    """The cell's revision in its properties, after every other property (the schema puts it last)."""
    props = tc.find(q("tcPr"))
    if props is None:
        props = etree.SubElement(tc, q("tcPr"))
        tc.remove(props)
        tc.insert(0, props)
    etree.SubElement(props, q(kind), {q("id"): str(number), q("author"): author, q("date"): DATE})


def _rows(root: etree._Element) -> list[etree._Element]:
    tbl = next(root.iter(q("tbl")))
    return tbl.findall(q("tr"))


def _cell_text(tc: etree._Element) -> str:
    return "".join(t.text or "" for t in tc.iter(q("t"), q("delText")))


def _tracked(base: Resolution) -> tuple[bytes, int, int]:
    """The draft's Word file with two authors' cell marks in two body rows: the EU deletes a cell of one (the
    row closes up), the G77 inserts a cell at the start of another, typing its words as tracked insertions, and
    deletes that row's last cell. Returns the file and the two rows' indexes."""
    blob = build_docx(base)
    root = _document(blob)
    table = _table(base)
    body = [r for r in range(table.header_rows, len(table.table)) if all(c.strip() for c in table.table[r])]
    eu_row, g77_row = body[1], body[-1]
    rows = _rows(root)
    _mark(rows[eu_row].findall(q("tc"))[1], "cellDel", "EU", 901)
    g77 = rows[g77_row].findall(q("tc"))
    new = copy.deepcopy(g77[0])
    for p in new.findall(q("p"))[1:]:
        new.remove(p)
    para = new.find(q("p"))
    for run in para.findall(q("r")):
        para.remove(run)
    ins = etree.SubElement(para, q("ins"), {q("id"): "902", q("author"): "G77", q("date"): DATE})
    etree.SubElement(etree.SubElement(ins, q("r")), q("t")).text = "K2"
    _mark(new, "cellIns", "G77", 903)
    g77[0].addprevious(new)
    _mark(g77[-1], "cellDel", "G77", 904)
    return _with_document(blob, root), eu_row, g77_row


def _expected(blob: bytes, author: str) -> list[list[str]]:
    """The author's table from the file's markup: each row's cells that are theirs to keep, padded."""
    rows = []
    for tr in _rows(_document(blob)):
        kept = []
        for tc in tr.findall(q("tc")):
            props = tc.find(q("tcPr"))
            marks = [] if props is None else [m for m in props if m.tag in (q("cellIns"), q("cellDel"))]
            mine = [m.get(q("author")) == author for m in marks]
            if any(m.tag == q("cellIns") and not own for m, own in zip(marks, mine, strict=True)):
                continue
            if any(m.tag == q("cellDel") and own for m, own in zip(marks, mine, strict=True)):
                continue
            kept.append(" ".join(_cell_text(tc).split()))
        if kept:  # a row whose every cell is out is out
            rows.append(kept)
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def _plain(table: list[list[str]]) -> list[list[str]]:
    return [[" ".join(inline.plain(c).split()) for c in row] for row in table]


@pytest.fixture(scope="module")
def base() -> Resolution:
    return read_document(LEVELS).resolution


def test_each_authors_cell_marks_are_their_proposal(base: Resolution) -> None:
    blob, eu_row, g77_row = _tracked(base)
    assert authors(blob) == ["EU", "G77"]
    proposals = {p.proposer: p for p in proposals_from_tracked(blob, base)}
    for author in ("EU", "G77"):
        proposed = apply(base, proposals[author])
        expected = _expected(blob, author)
        assert _plain(_table(proposed).table) == expected
        changed = {e.row for e in proposals[author].edits if isinstance(e, CellEdit)}
        assert changed == {eu_row if author == "EU" else g77_row}
        mine = copy.deepcopy(base)
        _table(mine).table = [
            [new if _plain([[old]])[0][0] != new else old for old, new in zip(row, want, strict=True)]
            for row, want in zip(_table(base).table, expected, strict=True)
        ]
        assert proposals[author].edits == derive(base, mine, author).edits
    # with every mark rejected the file reads as the draft: the cell the G77 inserted is not in it
    assert _table(apply(base, proposals["EU"])).table[g77_row] == _table(base).table[g77_row]


def test_a_row_of_cells_all_marked_is_a_row_deleted_or_added(base: Resolution) -> None:
    """The EU marks every cell of a row deleted, the G77 adds a row whose every cell is marked inserted (no row
    mark): a row deleted and a row added, as their row marks would say."""
    blob = build_docx(base)
    root = _document(blob)
    table = _table(base)
    rows = _rows(root)
    gone = table.header_rows + 1
    for n, tc in enumerate(rows[gone].findall(q("tc"))):
        _mark(tc, "cellDel", "EU", 800 + n)
    added = copy.deepcopy(rows[-1])
    for n, tc in enumerate(added.findall(q("tc"))):
        for t in tc.iter(q("t")):
            t.text = f"G77 {n}"
        _mark(tc, "cellIns", "G77", 850 + n)
    rows[-1].addnext(added)
    blob = _with_document(blob, root)
    proposals = {p.proposer: p for p in proposals_from_tracked(blob, base)}
    assert [type(e).__name__ for e in proposals["EU"].edits] == ["DeleteRow"]
    assert [type(e).__name__ for e in proposals["G77"].edits] == ["InsertRow"]
    for author in ("EU", "G77"):
        assert _plain(_table(apply(base, proposals[author])).table) == _expected(blob, author)


def test_a_column_deleted_with_cell_marks_is_refused_in_one_line(base: Resolution) -> None:
    """Every cell of a column marked deleted is a change of the table's columns, which a proposal cannot carry:
    refused in one line (before, the marks were passed over and the proposal was empty)."""
    blob = build_docx(base)
    root = _document(blob)
    for n, tr in enumerate(_rows(root)):
        _mark(tr.findall(q("tc"))[2], "cellDel", "EU", 700 + n)
    with pytest.raises(InputError, match="columns") as caught:
        proposals_from_tracked(_with_document(blob, root), base)
    assert "\n" not in str(caught.value)
