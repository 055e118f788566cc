"""The end of a page's first line that pdftotext sets apart after the page's symbol.

On a page whose top line prints the running title and the symbol at the right (an adopted resolution's odd
pages), pdftotext may read the right end of the first line of text as a column of its own: the page's first
lines, then the symbol, then the words that end the first line, each alone between blank lines ("particular"
after "… solutions, in"; a justified line's widely spaced words, one a line):

    \\f
    International cooperation in the peaceful uses of outer space

    community to enhance the role of space-based solutions, in
    tele-epidemiology, in monitoring, preparedness and response activities,

    A/RES/78/72

    particular

    Recalling the fact that …

Read so, the words end the paragraph before the next one, and the running title, apart from the symbol, is
read as text. The words go back to the end of the first line and the symbol next to the title: the other text
layers of the same PDF (PyMuPDF, PDFium) set them there.
"""

from __future__ import annotations

MAX_TAIL_WORDS = 4  # the words of one piece of the line: a justified line's spaced words come one a line
MAX_HEAD_LINES = 3  # the lines pdftotext sets between the running title and the symbol


def tails_back(lines: list[str], symbol: str) -> list[str]:
    """`lines` (form feeds on lines of their own) with each page's first-line tail, set after the symbol,
    back at the end of that line. Only the symbol on a line of its own after a blank line is looked at, so
    the scan stays linear."""
    if not symbol:
        return lines
    out = list(lines)
    for i, line in enumerate(lines):
        if line.strip() != symbol or i == 0 or not _blank(lines[i - 1]):
            continue
        tails = _tails_after(lines, i)
        first = _first_line(lines, i) if tails else None
        if first is None:
            continue
        out[first] = out[first].rstrip() + " " + " ".join(lines[k].strip() for k in tails)
        for k in tails:
            out[k] = ""
        # the symbol back next to the running title, where the page prints it: so the title is found
        out[first - 1], out[i] = line, ""
    return out


def _blank(line: str) -> bool:
    return not line.strip() and "\f" not in line


def _tail(line: str) -> bool:
    """A piece of a line's end: a few words, the first in lower case."""
    s = line.strip()
    return bool(s) and s[0].isalpha() and s[0].islower() and len(s.split()) <= MAX_TAIL_WORDS


def _tails_after(lines: list[str], symbol_at: int) -> list[int]:
    """The indexes of the pieces after the symbol at `symbol_at`, each alone between blank lines, when the
    text goes on after them; [] when there are none."""
    tails: list[int] = []
    k = symbol_at + 1
    while k + 2 < len(lines) and _blank(lines[k]) and _tail(lines[k + 1]) and _blank(lines[k + 2]):
        tails.append(k + 1)
        k += 2
    return tails if k + 1 < len(lines) and lines[k + 1].strip() else []


def _first_line(lines: list[str], symbol_at: int) -> int | None:
    """The page's first line of text, when the page opens with a form feed, the running title, a blank line
    and at most MAX_HEAD_LINES lines of text, then a blank line before the symbol at `symbol_at`."""
    k = symbol_at - 2
    head = 0
    while k >= 0 and lines[k].strip() and head < MAX_HEAD_LINES:
        k -= 1
        head += 1
    if not head or k < 2 or not _blank(lines[k]) or not lines[k - 1].strip() or lines[k - 2] != "\f":
        return None
    return k + 1
