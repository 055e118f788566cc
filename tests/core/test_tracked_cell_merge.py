"""Word's tracked vertical merge or split of cells (w:tcPr/w:cellMerge, ECMA-376 17.13.5.4): each author's
version of the file takes their revision's setting, every other version the original; a proposal cannot hold
a merge, so an author whose revision merges or splits cells is refused in one line, in the interface language,
and the file still reads as the draft with the original merges.

The file is the Word export of A/RES/75/293, whose annex tables merge a department's name down the rows
(`rowspan` in the UN XML); the expected merges are worked out from that markup (tests/table_markup.py)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from table_markup import AKN, markup_merges  # noqa: E402

from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.wordml import grid_places  # noqa: E402
from app.messages import localize  # noqa: E402
from app.model import Paragraph, Resolution  # noqa: E402
from app.negotiation.proposals import apply  # noqa: E402
from app.negotiation.tracked_reading import authors, proposals_from_tracked, read_as  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ISSUED = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_75_293-2108996E.xml"
DATE = "2026-12-07T10:00:00Z"
Merge = tuple[int, int, int, int]


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def issued() -> tuple[Resolution, list[Merge], list[list[str]]]:
    data = ISSUED.read_bytes()
    table = list(etree.fromstring(data).iter(f"{AKN}table"))[1]  # annex II: names merged down 2 to 4 rows
    merges, grid = markup_merges(table)
    return read_akn(data, name=ISSUED.name).resolution, merges, grid


def _table(res: Resolution) -> Paragraph:
    return [p for p in res.annex_paragraphs() if p.is_table][1]


def _document(blob: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _with_document(blob: bytes, root: etree._Element) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = etree.tostring(root) if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, data)
    return out.getvalue()


def _cells(root: etree._Element, rows: int) -> dict[tuple[int, int], etree._Element]:
    """The Word table of `rows` rows (annex II's), its cells by grid row and column."""
    tbl = next(t for t in root.iter(q("tbl")) if len(t.findall(q("tr"))) == rows)
    return {(r, c): tc for tc, r, c in grid_places(tbl)}


def _cell_merge(tc: etree._Element, author: str, number: int, **settings: str) -> None:
    props = tc.find(q("tcPr"))
    attrs = {q("id"): str(number), q("author"): author, q("date"): DATE}
    attrs.update({q(k): v for k, v in settings.items()})
    etree.SubElement(props, q("cellMerge"), attrs)


def _insert_words(root: etree._Element, author: str, words: str) -> None:
    """`author`'s words inserted, tracked, at the end of the first operative paragraph's text."""
    para = next(p for p in root.iter(q("p")) if "Decides" in "".join(t.text or "" for t in p.iter(q("t"))))
    ins = etree.SubElement(para, q("ins"), {q("id"): "990", q("author"): author, q("date"): DATE})
    etree.SubElement(etree.SubElement(ins, q("r")), q("t")).text = words


def _tall(merges: list[Merge]) -> Merge:
    return next(m for m in merges if m[2] > 2 and m[3] == 1)  # a name merged down three rows or more


def test_a_split_proposed_in_word_is_refused_in_one_line_and_the_draft_kept(issued) -> None:  # noqa: ANN001
    base, merges, _ = issued
    r, c, h, w = _tall(merges)
    blob = build_docx(base)
    root = _document(blob)
    _cell_merge(_cells(root, len(_table(base).table))[r + 1, c], "EU", 901, vMerge="rest", vMergeOrig="cont")
    _insert_words(root, "Japan", " and more")
    blob = _with_document(blob, root)
    assert sorted(authors(blob)) == ["EU", "Japan"]
    # the EU's version: the merge ends above the split cell, and from it a merge runs on over the rows left
    split = [m for m in merges if m != (r, c, h, w)] + ([(r + 1, c, h - 1, w)] if h > 2 else [])
    assert _table(read_as(blob, "EU")).merges == sorted(split)
    # every other version, and the file with every change rejected, keep the merge as issued
    assert _table(read_as(blob, "Japan")).merges == merges
    assert _table(read_as(blob, None)).merges == merges
    with pytest.raises(InputError) as caught:
        proposals_from_tracked(blob, base)
    message = caught.value.args[0]
    assert (
        "\n" not in str(caught.value) and "EU" in str(caught.value) and "merge or split" in str(caught.value)
    )
    assert "fusionnent ou fractionnent" in localize(message, "fr")
    assert "combinan o dividen" in localize(message, "es")


def test_a_merge_proposed_in_word_reads_in_its_authors_version_only(issued) -> None:  # noqa: ANN001
    """Two cells one over the other, the lower one empty, merged by the G77: their version merges them down,
    the others' do not, and the proposals are refused naming the G77."""
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
    assert _table(read_as(blob, "G77")).merges == sorted([*merges, (r, c, 2, 1)])
    assert _table(read_as(blob, None)).merges == merges
    with pytest.raises(InputError, match="G77"):
        proposals_from_tracked(blob, base)


def test_a_mark_that_changes_no_merge_leaves_the_authors_other_changes_their_proposal(issued) -> None:  # noqa: ANN001
    """A revision that gives a cell the setting it had (merged before and after) or says none: nothing
    refused, the author's words still their proposal, the table's merges as issued."""
    base, merges, _ = issued
    r, c, _, _ = _tall(merges)
    blob = build_docx(base)
    root = _document(blob)
    cells = _cells(root, len(_table(base).table))
    _cell_merge(cells[r + 1, c], "EU", 903, vMerge="cont", vMergeOrig="cont")
    _cell_merge(cells[r + 2, c], "EU", 904)
    _insert_words(root, "EU", " and more")
    blob = _with_document(blob, root)
    (proposal,) = proposals_from_tracked(blob, base)
    assert proposal.proposer == "EU" and proposal.edits
    proposed = apply(base, proposal)
    assert _table(proposed).merges == merges
    assert "and more" in " ".join(p.text for _, p in proposed.paragraphs())


def test_marks_word_never_writes_change_nothing_and_raise_nothing(issued) -> None:  # noqa: ANN001
    """A w:cellMerge in a run, one with settings Word has no name for, one on a first row (no cell above): each
    read as no merge changed, the author's words still their proposal."""
    base, merges, _ = issued
    blob = build_docx(base)
    root = _document(blob)
    cells = _cells(root, len(_table(base).table))
    _cell_merge(cells[0, 0], "EU", 905, vMerge="cont")
    _cell_merge(cells[5, 3], "EU", 906, vMerge="restart", vMergeOrig="x")
    run = next(cells[5, 4].iter(q("r")))
    etree.SubElement(run, q("cellMerge"), {q("id"): "907", q("author"): "EU", q("vMerge"): "rest"})
    _insert_words(root, "EU", " and more")
    blob = _with_document(blob, root)
    assert _table(read_as(blob, "EU")).merges == _table(read_as(blob, None)).merges == merges
