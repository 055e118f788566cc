"""Lines a paragraph lists after its colon with no labels: resolution 857 (1993) "Establishes the following list of
candidates in accordance with article 13 of the statute of the International Tribunal:" over 23 lines, a candidate
and a country each ("Mr. Georges Michel ABI-SAAB (Egypt)"), some parted by blank lines and some not (fixture
tests/fixtures/issued_sc_adopted/S_RES_0857_1993.txt, CR-UNSC, development half). The names were read as 10
preambular paragraphs without openers and a tail, the paragraph before them as a preambular one in the wrong form,
and the resolution as one without an operative part. The expected answer is the original's own lines: every line
between the colon and the vote line that is not blank is one candidate, an item of the operative paragraph.
"""

from __future__ import annotations

from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.findings import Severity
from app.io.text_reader import read_text

TEXT = (
    Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc_adopted" / "S_RES_0857_1993.txt"
).read_text(encoding="utf-8")


def _listed() -> list[str]:
    lines = TEXT.split("\n")
    start = next(i for i, x in enumerate(lines) if x.rstrip().endswith(":")) + 1
    end = next(i for i, x in enumerate(lines) if x.startswith("Adopted unanimously"))
    return [" ".join(x.split()) for x in lines[start:end] if x.strip()]


def test_names_listed_after_a_colon_are_the_paragraphs_items() -> None:
    names = _listed()
    assert len(names) == 23
    result = read_text(TEXT)
    res = result.resolution
    assert len(res.operative) == 1 and res.operative[0].opener == "Establishes"
    assert [" ".join(inline.plain(s.text).split()) for s in res.operative[0].subparagraphs] == names
    loud = [f for f in [*result.findings, *check_document(res)] if f.severity is not Severity.INFO]
    assert not loud, [(f.rule, f.message) for f in loud]


def test_short_lines_after_a_paragraph_that_did_not_end_with_a_colon_are_no_list() -> None:
    """The same lines after a paragraph that ended with a full stop are paragraphs, and their missing openers are
    reported."""
    text = TEXT.replace("International Tribunal:", "International Tribunal.")
    res = read_text(text).resolution
    assert not [p for p in res.operative + res.preamble if p.subparagraphs]
    found = {f.rule for f in check_document(res)}
    assert found & {"openers.preambular-form", "openers.operative-form"}
