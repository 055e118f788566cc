"""Adopted resolutions read from the text pdftotext gives (one line a printed line, no blank line between
paragraphs) have the structure the UN's XML of the same resolution records. Two classes:
- "Annex I" on its own line right under the meeting line and date heads whatever follows, title or not
  (A/RES/80/239: its annexes were read as operative paragraphs 8 and 9);
- a preambular paragraph opening with a participle the opener lexicon does not list ("Trusting that …") after
  one that ended with a comma is a paragraph of its own (A/RES/78/123), while a name's participle after a comma
  ("Production, / Stockpiling and Use of Chemical Weapons", A/RES/79/80) does not split its paragraph.
Sources in tests/fixtures/reading/README.md (development half)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import inline
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.model import Resolution

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"
PAIRS = {
    "A_RES_80_239": "A_RES_80_239-2521256E.xml",
    "A_RES_78_123": "A_RES_78_123-2325275E.xml",
    "A_RES_79_80": "A_RES_79_80-2423039E.xml",
}


def _starts(paragraphs: list) -> list[str]:
    """Each paragraph's first three words, the opener included (pdftotext may set a wide line's words out of
    order further on: A/RES/79/80), hyphens made one kind."""
    return [
        " ".join(f"{p.opener} {inline.plain(p.text)}".replace("\u2011", "-").split()[:3]) for p in paragraphs
    ]


def _both(stem: str) -> tuple[Resolution, Resolution]:
    issued = read_akn((LAYERS / PAIRS[stem]).read_bytes()).resolution
    read = read_text((LAYERS / f"{stem}-pdftotext.txt").read_text(encoding="utf-8")).resolution
    return issued, read


@pytest.mark.parametrize("stem", sorted(PAIRS))
def test_paragraphs_are_the_ones_the_xml_records(stem: str) -> None:
    issued, read = _both(stem)
    assert _starts(read.preamble) == _starts(issued.preamble)
    assert _starts(read.operative) == _starts(issued.operative)


def test_annexes_under_the_meeting_line_are_annexes() -> None:
    issued, read = _both("A_RES_80_239")
    assert len(issued.annexes) == 2  # the fixture still holds the case
    assert [a.labelled for a in read.annexes] == [a.labelled for a in issued.annexes]
    assert len(read.annexes[1].paragraphs) == len(issued.annexes[1].paragraphs)
