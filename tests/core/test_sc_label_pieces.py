"""Pieces of a justified line that pdfminer's text layer sets between a paragraph's number and its first line:
S/2022/158 ("2." / "future  via  a  political  process" / "that  includes  and  meets" / "Reaffirms  the  need
…"; fixture tests/fixtures/issued_sc/S_2022_158_pdf.txt, UNBench data/task2/2428/S_2022_158-EN.pdf, development
half). The paragraph keeps its number and opens as the original does (the draft's own text: S_2022_158_content.txt);
the pieces are kept as unplaced text with a note. A paragraph that really lacks its opener is still reported."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.text_reader import read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"
# a paragraph's number alone, a blank line, then a line in small letters: a piece set before the first line
PIECE_AFTER_NUMBER = re.compile(r"^(\d{1,3})\.\s*\n\s*\n([a-z][^\n]*?)\s*$", re.MULTILINE)


def _pdf() -> str:
    return (FIXTURES / "S_2022_158_pdf.txt").read_text(encoding="utf-8")


def _original(number: int) -> str:
    content = (FIXTURES / "S_2022_158_content.txt").read_text(encoding="utf-8")
    m = re.search(rf"^\s*{number}\.\s+(.+?)(?=^\s*{number + 1}\.\s)", content, re.MULTILINE | re.DOTALL)
    assert m
    return " ".join(m.group(1).split())


def test_pieces_between_a_number_and_its_paragraph_are_set_apart() -> None:
    text = _pdf()
    found = [(int(n), " ".join(piece.split())) for n, piece in PIECE_AFTER_NUMBER.findall(text)]
    assert found
    result = read_text(text)
    res = result.resolution
    unplaced = [" ".join(inline.plain(u).split()) for u in res.unplaced]
    for number, piece in found:
        original = _original(number)
        para = res.operative[number - 1]
        read = f"{para.opener} {inline.plain(para.text)}".split()
        assert read[:4] == original.split()[:4]  # "Reaffirms the need for", as the original opens
        assert piece in original and any(u.startswith(piece) for u in unplaced)
    assert [f for f in result.findings if f.rule == "import.unplaced"]
    assert not [f for f in check_document(res) if f.rule == "openers.operative-form"]


def test_a_paragraph_without_its_opener_is_still_reported() -> None:
    text = _pdf()
    number, _ = PIECE_AFTER_NUMBER.findall(text)[0]
    opener = _original(int(number)).split()[0]
    start = text.index(f"{number}. \n")
    at = text.index(f"{opener}  ", start)
    res = read_text(text[:at] + text[at + len(opener) + 2 :]).resolution
    assert [f for f in check_document(res) if f.rule == "openers.operative-form"]
