"""A table's rows and cells decided one at a time: a proposal's edits on a table grouped into parts (a cell's
words, a row deleted, the rows added after a row), and a decision taken on one part ("accept the G77's change to
this cell") recorded at the part's own target, `<table id>#<part>`, so that the proposal's other parts stay open.

`open_edits` is what is left of a proposal once parts of it are decided: the compilation shows it, the merge
lists it and a later Accept takes it, never a part already accepted or rejected."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from app.model import Resolution
from app.negotiation.proposals import CellEdit, DeleteRow, Edit, InsertRow, Proposal, edit_target

PART = "#"  # between a table's id and the part of it a decision is on (ids are letters and digits)
TABLE_EDITS = (CellEdit, InsertRow, DeleteRow)


def table_part(edit: Edit, deleted: frozenset[int] | set[int]) -> str:
    """The place within a table an edit is decided at: "after R" (rows added after base row R, -1: at the top),
    "row R" (row R deleted, with every change to its cells: they clash), "cell R C" (a cell's words)."""
    if isinstance(edit, InsertRow):
        return f"after {edit.after}"
    if isinstance(edit, DeleteRow) or (isinstance(edit, CellEdit) and edit.row in deleted):
        return f"row {edit.row}"  # type: ignore[union-attr]
    if isinstance(edit, CellEdit):
        return f"cell {edit.row} {edit.column}"
    return ""


def part_target(paragraph_id: str, part: str) -> str:
    return f"{paragraph_id}{PART}{part}"


def split_target(target: str) -> tuple[str, str]:
    """(the paragraph's id, the part) of a decision's target; the part "" for a whole place."""
    place, _, part = target.partition(PART)
    return place, part


def own_parts(proposal: Proposal, edits: Iterable[Edit]) -> list[tuple[str, Edit]]:
    """Each of `edits` (the proposal's, on one table) with its part target; a cell of a row the proposal
    deletes goes with the row."""
    edits = list(edits)
    deleted = {e.row for e in edits if isinstance(e, DeleteRow)}
    return [
        (part_target(edit_target(e), table_part(e, deleted)) if isinstance(e, TABLE_EDITS) else "", e)
        for e in edits
    ]


def open_edits(proposal: Proposal, decided: set[str]) -> Proposal:
    """The proposal without the edits of its table parts in `decided` (targets); itself if none is."""
    if not any(PART in t for t in decided):
        return proposal
    by_table: dict[str, list[Edit]] = {}
    for e in proposal.edits:
        if isinstance(e, TABLE_EDITS):
            by_table.setdefault(edit_target(e), []).append(e)
    gone = {id(e) for edits in by_table.values() for part, e in own_parts(proposal, edits) if part in decided}
    if not gone:
        return proposal
    return dataclasses.replace(proposal, edits=[e for e in proposal.edits if id(e) not in gone])


def part_edits(proposal: Proposal, target: str) -> list[Edit]:
    """The proposal's edits at a part target."""
    place, _ = split_target(target)
    mine = [e for e in proposal.edits if isinstance(e, TABLE_EDITS) and edit_target(e) == place]
    return [e for part, e in own_parts(proposal, mine) if part == target]


def part_at(
    base: Resolution, working: Resolution, proposal: Proposal, table_id: str, row: int, column: int
) -> str:
    """The part target of `proposal` at the working text's cell (`row`, `column`) of a table, "" where it
    proposes nothing there: the row's deletion, else the cell's words, else the rows it adds after the row.
    `base` is the revision the proposal was made on; the working text's rows are paired with its rows."""
    found = parts_at(base, working, proposal, table_id, [(row, column)])
    return found[0] if found else ""


def parts_at(
    base: Resolution, working: Resolution, proposal: Proposal, table_id: str, cells: Iterable[tuple[int, int]]
) -> list[str]:
    """The part targets of `proposal` at the working text's `cells` (row, column) of a table, each once, in the
    order of the cells: `part_at` for the cells selected, the rows paired once for all of them."""
    from app.compare.table_diff import row_pairs

    old, now = base.find(table_id), working.find(table_id)
    if old is None or now is None or not old.is_table or not now.is_table:
        return []
    rows = {y: x for x, y in row_pairs(old.table, now.table) if x is not None and y is not None}
    parts = {
        part for part, _ in own_parts(proposal, [e for e in proposal.edits if edit_target(e) == table_id])
    }
    out: dict[str, None] = {}
    for row, column in cells:
        at = rows.get(row)
        if at is None:
            continue
        for part in (f"row {at}", f"cell {at} {column}", f"after {at}"):
            if part_target(table_id, part) in parts:
                out.setdefault(part_target(table_id, part))
                break
    return list(out)
