"""Word's cell-level tracked marks (w:tcPr/w:cellIns, w:cellDel; ECMA-376 17.13.5.1-2) in a file read plainly
(opened, imported, `resolute check`): read with every change accepted, as the reader takes w:ins and w:del, a
row's cells closing up where one is deleted; the import says the file has tracked changes, and its base (every
change rejected) is the draft. Each expected table is worked out from the file's markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tracked_cell_marks import (
    _cell_text,
    _document,
    _mark,
    _plain,
    _rows,
    _table,
    _tracked,
    _with_document,
    q,
)

from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.io.tracked_base import TRACKED, read_opened
from app.model import Resolution

LEVELS = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


@pytest.fixture(scope="module")
def base() -> Resolution:
    return read_document(LEVELS).resolution


def _accepted(blob: bytes) -> list[list[str]]:
    """The table from the file's markup with every mark accepted: a cell is in it unless marked deleted, a row
    none of whose cells is left is out, the rows padded to the widest."""
    rows = []
    for tr in _rows(_document(blob)):
        cells = tr.findall(q("tc"))
        kept = [
            " ".join(_cell_text(tc).split()) for tc in cells if tc.find(f"{q('tcPr')}/{q('cellDel')}") is None
        ]
        if kept:
            rows.append(kept)
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def test_cells_inserted_and_deleted_read_accepted_and_the_base_is_the_draft(
    base: Resolution, tmp_path: Path
) -> None:
    blob, eu_row, g77_row = _tracked(base)
    result = read_docx(blob)
    table = _plain(_table(result.resolution).table)
    assert table == _accepted(blob)
    assert (
        table[eu_row] != _plain(_table(base).table)[eu_row]
    )  # the EU's deleted cell is out, the row closed up
    assert table[g77_row][0] == "K2"  # the G77's inserted cell is in
    assert any(f.rule == TRACKED for f in result.findings)
    path = tmp_path / "marked.docx"
    path.write_bytes(blob)
    opened = read_opened(path)
    assert opened.before_tracked is not None
    assert _table(opened.before_tracked).table == _table(base).table


def test_a_row_of_cells_all_deleted_is_gone(base: Resolution) -> None:
    blob = build_docx(base)
    root = _document(blob)
    gone = _table(base).header_rows + 1
    for n, tc in enumerate(_rows(root)[gone].findall(q("tc"))):
        _mark(tc, "cellDel", "EU", 800 + n)
    blob = _with_document(blob, root)
    table = _table(read_docx(blob).resolution).table
    assert len(table) == len(_table(base).table) - 1
    assert _plain(table) == _accepted(blob)
