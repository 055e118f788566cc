"""A page that opens with an operative paragraph's number after a page that ended mid-phrase.

pdftotext sets the words of a justified line set wide out of order, with the preamble's closing comma among
them: A/C.1/80/L.15's last preambular paragraph reads "Determined / disarmament, / to / work / … of nuclear" at
the foot of page 2, then page 3 opens "1." alone over "Underlines the strong support …". The page before had
no end punctuation, so the whole of operative paragraph 1 ran into the preamble, and paragraph 2 was said to be
typed "2." as the first. The answer comes from the same PDF opened by the product, whose PDFium text and
italics set out the paragraphs as printed.
"""

from __future__ import annotations

from pathlib import Path

from app.io.reading import read_document
from app.io.text_reader import read_text

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"


def test_a_numbered_opener_after_a_page_break_opens_the_operative_part() -> None:
    printed = read_document(LAYERS / "A_C.1_80_L.15.pdf").resolution
    layer = read_text((LAYERS / "A_C.1_80_L.15-pdftotext.txt").read_text(encoding="utf-8"))
    res = layer.resolution
    assert [p.opener for p in res.operative] == [p.opener for p in printed.operative]
    assert len(res.preamble) == len(printed.preamble)
    assert not any(f.rule == "import.numbering" for f in layer.findings)  # "2." no longer the first


def test_a_number_after_a_reference_broken_at_the_page_runs_on() -> None:
    # a page that ended on a reference's word ("… as set out in paragraph" / page / "1.") keeps its figure: the
    # number is the reference's, and the words after it run on
    text = (LAYERS / "A_C.1_80_L.15-pdftotext.txt").read_text(encoding="utf-8")
    broken = text.replace(
        "realization\n\nof nuclear\n", "realization\n\nof nuclear, as set out in paragraph\n", 1
    )
    assert broken != text
    res = read_text(broken).resolution
    assert "paragraph 1." in " ".join(p.text for p in res.preamble)
