"""A table's parts decided together (the cells selected in the editor): on A/RES/79/250's table the EU proposes
new figures in three cells and deletes a row; the parts at a range of cells are found once for all of them,
and accepting them together reads as accepting them one by one, in one undo step, the parts left out staying
open. Every figure comes from the UN XML's table."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from app.edits import Document
from app.errors import InputError
from app.io.reading import read_document
from app.model import Paragraph, Resolution
from app.negotiation import commands, rounds
from app.negotiation.proposals import derive
from app.negotiation.table_parts import part_at, part_target, parts_at
from tests.table_markup import figure_cells

LEVELS = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def _negotiated() -> tuple[Resolution, Document, str, list[tuple[int, int]], int]:
    base = read_document(LEVELS).resolution
    table = _table(base)
    figures = figure_cells(table.table, table.header_rows)
    a, b, c = figures[0], next(f for f in figures if f[0] > figures[0][0] + 2), figures[-1]
    gone = a[0] + 1
    edited = copy.deepcopy(base)
    cells = _table(edited).table
    for (r, k), (r2, k2) in ((a, b), (b, c), (c, a)):
        cells[r][k] = table.table[r2][k2]
    del cells[gone]
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    commands.add_proposals(doc, [derive(base, edited, "EU")])
    return base, doc, doc.resolution.negotiation.proposals[0].id, [a, b, c], gone


def test_the_parts_at_cells_are_each_cell_s_part_once() -> None:
    base, doc, eu_id, (a, b, c), gone = _negotiated()
    eu, tid = doc.resolution.negotiation.proposal(eu_id), _table(base).id
    width = len(_table(base).table[0])
    cells = [(r, k) for r in range(a[0], b[0] + 1) for k in range(width)]
    expected = list(dict.fromkeys(p for r, k in cells if (p := part_at(base, doc.resolution, eu, tid, r, k))))
    assert parts_at(base, doc.resolution, eu, tid, cells) == expected
    assert part_target(tid, f"row {gone}") in expected and part_target(tid, f"cell {a[0]} {a[1]}") in expected
    assert part_target(tid, f"cell {c[0]} {c[1]}") not in expected


def test_parts_accepted_together_read_as_one_by_one_in_one_undo() -> None:
    base, doc, eu_id, (a, b, c), gone = _negotiated()

    def parts(res: Resolution) -> list[str]:  # each read of the file gives its paragraphs their own ids
        tid = _table(res).id
        return [
            part_target(tid, f"cell {a[0]} {a[1]}"),
            part_target(tid, f"row {gone}"),
            part_target(tid, f"cell {b[0]} {b[1]}"),
        ]

    other, apart, apart_id, _, _ = _negotiated()
    for part in parts(other):
        commands.accept(apart, proposal_id=apart_id, target=part)
    commands.accept(doc, proposal_id=eu_id, target=parts(base))
    assert _table(doc.resolution).table == _table(apart.resolution).table != _table(base).table
    assert doc.resolution.negotiation.decided()[eu_id] == set(parts(base))
    assert apart.resolution.negotiation.decided()[apart_id] == set(parts(other))
    (left,) = rounds.open_proposals(doc.resolution.negotiation)  # the third cell only
    assert {(e.row, e.column) for e in left.edits} == {c}
    doc.history.undo()
    assert _table(doc.resolution).table == _table(base).table and not doc.resolution.negotiation.decisions
    with pytest.raises(InputError, match="proposes nothing there"):
        commands.accept(doc, proposal_id=eu_id, target=[part_target(_table(base).id, "cell 0 0")])


def test_parts_rejected_together_leave_the_text_and_the_other_parts() -> None:
    base, doc, eu_id, (a, b, c), gone = _negotiated()
    tid = _table(base).id
    parts = [part_target(tid, f"cell {c[0]} {c[1]}"), part_target(tid, f"row {gone}")]
    commands.reject(doc, proposal_id=eu_id, target=parts)
    assert _table(doc.resolution).table == _table(base).table
    (left,) = rounds.open_proposals(doc.resolution.negotiation)
    assert {(e.row, e.column) for e in left.edits} == {a, b}
