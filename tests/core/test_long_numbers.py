"""A paragraph's number past 999 that pdftotext sets alone on its line, the text on the next ("1000." over
"Decides …", a hanging number), is the paragraph's number where it continues the typed sequence, as the Word
reader takes it (`text_paragraphs.long_numbers_in_sequence`); a year alone on its line ("2025.") is text. The
issued layer is A/C.4/80/L.8 (tests/fixtures/reading/README.md), its numbers moved past 999."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.text_reader import read_text
from app.model import Resolution

LAYER = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "pdftotext" / "A_C.4_80_L.8.txt"
NUMBER_LINE = re.compile(r"(?m)^(\d{1,2})\.(?=\s|$)")
SHIFT = 995  # paragraphs 5 on are numbered from 1000


def _shifted() -> str:
    text = LAYER.read_text(encoding="utf-8")
    return NUMBER_LINE.sub(lambda m: f"{int(m.group(1)) + SHIFT}.", text)


def _operative(res: Resolution) -> list[str]:
    return [" ".join(inline.plain(p.opener + " " + p.text).split()) for p in res.operative]


def test_a_long_number_alone_on_its_line_numbers_its_paragraph() -> None:
    shifted = _shifted()
    assert re.search(r"(?m)^1000\.$", shifted)  # pdftotext sets the number alone
    issued = read_text(LAYER.read_text(encoding="utf-8")).resolution
    assert _operative(read_text(shifted).resolution) == _operative(issued)


def test_a_year_alone_on_its_line_or_a_number_out_of_sequence_is_text() -> None:
    """A year that ends a paragraph alone on its line stays that paragraph's text; a long number that skips
    one ("1003." after "1001.") numbers nothing, as in the Word reader."""
    shifted = _shifted()
    issued = _operative(read_text(LAYER.read_text(encoding="utf-8")).resolution)
    with_year = shifted.replace("\n1001.\n", "\n2025.\n1001.\n", 1)
    assert with_year != shifted
    got = _operative(read_text(with_year).resolution)
    assert len(got) == len(issued)
    assert got[4].rstrip(".;").endswith("2025") and "2025" not in issued[4]
    skipped = shifted.replace("\n1002.\n", "\n1003.\n", 1)
    assert skipped != shifted
    assert len(_operative(read_text(skipped).resolution)) < len(issued)
