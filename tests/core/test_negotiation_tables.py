"""Proposals that change a table, on the tables of adopted Fifth Committee resolutions read from the UN's XML
(A/RES/79/250's levels of contribution, A/RES/79/253's appropriation tables, A/RES/79/259's scale of
assessments): delegates change cells, add and delete rows in copies of the text; each change shows once in the
compilation (model, text and Word) with its proposer, where it stands; accepting them gives the delegate's copy
back, in one merge or place by place; proposals on one cell are alternatives; the project saves and reopens.
Every expected cell is taken from the XML's own table, none typed."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import sys
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import inline, storage
from app.compare.tracked import build_tracked_docx
from app.edits import Document
from app.errors import InputError, ProjectVersionError
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.messages import localize
from app.model import Paragraph, Resolution
from app.negotiation import commands, merging, rounds
from app.negotiation.compilation import DELETE, EQUAL, INSERT, TAG, compile_text
from app.negotiation.compilation_docx import build_compilation_docx
from app.negotiation.compilation_text import compilation_text
from app.negotiation.proposals import CellEdit, DeleteRow, InsertRow, Proposal, apply, derive
from app.negotiation.tracked_reading import proposals_from_tracked

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LEVELS = FIXTURES / "akn" / "A_RES_79_250-2424689E.xml"
APPROPRIATIONS = FIXTURES / "pdf_tables" / "A_RES_79_253-2424694E.xml"
SCALE = FIXTURES / "akn" / "A_RES_79_259-2424702E.xml"
DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


def _read(path: Path) -> Resolution:
    return read_document(path).resolution


def _tables(res: Resolution) -> list[Paragraph]:
    return [p for _, p in res.paragraphs() if p.is_table] + [p for p in res.annex_paragraphs() if p.is_table]


def _table(res: Resolution) -> Paragraph:
    """The text's longest table (the copies keep its length)."""
    return max(_tables(res), key=lambda p: len(p.table))


def _plain(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def _body_cells(table: Paragraph) -> list[tuple[int, int]]:
    """Body cells holding a figure or words, first cell of each row aside (it names the row)."""
    return [
        (r, c)
        for r in range(table.header_rows, len(table.table))
        for c in range(1, len(table.table[r]))
        if _plain(table.table[r][c])
    ]


def _shown(cell) -> tuple[str, str]:  # noqa: ANN001
    """A compiled cell's deleted and inserted words."""
    return (
        "".join(p.text for p in cell if p.op == DELETE),
        "".join(p.text for p in cell if p.op == INSERT),
    )


def _same(a: Resolution, b: Resolution) -> None:
    assert [(p.table, p.header_rows) for p in _tables(a)] == [(p.table, p.header_rows) for p in _tables(b)]
    assert storage.to_dict(a) == storage.to_dict(b)


def _revised(cell: str) -> str:
    """The cell with its last word replaced."""
    head, _, _ = cell.rpartition(" ")
    return f"{head} revised" if head else "revised"


def _three_copies(base: Resolution) -> tuple[Resolution, Resolution, Resolution, dict]:
    """The EU changes a cell's last word, the G77 adds a row and deletes another, the African Group rewrites
    the EU's cell; what each changed, from the base's own cells."""
    table = _table(base)
    gone = len(table.table) - 2
    # a cell below the row the G77 adds and above the one it deletes: its row moves when the G77's are taken
    row, column = next((r, c) for r, c in _body_cells(table) if table.header_rows < r < gone)
    old = table.table[row][column]
    eu, g77, ag = (copy.deepcopy(base) for _ in range(3))
    _table(eu).table[row][column] = _revised(old)
    _table(ag).table[row][column] = "to be determined"
    added = [f"new {k}" for k in range(len(table.table[-1]))]
    rows = _table(g77).table
    rows.insert(table.header_rows + 1, added)
    del rows[gone + 1]
    return eu, g77, ag, {"cell": (row, column, old), "added": added, "gone": gone}


def test_each_change_shows_once_with_its_proposer_where_it_stands() -> None:
    base = _read(LEVELS)
    eu, g77, ag, what = _three_copies(base)
    proposals = [derive(base, eu, "EU"), derive(base, g77, "G77"), derive(base, ag, "AG")]
    assert [type(e) for e in proposals[1].edits] == [InsertRow, DeleteRow]
    comp = compile_text(base, proposals)
    table = _tables(base)[0]
    (entry,) = [e for e in comp.entries if e.rows is not None]
    assert entry.paragraph_id == table.id and sorted(entry.proposers) == ["AG", "EU", "G77"]
    # the base rows stay in their order, the added row after the row it follows, the deleted one struck
    kept = [r for r in entry.rows if r.op != INSERT]
    assert len(kept) == len(table.table)
    row, column, old = what["cell"]
    eu_ag = kept[row].cells[column]
    tags = [p.text for p in eu_ag if p.op == TAG]
    assert tags == [" [EU]", " / ", " [AG]"]  # side by side, in the order proposed
    last = old.rpartition(" ")[2]
    assert _shown(eu_ag) == (last + old, "revised" + "to be determined")
    added = [r for r in entry.rows if r.op == INSERT]
    assert len(added) == 1 and entry.rows.index(added[0]) == table.header_rows + 1
    assert [_shown(c)[1] for c in added[0].cells] == what["added"]
    assert added[0].cells[-1][-1].text == " [G77]"
    struck = kept[what["gone"]]
    assert struck.op == DELETE and struck.cells[-1][-1].text == " [G77]"
    assert [_shown(c)[0] for c in struck.cells] == [_plain(c) for c in table.table[what["gone"]]]
    # each untouched cell as the XML's
    for r, base_row in enumerate(table.table):
        for c in range(len(base_row)):
            if (r, c) != (row, column) and r != what["gone"]:
                assert all(p.op == EQUAL for p in kept[r].cells[c])
    # the text compilation: each name once per change, the row added and the row deleted marked as such
    text = compilation_text(comp)
    assert text.count("[EU]") == text.count("[AG]") == 1 and text.count("[G77]") == 2
    assert "| " + " | ".join(f"{{+{w}+}}" for w in what["added"]) + " [G77] |" in text
    # the Word compilation: a real table, the names in the cells they change
    word = docx.Document(io.BytesIO(build_compilation_docx(comp)))
    (shown,) = [t for t in word.tables if len(t.rows) == len(entry.rows)]
    cells = [[c.text for c in r.cells] for r in shown.rows]
    assert cells[row + 1][column].endswith(f"{last}revised [EU] / {_plain(old)}to be determined [AG]")
    assert cells[table.header_rows + 1] == [*what["added"][:-1], what["added"][-1] + " [G77]"]
    assert sum(c.count("[G77]") for r in cells for c in r) == 2


def test_accepting_every_change_gives_each_copy_back() -> None:
    for path in (LEVELS, APPROPRIATIONS, SCALE):
        base = _read(path)
        eu, g77, _, _ = _three_copies(base)
        for copy_, name in ((eu, "EU"), (g77, "G77")):
            proposal = derive(base, copy_, name)
            _same(apply(base, proposal), copy_)
            _same(merged_whole(base, proposal), copy_)


def merged_whole(base: Resolution, proposal: Proposal) -> Resolution:
    """`base` under negotiation with `proposal`, every place of it taken in one merge (no negotiation left)."""
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    commands.add_proposals(doc, [proposal])
    neg = doc.resolution.negotiation
    choices = merging.Choices({i.key: [p.id for p in i.proposals] for i in merging.items(neg)})
    merged = merging.merged(neg, doc.resolution, choices, DAY)
    merged.negotiation = None
    return merged


def test_the_delegates_word_copy_gives_the_same_proposal(tmp_path: Path) -> None:
    """A delegate edits the draft's Word export: the proposal read from it is the model copy's."""
    base = _read(APPROPRIATIONS)
    _, g77, _, _ = _three_copies(base)
    path = tmp_path / "g77.docx"
    path.write_bytes(build_docx(g77))
    from_word = derive(base, read_document(path).resolution, "G77")
    assert from_word.edits == derive(base, g77, "G77").edits


def test_a_tracked_word_file_carries_the_table_changes() -> None:
    """Word's own tracked changes in a table (a cell's words, a row inserted and one deleted, as Word marks rows)
    are the author's proposal, the same as the edited copy's; before this the file was refused."""
    base = _read(LEVELS)
    _, g77, _, what = _three_copies(base)
    row, column, old = what["cell"]
    both = copy.deepcopy(g77)  # the G77's rows and the EU's cell, one row down for the row added
    _table(both).table[row + 1][column] = _revised(old)
    (proposal,) = proposals_from_tracked(build_tracked_docx(base, both, author="EU"), base)
    assert proposal.proposer == "EU" and proposal.edits == derive(base, both, "EU").edits
    assert {type(e) for e in proposal.edits} == {CellEdit, InsertRow, DeleteRow}
    _same(apply(base, proposal), both)


def test_several_delegations_accepted_place_by_place_and_in_one_merge() -> None:
    """The EU's cell and the G77's rows on the same table: accepted one after the other (the second placed on
    the table the first changed) or together, the text has both."""
    base = _read(SCALE)
    eu, g77, ag, what = _three_copies(base)
    row, column, old = what["cell"]
    both = copy.deepcopy(g77)  # the G77's copy with the EU's cell, one row down for the row the G77 adds
    _table(both).table[row + 1][column] = _revised(old)
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    proposals = [derive(base, eu, "EU"), derive(base, g77, "G77"), derive(base, ag, "AG")]
    commands.add_proposals(doc, proposals)
    neg = doc.resolution.negotiation
    table = _table(base)
    places = merging.items(neg)
    # one place for the cell (the EU and the AG its alternatives), one for each of the G77's rows
    assert {i.target for i in places} == {table.id} and all("Table" in i.label for i in places)
    by_name = {p.proposer: p.id for p in proposals}
    (cell,) = [i for i in places if i.part == f"cell {row} {column}"]
    assert cell.alternatives == [[by_name["EU"], by_name["AG"]]]
    assert sorted(i.part for i in places if i is not cell) == [
        f"after {table.header_rows}",
        f"row {what['gone']}",
    ]
    with pytest.raises(InputError, match="same words"):
        merging.check(cell, [by_name["EU"], by_name["AG"]])
    taken = {i.key: [by_name["EU"] if i is cell else by_name["G77"]] for i in places}
    merged = merging.merged(neg, doc.resolution, merging.Choices(taken))
    merged.negotiation = None
    _same(merged, both)
    commands.accept(doc, proposal_id=by_name["G77"], target=table.id)
    commands.accept(doc, proposal_id=by_name["EU"], target=table.id)
    now = copy.deepcopy(doc.resolution)
    now.negotiation = None
    _same(now, both)


def test_a_cell_of_a_row_deleted_first_is_merged_by_hand() -> None:
    """The G77 deletes a row whose cell the EU changes: alternatives in the merge; accepted one after the other,
    the second is refused in one line, the text left as the first made it."""
    base = _read(LEVELS)
    table = _table(base)
    row, column = _body_cells(table)[-1]
    eu, g77 = copy.deepcopy(base), copy.deepcopy(base)
    _table(eu).table[row][column] = _revised(table.table[row][column])
    del _table(g77).table[row]
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    proposals = [derive(base, eu, "EU"), derive(base, g77, "G77")]
    commands.add_proposals(doc, proposals)
    (item,) = merging.items(doc.resolution.negotiation)  # the row and its cell: one place, alternatives
    assert item.part == f"row {row}" and item.alternatives == [[p.id for p in proposals]]
    commands.accept(doc, proposal_id=proposals[1].id, target=table.id)
    before = storage.to_dict(doc.resolution)
    with pytest.raises(InputError, match="merge it by hand") as caught:
        commands.accept(doc, proposal_id=proposals[0].id, target=table.id)
    assert "\n" not in str(caught.value) and "à la main" in localize(caught.value.args[0], "fr")
    assert storage.to_dict(doc.resolution) == before


def test_a_table_added_and_a_table_deleted() -> None:
    """A table proposed whole (another resolution's, after the first operative paragraph) and one deleted:
    every cell marked, the proposer named, accepting gives the copy."""
    base = _read(LEVELS)
    donor = _tables(_read(APPROPRIATIONS))[0]
    adds, deletes = copy.deepcopy(base), copy.deepcopy(base)
    adds.operative.insert(1, Paragraph(table=[list(r) for r in donor.table], header_rows=donor.header_rows))
    gone = _tables(base)[0]
    deletes.operative[:] = [p for p in deletes.operative if p.id != gone.id]
    proposals = [derive(base, adds, "CANZ"), derive(base, deletes, "US")]
    comp = compile_text(base, proposals)
    new = next(e for e in comp.entries if e.kind == "new")
    assert new.proposers == ["CANZ"] and len(new.rows) == len(donor.table)
    assert [[_shown(c)[1] for c in r.cells] for r in new.rows] == [
        [_plain(c) for c in r] for r in donor.table
    ]
    old = next(e for e in comp.entries if e.paragraph_id == gone.id)
    assert all(r.op == DELETE for r in old.rows) and old.proposers == ["US"]
    assert [[_shown(c)[0] for c in r.cells] for r in old.rows] == [[_plain(c) for c in r] for r in gone.table]
    text = compilation_text(comp)
    assert text.count("[CANZ]") == 1 and text.count("[US]") == 1
    _same(apply(base, proposals[0]), adds)
    _same(apply(base, proposals[1]), deletes)


def test_what_a_proposal_cannot_say_is_refused_in_one_line() -> None:
    base = _read(LEVELS)
    wider = copy.deepcopy(base)
    for row in _tables(wider)[0].table:
        row.append("")
    with pytest.raises(InputError) as caught:
        derive(base, wider, "EU")
    said = caught.value.args[0]
    assert "\n" not in str(said) and "columns" in str(said) and "EU" in str(said)
    assert "colonnes" in localize(said, "fr") and "columnas" in localize(said, "es")
    header = copy.deepcopy(base)
    _tables(header)[0].header_rows = 1
    with pytest.raises(InputError, match="header"):
        derive(base, header, "EU")


def test_a_project_with_table_proposals_saves_and_reopens(tmp_path: Path) -> None:
    base = _read(LEVELS)
    eu, g77, ag, _ = _three_copies(base)
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    plain = json.loads(storage.dumps(doc.resolution))
    assert plain["version"] == 2  # no table proposal: a Resolute that reads version 2 opens it
    proposals = [derive(base, t, n) for t, n in ((eu, "EU"), (g77, "G77"), (ag, "AG"))]
    commands.add_proposals(doc, proposals)
    path = tmp_path / "draft.json"
    storage.save_project(doc.resolution, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["version"] == 3
    kinds = {e["kind"] for p in written["negotiation"]["proposals"] for e in p["edits"]}
    assert {"cell", "row_insert", "row_delete"} <= kinds
    back = storage.load_project(path)
    assert back.negotiation.proposals == doc.resolution.negotiation.proposals
    again = rounds.compilation(back.negotiation, back)
    assert compilation_text(again) == compilation_text(
        rounds.compilation(doc.resolution.negotiation, doc.resolution)
    )
    written["version"] = storage.VERSION + 1
    with pytest.raises(ProjectVersionError):
        storage.from_dict(written)


def test_a_version_2_project_opens_and_takes_table_proposals(tmp_path: Path) -> None:
    """A project saved before table proposals (format version 2, see tests/fixtures/negotiation) opens as it was,
    its proposal compiles and applies; with a table proposal added it is saved as version 3 and reopens."""
    old = FIXTURES / "negotiation" / "A_RES_79_250-version-2.json"
    assert json.loads(old.read_text(encoding="utf-8"))["version"] == 2
    res = storage.load_project(old)
    neg = res.negotiation
    (eu,) = neg.proposals
    base = rounds.base_text(neg)
    assert apply(base, eu).operative[0].text != base.operative[0].text
    assert "[EU]" in compilation_text(rounds.compilation(neg, res))
    g77 = copy.deepcopy(base)
    _table(g77).table[-1][-1] = _revised(_table(g77).table[-1][-1])
    doc = Document(res)
    commands.add_proposals(doc, [derive(base, g77, "G77")])
    path = tmp_path / "draft.json"
    storage.save_project(doc.resolution, path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 3
    back = storage.load_project(path)
    assert [p.proposer for p in back.negotiation.proposals] == ["EU", "G77"]
    text = compilation_text(rounds.compilation(back.negotiation, back))
    assert text.count("[EU]") == text.count("[G77]") == 1


def test_a_damaged_table_edit_is_refused_not_applied() -> None:
    """A project file's cell edit past the table, or a deleted row that reads otherwise, refused in one line."""
    base = _read(LEVELS)
    _, g77, _, _ = _three_copies(base)
    proposal = derive(base, g77, "G77")
    table = _tables(base)[0]
    for bad in (
        CellEdit(table.id, 0, len(table.table[0]), 0, 0, "", "x"),
        CellEdit(table.id, len(table.table), 0, 0, 0, "", "x"),
        DeleteRow(table.id, 2, ("not", "this")),
        InsertRow(table.id, len(table.table), ("x",)),
    ):
        proposal.edits = [bad]
        with pytest.raises(InputError):
            apply(base, proposal)


_BASE = _read(APPROPRIATIONS)
_TABLE = _tables(_BASE)[1]


@st.composite
def _table_changes(draw: st.DrawFn) -> Resolution:
    """Random cells of A/RES/79/253's second table changed (words of other cells, or emptied), body rows added
    (made of other rows' cells) and deleted."""
    new = copy.deepcopy(_BASE)
    rows = _tables(new)[1].table
    head = _TABLE.header_rows
    words = sorted({w for row in _TABLE.table for c in row for w in _plain(c).split()})
    for _ in range(draw(st.integers(0, 4))):
        r = draw(st.integers(head, len(rows) - 1))
        c = draw(st.integers(0, len(rows[r]) - 1))
        rows[r][c] = " ".join(draw(st.lists(st.sampled_from(words), max_size=4)))
    for _ in range(draw(st.integers(0, 2))):
        if len(rows) > head + 1:
            del rows[draw(st.integers(head, len(rows) - 1))]
    for _ in range(draw(st.integers(0, 2))):
        donor = draw(st.sampled_from(_TABLE.table[head:]))
        rows.insert(draw(st.integers(head, len(rows))), [c + " bis" for c in donor])
    return new


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_table_changes())
def test_random_cell_and_row_edits_round_trip(proposed: Resolution) -> None:
    proposal = derive(_BASE, proposed, "EU")
    _same(apply(_BASE, proposal), proposed)
    comp = compile_text(_BASE, [proposal])
    changes = sum(isinstance(e, CellEdit | InsertRow | DeleteRow) for e in proposal.edits)
    text = compilation_text(comp)
    assert text.count("[EU]") == changes


def _long_table(rows: int) -> tuple[Resolution, Resolution]:
    """A/RES/79/259's scale with its body repeated to `rows` rows (each row's first cell made its own), and a
    copy whose every 50th row has a figure changed, a row added or a row deleted."""
    base = _read(SCALE)
    table = _table(base)
    body = table.table[table.header_rows :]
    table.table = table.table[: table.header_rows] + [
        [f"{body[i % len(body)][0]} {i}", *body[i % len(body)][1:]] for i in range(rows)
    ]
    new = copy.deepcopy(base)
    changed = _table(new).table
    for r in range(len(changed) - 1, table.header_rows, -50):
        step = r // 50 % 3
        if step == 0:
            changed[r][-1] = _revised(changed[r][-1])
        elif step == 1:
            changed.insert(r, [f"added {r}"] * len(changed[r]))
        else:
            del changed[r]
    return base, new


def test_table_proposals_grow_in_linear_time() -> None:
    """Deriving, compiling (model and Word) and accepting a proposal on a table of 4,000 rows against 500: a
    Word table moved into the document whole grew with its square (2,000 rows: 2 s; row by row: 25 ms)."""
    sys.path.insert(0, str(FIXTURES.parent))
    from fixtures.robust.hostile import growth

    def run(rows: int):  # noqa: ANN202
        base, new = _long_table(rows)

        def once() -> None:
            proposal = derive(base, new, "EU")
            build_compilation_docx(compile_text(base, [proposal]))
            apply(base, proposal)

        return once

    base, new = _long_table(500)
    _same(apply(base, derive(base, new, "EU")), new)
    assert growth(run, 500, repeats=2) < 8 * 3
