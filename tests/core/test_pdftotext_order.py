"""Paragraphs whose lines pdftotext sets out of order read as the PDF prints them.

A/80/L.7 as issued prints its operative paragraph 4 in two lines, the first indented after the number; Poppler's
text layer sets the second line ("Agency;") between the number and the first. The answer is the PDF's
typography: each operative paragraph's body-size words in the order of their baselines (top to bottom), from
its number to the next. Sources: tests/fixtures/reading/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.text_reader import read_text
from tests.pdf_lines import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_80_L.7"


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.replace("-\n", ""))


def _printed_paragraphs(pdf: Path) -> list[list[str]]:
    """Each operative paragraph's words as printed: body-size characters (note markers are smaller) above each
    page's rule over the notes, lines taken by their baselines (the pieces of a justified line left to right),
    a paragraph running from its number ("4.") to the next number or the end of the body."""
    rows = [(page, line, chars) for page, line, chars in text_lines(pdf)]
    body = Counter(round(c.size, 1) for _, _, chars in rows for c in chars).most_common(1)[0][0]
    rules = {page: line.y0 for page, line, _ in rows if "_____" in line.get_text()}
    paragraphs: list[list[str]] = []
    for page, line, chars in sorted(rows, key=lambda r: (r[0], -round(r[1].y0), r[1].x0)):
        text = "".join(c.get_text() for c in chars if round(c.size, 1) == body).strip()
        if not text or line.y0 <= rules.get(page, -1):
            continue
        if re.fullmatch(r"\d+\.", text):
            paragraphs.append([])
        elif paragraphs:
            paragraphs[-1] += _words(text)
    return paragraphs


def test_each_operative_paragraph_reads_its_printed_lines_in_order() -> None:
    """From the pdftotext layer and from MuPDF's, every operative paragraph has the PDF's words in the PDF's
    order: the line set before its first comes back after it."""
    want = _printed_paragraphs(FIXTURES / f"{STEM}.pdf")
    assert any(len(p) > 3 for p in want), "the PDF prints operative paragraphs"
    for txt in (FIXTURES / "pdftotext" / f"{STEM}.txt", FIXTURES / f"{STEM}.txt"):
        res = read_text(txt.read_text(encoding="utf-8")).resolution
        got = [_words(inline.plain(f"{p.opener} {p.text}")) for p in res.operative]
        assert got == want, txt


def test_an_operative_paragraph_without_its_opener_is_still_flagged() -> None:
    """The same text with paragraph 4's opener lost ("to Member States to continue …"): no line is put back
    (a paragraph's first line opens with a capital), and the check names the paragraph with no opener."""
    issued = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    opener = "Appeals to Member States"
    assert opener in issued
    res = read_text(issued.replace(opener, "to Member States", 1)).resolution
    flagged = [f for f in check_document(res) if f.rule == "openers.operative-form"]
    assert flagged, "the paragraph with no opener is flagged"
    issued_findings = check_document(read_text(issued).resolution)
    assert not [f for f in issued_findings if f.rule == "openers.operative-form"]


def test_a_heading_after_a_paragraph_of_one_line_stays_where_it_is() -> None:
    """A label, a paragraph of one line, then a short line alone (a heading, "Follow-up and review"): no
    paragraph's first line, so nothing moves."""
    from app.io.reading_order import first_lines_set_after
    from app.io.text_blocks import label_alone, opens_labelled

    lines = [
        "4.",
        "Decides to remain seized of the matter;",
        "",
        "Follow-up and review",
        "",
        "5.",
        "Requests …",
    ]
    assert first_lines_set_after(lines, [0] * len(lines), label_alone, opens_labelled)[0] == lines
    issued = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8").split("\n")
    at = issued.index("Agency;")
    moved, _ = first_lines_set_after(issued, [0] * len(issued), label_alone, opens_labelled)
    assert moved[at - 1 : at + 2] == ["4.", issued[at + 2], "Agency;"]


def test_the_last_paragraph_over_the_closing_line_reads_in_order() -> None:
    """A/RES/78/213: pdftotext sets the last paragraph's second printed line ("session.") between its number and
    its first, the first standing alone over the closing line ("50th plenary meeting"). The last
    paragraph reads as from the same PDF's MuPDF layer, which sets the lines in order, and the check finds no
    paragraph without an opener."""
    stem = "A_RES_78_213"
    issued = (FIXTURES / "pdftotext" / f"{stem}.txt").read_text(encoding="utf-8")
    assert re.search(r"\n22\.\nsession\.\n\nDecides to continue [^\n]+\n50th plenary meeting\n", issued)
    res = read_text(issued).resolution
    mupdf = read_text((FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")).resolution
    got, want = ([_words(inline.plain(f"{p.opener} {p.text}")) for p in r.operative] for r in (res, mupdf))
    assert len(got) == len(want) and got[-1] == want[-1] and want[-1][-1] == "session"
    assert not [f for f in check_document(res) if f.rule == "openers.operative-form"]
