"""Numbered paragraphs typed on one line with the paragraph before, their line breaks lost.

Text copied from a web page or flattened by a tool may run a list of paragraphs together:

    8. Urges the CAR authorities … for the elections; 9. Calls upon all parties …; 10. Urges …

A number is a paragraph's own only where it continues the count of the last paragraph that opened a line (9
after 8, then 10), stands after the end of a sentence or a list item (".", ";" or ":") and is followed by a capital, as an
opener is: a count in running text ("in paragraph 8. 12 States …") or a citation never continues the sequence.
Such a line is split in front of each of those numbers, with a blank line between, as typed paragraphs stand.
"""

from __future__ import annotations

import re

from app.findings import Finding, Severity
from app.messages import say_plural

_LEAD = re.compile(r"\s*(?P<n>\d{1,3})\.\s+\S")
_RUN_IN = re.compile(r"(?<=[;:.])\s+(?P<n>\d{1,3})\.\s+(?=[A-Z])")


def _pieces(line: str, expected: int) -> tuple[list[str], int]:
    """`line` cut in front of every run-in paragraph number that continues the count (`expected` next: 0
    before any numbered paragraph), and the number expected after it."""
    lead = _LEAD.match(line)
    if lead:
        expected = int(lead.group("n")) + 1
    if not expected:
        return [line], expected
    pieces: list[str] = []
    start = 0
    for m in _RUN_IN.finditer(line):
        if int(m.group("n")) != expected:
            continue
        pieces.append(line[start : m.start()])
        start = m.start("n")
        expected += 1
    return [*pieces, line[start:]], expected


def split_run_in_numbers(lines: list[str], pages: list[int]) -> tuple[list[str], list[int], int]:
    """`lines` (and their `pages`) with each run-in numbered paragraph on a line of its own after a blank line;
    the number of paragraphs so split off. The count goes on from the last line that opened with a number."""
    out: list[str] = []
    out_pages: list[int] = []
    split = 0
    expected = 0
    for line, page in zip(lines, pages, strict=True):
        pieces, expected = _pieces(line, expected)
        split += len(pieces) - 1
        for k, piece in enumerate(pieces):
            if k:
                out.append("")
                out_pages.append(page)
            out.append(piece)
            out_pages.append(page)
    return out, out_pages, split


def run_in_finding(count: int) -> Finding:
    """The note that says how many numbered paragraphs were read off the line of the paragraph before."""
    return Finding(
        "import.numbering",
        Severity.INFO,
        say_plural(
            count,
            "{count} numbered paragraph was typed on the line of the paragraph before it (its line break lost) "
            "and was read as a paragraph of its own",
            "{count} numbered paragraphs were typed on the line of the paragraph before them (their line breaks "
            "lost); each was read as a paragraph of its own",
        ),
    )
