"""A compound broken at a printed line's end ("nuclear-weapon-" / "free zones,") that pdftotext joins into one
line without its hyphen ("nuclear-weaponfree zones,"), where the joined line is no longer than a printed line
(the paragraph's last printed line is short). The answer is the PDF's own lines (pdfminer): every compound it
breaks after a hyphen reads whole, hyphen and all. Sources: tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.text_reader import read_text
from tests.pdf_lines import broken_at_line_ends

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_C.1_80_L.40"
_COMPOUND = r"[^\W\d_]+(?:-[^\W\d_]+)*"


def _broken_compounds(pdf: Path) -> list[str]:
    """Compounds with a hyphen of their own that the PDF breaks after a further hyphen at a line's end."""
    return broken_at_line_ends(pdf, rf"(?<![\w-])({_COMPOUND}-[^\W\d_]+)", _COMPOUND)


def _text(res: object) -> str:
    return " ".join(inline.plain(p.opener + " " + p.text) for _, p in res.paragraphs())  # type: ignore[attr-defined]


def test_a_compound_joined_in_a_short_line_reads_as_printed() -> None:
    broken = _broken_compounds(FIXTURES / f"{STEM}.pdf")
    layer = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    short = [line for line in layer.splitlines() if len(line) <= 95]
    glued = {b: b.rpartition("-")[0] + b.rpartition("-")[2] for b in broken}
    assert any(g in line for g in glued.values() for line in short), "pdftotext glues one in a short line"
    text = _text(read_text(layer).resolution)
    assert [b for b in broken if b not in text] == []
    assert [g for g in glued.values() if re.search(rf"(?<![\w-]){re.escape(g)}(?![\w-])", text)] == []


def test_a_compound_glued_where_no_printed_line_ends_is_still_flagged() -> None:
    """The same compound glued at the start of a short line, where no printed line can have ended: a
    misspelling the check names, not a lost hyphen."""
    layer = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    line = next(x for x in layer.splitlines() if "nuclear-weaponfree zones," in x and len(x) <= 95)
    res = read_text(layer.replace(line, "Recalling nuclear-weaponfree zones,", 1)).resolution
    flagged = [f for f in check_document(res) if f.rule == "spelling.unknown-word"]
    assert any("nuclear-weaponfree" in f.message for f in flagged)
