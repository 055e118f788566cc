"""A Word file with a tracked vertical merge or split of cells (w:tcPr/w:cellMerge, ECMA-376 17.13.5.4) read
plainly (opened, imported, `resolute check`): read as Word shows it with the change accepted, as the reader takes
every other tracked change (w:ins in, w:del out), the import saying the file has tracked changes; the text it was
made to (the base of Compare with Base) keeps the merges as they were.

The file is the Word export of A/RES/75/293, whose annex tables merge a department's name down the rows
(`rowspan` in the UN XML); the expected merges are worked out from that markup (tests/table_markup.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree
from test_tracked_cell_merge import (  # the same issued table and the same way of marking its cells
    ISSUED,
    Merge,
    _cell_merge,
    _cells,
    _document,
    _table,
    _tall,
    _with_document,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from table_markup import AKN, markup_merges  # noqa: E402

from app.io.akn_reader import read_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.tracked_base import TRACKED, read_opened  # noqa: E402
from app.model import Resolution  # noqa: E402
from app.negotiation.tracked_reading import read_as  # noqa: E402

Issued = tuple[Resolution, list[Merge], list[list[str]]]


@pytest.fixture(scope="module")
def issued() -> Issued:
    data = ISSUED.read_bytes()
    table = list(etree.fromstring(data).iter(f"{AKN}table"))[1]  # annex II: names merged down 2 to 4 rows
    merges, grid = markup_merges(table)
    return read_akn(data, name=ISSUED.name).resolution, merges, grid


def _noted(blob: bytes) -> bool:
    return any(f.rule == TRACKED for f in read_docx(blob).findings)


def test_a_tracked_split_reads_accepted_and_its_base_keeps_the_merge(issued: Issued, tmp_path: Path) -> None:
    base, merges, _ = issued
    r, c, h, w = _tall(merges)
    blob = build_docx(base)
    root = _document(blob)
    _cell_merge(_cells(root, len(_table(base).table))[r + 1, c], "EU", 901, vMerge="rest", vMergeOrig="cont")
    blob = _with_document(blob, root)
    # accepted: the merge ends above the split cell, and from it a merge runs on over the rows left
    split = sorted([m for m in merges if m != (r, c, h, w)] + ([(r + 1, c, h - 1, w)] if h > 2 else []))
    assert _table(read_docx(blob).resolution).merges == split == _table(read_as(blob, "EU")).merges
    assert _noted(blob)
    path = tmp_path / "split.docx"
    path.write_bytes(blob)
    opened = read_opened(path)
    assert _table(opened.resolution).merges == split
    assert opened.before_tracked is not None and _table(opened.before_tracked).merges == merges


def test_a_tracked_merge_of_two_cells_reads_merged(issued: Issued, tmp_path: Path) -> None:
    """Word marks only the lower of two cells it merges: the cell above starts the merge all the same."""
    base, merges, grid = issued
    taken = {(r + i, c + j) for r, c, h, w in merges for i in range(h) for j in range(w)}
    r, c = next(
        (r, c)
        for r in range(3, len(grid) - 1)
        for c in range(len(grid[0]))
        if grid[r][c] and not grid[r + 1][c] and not {(r, c), (r + 1, c)} & taken
    )
    blob = build_docx(base)
    root = _document(blob)
    _cell_merge(_cells(root, len(grid))[r + 1, c], "G77", 902, vMerge="cont")
    blob = _with_document(blob, root)
    assert _table(read_docx(blob).resolution).merges == sorted([*merges, (r, c, 2, 1)])
    assert _noted(blob)
    path = tmp_path / "merged.docx"
    path.write_bytes(blob)
    assert _table(read_opened(path).before_tracked).merges == merges


def test_a_merge_continued_down_by_a_tracked_mark_goes_on_below_it(issued: Issued) -> None:
    """The cell under a tall merged name marked to continue it (its text empty): the merge grows by that row."""
    base, merges, grid = issued
    r, c, h, w = next(
        m for m in merges if m[3] == 1 and m[0] + m[2] < len(grid) and not grid[m[0] + m[2]][m[1]]
    )
    blob = build_docx(base)
    root = _document(blob)
    _cell_merge(_cells(root, len(grid))[r + h, c], "EU", 903, vMerge="cont")
    blob = _with_document(blob, root)
    grown = sorted([m for m in merges if m != (r, c, h, w)] + [(r, c, h + 1, w)])
    assert _table(read_docx(blob).resolution).merges == grown


def test_marks_that_change_nothing_read_as_the_file_and_say_no_tracked_change(issued: Issued) -> None:
    """A revision giving the setting the cell had, one saying none, one Word has no name for, one on the first
    row (no cell above): the merges as issued, and no tracked-changes note."""
    base, merges, _ = issued
    r, c, _, _ = _tall(merges)
    blob = build_docx(base)
    root = _document(blob)
    cells = _cells(root, len(_table(base).table))
    _cell_merge(cells[r + 1, c], "EU", 904, vMerge="cont", vMergeOrig="cont")
    _cell_merge(cells[r + 2, c], "EU", 905)
    _cell_merge(cells[5, 3], "EU", 906, vMerge="restart", vMergeOrig="x")
    blob = _with_document(blob, root)
    assert _table(read_docx(blob).resolution).merges == merges and not _noted(blob)
    root = _document(blob)
    _cell_merge(_cells(root, len(_table(base).table))[0, 0], "EU", 907, vMerge="cont")
    blob = _with_document(blob, root)
    assert _table(read_docx(blob).resolution).merges == merges  # nothing above the first row to continue
