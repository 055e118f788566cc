"""A note's marker after a cited resolution's year and the full stop of its sentence, "pursuant to resolution 1267
(1999). 1  Petitioners seeking …" (S/2024/557, annex I, as pdfminer reads the issued PDF's text layer: fixture
tests/fixtures/issued_sc/S_2024_557_pdf.txt, the PDF beside it, from UNBench data/task1/1956/S_2024_557-EN.pdf,
development half). The answer is the PDF's typography (`tests.pdf_lines.body_markers`: each superscript number
and the word it follows; `footnotes`: the notes' text)."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.findings import Severity
from app.io.text_reader import read_text
from app.model import Resolution
from tests.pdf_lines import body_markers, footnotes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"
PDF = FIXTURES / "S_2024_557.pdf"


def _text() -> str:
    return (FIXTURES / "S_2024_557_pdf.txt").read_text(encoding="utf-8")


def _word_before(res: Resolution, note_start: str) -> str:
    """The word the reference to the note that opens with `note_start` follows."""
    ids = [key for key, note in res.footnotes.items() if note.text.startswith(note_start)]
    assert len(ids) == 1
    paragraphs = [p for _, items in res.lists() for top in items for p in top.walk()]
    paragraphs += [p for annex in res.annexes for top in annex.paragraphs for p in top.walk()]
    for para in paragraphs:
        for field in (para.text, para.tail):
            at = field.find(inline.footnote_ref(ids[0]))
            if at >= 0:
                return re.findall(r"\w+", inline.plain(field[:at]))[-1]
    return ""


def _after_year() -> tuple[str, str, str]:
    """The note whose marker follows a year in the PDF: its label, the year and the note's first words."""
    notes = dict(footnotes(PDF))
    label, year = next(
        (label, word) for label, word in body_markers(PDF) if re.fullmatch(r"(19|20)\d\d", word)
    )
    return label, year, " ".join(notes[label].split()[:4])


def test_a_marker_after_a_cited_year_and_a_full_stop_is_read() -> None:
    label, year, note = _after_year()
    text = _text()
    assert re.search(rf"\({year}\)\.\s+{label}\s", text)  # the marker as the text layer sets it
    result = read_text(text)
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert _word_before(result.resolution, note) == year


def test_a_marker_really_missing_after_a_cited_year_is_still_reported() -> None:
    label, year, _ = _after_year()
    text = re.sub(rf"(\({year}\)\.)\s+{label}\s", r"\1 ", _text(), count=1)
    unplaced = [f for f in read_text(text).findings if f.rule == "import.footnote-unplaced"]
    assert [f.severity for f in unplaced] == [Severity.WARNING]
    assert f"footnote {label} " in unplaced[0].message
