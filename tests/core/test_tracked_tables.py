"""A table in the comparison with Word tracked changes: a real Word table whose changed cells hold revisions
and whose added or removed rows are marked as Word marks rows (w:trPr/w:ins, w:del).

The table is A/RES/79/250's (its UN XML, tests/fixtures/akn); the expected cells are each version's own table,
read back after accepting or rejecting every revision (test_compare_revisions.resolve)."""

from __future__ import annotations

import copy
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from test_compare_revisions import NS, body_paragraphs, parts, q, resolve

from app import inline
from app.compare.diff import compare
from app.compare.oral import oral_revisions_text
from app.compare.tracked import build_tracked_docx
from app.io.akn_reader import read_akn
from app.io.docx_parts import package_problems
from app.io.docx_writer import build_docx
from app.model import Paragraph, Resolution
from app.render import block_text, render
from tests.libreoffice import accept_and_reject_all, convert, need_soffice

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
DATE = dt.datetime(2026, 12, 7, 10, 0)


@pytest.fixture(scope="module")
def issued() -> Resolution:
    return read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution


def _table(res: Resolution) -> Paragraph:
    return next(p for p in res.operative if p.is_table)


def _cells(res: Resolution) -> list[list[list[str]]]:
    """Each table of the resolution as words per cell (how Word's text reads a cell, spaces aside)."""
    return [[[inline.plain(c).split() for c in row] for row in p.table] for p in res.operative if p.is_table]


def _word_tables(blob: bytes, mode: str) -> list[list[list[str]]]:
    doc = parts(blob)["word/document.xml"]
    if mode:
        doc = resolve(doc, mode == "accept")
    out = []
    for tbl in doc.find("w:body", NS).findall("w:tbl", NS):
        rows = []
        for tr in tbl.findall("w:tr", NS):
            rows.append(
                [
                    "".join(t.text or "" for t in tc.iter(q("t"), q("delText"))).split()
                    for tc in tr.findall("w:tc", NS)
                ]
            )
        out.append(rows)
    return out


def _edited(issued: Resolution) -> Resolution:
    """A new version: a cell reworded, a row removed, a row added, the header's words changed."""
    new = copy.deepcopy(issued)
    table = _table(new).table
    table[0][1] = table[0][1].replace("Criterion", "Criteria")
    table[3][2] = "Not applicable to this level"
    del table[5]
    table.insert(7, ["K", "Small island developing States (new level)", "Not applicable", "80"])
    return new


def test_changed_cells_and_rows_accept_to_the_new_table_and_reject_to_the_old(issued: Resolution) -> None:
    new = _edited(issued)
    blob = build_tracked_docx(issued, new, author="Test", date=DATE)
    assert package_problems(blob) == []
    assert _word_tables(blob, "accept") == _cells(new)
    assert _word_tables(blob, "reject") == _cells(issued)
    # the note the XML sets under the table stays under it (the comparison had dropped it)
    note = inline.plain(_table(new).text)
    for mode in ("accept", "reject"):
        body = resolve(parts(blob)["word/document.xml"], mode == "accept").find("w:body", NS)
        after = body.find("w:tbl", NS).getnext()
        assert " ".join("".join(t.text or "" for t in after.iter(q("t"))).split()) == " ".join(note.split())
    doc = parts(blob)["word/document.xml"]
    body = doc.find("w:body", NS)
    # one Word table, no longer the table's text as tabbed paragraphs
    assert len(body.findall("w:tbl", NS)) == 1
    assert not any("Permanent members" in "".join(p.itertext()) for p in body.findall("w:p", NS))
    rows = body.find("w:tbl", NS).findall("w:tr", NS)
    inserted = [r for r in rows if r.find("w:trPr/w:ins", NS) is not None]
    deleted = [r for r in rows if r.find("w:trPr/w:del", NS) is not None]
    assert len(inserted) == len(deleted) == 1
    assert "Small island" in "".join(inserted[0].itertext())
    assert [" ".join("".join(tc.itertext()).split()) for tc in deleted[0].findall("w:tc", NS)] == [
        " ".join(inline.plain(c).split()) for c in _table(issued).table[5]
    ]
    # a deleted row's text is all deleted runs, an inserted row's all inserted ones
    assert not deleted[0].findall(".//w:t", NS) and all(
        r.getparent().tag == q("ins") for r in inserted[0].iter(q("r"))
    )
    # the reworded cell holds both words as revisions inside its own paragraph
    cell = rows[0].findall("w:tc", NS)[1]
    assert [el.text for el in cell.iter(q("delText"))] == ["Criterion"]
    assert "Criteria" in [el.text for el in cell.iter(q("t")) if el.getparent().getparent().tag == q("ins")]


def test_the_tracked_table_has_the_plain_exports_table_properties(issued: Resolution) -> None:
    new = _edited(issued)
    tracked = parts(build_tracked_docx(issued, new, date=DATE))["word/document.xml"]
    plain = parts(build_docx(new))["word/document.xml"]
    (ours,), (theirs,) = tracked.iter(q("tbl")), plain.iter(q("tbl"))
    props = ("w:tblPr/w:tblInd", "w:tblPr/w:tblLayout", "w:tblPr/w:tblLook")
    assert [dict(ours.find(p, NS).attrib) for p in props] == [dict(theirs.find(p, NS).attrib) for p in props]
    assert ours.find("w:tblPr/w:tblW", NS).get(q("w")) == theirs.find("w:tblPr/w:tblW", NS).get(q("w"))
    header = [r.find("w:trPr/w:tblHeader", NS) is not None for r in ours.findall("w:tr", NS)]
    assert header[: _table(new).header_rows] == [True] * _table(new).header_rows and not any(header[2:])


@pytest.mark.parametrize("side", ["inserted", "deleted"])
def test_a_whole_table_inserted_or_deleted_has_every_row_and_run_marked(
    issued: Resolution, side: str
) -> None:
    without = copy.deepcopy(issued)
    without.operative = [p for p in without.operative if not p.is_table]
    base, new = (without, issued) if side == "inserted" else (issued, without)
    blob = build_tracked_docx(base, new, date=DATE)
    assert package_problems(blob) == []
    assert _word_tables(blob, "accept") == _cells(new)
    assert _word_tables(blob, "reject") == _cells(base)
    tag = "ins" if side == "inserted" else "del"
    (tbl,) = parts(blob)["word/document.xml"].iter(q("tbl"))
    assert all(r.find(f"w:trPr/w:{tag}", NS) is not None for r in tbl.findall("w:tr", NS))
    assert all(r.getparent().tag == q(tag) for r in tbl.iter(q("r")))


def test_a_table_whose_columns_changed_is_shown_replaced_and_resolves_to_either(issued: Resolution) -> None:
    new = copy.deepcopy(issued)
    _table(new).table = [row[:3] for row in _table(new).table]  # the discount column removed
    blob = build_tracked_docx(issued, new, date=DATE)
    assert package_problems(blob) == []
    assert _word_tables(blob, "accept") == _cells(new)
    assert _word_tables(blob, "reject") == _cells(issued)
    (tbl,) = parts(blob)["word/document.xml"].iter(q("tbl"))
    marks = [("ins" if r.find("w:trPr/w:ins", NS) is not None else "del") for r in tbl.findall("w:tr", NS)]
    heads = _table(issued).header_rows
    body_b, body_n = len(_table(issued).table) - heads, len(_table(new).table) - heads
    # the old header, the new header, the old body, the new body: either side reads in order once resolved
    assert marks == ["del"] * heads + ["ins"] * heads + ["del"] * body_b + ["ins"] * body_n
    header = [r.find("w:trPr/w:tblHeader", NS) is not None for r in tbl.findall("w:tr", NS)]
    assert header == [True] * 2 * heads + [False] * (len(header) - 2 * heads)  # both headers on top


def _paragraphs(res: Resolution) -> list[str]:
    """The printed paragraphs around the tables, numbers included (what body_paragraphs reads)."""
    r = render(res)
    return [(b.label + "\t" if b.label else "") + block_text(b) for b in r.blocks if b.role != "table"]


@pytest.mark.parametrize("side", ["deleted", "inserted"])
def test_a_paragraph_deleted_or_inserted_right_before_a_table_leaves_no_empty_line(
    issued: Resolution, side: str
) -> None:
    """A paragraph mark cannot join a table: the paragraph before the table that goes takes its kept
    neighbour's mark instead, so neither version keeps an empty numbered line over the table."""
    other = copy.deepcopy(issued)
    at = next(i for i, p in enumerate(other.operative) if p.is_table)
    del other.operative[at - 1]  # "Decides that … set forth in the table below:"
    base, new = (issued, other) if side == "deleted" else (other, issued)
    blob = build_tracked_docx(base, new, date=DATE)
    for mode, res in (("accept", new), ("reject", base)):
        texts = [t.replace("^", "") for _, t in body_paragraphs(blob, mode)]
        printed = _paragraphs(res)
        start = texts.index(printed[0])
        assert texts[start : start + len(printed)] == printed, mode
    assert _word_tables(blob, "accept") == _cells(new)


def test_oral_revisions_and_notes_are_not_counted_twice_for_a_table(issued: Resolution) -> None:
    new = _edited(issued)
    cmp = compare(issued, new)
    before = oral_revisions_text(cmp)
    build_tracked_docx(issued, new, date=DATE, comparison=cmp)
    assert oral_revisions_text(cmp) == before


def test_libreoffice_opens_the_tracked_table(tmp_path: Path, issued: Resolution) -> None:
    need_soffice("cannot look at the tracked table as printed", "pdftotext")
    src, narrower, plain = tmp_path / "tracked.docx", tmp_path / "columns.docx", tmp_path / "plain.docx"
    src.write_bytes(build_tracked_docx(issued, _edited(issued), date=DATE))
    plain.write_bytes(build_docx(_edited(issued)))
    new = copy.deepcopy(issued)
    _table(new).table = [row[:3] for row in _table(new).table]
    narrower.write_bytes(build_tracked_docx(issued, new, date=DATE))
    convert(tmp_path, src, narrower, plain)
    assert src.with_suffix(".pdf").exists() and narrower.with_suffix(".pdf").exists()
    text = subprocess.run(
        ["pdftotext", "-layout", str(src.with_suffix(".pdf")), "-"], capture_output=True, text=True
    ).stdout
    # the rows stand as rows: a level's letter and its criterion on one line, inserted and deleted rows shown
    assert any(line.split()[:2] == ["K", "Small"] for line in text.splitlines() if line.strip())
    assert "Permanent members of the" in text and "22,946" in text  # the deleted row shows, struck through
    # the note under the table starts where the plain export sets it, in the notes' style
    note = inline.plain(_table(issued).text).split()
    assert note and _word_left(src.with_suffix(".pdf"), note[:3]) == _word_left(
        plain.with_suffix(".pdf"), note[:3]
    )


def _word_left(pdf: Path, words: list[str]) -> float:
    """Where the first of `words`, printed in that order, starts on its page (pdftotext's word boxes)."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    found = [
        (float(m.group(1)), m.group(2))
        for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', boxes)
    ]
    texts = [w for _, w in found]
    at = next(i for i in range(len(texts)) if texts[i : i + len(words)] == words)
    return round(found[at][0], 1)


def test_libreoffice_accept_all_and_reject_all_give_each_versions_table(
    tmp_path: Path, issued: Resolution
) -> None:
    """LibreOffice's own Accept All / Reject All (through its Python bridge) read the rows as Word would."""
    new = _edited(issued)
    at = next(i for i, p in enumerate(new.operative) if p.is_table)
    del new.operative[at - 1]  # and the paragraph that introduces the table
    src = tmp_path / "tracked.docx"
    src.write_bytes(build_tracked_docx(issued, new, date=DATE))
    accepted, rejected = accept_and_reject_all(tmp_path, src)

    def cells(text_file: Path, res: Resolution) -> list[str]:
        """The lines of the table (a cell a line in LibreOffice's text), as many as the version has cells."""
        lines = [" ".join(line.split()) for line in text_file.read_text(encoding="utf-8-sig").splitlines()]
        start = lines.index(" ".join(inline.plain(_table(res).table[0][0]).split()))
        return lines[start : start + sum(len(row) for row in _table(res).table)]

    def expected(res: Resolution) -> list[str]:
        return [" ".join(inline.plain(cell).split()) for row in _table(res).table for cell in row]

    assert cells(accepted, new) == expected(new)
    assert cells(rejected, issued) == expected(issued)

    def above(text_file: Path, res: Resolution) -> tuple[str, str]:
        """The line over the table as LibreOffice prints it, and the paragraph the version has there."""
        lines = [" ".join(line.split()) for line in text_file.read_text(encoding="utf-8-sig").splitlines()]
        blocks = render(res).blocks
        before = blocks[next(i for i, b in enumerate(blocks) if b.role == "table") - 1]
        first = " ".join(inline.plain(_table(res).table[0][0]).split())
        return lines[lines.index(first) - 1], " ".join(f"{before.label} {block_text(before)}".split())

    for text_file, res in ((accepted, new), (rejected, issued)):
        shown, printed = above(text_file, res)
        assert shown == printed  # no empty numbered line left over the table
