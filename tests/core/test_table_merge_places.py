"""A table's proposal is decided row by row and cell by cell in the merge: random changes to A/RES/79/253's
second table (cells, rows added, rows deleted), random places taken. Every edit is decided at exactly one place;
the merged table is the one the proposal's taken edits alone make (`proposals.apply`, another path than the
merge's); all taken gives the delegation's copy, none the table as it was; the proposal is recorded as accepted,
rejected or, taken in part, merged."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_negotiation_tables import _BASE, _table_changes, _tables

from app.edits import Document
from app.negotiation import commands, merging, rounds
from app.negotiation.proposals import apply, derive

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


def _table(res):  # noqa: ANN001, ANN202
    return (_tables(res)[1].table, _tables(res)[1].header_rows)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_table_changes(), st.data())
def test_any_places_taken_give_the_table_their_edits_make(proposed, data) -> None:  # noqa: ANN001
    proposal = derive(_BASE, proposed, "EU")
    assume(proposal.edits)  # an unchanged copy is no proposal
    doc = Document(copy.deepcopy(_BASE))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    commands.add_proposals(doc, [proposal])
    neg = doc.resolution.negotiation
    places = merging.items(neg)
    target = _tables(_BASE)[1].id
    at_table = [i for i in places if i.target == target]
    decided = [e for i in at_table for e in proposal.edits if i.takes(e) and e.paragraph_id == target]
    assert sorted(map(repr, decided)) == sorted(repr(e) for e in proposal.edits if e.paragraph_id == target)
    taken = [i for i in at_table if data.draw(st.booleans())]
    choices = merging.Choices({i.key: [proposal.id] for i in taken})
    merged = merging.merged(neg, doc.resolution, choices, DAY)
    edits = [e for e in proposal.edits if any(i.takes(e) for i in taken)]
    assert _table(merged) == _table(apply(_BASE, dataclasses.replace(proposal, edits=edits)))
    if len(taken) == len(at_table):
        assert _table(merged) == _table(proposed)
    if not taken:
        assert _table(merged) == _table(_BASE)
    if at_table:
        (decision,) = [d for d in merged.negotiation.decisions if d.target == target]
        whole = {len(at_table): rounds.ACCEPT, 0: rounds.REJECT}
        assert decision.action == whole.get(len(taken), rounds.MERGE)


def test_a_long_tables_places_are_listed_and_merged_in_linear_time() -> None:
    """A table's every row and cell changed being a place of its own, listing and merging them grows with the
    rows: 4,000 rows against 500 (every 50th row's figure changed, a row added or a row deleted)."""
    sys.path.insert(0, str(FIXTURES.parent))
    from fixtures.robust.hostile import growth
    from test_negotiation_tables import _long_table

    def run(rows: int):  # noqa: ANN202
        base, new = _long_table(rows)
        res = copy.deepcopy(base)
        neg = rounds.start(res)
        rounds.add_proposals(neg, [derive(base, new, "EU")])

        def once() -> None:
            places = merging.items(neg)
            merging.merged(neg, res, merging.Choices({i.key: [p.id for p in i.proposals] for i in places}))

        return once

    base, new = _long_table(500)
    res = copy.deepcopy(base)
    neg = rounds.start(res)
    proposal = derive(base, new, "EU")
    rounds.add_proposals(neg, [proposal])
    places = merging.items(neg)
    assert len(places) == len(proposal.edits) == 10  # a place for each change, none of them on one row
    merged = merging.merged(neg, res, merging.Choices({i.key: [p.id for p in i.proposals] for i in places}))
    assert [p.table for p in _tables(merged)] == [
        p.table for p in _tables(new)
    ]  # every place taken: the copy
    assert growth(run, 500, repeats=2) < 8 * 3
