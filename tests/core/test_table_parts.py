"""A table's rows and cells decided one at a time (app.negotiation.table_parts): on A/RES/79/250's table, the EU
proposes new figures in two cells and deletes a row; one cell accepted and the row's deletion rejected at their
own targets leave the other cell open, in the compilation, the merge and the saved project; the whole table
accepted later takes only what is still open. Every figure comes from the UN XML's table."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from app import inline, storage
from app.edits import Document
from app.errors import InputError
from app.io.reading import read_document
from app.model import Paragraph, Resolution
from app.negotiation import commands, merging, rounds
from app.negotiation.proposals import derive
from app.negotiation.table_parts import part_at, part_target
from tests.table_markup import figure_cells

LEVELS = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def _plain(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def test_a_cell_and_a_row_decided_apart_leave_the_rest_open(tmp_path: Path) -> None:
    base = read_document(LEVELS).resolution
    table = _table(base)
    figures = figure_cells(table.table, table.header_rows)
    (a, ca), (b, cb) = figures[0], next(f for f in figures if f[0] > figures[0][0] + 1)
    gone = a + 1
    edited = copy.deepcopy(base)
    cells = _table(edited).table
    cells[a][ca], cells[b][cb] = table.table[b][cb], table.table[a][ca]
    del cells[gone]
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    commands.add_proposals(doc, [derive(base, edited, "EU")])
    neg = doc.resolution.negotiation
    (eu,) = neg.proposals
    tid = table.id
    assert part_at(base, doc.resolution, eu, tid, a, ca) == part_target(tid, f"cell {a} {ca}")
    assert part_at(base, doc.resolution, eu, tid, gone, 0) == part_target(tid, f"row {gone}")
    assert part_at(base, doc.resolution, eu, tid, table.header_rows, 0) == ""
    commands.accept(doc, proposal_id=eu.id, target=part_target(tid, f"cell {a} {ca}"))
    commands.reject(doc, proposal_id=eu.id, target=part_target(tid, f"row {gone}"))
    with pytest.raises(InputError, match="proposes nothing there"):  # decided already
        commands.accept(doc, proposal_id=eu.id, target=part_target(tid, f"cell {a} {ca}"))
    now = _table(doc.resolution).table
    assert (
        now[a][ca] == table.table[b][cb] and now[b][cb] == table.table[b][cb] and len(now) == len(table.table)
    )
    # what is left open: the other cell, in the compilation and the merge, also once the project is reopened
    path = tmp_path / "draft.json"
    storage.save_project(doc.resolution, path)
    again = storage.load_project(path).negotiation
    for n in (doc.resolution.negotiation, again):
        (left,) = rounds.open_proposals(n)
        assert {e.row for e in left.edits} == {b}
        (item,) = [i for i in merging.items(n) if i.target == tid]
        assert item.part == f"cell {b} {cb}"
    # the whole table accepted now takes the open cell only: the row rejected stays
    commands.accept(doc, proposal_id=eu.id, target=tid)
    now = _table(doc.resolution).table
    assert now[b][cb] == table.table[a][ca] and len(now) == len(table.table)
    assert not rounds.open_proposals(doc.resolution.negotiation)
