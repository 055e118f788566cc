"""Compounds with capitals, broken at their own hyphen where a printed line ends ("Non-Self-" / "Governing",
"Euro-" / "Mediterranean", "Self-" / "Government"): pdftotext drops the hyphen and glues the next line on
("Non-SelfGoverning"), and the reader left them glued unless the same text wrote the compound whole elsewhere;
text copied from one paragraph has no elsewhere. A prefix the UN hyphenates (non, self, cross, co …) or a
combining form in -o (Euro, Indo, Ibero, Afro) glued to a capitalized word now gets its hyphen back; a name of
two words ("SaferGuard") still does not (tests/core/test_pdftotext_classes.py).

And the other side: where a document prints a word both ways, its text decides which one a line end hides.
A/80/L.34 prints "noncommunicable" some ninety times and "non-communicable" once, in a title it quotes; the
reader wrote nine of its "noncommunicable" hyphenated, where a printed line happened to end inside them.

The texts are the UN's XML of adopted resolutions (tests/fixtures/hyphens, development half), printed into
lines as the PDFs break them and given pdftotext's shape; each paragraph read back alone must write each such
compound as the XML does. The L document is the PDF itself (tests/fixtures/reading), held to its own text layer.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app import inline, storage
from app.io.akn_reader import read_akn
from app.io.lost_hyphens import PREFIXES
from app.io.reading import read_document
from app.io.text_joining import LineJoiner

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HYPHENS = FIXTURES / "hyphens"
FILES = sorted(p.name for p in HYPHENS.glob("*.xml"))
WIDTH = 85  # characters of a printed line (app.io.lost_hyphens.LINE_PITCH)
# a compound with a capital on both sides of its last hyphen: "Non-Self-Governing", "Euro-Mediterranean"
CAPITAL = re.compile(r"^((?:[A-Z][a-z]+-)+)([A-Z][a-z]{2,})([,;:.]?)$")


def _prefixed(word: str) -> bool:
    """The class: the piece before the break is a prefix the UN hyphenates ("Self-", "Non-", "Co-") or a
    combining form in -o ("Euro-", "Indo-"); two words ("Israeli-Palestinian", "Secretary-General") are the
    document's to settle (hyphened pairs), as a name ("SaferGuard") is."""
    m = CAPITAL.match(word)
    if not m:
        return False
    piece = m.group(1).rstrip("-").rpartition("-")[2].lower()
    return piece in PREFIXES or (len(piece) >= 3 and piece.endswith("o"))


def _pdftotext(lines: list[str]) -> list[str]:
    """pdftotext's shape: a line ending in a compound's hyphen loses it and takes the next line on."""
    out: list[str] = []
    glue = False
    for line in lines:
        if glue:
            out[-1] += line
        else:
            out.append(line)
        glue = bool(re.search(r"[a-z]-$", out[-1]))
        if glue:
            out[-1] = out[-1][:-1]
    return out


def _paragraphs(name: str) -> list[str]:
    res = read_akn((HYPHENS / name).read_bytes()).resolution
    tops = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    texts = [inline.plain(p.opener + " " + n.text) for p in tops for n in p.walk()]
    return [t.replace("\u2011", "-") for t in texts]


def _broken_at(words: list[str], i: int) -> list[str]:
    """Two printed lines of a paragraph's words, the first ending in word `i`'s head ("… of the Non-Self-"),
    the second opening with its last piece ("Governing Territories …")."""
    m = CAPITAL.match(words[i])
    assert m
    before = words[:i]
    first = " ".join(before)
    while len(first) + 1 + len(m.group(1)) > WIDTH:
        before = before[1:]
        first = " ".join(before)
    second = [m.group(2) + m.group(3)]
    for word in words[i + 1 :]:
        if len(" ".join([*second, word])) > WIDTH:
            break
        second.append(word)
    return [f"{first} {m.group(1)}".strip(), " ".join(second)]


@pytest.mark.parametrize("name", FILES)
def test_a_capitalized_compound_broken_at_its_hyphen_reads_as_printed(name: str) -> None:
    seen = 0
    for text in _paragraphs(name):
        words = text.split()
        for i, word in enumerate(words):  # each compound at a line's end in turn, as the PDF may set it
            if not _prefixed(word) or len(" ".join(words[:i])) < WIDTH // 2:
                continue
            seen += 1
            lines = _pdftotext(_broken_at(words, i))
            joiner = LineJoiner(extracted=True, broken_words=True, wrapped=True, lines=lines)
            got = joiner.join(lines)
            compound = word.strip(",;:.")
            assert compound in got, (compound, lines, got)
    assert seen  # the file holds such compounds, each read broken at a line's end


L34 = FIXTURES / "reading" / "A_80_L.34.pdf"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_a_word_the_document_prints_closed_stays_closed_where_a_line_ends() -> None:
    """Each form as often in the reading as in the PDF's text layer."""
    layer = subprocess.run(["pdftotext", str(L34), "-"], capture_output=True, text=True, check=True).stdout
    hyphened = len(re.findall(r"(?i)\bnon-communicable\b", layer))
    closed = len(re.findall(r"(?i)\bnoncommunicable\b", layer))
    assert closed > 10 * hyphened > 0  # the document writes both, the closed one far more often
    read = json.dumps(storage.to_dict(read_document(L34).resolution), ensure_ascii=False)
    assert len(re.findall(r"(?i)\bnon-communicable\b", read)) <= hyphened
    assert len(re.findall(r"(?i)\bnoncommunicable\b", read)) >= closed - 1  # the title may be the header's


def test_a_line_broken_word_takes_the_form_the_document_prints_more() -> None:
    """Text copied with its printed lines: "non-" / "communicable" is the closed word in a text that prints
    it closed more often, and the compound in a text that prints the compound more often."""
    closed_text = ["noncommunicable diseases are a burden;"] * 3 + ["the non-communicable disease report;"]
    hyphen_text = ["non-communicable diseases are a burden;"] * 3 + ["the noncommunicable disease report;"]
    for lines, expected in ((closed_text, "noncommunicable"), (hyphen_text, "non-communicable")):
        joiner = LineJoiner(lines=[*lines, "the prevention of non-", "communicable diseases"])
        assert joiner.join(["the prevention of non-", "communicable diseases"]) == (
            f"the prevention of {expected} diseases"
        )


def test_a_prefix_glued_to_an_acronym_where_a_line_ends_gets_its_hyphen() -> None:
    """ "post-" / "COVID-19" reads "postCOVID-19" (the dev half of the round trip read three such, A/RES/75/223, 77/160 and 77/166, glued)."""
    first = "Recognizing the need for a sustainable and resilient recovery in the context of the post-"
    second = "COVID-19 pandemic and the role of transport and logistics in it"
    lines = _pdftotext([first, second])
    assert "postCOVID-19" in lines[0]
    joiner = LineJoiner(extracted=True, broken_words=True, wrapped=True, lines=lines)
    assert "the post-COVID-19 pandemic" in joiner.join(lines)
