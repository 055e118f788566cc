"""A word that a justified PDF line sets apart with a space, where its last piece carries a possessive ("the
Scientific Com mittee’s global survey", A/RES/78/71) or a note's marker glued after its comma ("the report of
the meetin g,10 confirmed", A/RES/78/67, as pdftotext gives it) or into two dictionary words one of which no
resolution uses ("the Program me of Action", A/RES/78/190), is read whole. The answer is the UN's XML of
the same resolutions (github.com/UNxml/GAresolutions, 78session/English), where the words stand whole; a pair
of words that are words each ("in to", "an other") stays apart. Sources in tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.akn_reader import read_akn
from app.io.spaced_words import close_up
from app.io.text_reader import read_text
from app.model import Resolution
from app.spelling.lexicon import english

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"
CASES = {  # stem: (UN XML, the words the layer sets apart, the word the XML prints)
    "A_RES_78_71": (
        "A_RES_78_71-2324921E.xml",
        "Scientific Com mittee’s global",
        "Scientific Committee’s global",
    ),
    "A_RES_78_67": ("A_RES_78_67-2324439E.xml", "report of the meetin g,", "report of the meeting,"),
    # two pieces that are words of a dictionary each, one of them no word a resolution uses
    "A_RES_78_190": ("A_RES_78_190-2326049E.xml", "86 of the Program me of", "86 of the Programme of"),
}


def _words(res: Resolution) -> str:
    paragraphs = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    return " ".join(inline.plain(p.opener + " " + p.text + " " + p.tail) for p in paragraphs)


def test_a_broken_word_with_a_possessive_or_a_marker_is_read_whole() -> None:
    for stem, (xml, apart, whole) in CASES.items():
        layer = (LAYERS / f"{stem}-pdftotext.txt").read_text(encoding="utf-8")
        assert apart in layer
        issued = _words(read_akn((LAYERS / xml).read_bytes()).resolution)
        read = _words(read_text(layer).resolution)
        assert whole in issued and apart not in issued
        assert whole in read and apart not in read


def test_words_that_stand_alone_are_not_closed_up() -> None:
    known = english().known
    for text in (
        "came in to the room’s centre",
        "an other’s view,10 of",
        "the States’ rights",
        "so help me God",
    ):
        assert close_up(text, set(), known) == (text, [])
    assert re.search(r"\bmeeting,10\b", close_up("of the meetin g,10 confirmed", set(), known)[0])
