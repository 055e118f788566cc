"""A name is no compound whose hyphen a PDF's text layer dropped. pdftotext joins S/2018/257's printed lines
into long ones and "Keating" (Michael Keating, the Special Representative) sits where a printed line ended;
"kea" and "ting" are both dictionary words, and the repair made it "Kea-ting". The answer is the draft's own
text (UNBench's `Content` of the same draft): every compound the reader hyphenates again is hyphenated there,
and no word it writes whole comes back cut."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.lost_hyphens import restore_hyphens
from app.io.text_reader import read_text
from app.spelling.lexicon import Lexicon

ISSUED = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"
_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")


def test_the_reader_hyphenates_only_what_the_draft_writes_with_a_hyphen() -> None:
    written = (ISSUED / "S_2018_257_content.txt").read_text(encoding="utf-8")
    res = read_text((ISSUED / "S_2018_257_pdftotext.txt").read_text(encoding="utf-8")).resolution
    read = " ".join(inline.plain(p.opener + " " + p.text + " " + p.tail) for _, p in res.paragraphs())
    whole = set(re.findall(r"(?<![\w-])[^\W\d_]+(?![\w-])", written))
    cut = [c for c in _COMPOUND.findall(read) if c.replace("-", "") in whole and c not in written]
    assert cut == []
    assert "Keating" in read


def test_a_compound_with_a_capital_still_gets_its_hyphen() -> None:
    # a piece in lower case after a capital one is no name: "Non-nuclearweapon" (A/C.1 drafts through pdftotext)
    known = Lexicon((), "en").known
    fixed, restored = restore_hyphens(("x" * 80) + " Non-nuclearweapon States", known)
    assert "Non-nuclear-weapon States" in fixed and restored == ["Non-nuclear-weapon"]
    # and a name cut at a printed line's end stays whole
    assert restore_hyphens(("x" * 80) + " Keating said", known) == (("x" * 80) + " Keating said", [])
