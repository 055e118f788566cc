"""Tables of many shapes printed by LibreOffice from Word files (tests/fixtures/pdf_tables/synthetic, made by
scripts/make_pdf_tables.py): the grid read from each PDF's geometry is the table built, cell for cell, or
none, the table then read as text with nothing lost. A grid that differs from the table built is the failure
this guards against: a delegate would find figures in the wrong row or column and not know."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import inline
from app.io.pdf_file import read_pdf
from scripts.make_pdf_tables import read_grids, score

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf_tables" / "synthetic"
NAMES = sorted(p.stem for p in SHAPES.glob("*.json"))


def _answer(name: str) -> dict:
    return json.loads((SHAPES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_the_grid_read_is_the_table_built_or_none(name: str) -> None:
    verdict, cells, matched = score(_answer(name), read_grids((SHAPES / f"{name}.pdf").read_bytes()))
    assert verdict in ("exact", "none"), f"{name}: a wrong grid ({matched} of {cells} cells)"


@pytest.mark.parametrize(
    "name", [n for n in NAMES if n.rsplit("-", 1)[-1] in ("merged", "subheads", "bottom", "foot")]
)
def test_a_header_of_two_rows_or_set_at_its_foot_reads_as_built(name: str) -> None:
    """Header lines no rule parts: years or words under headings merged over their columns are a header row of
    their own, however close they stand (-merged, -subheads); the short headings set at the foot beside a
    wrapped heading's last line are one header row with it (-bottom, -foot), rows ruled, spaced or neither.
    On every style of rules; 14 of these were read with a header row split or joined before."""
    res = read_pdf((SHAPES / f"{name}.pdf").read_bytes()).resolution
    tables = [p for _, p in res.paragraphs() if p.is_table]
    answer = _answer(name)
    assert len(tables) == 1
    assert [[" ".join(inline.plain(c).split()) for c in row] for row in tables[0].table] == answer["rows"]
    assert tables[0].header_rows == answer["header_rows"]


def test_each_class_of_rules_has_tables_read_as_grids() -> None:
    """Giving up on every table would pass the test above: each style of rules has shapes read whole."""
    exact = {
        name.split("-")[0]
        for name in NAMES
        if score(_answer(name), read_grids((SHAPES / f"{name}.pdf").read_bytes()))[0] == "exact"
    }
    assert exact >= {"un", "un_rows", "grid", "horizontal", "box", "thin"}


@pytest.mark.parametrize("name", ["un-pages-norepeat"])
def test_a_table_given_up_is_read_as_text_with_every_cell(name: str) -> None:
    """A table going on over a page whose header is not repeated there: the geometry cannot vouch that the next
    page's lines are its rows, so the table's text is read as the text path reads it, every word kept."""
    data = (SHAPES / f"{name}.pdf").read_bytes()
    assert read_grids(data) == []
    res = read_pdf(data).resolution
    assert not [p for _, p in res.paragraphs() if p.is_table]
    kept = " ".join(
        [inline.plain(t) for _, p in res.paragraphs() for t in (p.opener, p.text, p.tail)]
        + [inline.plain(u) for u in res.unplaced]
    )
    words = {w.lower() for row in _answer(name)["rows"] for cell in row for w in cell.split() if w.isalpha()}
    squeezed = "".join(kept.lower().split())  # LibreOffice breaks a word too long for a narrow cell
    assert words and all(w in squeezed for w in words)


@pytest.mark.parametrize(
    "name",
    [
        "grid-merged",
        "un_rows-wrapped",
        "horizontal-empty",
        "box-c5",
        "un-spaced-pages",
        "grid-pages",
        "un-spaced-empty",
    ],
)
def test_a_table_read_as_a_grid_stands_in_the_draft(name: str) -> None:
    res = read_pdf((SHAPES / f"{name}.pdf").read_bytes()).resolution
    tables = [p for _, p in res.paragraphs() if p.is_table]
    answer = _answer(name)
    assert len(tables) == 1
    assert [[" ".join(inline.plain(c).split()) for c in row] for row in tables[0].table] == answer["rows"]
    assert tables[0].header_rows == answer["header_rows"]


@pytest.mark.parametrize("name", ["un-wrapped", "un-c3", "un-c8", "thin-c5", "box-c3", "un-pages"])
def test_a_compact_table_is_read_as_a_grid(name: str) -> None:
    """Rows neither ruled nor spaced (a compact table, set at one line's pitch): a line of words only, none of
    which would have fitted on the line above, is a cell's wrapped line, and a figure set under a figure is a
    new row, so the rows are told apart and every cell is the one built; these were read as text before."""
    res = read_pdf((SHAPES / f"{name}.pdf").read_bytes()).resolution
    tables = [p for _, p in res.paragraphs() if p.is_table]
    answer = _answer(name)
    assert len(tables) == 1 and res.unplaced == []
    assert [[" ".join(inline.plain(c).split()) for c in row] for row in tables[0].table] == answer["rows"]
    assert tables[0].header_rows == answer["header_rows"]
