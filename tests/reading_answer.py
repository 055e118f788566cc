"""A draft's paragraphs as read, set against the paragraph starts its issued PDF's typography marks
(`tests.core.test_corpus_import.pdf_expected`): shared by the reading test and `scripts/reading_l.py`."""

from __future__ import annotations

import difflib
import re

from app import lexicon
from app.model import Part, Resolution
from tests.core.test_corpus_import import _norm, _plain

KEPT = 3  # words of a paragraph's start compared: a PDF line may stop early (a justified line split at a gap)

Entry = tuple[str, str, str]  # ("p" preamble or "o" operative, opener, plain text)


def read_entries(res: Resolution) -> list[Entry]:
    """Every part's paragraphs (no tables) in order; as in the PDF's answer, one after the first operative one is operative
    (a section's own preamble, a later part's preamble)."""
    # a table read from an opened PDF's grid is no paragraph the PDF's typography starts (test_pdf_grid.py)
    got = [("p", p.opener, _plain(p)) for p in res.preamble if not p.is_table] + [
        ("o", p.opener, _plain(p)) for p in res.operative if not p.is_table
    ]
    for body in res.later_parts:
        got += [("o", p.opener, _plain(p)) for p in (*body.preamble, *body.operative) if not p.is_table]
    return got


def pdf_entries(want: dict[str, list]) -> list[Entry]:
    """The PDF's paragraphs in order. A resolution of one operative paragraph prints it unnumbered at the
    preamble's indent ("*Adopts* the Doha Political Declaration …"): typography cannot tell it from a
    preambular paragraph, its operative opener can."""
    pre = [("p", o, _norm(t)) for o, t in want["preamble"]]
    ops = [("o", o, _norm(t)) for o, t in want["operative"]]
    if not ops and pre and _operative_only(pre[-1][1]):
        ops, pre = [("o", *pre[-1][1:])], pre[:-1]
    return pre + ops


def _operative_only(opener: str) -> bool:
    return lexicon.is_known(opener, Part.OPERATIVE) and not lexicon.is_known(opener, Part.PREAMBLE)


def key(entry: Entry) -> str:
    """The list and the first words, without the punctuation and note numbers glued to them ("Recalls:",
    "invitation7")."""
    kind, _, text = entry
    words = [re.sub(r"(?<=[^\W\d])\d+$", "", w).strip(",;:.") for w in text.split()[:KEPT]]
    return f"{kind}:{' '.join(words)}"


def pairs(got: list[Entry], want: list[Entry]) -> list[tuple[int, int]]:
    """(index in got, index in want) of the paragraphs of `want` matched, in order, by a paragraph of `got` in
    the same list with the same first words (or words that go on where the PDF's line stopped)."""
    g, w = [key(e) for e in got], [key(e) for e in want]
    out = []
    for tag, g0, g1, w0, w1 in difflib.SequenceMatcher(None, g, w, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and g1 - g0 == w1 - w0):
            out += [
                (i, j) for i, j in zip(range(g0, g1), range(w0, w1), strict=True) if g[i].startswith(w[j])
            ]
    return out
