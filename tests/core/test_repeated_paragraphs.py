"""A paragraph an omnibus text repeats section after section is no running title.

A/RES/75/253 (special subjects of the programme budget) opens each of its sections with "1. Takes note of the
report of the Secretary-General;". Where a page of its PDF text opens on such a section's first paragraph, the
page reader took the paragraph for the page's running title (a block at the page top that the first page
prints too) and dropped it: the next paragraph's number ran into its text. The answer is the UN XML read by the
AKN reader; the PDF text is the same XML set as pdftotext gives an L draft's pages.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from test_text_structure import flatten

from app import inline
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "structure" / "75_253_E.xml"
SYMBOL = "A/RES/75/253"


def _pages(flat: str) -> str:
    """The flattened text as pdftotext prints it: lines of about 85 characters, a paragraph's number alone on
    its line, a one-line paragraph between blank lines, and a new page (counter, form feed, the symbol) before
    every paragraph numbered 1 after the first page."""
    blocks = flat.split("\n\n")
    pages, lines = 1, []
    for block in blocks:
        number = re.match(r"(\d+\.) (?=\S)", block)
        if number and number.group(1) == "1." and len(lines) > 40:
            pages += 1
            lines += [f"{pages - 1}/{len(blocks)}", "\f" + SYMBOL, ""]
        if number:
            lines.append(number.group(1))
            block = block[number.end() :]
        wrapped = textwrap.wrap(" ".join(block.split()), 85)
        lines += ["", *wrapped, ""] if len(wrapped) == 1 and number else wrapped
    return "\n".join(lines) + "\n"


def _numbered(paragraphs: list) -> list[str]:
    """The openers of the numbered paragraphs (the flattening leaves out each section's own preamble)."""
    return [inline.plain(p.opener) for p in paragraphs if p.numbered]


def test_a_repeated_paragraph_at_a_page_top_stays_in_the_text() -> None:
    xml = FIXTURE.read_bytes()
    want = read_akn(xml).resolution
    text = _pages(flatten(xml))
    repeated = "Takes note of the report of the Secretary-General;"
    # the case: pages open on the repeated paragraph, and the first page prints it too
    assert text.count(f"\f{SYMBOL}\n\n1.\n\n{repeated}") >= 2
    got = read_text(text).resolution
    assert _numbered(got.operative) == _numbered(want.operative)
