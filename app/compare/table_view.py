"""The rows of a compared table that a view draws: every row of a short table; of a long one (a budget annex, a
scale of assessments) its header, each changed row with a row of context either side, and between them the
count of the unchanged rows left out, so a change at row 4,990 is seen as one at row 10.

What is drawn is bounded: rows are taken change by change, in order, until `limit` rows are drawn, and the
changes past that are counted (`more_changes`) for the view to point to the export that shows them all. Only
the rows drawn have their words compared: a 20,000-row table changed throughout costs its row pairing (linear
where rows are equal or paired by place) and `limit` rows' word comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.compare.diff import FootnoteChange
from app.compare.table_diff import RowChange, row_plan, shared_notes
from app.model import Resolution
from app.render import Block

CONTEXT = 1  # unchanged rows drawn each side of a changed one


@dataclass
class DrawnTable:
    """`rows` in print order: a RowChange drawn, or a count of rows left out at that place (all unchanged,
    except after the last row drawn when `more_changes` is not 0)."""

    rows: list[RowChange | int] = field(default_factory=list)
    changed: int = 0  # rows changed in the whole table
    more_changes: int = 0  # changed rows not drawn


def drawn_rows(
    base: Block | None,
    new: Block | None,
    cmp_base: Resolution,
    cmp_new: Resolution,
    changes: dict[str, FootnoteChange],
    limit: int,
) -> DrawnTable:
    """The rows of a compared table to draw, at most `limit` of them past its header rows."""
    plan = row_plan(base, new)
    total = len(plan.order)
    changed = [k for k in range(total) if plan.changed(k)]
    head = 0
    while head < total and plan.header(head):
        head += 1
    keep: set[int] = set(range(head))
    if total <= head + limit:
        keep = set(range(total))
    elif not changed:
        keep |= set(range(head, head + limit))
    else:
        for k in changed:
            wanted = {j for j in range(k - CONTEXT, k + CONTEXT + 1) if 0 <= j < total} - keep
            if len(keep) + len(wanted) > head + limit:
                break
            keep |= wanted
    notes = shared_notes(cmp_base, cmp_new, changes)
    out = DrawnTable(changed=len(changed), more_changes=sum(1 for k in changed if k not in keep))
    last = -1
    for k in sorted(keep):
        if k > last + 1:
            out.rows.append(k - last - 1)
        out.rows.append(plan.change(k, notes))
        last = k
    if last < total - 1:
        out.rows.append(total - 1 - last)
    return out
