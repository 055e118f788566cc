"""The last line of a page glued to the rule over the page's notes: pdftotext sets "… to facilitate
cross__________________" where A/RES/78/141 prints "cross-" at the end of page 8's body and the rule under it.
The notes are read as notes (tests/core/test_reading_issued.py checks every note and marker of the fixture) and
the compound as the PDF prints it. Sources: tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.pdf_text import clean
from app.io.text_reader import read_text
from tests.pdf_lines import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_RES_78_141"


def _page_end_compounds(pdf: Path) -> list[str]:
    """Compounds the PDF breaks at the last body line of a page, over the notes' rule: "cross-" / "border"."""
    rows = list(text_lines(pdf))
    out = []
    for k, (page, line, _) in enumerate(rows):
        text = line.get_text().strip()
        rule_next = k + 1 < len(rows) and rows[k + 1][0] == page and "_____" in rows[k + 1][1].get_text()
        if rule_next and (head := re.search(r"([^\W\d_]+)-$", text)):
            later = [r for r in rows if r[0] == page + 1 and r[1].get_text().strip()[:1].islower()]
            if later and (tail := re.match(r"[^\W\d_]+", later[0][1].get_text().strip())):
                out.append(f"{head.group(1)}-{tail.group(0)}")
    return out


def test_a_line_glued_to_the_rule_keeps_its_compound() -> None:
    compounds = _page_end_compounds(FIXTURES / f"{STEM}.pdf")
    assert compounds, "the PDF breaks a compound over a page's notes"
    layer = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert any(c.split("-")[0] + "______" in layer for c in compounds)  # glued in the text layer
    res = read_text(layer).resolution
    text = " ".join(inline.plain(p.opener + " " + p.text) for _, p in res.paragraphs())
    assert all(c in text for c in compounds)
    assert "___" not in text


def test_a_blank_to_fill_in_stays_text() -> None:
    """A typed blank ("to be held on __________") is no rule glued to a word: the line stays as typed."""
    line = "Decides that the conference shall be held on __________"
    assert clean(["The General Assembly,", line]).lines[-1] == line
