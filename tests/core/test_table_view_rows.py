"""The rows of a compared table the compare view draws (app/compare/table_view.py): every changed row drawn with
its context until the cap, the rows left out counted in their place, nothing drawn twice or lost from the count.
Expectations come from the row plan of the two tables (app/compare/table_diff.row_plan), not from the drawing."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from app.compare.diff import EQUAL, compare
from app.compare.table_diff import row_plan
from app.compare.table_view import CONTEXT, drawn_rows
from app.model import Paragraph, Resolution


def _draft(rows: int) -> Resolution:
    res = Resolution(title="Programme budget")
    res.operative.append(Paragraph("Approves", "the following appropriations"))
    table = Paragraph("", "")
    table.table = [["Section", "Amount"]] + [[f"Section {r}", f"{r * 7:,}"] for r in range(1, rows)]
    table.header_rows = 1
    res.operative.append(table)
    return res


def _drawn(base: Resolution, new: Resolution, limit: int):  # noqa: ANN202
    cmp = compare(base, new)
    change = next(b for b in cmp.blocks if b.block.role == "table")
    plan = row_plan(change.base, change.new)
    return plan, drawn_rows(change.base, change.new, cmp.base, cmp.new, cmp.footnotes, limit)


@settings(max_examples=40, deadline=None)
@given(
    rows=st.integers(2, 400),
    edits=st.lists(st.tuples(st.sampled_from("rdi"), st.floats(0, 1)), max_size=12),
    limit=st.integers(3, 60),
)
def test_every_change_is_drawn_or_counted_and_the_rows_add_up(rows: int, edits: list, limit: int) -> None:
    base = _draft(rows)
    new = copy.deepcopy(base)
    table = new.operative[1].table
    for kind, where in edits:
        at = 1 + int(where * (len(table) - 1))
        if kind == "r" and at < len(table):
            table[at][1] = "retyped"
        elif kind == "d" and at < len(table) and len(table) > 2:
            table.pop(at)
        else:
            table.insert(at, ["New section", "1"])
    plan, drawn = _drawn(base, new, limit)
    total = len(plan.order)
    changed = [k for k in range(total) if plan.changed(k)]
    shown = [r for r in drawn.rows if not isinstance(r, int)]
    gaps = [r for r in drawn.rows if isinstance(r, int)]
    assert len(shown) + sum(gaps) == total  # each row drawn once or counted once, in print order
    assert all(g > 0 for g in gaps)
    assert drawn.changed == len(changed)
    assert len(shown) <= 1 + limit  # the header row and at most `limit` more
    marked = [r for r in shown if r.op != EQUAL or any(s.op != EQUAL for c in r.cells for s in c)]
    assert len(marked) + drawn.more_changes == len(changed)
    if total <= 1 + limit:
        assert not gaps and not drawn.more_changes
    elif drawn.more_changes == 0:
        # every change drawn with its context: a gap counts unchanged rows only
        at = 0
        for item in drawn.rows:
            if isinstance(item, int):
                assert not any(
                    plan.changed(k) for k in range(at - CONTEXT, at + item + CONTEXT) if 0 <= k < total
                )
                at += item
            else:
                at += 1


def test_a_table_changed_throughout_draws_the_cap_and_counts_the_rest() -> None:
    rows = 20_000
    base = _draft(rows)
    new = copy.deepcopy(base)
    for row in new.operative[1].table[1:]:
        row[0] += " (revised)"
    plan, drawn = _drawn(base, new, 300)
    shown = [r for r in drawn.rows if not isinstance(r, int)]
    assert len(shown) == 301 and drawn.changed == rows - 1
    assert drawn.more_changes == rows - 1 - 300
    assert drawn.rows[-1] == rows - 301  # the rows after the last drawn, counted
