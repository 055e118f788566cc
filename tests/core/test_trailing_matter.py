"""Tables in a resolution's own text (A/RES/78/253 ends with three tables of posts): the UN XML reader keeps
them as table paragraphs in their place and the text export prints their cells set apart by tabs; the text
reader keeps what a text sets after the last operative paragraph as unplaced text, with a finding, instead of
reading it as operative paragraphs (it reads no tables: a table of a text export is read as text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from app import inline
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.io.text_writer import to_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# the frozen held-out sample (tests/fixtures/heldout) stays out: no rule is built or checked on it here
XML = sorted(p for p in FIXTURES.rglob("*.xml") if "heldout" not in p.parts)
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _body_tables(path: Path) -> int:
    """Tables the UN XML sets in the resolution's own text (a staffing table under the paragraph that approves
    it, a budget table of a part), which the model keeps as unplaced text after the paragraphs; 0 for a file
    with attachments (annexes)."""
    root = etree.parse(str(path)).getroot()
    if root.find(f".//{AKN}attachments") is not None:
        return 0
    return sum(1 for _ in root.iter(f"{AKN}table"))


WITH_TABLES = [p for p in XML if _body_tables(p)]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_fixtures_hold_trailing_tables() -> None:
    assert any("78_253" in p.name for p in WITH_TABLES)


@pytest.mark.parametrize("path", WITH_TABLES, ids=lambda p: p.name)
def test_body_tables_stand_in_place_and_the_text_export_prints_their_rows(path: Path) -> None:
    """The UN XML reader keeps each table in its place as a table paragraph (nothing unplaced); the text
    export prints each row on a line of its own, its cells set apart by tabs."""
    original = read_akn(path.read_bytes(), name=path.name).resolution
    tables = [p for body in original.parts() for p in body.operative if p.is_table]
    assert len(tables) == _body_tables(path) and not original.unplaced
    lines = set(inline.plain(to_text(original)).splitlines())
    for table in tables:
        assert all("\t".join(inline.plain(cell) for cell in row) in lines for row in table.table)


def test_a_paragraph_after_a_list_is_no_trailing_matter() -> None:
    """The last numbered paragraph opens a list: what follows the list is its tail, not matter to set aside."""
    text = "The General Assembly,\n\n*Recalling* its resolution 1/1,\n\n1. *Decides*:\n\n(a) To act;\n\n"
    text += "(b) To report;\n\nand to remain seized of the matter.\n"
    back = read_text(text)
    assert back.resolution.unplaced == []
    assert not any("after the last operative" in f.message for f in back.findings)


def test_adoption_lines_after_trailing_matter_are_still_left_out() -> None:
    text = "The General Assembly,\n\n*Recalling* its resolution 1/1,\n\n1. *Decides* to act.\n\n"
    text += "Post Level Number Officer P-4 1\n\n75th plenary meeting\n22 December 2023\n"
    found = read_text(text)
    assert [_plain(t) for t in found.resolution.unplaced] == ["Post Level Number Officer P-4 1"]
    assert len(found.resolution.operative) == 1
    assert any(f.rule == "import.closing" for f in found.findings)
