"""A table row edited in place is one changed row, in the tracked comparison and in the oral revisions: a
blank row that gets filled, a row whose other cells stay, a row rewritten whole; never a row deleted plus a
row added. Any table, any one row edited (hypothesis), and A/RES/79/250's table through the whole export."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_compare_revisions import NS, parts
from test_tracked_tables import _cells, _table, _word_tables

from app import inline
from app.compare.diff import DELETE, EQUAL, INSERT, compare
from app.compare.oral import oral_revisions
from app.compare.oral_tables import row_headings
from app.compare.table_diff import table_rows
from app.compare.tracked import build_tracked_docx
from app.io.akn_reader import read_akn
from app.model import Paragraph, Part, Resolution
from app.render import Block, render
from app.wording.places import paragraph_name
from app.wording.tables import cell_place, fill_row, row_name, row_reading, table_name
from tests.libreoffice import accept_and_reject_all

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
DATE = dt.datetime(2026, 12, 7, 10, 0)

# few words, blanks among them: tables with repeated rows and cells, blank rows, rows alike in part
_WORDS = st.sampled_from(["", "", "A", "B", "Not applicable", "7.5", "Member States", "12"])


def _draft(rows: list[list[str]], header_rows: int) -> Resolution:
    """A draft of two numbered operative paragraphs and the table after the second (each built afresh: the
    versions pair by content, as two files do)."""
    return Resolution(
        operative=[
            Paragraph(opener="Decides", text="to adopt the scale;"),
            Paragraph(opener="Also decides", text="on the levels set out in the table below:"),
            Paragraph(table=rows, header_rows=header_rows),
        ]
    )


def _block(res: Resolution) -> Block:
    return next(b for b in render(res).blocks if b.role == "table")


def _view(cells: list, keep: str) -> list[str]:
    """A row's cells as they read once every change is accepted (keep INSERT) or rejected (keep DELETE)."""
    return [" ".join("".join(s.text for s in cell if s.op in (EQUAL, keep)).split()) for cell in cells]


@st.composite
def _tables_and_one_edit(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]], int, int]:
    columns = draw(st.integers(1, 4))
    rows = draw(st.lists(st.lists(_WORDS, min_size=columns, max_size=columns), min_size=1, max_size=8))
    at = draw(st.integers(0, len(rows) - 1))
    edited = draw(st.lists(_WORDS, min_size=columns, max_size=columns).filter(lambda r: r != rows[at]))
    new = copy.deepcopy(rows)
    new[at] = edited
    return rows, new, at, draw(st.integers(0, min(1, len(rows) - 1)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tables_and_one_edit())
def test_any_one_row_edited_is_one_changed_row_resolving_to_each_version(
    case: tuple[list[list[str]], list[list[str]], int, int],
) -> None:
    rows, new_rows, at, header = case
    base, new = _draft(rows, header), _draft(new_rows, header)
    out = table_rows(_block(base), _block(new), base, new, {})
    assert [r.op for r in out] == [EQUAL] * len(rows)  # no row deleted or added
    changed = [i for i, r in enumerate(out) if any(s.op != EQUAL for cell in r.cells for s in cell)]
    assert changed == [at]
    plain = [[" ".join(inline.plain(c).split()) for c in row] for row in new_rows]
    old = [[" ".join(inline.plain(c).split()) for c in row] for row in rows]
    assert [_view(r.cells, INSERT) for r in out] == plain
    assert [_view(r.cells, DELETE) for r in out] == old
    # read out, every sentence is about that one row: its cells, or the row filled
    table = table_name(paragraph_name(Part.OPERATIVE, 2))
    where = f"In {table}, in {row_name(row_headings(rows, header)[at], at + 1)}"
    lines = [r.instruction for r in oral_revisions(compare(base, new))]
    assert lines and all(line.startswith(where) for line in lines), lines


@pytest.fixture(scope="module")
def issued() -> Resolution:
    return read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution


def _body_at(res: Resolution) -> int:
    """A body row well inside the table (neither its first nor its last)."""
    return _table(res).header_rows + 2


def _marked_rows(blob: bytes) -> int:
    (tbl,) = parts(blob)["word/document.xml"].iter(f"{{{NS['w']}}}tbl")
    return sum(
        1
        for r in tbl.findall("w:tr", NS)
        if r.find("w:trPr/w:ins", NS) is not None or r.find("w:trPr/w:del", NS) is not None
    )


def _table_place(res: Resolution) -> str:
    """The table's name as read out, from the label the paragraph before it prints with."""
    blocks = render(res).blocks
    at = next(i for i, b in enumerate(blocks) if b.role == "table")
    label = next(b.label for b in reversed(blocks[:at]) if b.role == "operative" and b.level == 0 and b.label)
    return table_name(paragraph_name(Part.OPERATIVE, int(label.rstrip("."))))


def test_a_blank_row_filled_is_one_row_in_the_tracked_table_and_read_as_filled(issued: Resolution) -> None:
    at = _body_at(issued)
    width = len(_table(issued).table[0])
    base = copy.deepcopy(issued)
    _table(base).table.insert(at, [""] * width)
    new = copy.deepcopy(base)
    filled = ["K", "Small island developing States", "", "80"][:width]
    _table(new).table[at] = filled
    blob = build_tracked_docx(base, new, date=DATE)
    assert _marked_rows(blob) == 0  # no row inserted or deleted: the cells hold the revisions
    assert _word_tables(blob, "accept") == _cells(new)
    assert _word_tables(blob, "reject") == _cells(base)
    (line,) = [r.instruction for r in oral_revisions(compare(base, new))]
    assert line == fill_row(_table_place(base), row_name("", at + 1), filled)


def test_a_row_changed_in_some_cells_keeps_its_name_and_its_other_cells(issued: Resolution) -> None:
    at = _body_at(issued)
    new = copy.deepcopy(issued)
    row = _table(new).table[at]
    assert len(row) >= 3
    old = [" ".join(inline.plain(c).split()) for c in row]
    row[1:] = ["Entirely other criterion words", "1", "2"][: len(row) - 1]  # only the first cell stays
    blob = build_tracked_docx(issued, new, date=DATE)
    assert _marked_rows(blob) == 0
    assert _word_tables(blob, "accept") == _cells(new)
    assert _word_tables(blob, "reject") == _cells(issued)
    lines = [r.instruction for r in oral_revisions(compare(issued, new))]
    heads = [" ".join(inline.plain(c).split()) for c in _table(issued).table[0]]
    places = [cell_place(_table_place(issued), row_name(old[0], at + 1), heads[c], c + 1) for c in (1, 2)]
    assert len(lines) == len(row) - 1 and all(
        line.startswith(f"In {p}, replace") for line, p in zip(lines, places, strict=False)
    )


def test_a_blank_row_filled_is_worded_in_french_and_spanish() -> None:
    for language, start, blank in (
        ("fr", "Au tableau qui suit le paragraphe 11, à la ligne 6", "qui est vide, insérer"),
        ("es", "En el cuadro que sigue al párrafo 11, en la fila 6", "que está vacía, insértese"),
    ):
        table = table_name(paragraph_name(Part.OPERATIVE, 11, language=language), language=language)
        line = fill_row(table, row_name("", 6, language), ["K", "", "80"], language)
        assert line == f"{start}, {blank} {row_reading(['K', '', '80'], language)}"


def test_libreoffice_accept_all_and_reject_all_give_the_filled_row_and_the_blank_one(
    tmp_path: Path, issued: Resolution
) -> None:
    """LibreOffice's own Accept All / Reject All (its Python bridge) on a blank row filled in place."""
    at = _body_at(issued)
    width = len(_table(issued).table[0])
    base = copy.deepcopy(issued)
    _table(base).table.insert(at, [""] * width)
    new = copy.deepcopy(base)
    _table(new).table[at] = ["K", "Small island developing States", "", "80"][:width]
    src = tmp_path / "tracked.docx"
    src.write_bytes(build_tracked_docx(base, new, date=DATE))
    accepted, rejected = accept_and_reject_all(tmp_path, src)

    def cells(text_file: Path, res: Resolution) -> list[str]:
        """The table's lines (a cell a line in LibreOffice's text), as many as the version has cells."""
        lines = [" ".join(line.split()) for line in text_file.read_text(encoding="utf-8-sig").splitlines()]
        start = lines.index(" ".join(inline.plain(_table(res).table[0][0]).split()))
        return lines[start : start + sum(len(row) for row in _table(res).table)]

    for text_file, res in ((accepted, new), (rejected, base)):
        expected = [" ".join(inline.plain(c).split()) for row in _table(res).table for c in row]
        assert cells(text_file, res) == expected
