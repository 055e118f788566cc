"""Compounds whose hyphen a PDF's text layer dropped at a line end: "capacity-\\nbuilding" comes out of
pdftotext, and the PDF viewers built on Poppler, as "capacitybuilding", the hyphen taken for a word break.

A word that the word lists (the dictionary and the UN's lists: "peacebuilding" is a word) do not know gets its
hyphen back where it splits into two words they know, when there is one such split only. Acronyms
("UNCITRAL") and words the lists know stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
MIN_LEFT, MIN_RIGHT = 2, 4  # "age-sensitive", "work-life"; not "respond-eat" (Latin "respondeat")
# prefixes written with a hyphen ("non-nuclear-weapon"), and the small words inside a compound of three
# ("whole-of-society", "out-of-pocket"); a compound never opens with an article or a conjunction
PREFIXES = frozenset("non anti co pre post self multi inter intra sub semi socio cross".split())
INNER = frozenset("of to in on by up".split())
TAILS = frozenset("up out off how down over back".split())  # "follow-up", "know-how", "trade-off"
NEVER_FIRST = frozenset("the a an and or of to in on at by for with from as is it that this".split())


def restore_hyphens(text: str, known: Callable[[str], bool]) -> tuple[str, list[str]]:
    """`text` with dropped hyphens restored, and the compounds restored. `known(word)`: a word of the lists."""
    restored: list[str] = []

    def word(piece: str) -> bool:  # the document's own words would take the joined word itself for one
        return piece.lower() in PREFIXES or known(piece.lower())

    def fix(m: re.Match[str]) -> str:
        parts = m.group(0).split("-")
        if len(m.group(0)) < 5 or sum(c.isupper() for c in m.group(0)) > 1 or all(word(p) for p in parts):
            return m.group(0)  # short, an acronym ("UNCITRAL"), or all words
        fixed = [p if word(p) else _split(p, word, len(parts) > 1) for p in parts]
        if any(p is None for p in fixed):
            return m.group(0)
        compound = "-".join(p for p in fixed if p is not None)
        restored.append(compound)
        return compound

    return _COMPOUND.sub(fix, text), restored


def _split(piece: str, word: Callable[[str], bool], inner: bool) -> str | None:
    """`piece` as two words joined by a hyphen, or None when no single split stands out. `inner`: the piece
    is part of a longer compound, where a small word may end it ("wholeof" in "wholeof-society")."""
    splits = [
        (piece[:k], piece[k:])
        for k in range(MIN_LEFT, len(piece) - 1)
        if word(piece[:k])
        and word(piece[k:])
        and (piece[:k].lower() not in NEVER_FIRST or (inner and piece[:k].lower() in INNER))
    ]
    likely = [
        f"{a}-{b}"
        for a, b in splits
        if len(b) >= MIN_RIGHT or b.lower() in TAILS or (inner and b.lower() in INNER)
    ]
    return likely[0] if len(likely) == 1 else None
