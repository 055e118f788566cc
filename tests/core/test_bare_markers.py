"""A note's marker that pdftotext sets as a number between two words ("the first 1 and second 2 annual progress
reports", "the draft resolution 7 submitted by", "Agenda 21 6 and", "resolution S-35/1 6 and"), read where the issued PDF prints the superscript: the notes'
order leaves it one place. The answer is the PDF's typography (`tests.pdf_lines.body_markers`: each superscript
number and the word it follows); sources in tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import inline
from app.findings import Severity
from app.io.text_reader import read_text
from app.model import Resolution
from tests.pdf_lines import body_markers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
# the words about the marker; before it a word, a name's own number ("Agenda 21") or a document's symbol
SET_APART = {
    "A_RES_78_16": "second 2 annual",
    "A_RES_80_71": "resolution 7 submitted",
    "A_C.2_80_L.35": "21 6 and",
    "A_RES_79_183": "S-35/1 6 and",
}


def _issued(stem: str) -> str:
    return (FIXTURES / "pdftotext" / f"{stem}.txt").read_text(encoding="utf-8")


def _words_before_notes(res: Resolution) -> list[str]:
    """The word each note's reference follows, in the notes' order."""
    out: list[str] = []
    for _, p in res.paragraphs():
        for field in (p.opener, p.text):
            for m in re.finditer(r"\[\^([^\]]+)\]", field):
                out.append(re.findall(r"\w+", inline.plain(field[: m.start()]))[-1])
    return out


@pytest.mark.parametrize("stem", sorted(SET_APART))
def test_a_number_set_apart_is_read_as_its_note_and_reported(stem: str) -> None:
    """The note's reference follows the word the PDF's superscript follows, and an INFO finding names where."""
    words = SET_APART[stem]
    label = words.split()[1]
    printed = dict(body_markers(FIXTURES / f"{stem}.pdf"))
    assert printed[label] == re.findall(r"\w+", words.split()[0])[-1]
    result = read_text(_issued(stem))
    assert _words_before_notes(result.resolution)[int(label) - 1] == printed[label]
    said = [f for f in result.findings if f.rule == "import.footnote-marker" and words in f.message]
    assert [f.severity for f in said] == [Severity.INFO]
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]


@pytest.mark.parametrize("stem", sorted(SET_APART))
def test_a_marker_really_missing_is_still_reported(stem: str) -> None:
    """With the number gone from the text, nothing else between the neighbouring markers is taken for it: the
    note is reported as placed by guess (a warning)."""
    words = SET_APART[stem]
    first, label, last = words.split()
    text = _issued(stem)
    assert words in text
    result = read_text(text.replace(words, f"{first} {last}", 1))
    unplaced = [f for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert [f.severity for f in unplaced] == [Severity.WARNING]
    assert f"footnote {label} " in unplaced[0].message


@pytest.mark.parametrize("stem", sorted(SET_APART))
def test_a_number_standing_twice_between_the_neighbours_is_no_marker(stem: str) -> None:
    """The same number set apart twice between the neighbouring notes' markers: neither is taken (the order
    cannot tell which), and the note is reported."""
    words = SET_APART[stem]
    text = _issued(stem)
    result = read_text(text.replace(words, f"{words} and {words}", 1))
    assert [f for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert not [f for f in result.findings if f.rule == "import.footnote-marker" and words in f.message]


def test_a_number_set_apart_at_a_line_end_is_read_as_its_note() -> None:
    """pdftotext sets the superscript at the end of a printed line ("… its seventy -fourth session 2" / "and the
    decisions …", A/RES/78/184, development half): the note's reference follows the word the UN's XML of the
    same resolution puts it after, with no space between."""
    from app.io.akn_reader import read_akn

    layers = FIXTURES / "layers"
    issued = read_akn((layers / "A_RES_78_184-2326027E.xml").read_bytes()).resolution
    result = read_text((layers / "A_RES_78_184-pdftotext.txt").read_text(encoding="utf-8"))
    assert _words_before_notes(result.resolution) == _words_before_notes(issued)
    assert "session[^" in result.resolution.preamble[0].text
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]
