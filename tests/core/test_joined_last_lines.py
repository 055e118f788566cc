"""A paragraph's last printed line that pdftotext joins to the line before when a hyphen ends that one
(A/C.6/80/L.18: "… prepared by the Secretary-" / "General,³" printed, "… prepared by the Secretary General, 3"
one line of pdftotext's text, no longer than a printed line but longer than the paragraph's other line): the
compound is read as the PDF prints it, its answer taken from the same PDF's MuPDF layer (which keeps the
hyphen at the line end). Sources in tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.lost_hyphens import hyphened_only
from app.io.text_blocks import PRINTED_LINE_CHARS
from app.io.text_reader import read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_C.6_80_L.18"
JOINED = "tribunals and other bodies referring to the articles, prepared by the Secretary General, 3"


def _layer() -> str:
    text = (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert text.count(JOINED + "\n") == 1
    return text


def _said(text: str) -> tuple[str, list[str]]:
    """The paragraphs read, as plain text, and the rules the check fires."""
    res = read_text(text).resolution
    plain = " ".join(inline.plain(p.opener + " " + p.text) for _, p in res.paragraphs())
    return plain, [f.rule for f in check_document(res)]


def test_a_compound_the_joined_last_line_spaced_is_read_as_printed() -> None:
    mupdf = (FIXTURES / f"{STEM}.txt").read_text(encoding="utf-8")
    printed = re.search(r"prepared by the (\S+)-\s*\n\s*(\w+)", mupdf)
    assert printed and printed.groups() == ("Secretary", "General")
    plain, rules = _said(_layer())
    assert f"prepared by the {printed[1]}-{printed[2]}" in plain
    assert "UN.SecretaryGeneral" not in rules


def test_a_spaced_title_in_a_last_line_no_longer_than_the_others_is_still_named() -> None:
    """The same words in a last line shorter than the line before it are a last line as printed: a slip the
    check names."""
    shorter = "tribunals and other bodies, prepared by the Secretary General, 3"
    plain, rules = _said(_layer().replace(JOINED, shorter))
    assert "prepared by the Secretary General" in plain
    assert "UN.SecretaryGeneral" in rules


def test_a_pair_ending_a_full_line_is_no_evidence_of_a_spaced_form() -> None:
    """The joined line's "Secretary General" does not count as the document writing the title with a space:
    with one line that writes it with a hyphen, the hyphen is the document's form."""
    lines = _layer().splitlines()
    hyphened = next(line for line in lines if "Secretary-General" in line and len(line) <= PRINTED_LINE_CHARS)
    assert "secretary-general" in hyphened_only([hyphened, JOINED], PRINTED_LINE_CHARS)
    # the same words in a short line, a line of its own: one spaced against one hyphened, no form stands out
    short = JOINED[JOINED.index("prepared") :]
    assert "secretary-general" not in hyphened_only([hyphened, short], PRINTED_LINE_CHARS)
