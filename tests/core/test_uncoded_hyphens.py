"""A hyphen the issued PDF prints without a character code (the UN's non-breaking hyphens) reaches the text as
U+FFFE when it is copied from a PDF viewer built on PDFium (Chrome's, Edge's). The reader gives it back as the
hyphen the PDF prints, never dropping it (which glued "high-level" into "highlevel" on export)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

from app import inline
from app.io.text_reader import read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
READING = FIXTURES / "reading"
PDFS = {p.stem: p for folder in ("reading", "page_flow") for p in (FIXTURES / folder).glob("*.pdf")}
LAYERS = sorted((READING / "pdfium").glob("*.txt"))  # PDFium's text layer of each issued PDF of the fixtures
_UNCODED = re.compile("([^\\W_]+)\ufffe([^\\W_]+)")


@cache
def _printed(stem: str) -> str:
    """The PDF's own text as pdfminer reads its characters, with runs of white space as one space."""
    return " ".join(extract_text(PDFS[stem]).split())


@pytest.mark.parametrize("layer", LAYERS, ids=lambda p: p.stem)
def test_an_uncoded_hyphen_reads_as_the_hyphen_the_pdf_prints(layer: Path) -> None:
    text = layer.read_bytes().decode("utf-8")  # as copied: CR LF kept
    uncoded = _UNCODED.findall(text)
    printed = _printed(layer.stem)
    res = read_text(text).resolution
    fields = [p.opener + " " + p.text + " " + p.tail for _, p in res.paragraphs()]
    fields += [p.text + " " + p.tail for p in res.annex_paragraphs()]
    fields += [note.text for note in res.footnotes.values()] + [res.title]
    read = " ".join(inline.plain(f) for f in fields)
    assert "\ufffe" not in read
    for left, right in uncoded:
        # the PDF sets a hyphen between the two parts (pdfminer may space it from them)
        assert re.search(rf"\b{left} ?- ?{right}\b", printed), (left, right)
        assert re.search(rf"\b{left}-{right}\b", read), (left, right)


def test_most_layers_hold_uncoded_hyphens() -> None:
    """The layers test the class: most of the issued PDFs print such hyphens."""
    assert sum(bool(_UNCODED.search(p.read_bytes().decode("utf-8"))) for p in LAYERS) > len(LAYERS) / 2


def test_a_noncharacter_elsewhere_is_dropped_and_glues_no_number() -> None:
    res = read_text(
        "The General Assembly,\n\n1. Calls for a high\ufffelevel meeting on COVID\ufffe19 in 2026 \ufffe;\n"
    ).resolution
    assert inline.plain(res.operative[0].text) == "a high-level meeting on COVID-19 in 2026"
