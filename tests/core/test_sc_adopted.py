"""Adopted Security Council resolutions (scripts/false_alarms_sc.py --source adopted), each class read from an
issued original and each with the real mistake of the same shape still reported:

- the heading of an adopted resolution ("Resolution 652 (1990)" / "of 17 April 1990", "RESOLUTION 898 (1994)" /
  "Adopted by the Security Council at its 3338th meeting," / "on 23 February 1994", "United Nations
  S/RES/1454 (2002)") is its masthead, not a title;
- the vote line after the last paragraph in the Council's annual volumes ("Adopted unanimously at the 2918th
  meeting", "Adopted without a vote at the 3003rd meeting.") ends the resolution like a GA meeting line, so the one
  unnumbered operative paragraph before it ("Recommends to the General Assembly that …") is read as operative.

Sources in tests/fixtures/issued_sc_adopted/README.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.conventions.engine import check_document
from app.findings import Finding
from app.io.text_reader import read_text
from app.model import Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc_adopted"
RESOLUTIONS = sorted(FIXTURES.glob("S_RES_*.txt"))


def _read(text: str) -> tuple[Resolution, list[Finding]]:
    result = read_text(text)
    return result.resolution, [*result.findings, *check_document(result.resolution)]


def _symbol(path: Path) -> str:
    """The symbol a fixture's name gives: S_RES_0652_1990.txt is S/RES/652 (1990)."""
    m = re.match(r"S_RES_0*(\d+)_(\d{4})", path.name)
    assert m
    return f"S/RES/{m.group(1)} ({m.group(2)})"


@pytest.mark.parametrize("path", RESOLUTIONS, ids=lambda p: p.stem)
def test_the_heading_of_an_adopted_resolution_is_no_title(path: Path) -> None:
    res, found = _read(path.read_text(encoding="utf-8"))
    assert res.title == ""
    assert res.header.template == "sc"
    assert not [f for f in found if f.rule in ("title.not-used", "import.header-unplaced")]
    notes = [f.message for f in found if f.rule == "import.adopted-resolution"]
    assert notes and _symbol(path) in notes[0]
    first = res.preamble[0].opener + " " + res.preamble[0].text
    # the first preambular paragraph is the first one after "The Security Council," in the original
    original = path.read_text(encoding="utf-8").split("The Security Council,", 1)[1].split()
    assert first.split()[:3] == original[:3]


@pytest.mark.parametrize("name", ["S_RES_0652_1990.txt", "S_RES_0704_1991.txt"])
def test_the_one_operative_paragraph_before_the_vote_line_is_operative(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    res, found = _read(text)
    # the original's paragraphs: the preamble's one, then the operative one, then the vote line
    blocks = [
        " ".join(b.split()) for b in text.split("The Security Council,", 1)[1].split("\n\n") if b.strip()
    ]
    vote = next(i for i, b in enumerate(blocks) if b.startswith("Adopted "))
    assert len(res.preamble) == 1 and len(res.operative) == 1
    assert res.operative[0].opener == blocks[vote - 1].split()[0]
    assert not [f for f in found if f.severity.name in ("ERROR", "WARNING")]
    assert all("Adopted" not in p.text for _, items in res.lists() for p in items)


def test_a_title_above_the_organ_line_is_still_one() -> None:
    # the same resolution with a title line of its own where the heading was: Security Council resolutions have none
    text = (FIXTURES / "S_RES_0652_1990.txt").read_text(encoding="utf-8")
    res, found = _read(text.replace("Resolution 652 (1990)\nof 17 April 1990", "Admission of new Members", 1))
    assert res.title == "Admission of new Members"
    assert "title.not-used" in {f.rule for f in found}


def test_without_its_operative_paragraph_the_text_still_lacks_one() -> None:
    text = (FIXTURES / "S_RES_0652_1990.txt").read_text(encoding="utf-8")
    start = text.index("Recommends")
    cut = text[:start] + text[text.index("Adopted unanimously") :]
    res, found = _read(cut)
    assert not res.operative
    assert "structure.operative-missing" in {f.rule for f in found}


def test_an_operative_paragraph_ending_in_a_comma_before_the_vote_line_is_still_reported() -> None:
    # a comma ends a preambular paragraph: the text then has its operative verb in the preamble and no operative part
    text = (FIXTURES / "S_RES_0704_1991.txt").read_text(encoding="utf-8")
    res, found = _read(text.replace("United Nations.\n", "United Nations,\n", 1))
    assert not res.operative
    assert {"openers.wrong-part", "structure.operative-missing"} <= {f.rule for f in found}
