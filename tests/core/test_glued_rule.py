"""The last line of a page glued to the rule over the page's notes: pdftotext sets "… to facilitate
cross__________________" where A/RES/78/141 prints "cross-" at the end of page 8's body and the rule under it
(A/RES/79/54: "requests the Secretary __________________", a space before the rule).
The notes are read as notes (tests/core/test_reading_issued.py checks every note and marker of the fixture) and
the compound as the PDF prints it. Sources: tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import inline
from app.io.pdf_text import clean
from app.io.text_reader import read_text
from tests.pdf_lines import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEMS = ("A_RES_78_141", "A_RES_79_54")  # glued: "cross__…"; a space between: "Secretary __…"


def _page_end_compounds(pdf: Path) -> list[str]:
    """Compounds the PDF breaks at the last body line above a page's rule over its notes: "cross-" / "border". The
    next page's line that goes on is the first to open in small letters, or with a word the PDF prints
    hyphenated after the head elsewhere ("Secretary-" / "General")."""
    rows = list(text_lines(pdf))
    printed = " ".join(r[1].get_text() for r in rows)
    rules = {page: line.y0 for page, line, _ in rows if "_____" in line.get_text()}
    out = []
    for page, rule in rules.items():
        above = [line for p, line, _ in rows if p == page and line.y0 > rule + 1]
        last = min(above, key=lambda line: line.y0).get_text().strip() if above else ""
        if not (head := re.search(r"([^\W\d_]+) ?-$", last)):
            continue
        for later in (r[1].get_text().strip() for r in rows if r[0] == page + 1):
            tail = re.match(r"[^\W\d_]+", later)
            if tail and (later[:1].islower() or f"{head.group(1)}-{tail.group(0)}" in printed):
                out.append(f"{head.group(1)}-{tail.group(0)}")
                break
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_a_line_glued_to_the_rule_keeps_its_compound(stem: str) -> None:
    compounds = _page_end_compounds(FIXTURES / f"{stem}.pdf")
    assert compounds, "the PDF breaks a compound over a page's notes"
    layer = (FIXTURES / "pdftotext" / f"{stem}.txt").read_text(encoding="utf-8")
    assert any(re.search(rf"{c.split('-')[0]} ?______", layer) for c in compounds)  # glued in the text layer
    res = read_text(layer).resolution
    text = " ".join(inline.plain(p.opener + " " + p.text) for _, p in res.paragraphs())
    assert all(c in text for c in compounds)
    assert "___" not in text


def test_a_blank_to_fill_in_stays_text() -> None:
    """A typed blank ("to be held on __________", "from__________") is no rule glued to a word: the line stays
    as typed, also with a paragraph after it."""
    for line in ("Decides that the conference shall be held on __________", "Decides to meet from__________"):
        assert clean(["The General Assembly,", line]).lines[-1] == line
        assert clean(["The General Assembly,", line, "2. Requests a report."]).lines[-2] == line
