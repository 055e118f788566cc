"""Note numbers as issued notes set them: every number ends at the same place, "10" starting left of "9", and
the text at the body column. The positions are read from the issued A/C.4/80/L.8 (tests/fixtures/reading), which
has notes 1 to 16, and compared with the PDF export of its text and with the indents the .docx export gives
each note."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

from app.io.docx_layout import layout_for_paper
from app.io.docx_writer import write_docx
from app.io.text_reader import read_text
from widgets.pdf_export import write_pdf

READING = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
ISSUED, TEXT = READING / "A_C.4_80_L.8.pdf", READING / "A_C.4_80_L.8.txt"
NUMBER_SIZE = (5.0, 6.2)  # points: a note's superscript number, smaller than any text


def note_numbers(pdf: Path) -> dict[int, tuple[float, float, float]]:
    """By digit count, the (start, end) of note numbers that open a line and where the text after them starts,
    as most notes of the PDF have them."""
    seen: dict[int, list[tuple[float, float, float]]] = {}
    for page in extract_pages(str(pdf)):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in [box] if isinstance(box, LTTextLine) else box:
                chars = [c for c in line if isinstance(c, LTChar) and not c.get_text().isspace()]
                digits = []
                for c in chars:
                    if not (c.get_text().isdigit() and NUMBER_SIZE[0] <= c.size <= NUMBER_SIZE[1]):
                        break
                    digits.append(c)
                rest = chars[len(digits) :]
                if digits and rest and rest[0].size > NUMBER_SIZE[1]:
                    seen.setdefault(len(digits), []).append((digits[0].x0, digits[-1].x1, rest[0].x0))
    return {n: max(set(v), key=v.count) for n, v in seen.items()}


@pytest.fixture(scope="module")
def issued() -> dict[int, tuple[float, float, float]]:
    found = note_numbers(ISSUED)
    assert {1, 2} <= set(found), "the issued draft has notes numbered with one and two digits"
    return found


def test_the_pdf_export_sets_note_numbers_as_issued(qapp, tmp_path: Path, issued) -> None:  # noqa: ANN001
    out = tmp_path / "l8.pdf"
    write_pdf(read_text(TEXT.read_text(encoding="utf-8")).resolution, out)
    ours = note_numbers(out)
    for digits, (start, end, text) in issued.items():
        assert ours[digits][0] == pytest.approx(start, abs=0.6), digits
        assert ours[digits][1] == pytest.approx(end, abs=0.6), digits
        assert ours[digits][2] == pytest.approx(text, abs=0.6), digits


def test_the_docx_export_hangs_each_number_where_the_issued_one_starts(tmp_path: Path, issued) -> None:
    res = read_text(TEXT.read_text(encoding="utf-8")).resolution
    out = tmp_path / "l8.docx"
    write_docx(res, out)
    layout = layout_for_paper("letter")
    style = layout.styles["footnote_text"]
    notes = zipfile.ZipFile(out).read("word/footnotes.xml").decode()
    starts: dict[int, set[float]] = {}
    for note in re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', notes):
        hang = re.search(r'<w:ind [^>]*w:hanging="(\d+)"', note[1])
        first = style.left - (int(hang.group(1)) / 20 if hang else -style.first_line)
        if "<w:footnoteRef/>" in note[1]:
            starts.setdefault(len(str(int(note[0]) - 1)), set()).add(layout.page.left + first)
    for digits, (start, _, _) in issued.items():
        assert starts[digits] and all(x == pytest.approx(start, abs=0.6) for x in starts[digits]), digits
