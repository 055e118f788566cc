"""A compound broken across printed lines at its own hyphen ("confidence-" / "building") comes out of pdftotext
with the hyphen dropped and the next printed line joined on ("confidencebuilding arrangements …"). The reader
put the hyphen back only where the joined line was longer than a printed line or the paragraph's longest, and
only where the word split one way into two known words: "costsharing" (also "costs haring"),
"selfdetermination" (a word by its combining form) and any compound on a paragraph's short last line stayed
glued. Now the hyphen is the word's own where the document writes the compound with it elsewhere, or the word
lists hold the compound and not the closed form, or the word opens with a prefix the UN always hyphenates; a
word the lists hold closed ("peacebuilding") stays closed.

The texts are the UN's XML of adopted resolutions (tests/fixtures/akn), printed into lines as the PDFs break
them (a line breaks after a compound's hyphen when its first part fits) and given pdftotext's shape; each
paragraph must read back as the XML writes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import inline
from app.io.akn_reader import read_akn
from app.io.text_blocks import PRINTED_LINE_CHARS
from app.io.text_joining import LineJoiner
from app.spelling.lexicon import english

AKN = Path(__file__).resolve().parent.parent / "fixtures" / "akn"
FILES = sorted(p.name for p in AKN.glob("*.xml"))
WIDTH = 85  # characters of an L document's printed line (app.io.lost_hyphens.LINE_PITCH)
COMPOUND = re.compile(r"^([a-z]{2,})-([a-z]{3,})([,;:.]?)$")


def _printed(text: str, width: int = WIDTH) -> tuple[list[str], list[str]]:
    """`text` broken into printed lines, a compound breaking after its hyphen where its first part fits; and
    the compounds so broken."""
    lines: list[str] = []
    broken: list[str] = []
    line = ""
    for word in text.split():
        if not line or len(line) + 1 + len(word) <= width:
            line = f"{line} {word}".strip()
            continue
        m = COMPOUND.match(word)
        if m and len(line) + 2 + len(m.group(1)) <= width:
            lines.append(f"{line} {m.group(1)}-")
            broken.append(f"{m.group(1)}-{m.group(2)}")
            line = word[len(m.group(1)) + 1 :]
            continue
        lines.append(line)
        line = word
    return [*lines, line], broken


def _pdftotext(lines: list[str]) -> list[str]:
    """pdftotext's shape: a line ending in a compound's hyphen loses it and takes the next line on."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("\0"):
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
        if re.search(r"[a-z]-$", out[-1]):
            out[-1] = out[-1][:-1] + "\0"
    return [s.rstrip("\0") for s in out]


def _paragraphs(name: str) -> list[str]:
    res = read_akn((AKN / name).read_bytes()).resolution
    tops = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    nodes = [node for p in tops for node in p.walk()]
    return [inline.plain(n.text).replace("\u2011", "-") for n in nodes if len(n.text) > 2 * WIDTH]


def _read(name: str) -> tuple[list[tuple[str, str, list[str]]], str]:
    """(the XML's paragraph, as read back from its pdftotext shape, the compounds broken at a line end) of each
    paragraph; and the document's pdftotext lines."""
    shapes = []
    for text in _paragraphs(name):
        lines, broken = _printed(text)
        shapes.append((text, _pdftotext(lines), broken))
    joiner = LineJoiner(extracted=True, broken_words=True, wrapped=True)
    joiner.lines = [line for _, lines, _ in shapes for line in lines]
    return [(text, joiner.join(lines), broken) for text, lines, broken in shapes], "\n".join(joiner.lines)


@pytest.mark.parametrize("name", FILES)
def test_a_compound_the_document_hyphenates_elsewhere_keeps_its_hyphen(name: str) -> None:
    read, layer = _read(name)
    written = {c for _, _, broken in read for c in broken if re.search(rf"\b{c}\b", layer)}  # whole elsewhere
    if not any(broken for _, _, broken in read):
        pytest.skip("no compound ends a printed line")
    for text, got, broken in read:
        for compound in set(broken) & written:
            assert got.count(compound) == text.count(compound), compound


@pytest.mark.parametrize("name", FILES)
def test_no_word_the_xml_writes_closed_gets_a_hyphen(name: str) -> None:
    for text, got, _ in _read(name)[0]:
        xml_words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text))
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", got):
            assert word in xml_words or word.replace("-", "") not in xml_words, word


FILLER = (
    "the Secretary-General to provide complete details of the potential arrangements regarding the design, "
    "construction, project management and operational costs of the premises in the context of the next report"
).split()


def _last_line_shape(head: str, tail: str) -> list[str]:
    """A paragraph whose last printed line is short ("building."), its compound broken at the line before
    ("… confidence-"): pdftotext's joined line is no longer than a printed line and shorter than the
    paragraph's first, so neither length says that two printed lines were joined."""
    words: list[str] = []
    for word in FILLER[13:]:
        if len(" ".join([*words, word, head])) > WIDTH:
            break
        words.append(word)
    joined = " ".join([*words, head]) + tail
    first = "Requests"
    for word in FILLER:
        if len(first) > len(joined):
            break
        first += " " + word
    return [first, joined]


@pytest.mark.parametrize(
    ("glued", "compound"), [("confidencebuilding", "confidence-building"), ("costsharing", "cost-sharing")]
)
def test_a_listed_compound_on_a_short_joined_line_keeps_its_hyphen(glued: str, compound: str) -> None:
    assert english().listed(compound) and not english().listed(glued)
    head, tail = compound.split("-")
    lines = _last_line_shape(head, f"{tail}.")
    assert f" {glued}." in lines[1] and len(lines[0]) > len(lines[1]) <= PRINTED_LINE_CHARS
    joiner = LineJoiner(extracted=True, broken_words=True, wrapped=True, lines=lines)
    assert joiner.join(lines).endswith(f" {compound}.")


def test_a_word_the_lists_hold_closed_stays_closed_where_a_line_ends() -> None:
    assert english().listed("peacebuilding")
    lines = _last_line_shape("peace", "building.")
    joiner = LineJoiner(extracted=True, broken_words=True, wrapped=True, lines=lines)
    assert joiner.join(lines).endswith(" peacebuilding.")
