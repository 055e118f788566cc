"""Tables in a PDF's text layer, a cell a line (PDFium: a row a line): A/RES/79/253 (Fifth Committee, the
pension system) prints, under "19. Approves the changes to the staffing table as set out in the table below:",
four staffing tables ("A." to "D.": action, post, grade, number) over three pages, and then "20. Also approves
the estimates …". The tables are kept whole as text, none of their cells read as a paragraph or checked as
one, and the paragraphs after them read as paragraphs. The cells expected come from the PDF's typography
(pdfminer): the body's lines set smaller than its text, between the page's head and its notes. Sources:
tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from app import inline
from app.conventions.engine import check_document
from app.io import pdf_tables
from app.io.pdf_tables import take_tables
from app.io.pdf_text import COUNTER, JOB, SYMBOL
from app.io.text_blocks import Block
from app.io.text_reader import read_text
from tests.pdf_lines import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_RES_79_253"
# MuPDF and pdftotext set a cell a line; PDFium a row a line, its cells parted by single spaces
LAYERS = {
    "mupdf": FIXTURES / f"{STEM}.txt",
    "pdftotext": FIXTURES / "pdftotext" / f"{STEM}.txt",
    "pdfium": FIXTURES / "pdfium" / f"{STEM}.txt",
}
CELL_RULES = ("openers.operative-form", "UN.Numbers", "spelling.unknown-word", "structure.empty-paragraph")


def _cells(pdf: Path) -> list[str]:
    """The table cells the PDF prints: lines in a size below the body's, under the page's head (the symbol's
    level) and above its notes' rule, that are no page furniture."""
    rows = list(text_lines(pdf))
    body = Counter(round(c.size, 1) for _, _, chars in rows for c in chars).most_common(1)[0][0]
    out = []
    for page in sorted({p for p, _, _ in rows}):
        on_page = [(line, chars) for p, line, chars in rows if p == page]
        rule = max((line.y0 for line, _ in on_page if "_____" in line.get_text()), default=0)
        head = min((line.y0 for line, _ in on_page if SYMBOL.match(line.get_text().strip())), default=1e9)
        for line, chars in on_page:
            text = line.get_text().strip()
            if (
                rule < line.y0 < head - 2
                and max(c.size for c in chars) < body - 0.5
                and not (JOB.match(text) or COUNTER.match(text) or text.startswith("*"))
            ):
                out.append(text)
    return out


@pytest.mark.parametrize("layer", LAYERS)
def test_a_table_is_kept_whole_and_not_read_as_paragraphs(layer: str) -> None:
    cells = _cells(FIXTURES / f"{STEM}.pdf")
    assert len(cells) > 50 and any(re.fullmatch(r"P-\d", c) for c in cells), "the PDF prints its tables"
    result = read_text(LAYERS[layer].read_text(encoding="utf-8"))
    res = result.resolution
    kept = " ".join(" ".join(inline.plain(u).split()) for u in res.unplaced)
    assert [c for c in cells if " ".join(c.split()) not in kept] == []
    read = {" ".join(inline.plain(p.opener + " " + p.text).split()) for _, p in res.paragraphs()}
    assert [c for c in cells if len(c) > 3 and c in read] == []
    assert [f.rule for f in check_document(res) if f.rule in CELL_RULES] == []
    assert [f for f in result.findings if f.rule == "import.table"] != []  # said, not silent


@pytest.mark.parametrize("layer", LAYERS)
def test_mistakes_after_a_table_are_still_found(layer: str) -> None:
    """The paragraph after the tables, changed to draw what cells would draw: no opener and a misspelt word
    ("20. The estimattes of …"), is checked as any paragraph is."""
    text = LAYERS[layer].read_text(encoding="utf-8")
    issued = "20. Also approves the estimates of"
    assert issued in text
    typo = text.replace(issued, "20. The estimattes of")
    rules = [f.rule for f in check_document(read_text(typo).resolution)]
    assert "openers.operative-form" in rules and "spelling.unknown-word" in rules


def test_short_lines_without_figures_are_no_table() -> None:
    """A list of names a line, or headings, with no figures among them, stays text."""
    names = ["Argentina", "Brazil", "Chile", "Colombia", "Ecuador", "Mexico", "Peru", "Uruguay", "Venezuela"]
    assert take_tables([Block(names, [0] * len(names))]).tables == []
    cells = ["Action", "Post", "Grade", "Number"] + ["Establishment", "Legal Officer", "P-4", "1"] * 2
    found = take_tables([Block(["Approves the posts below:"], [0]), Block(cells, [0] * len(cells))])
    assert found.tables == [cells] and [b.lines for b in found.body] == [["Approves the posts below:"]]


def test_tables_are_found_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten times the lines, ten times the lines looked at: each line is asked once whether it is a cell."""
    asked = Counter[str]()
    real = pdf_tables.is_cell

    def counted(line: str) -> bool:
        asked["cell"] += 1
        return real(line)

    monkeypatch.setattr(pdf_tables, "is_cell", counted)

    def looks(n: int) -> int:
        asked.clear()
        lines = [x for k in range(n) for x in (f"{k}. Decides to act", "Establishment", "P-4", "1", "Total")]
        take_tables([Block(lines, [0] * len(lines))])
        return asked["cell"]

    assert looks(3000) <= 11 * looks(300)
