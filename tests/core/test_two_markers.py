"""Two notes' markers at one place, which pdftotext sets as a number spaced after the comma and the next glued
after a comma of its own (A/80/L.18: "in a single conflict, 10,11", the PDF printing "conflict,¹⁰,¹¹"): both
are read after the word the PDF's superscripts follow (`tests.pdf_lines.body_markers`). Sources in
tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.text_reader import read_text
from tests.pdf_lines import body_markers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_80_L.18"
PLACE = "in a single conflict, 10,11"


def _layer() -> str:
    text = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert text.count(PLACE) == 1
    return text


def _unplaced(text: str) -> list[str]:
    found = read_text(text).findings
    return [f.message.split(" (")[0] for f in found if f.rule == "import.footnote-unplaced"]


def test_two_markers_after_one_comma_are_both_read_where_the_pdf_prints_them() -> None:
    printed = dict(body_markers(FIXTURES / f"{STEM}.pdf"))
    assert printed["10"] == printed["11"] == "conflict"
    res = read_text(_layer()).resolution
    text = next(p.text for _, p in res.paragraphs() if "single conflict" in p.text)
    refs = [m.start() for m in re.finditer(r"\[\^[^\]]+\]", text)]
    words = [re.findall(r"\w+", inline.plain(text[:at]))[-1] for at in refs]
    assert words[-2:] == [printed["10"], printed["11"]]
    assert _unplaced(_layer()) == []


def test_a_number_with_a_thousands_comma_is_no_marker() -> None:
    """ "10,111" is a number, not notes 10 and 11: both are reported as not found."""
    assert _unplaced(_layer().replace(PLACE, "in a single conflict, 10,111")) == [
        "footnote 10",
        "footnote 11",
    ]
