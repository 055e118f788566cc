"""A paragraph number whose point the scanned text of an adopted Council resolution read as a comma: "4, Demands
that all parties …" between paragraphs 3 and 5 (S/RES/761 (1992)), "1, Decides to extend …" after the preamble
(S/RES/869 (1993)); fixtures tests/fixtures/issued_sc_adopted (CR-UNSC, development half). The paragraph was an
unnumbered one without an opener (or a preambular one, the operative part starting at 2). The expected answer is
the text's own line-start numbers, "N." or "N,", 1 to the last."""

from __future__ import annotations

import re
from pathlib import Path

from app.conventions.engine import check_document
from app.findings import Severity
from app.io.text_reader import read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc_adopted"


def _numbers(text: str) -> list[tuple[int, str]]:
    """(number, first word after it) of each line that a paragraph number opens, with its point or comma."""
    return [(int(n), w) for n, w in re.findall(r"^(\d{1,2})[.,] +([A-Z]\w+)", text, re.M)]


def _loud(text: str) -> list[str]:
    result = read_text(text)
    found = [*result.findings, *check_document(result.resolution)]
    return [f.rule for f in found if f.severity is not Severity.INFO]


def test_a_number_with_a_comma_numbers_its_paragraph() -> None:
    text = (FIXTURES / "S_RES_0761_1992.txt").read_text(encoding="utf-8")
    numbers = _numbers(text)
    assert [n for n, _ in numbers] == list(range(1, len(numbers) + 1)) and (4, "Demands") in numbers
    res = read_text(text).resolution
    assert [p.opener.split()[0] for p in res.operative] == [w for _, w in numbers]
    assert not _loud(text)


def test_the_first_number_with_a_comma_opens_the_operative_part() -> None:
    text = (FIXTURES / "S_RES_0869_1993.txt").read_text(encoding="utf-8")
    numbers = _numbers(text)
    assert numbers[0] == (1, "Decides")
    res = read_text(text).resolution
    assert [p.opener for p in res.operative] == [w for _, w in numbers]
    assert [p.opener for p in res.preamble] == ["Reaffirming", "Reiterating"]
    assert not _loud(text)


def test_a_comma_after_a_number_out_of_sequence_or_before_no_verb_stays_text() -> None:
    text = (FIXTURES / "S_RES_0761_1992.txt").read_text(encoding="utf-8")
    for wrong in ("7, Demands that all parties", "4, All parties"):
        res = read_text(text.replace("4, Demands that all parties", wrong, 1)).resolution
        assert [p.opener for p in res.operative].count("Demands") == 0
        assert "openers.operative-form" in {f.rule for f in check_document(res)}


def test_in_a_general_assembly_text_the_comma_stays_reported() -> None:
    """The Council's scans are where the class was seen: a GA text keeps the paragraph as written."""
    text = (FIXTURES / "S_RES_0761_1992.txt").read_text(encoding="utf-8")
    ga = text.replace("RESOLUTION 761 (1992)\n", "").replace("Security Council", "General Assembly")
    res = read_text(ga).resolution
    assert res.header.template != read_text(text).resolution.header.template
    assert "openers.operative-form" in {f.rule for f in check_document(res)}


def test_a_number_whose_digits_the_scan_read_as_letters_numbers_its_paragraph() -> None:
    """S/RES/789 (1992): "ll. Further requests …" between paragraphs 10 and 12 is paragraph 11, not an item "ll."
    of paragraph 10 (reported out of sequence, and 12 after 10)."""
    text = (FIXTURES / "S_RES_0789_1992.txt").read_text(encoding="utf-8")
    lines = re.findall(r"^(\d{1,2}|ll)\. +([A-Z]\w+(?: [a-z]+)?)", text, re.M)
    assert [n for n, _ in lines][9:12] == ["10", "ll", "12"]
    res = read_text(text).resolution
    assert len(res.operative) == len(lines) == 12
    assert res.operative[10].opener == "Further requests" and not res.operative[9].subparagraphs
    assert "import.numbering" not in {f.rule for f in read_text(text).findings}
