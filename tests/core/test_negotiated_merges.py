"""A table with merged cells under negotiation: a delegation adds and deletes rows in its copy with the editor's
own commands, which move, widen or shrink the merges; accepting its proposal gives its copy back, merges
included. Before, the accepted rows moved under merges that stayed where they were (a merged department name
over the wrong posts). The tables and their merges are the UN's XML of A/RES/75/293 and A/RES/79/255."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from app.edits import Document
from app.io.reading import read_document
from app.model import Paragraph, Resolution
from app.negotiation.proposals import apply, derive
from app.table_edits import add_row, remove_row, set_table
from tests.core.test_negotiation_tables import merged_whole

AKN = Path(__file__).resolve().parent.parent / "fixtures" / "akn"


def _merged_table(res: Resolution) -> Paragraph:
    tables = [p for _, p in res.paragraphs() if p.is_table] + [
        p for p in res.annex_paragraphs() if p.is_table
    ]
    return max((p for p in tables if p.merges), key=lambda p: len(p.table))


def _delegation_copy(base: Resolution) -> Resolution:
    """A row of words added under the header, and the row above the last deleted, with the editor's commands."""
    doc = Document(copy.deepcopy(base))
    table = _merged_table(doc.resolution)
    at = table.header_rows + 1
    add_row(doc, paragraph_id=table.id, at=at)
    rows = [list(r) for r in table.table]
    rows[at] = [f"new {k}" for k in range(len(rows[at]))]
    set_table(doc, paragraph_id=table.id, rows=rows)
    remove_row(doc, paragraph_id=table.id, at=len(table.table) - 2)
    return doc.resolution


@pytest.mark.parametrize("name", ["A_RES_75_293-2108996E.xml", "A_RES_79_255-2424696E.xml"])
def test_accepted_rows_carry_the_merges_as_the_delegation_left_them(name: str) -> None:
    base = read_document(AKN / name).resolution
    mine = _delegation_copy(base)
    wanted = _merged_table(mine)
    assert wanted.merges != _merged_table(base).merges  # the rows moved some merges
    proposal = derive(base, mine, "G77")
    assert _merged_table(apply(base, proposal)).merges == wanted.merges
    merged = merged_whole(base, proposal)
    table = _merged_table(merged)
    assert (table.table, table.merges) == (wanted.table, wanted.merges)
