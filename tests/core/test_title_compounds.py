"""A title that pdftotext spaces where a printed line ends inside it ("Secretary-" / "General" comes out as
"Secretary General" in one joined line) gets its hyphen back, even in a text that slips once and prints "the
Secretary General" on a line of its own; that slip is still flagged. The answer is the issued PDF: the lines
pdfminer reads from A/RES/80/242 (tests/fixtures/reading/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

from app.conventions.engine import check_document
from app.io.text_reader import read_text
from tests.pdf_lines import text_lines

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"
SPACED = re.compile(r"Secretary\s+General")


def test_a_title_broken_at_a_line_end_is_whole_and_a_printed_slip_is_flagged() -> None:
    pdf = LAYERS / "A_RES_80_242.pdf"
    # the PDF's own lines: the title with a space inside a line (a slip), and the title broken at a line end
    lines = [line.get_text() for _, line, _ in text_lines(pdf)]
    slips = sum(len(SPACED.findall(" ".join(line.split()))) for line in lines)
    broken = sum(
        1
        for a, b in zip(lines, lines[1:], strict=False)
        if a.rstrip().endswith("Secretary-") and b.startswith("General")
    )
    assert slips and broken
    text = (LAYERS / "A_RES_80_242-pdftotext.txt").read_text(encoding="utf-8")
    assert len(SPACED.findall(text)) > slips  # pdftotext spaces some of the broken ones
    res = read_text(text).resolution
    flagged = [f for f in check_document(res) if f.rule == "UN.SecretaryGeneral"]
    assert len(flagged) == slips


def test_a_text_that_never_hyphenates_the_title_keeps_its_spaces() -> None:
    """The same issued text with the title spaced everywhere: a joined line's space is no lost hyphen there, and
    every spaced title is flagged, those at line ends too."""
    issued = (LAYERS / "A_RES_80_242-pdftotext.txt").read_text(encoding="utf-8")
    text = re.sub(r"Secretary *-(?:\n| *)General", "Secretary General", issued)
    assert "Secretary -General" in issued and "Secretary-" not in text
    res = read_text(text).resolution
    flagged = [f for f in check_document(res) if f.rule == "UN.SecretaryGeneral"]
    read = " ".join(p.opener + " " + p.text + " " + p.tail for _, p in res.paragraphs())
    assert "Secretary-General" not in read  # no space taken for a lost hyphen
    assert len(flagged) > len(SPACED.findall(text)) // 2
