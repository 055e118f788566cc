"""A number in words broken at a printed line's end ("seventy-" / "ninth session") that pdftotext joins into
one line with a space ("at its seventy ninth session") reads as the PDF prints it, "seventy-ninth"; typed
"seventy ninth" on a line of its own is still a mistake the check names. The answer is the PDF's own lines
(pdfminer): the words it prints with a hyphen at a line end. Sources: tests/fixtures/reading/README.md."""

from __future__ import annotations

from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.formatting import cardinal_words, ordinal_words
from app.io.text_reader import read_text
from tests.pdf_lines import broken_at_line_ends

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_RES_78_89"
NUMBERS = {w for n in range(21, 100) if n % 10 for w in (cardinal_words(n), ordinal_words(n))}


def _broken_numbers(pdf: Path) -> list[str]:
    """The numbers in words the PDF breaks at a line's end: "seventy-" closing one line, "ninth" opening the next."""
    return [w for w in broken_at_line_ends(pdf, r"([a-z]+)", r"[a-z]+") if w in NUMBERS]


def _text(res: object) -> str:
    return " ".join(inline.plain(p.opener + " " + p.text) for _, p in res.paragraphs())  # type: ignore[attr-defined]


def test_a_number_broken_at_a_line_end_reads_hyphenated() -> None:
    broken = _broken_numbers(FIXTURES / f"{STEM}.pdf")
    assert broken, "the PDF breaks a number in words at a line end"
    layer = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert all(b.replace("-", " ") in layer for b in broken)  # pdftotext spaced it
    res = read_text(layer).resolution
    text = _text(res)
    assert all(b in text for b in broken)
    assert not [f for f in check_document(res) if f.rule == "dates.session-ordinal"]


def test_a_number_typed_with_a_space_is_still_flagged() -> None:
    """The same paragraph with the number typed "seventy ninth" on a printed line of its own: read as typed,
    and named by the check."""
    layer = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    broken = _broken_numbers(FIXTURES / f"{STEM}.pdf")[0]
    spaced = broken.replace("-", " ")
    lines = layer.split("\n")
    at = next(i for i, line in enumerate(lines) if spaced in line)
    head, _, tail = lines[at].partition(spaced)
    lines[at : at + 1] = [f"{head}{spaced}", tail.strip()]  # two lines of printed length: no join to undo
    res = read_text("\n".join(lines)).resolution
    assert spaced in _text(res)
    assert [f for f in check_document(res) if f.rule == "dates.session-ordinal"]
