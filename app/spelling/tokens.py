"""Words worth spell-checking in a plain string, with the stretches that are not words masked out.

Not checked as words: document symbols (A/C.1/79/L.43, S/2024/302), URLs and e-mail addresses, anything joined
to digits (COVID-19, 3rd), acronyms and other words with inner capitals (UNDP, PrepCom), roman numerals, single
letters, and text in quotation marks (titles of items and documents, quoted wording), where only slips of the
keyboard are looked for (`quoted_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

_LETTER = r"[^\W\d_\u00b2\u00b3\u00b9\u2070-\u209f]"  # \w letters less superscript and subscript figures
WORD = re.compile(_LETTER + r"+(?:['’\u2011-]" + _LETTER + r"+)*")
_MASKS = (
    # URLs, symbols (A/RES/78/45), and/or; a URL that a line break in PDF text cut after a slash runs on into the
    # next path-like word: "www.un.org/depts/los/ fish_stocks_agreement.htm"
    ("/", re.compile(r"(?:https?://|www\.)\S+(?:(?<=/)\s+[^\s/]*[._][^\s]*)?|(?<![^\s/])[^\s/]*\w/\w\S*")),
    ("@", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),  # e-mail addresses
    ("www.", re.compile(r"www\.\S+")),
    ("“", re.compile(r"“[^”\n]{0,400}”")),  # quoted titles and wording
    ('"', re.compile(r'"[^"\n]{0,400}"')),
    ("‘", re.compile(r"‘[^’\n]{0,200}’(?!\w)")),
)
_Item = TypeVar("_Item", bound=tuple)
_ROMAN = re.compile(r"(?=[ivxlc]+$)(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Stretches in quotation marks: titles of items, decisions and documents, and wording quoted as written."""
    return [
        m.span() for key, pattern in _MASKS if key in '“"‘' and key in text for m in pattern.finditer(text)
    ]


def masked_ranges(text: str) -> list[tuple[int, int]]:
    return [m.span() for key, pattern in _MASKS if key in text for m in pattern.finditer(text)]


def outside(items: Iterable[_Item], ranges: Iterable[tuple[int, int]]) -> Iterator[_Item]:
    """The (start, end, ...) items, given in text order, that overlap none of the ranges (linear time: a huge
    paragraph with many italic or quoted stretches must not take quadratic time)."""
    merged: list[list[int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    at = 0
    for item in items:
        start, end = item[0], item[1]
        while at < len(merged) and merged[at][1] <= start:
            at += 1
        if at < len(merged) and merged[at][0] < end:
            continue
        yield item


def words(text: str, skip: tuple[tuple[int, int], ...] = ()) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each token to check; `skip` adds ranges not to check (italic titles)."""
    spans = ((m.start(), m.end(), m.group()) for m in WORD.finditer(text))
    yield from _checkable(text, outside(spans, masked_ranges(text) + list(skip)))


def quoted_words(text: str, skip: tuple[tuple[int, int], ...] = ()) -> Iterator[tuple[int, int, str]]:
    """The tokens `words` leaves out for standing in quotation marks (and in nothing else it masks)."""
    quoted: list[tuple[int, int]] = []
    for a, b in sorted(quoted_ranges(text)):  # in text order, overlaps merged: `outside` needs both
        if quoted and a < quoted[-1][1]:
            quoted[-1] = (quoted[-1][0], max(b, quoted[-1][1]))
        else:
            quoted.append((a, b))
    others = [r for key, pattern in _MASKS if key not in '“"‘' and key in text for r in _spans(pattern, text)]
    spans = ((m.start(), m.end(), m.group()) for a, b in quoted for m in WORD.finditer(text, a, b))
    yield from _checkable(text, outside(spans, others + list(skip)))


def _spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    return (m.span() for m in pattern.finditer(text))


def _checkable(text: str, spans: Iterable[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    for start, end, word in spans:
        if (
            start
            and (
                text[start - 1].isdigit()
                or text[start - 1] in "-‑"
                and start > 1
                and text[start - 2].isdigit()
            )
        ) or (
            end < len(text)
            and (text[end].isdigit() or text[end] in "-‑" and end + 1 < len(text) and text[end + 1].isdigit())
        ):
            continue  # COVID-19, 3rd, 2030-2040
        if len(word) < 2 or not checkable(word):
            continue
        yield start, end, word


def checkable(word: str) -> bool:
    """False for acronyms, words with inner capitals and roman numerals."""
    if word[1:].islower() and word[0] not in "ivxlc":
        return True
    core = word.replace("’", "'")
    for part in re.split(r"['\u2011-]", core):
        if any(c.isupper() for c in part[1:]):
            return False
    return not _ROMAN.match(word)
