"""Annexes of issued Security Council drafts as pdftotext (and PDFium) give them: no blank lines, so an annex's
"Annex" line, its title and its first paragraph come as lines one under the other. Sources in
tests/fixtures/issued_sc/README.md; the expected answers come from the PDF itself (its bold title lines, as
pdfminer reads its typography) or from pdfminer's reading of its layout, which sets the title apart.

- S/2024/557: "Annex I" / "Delisting procedures" / "The Focal Point is authorized …" (the title was read with the
  whole first paragraph in it), and annex II's section numerals "I." … "IV." over their titles (each was read
  as a paragraph of its own);
- S/2022/158: "Annex" / "THE HOUTHIS, AKA: ANSARALLAH, …" (two lines in capitals) / "The Houthis have engaged …"
  (the "Annex" line, the title and the text were read as one paragraph, and the annex had no title).
"""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.text_reader import read_text
from app.model import Resolution
from tests.pdf_lines import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"
PDF = FIXTURES / "S_2024_557.pdf"
_FURNITURE = re.compile(r"^(?:S/2024/557|\d+/8|24-13337|_+)$")


def _read(name: str) -> Resolution:
    return read_text((FIXTURES / name).read_text(encoding="utf-8")).resolution


def _plain(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def _bold_runs() -> list[list[str]]:
    """The runs of bold lines of the PDF after its first page, page furniture aside: each annex's label and
    title, and each section's numeral and title."""
    runs: list[list[str]] = []
    last_bold = False
    for page, line, chars in text_lines(PDF):
        text = " ".join(line.get_text().split())
        if page == 0 or _FURNITURE.match(text):
            continue
        bold = all("Bold" in c.fontname for c in chars if c.get_text().strip())
        if bold and not last_bold:
            runs.append([])
        if bold:
            runs[-1].append(text)
        last_bold = bold
    return runs


_NUMERAL = re.compile(r"^([IVX]+\.)\s+(\S.*)$")  # pdfminer reads a section's numeral and title as one line


def _annex_runs() -> list[list[str]]:
    """Each annex's label and title lines (a section's numeral and title under them left out)."""
    return [[x for x in run if not _NUMERAL.match(x)] for run in _bold_runs() if run[0].startswith("Annex")]


def test_an_annex_title_stops_where_its_first_paragraph_starts() -> None:
    res = _read("S_2024_557_pdftotext.txt")
    runs = _annex_runs()
    assert [run[0] for run in runs] == ["Annex I", "Annex II"]
    for annex, run in zip(res.annexes, runs, strict=True):
        assert _plain(annex.title) == " ".join(run[1:])
    first = res.annexes[0].paragraphs[0]
    assert _plain(first.text).startswith("The Focal Point is authorized to carry out the tasks")
    assert not first.numbered


def test_a_section_numeral_with_its_point_heads_the_paragraph_under_its_title() -> None:
    res = _read("S_2024_557_pdftotext.txt")
    numerals = [m.groups() for run in _bold_runs() for x in run if (m := _NUMERAL.match(x))]
    assert [mark for mark, _ in numerals] == ["I.", "II.", "III.", "IV."]
    annex = res.annexes[1]
    headings = [tuple(_plain(x) for x in p.heading.split("\n")) for p in annex.paragraphs if p.heading]
    assert headings == numerals
    assert not [p for p in annex.paragraphs if re.fullmatch(r"[IVX]+\.?", _plain(p.text))]


def test_a_title_in_capitals_stops_at_the_first_line_in_small_letters() -> None:
    """The title as pdfminer's reading of the layout sets it apart (a blank line under it): the lines between
    "Annex" and the first paragraph."""
    pdfminer = (FIXTURES / "S_2022_158_pdf.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, x in enumerate(pdfminer) if x.strip() == "Annex")
    title: list[str] = []
    for line in pdfminer[at + 2 :]:
        if not line.strip():
            break
        title.append(" ".join(line.split()))
    res = _read("S_2022_158_pdftotext.txt")
    assert len(res.annexes) == 1 and res.annexes[0].labelled
    assert _plain(res.annexes[0].title) == " ".join(title)
    assert _plain(res.annexes[0].paragraphs[0].text).startswith("The Houthis have engaged in acts")
