"""Matter of the Security Council's annual volumes that a resolution's text copied from them may carry.

The volumes print the Council's texts one after the other, each resolution under its heading:

    … It urges UNITA leaders to make sure that its forces abide by the rules of international humanitarian law.
    …the discussion of the item entitled “The situation in Angola …”.

    Resolution 851 (1993)
    of 15 July 1993

    The Security Council,

A text that starts at the top of a page carries the end of the item printed before the resolution (a
statement by the President, a note on the meeting). What stands before the heading, when the heading is
followed by its date and the organ line and no masthead of an issued document stands before it, is that item's
and no part of the resolution.
"""

from __future__ import annotations

import re

from app.findings import Finding, Severity
from app.messages import say_plural

_HEADING = re.compile(r"^\s*Resolution\s+\d{1,4}\s+\(\d{4}\)\s*$")
_DATE_LINE = re.compile(r"^\s*of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$")
_ORGAN = re.compile(r"^\s*The Security Council,\s*$")
_MASTHEAD = re.compile(r"^\s*United Nations\s*(?:S/|$)|\bDistr\.|\bS/RES/")  # an issued document's
MAX_BEFORE = 200  # the lines of a page's previous item looked through for the heading
_LOOK_AHEAD = 6  # lines from the heading to the organ line: its date and blank lines


def _next_text(lines: list[str], start: int) -> int:
    """The index of the first line with text from `start` (len(lines) when none)."""
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def _heads_resolution(lines: list[str], i: int) -> bool:
    """Does lines[i] head a resolution: the heading, its date, then the organ line?"""
    if not _HEADING.match(lines[i]):
        return False
    date = _next_text(lines, i + 1)
    if date >= len(lines) or not _DATE_LINE.match(lines[date]):
        return False
    organ = _next_text(lines, date + 1)
    return organ < min(len(lines), i + _LOOK_AHEAD + 1) and bool(_ORGAN.match(lines[organ]))


def previous_item_cut(lines: list[str], pages: list[int]) -> tuple[list[str], list[int], int]:
    """`lines` (and their `pages`) from the resolution's heading on, when lines of another item stand before
    it; the number of lines cut (0: the text starts with its own heading or masthead)."""
    first = _next_text(lines, 0)
    for i in range(first, min(len(lines), MAX_BEFORE)):
        if _MASTHEAD.search(lines[i]):
            return lines, pages, 0  # an issued document's masthead: its lines are the reader's to place
        if _heads_resolution(lines, i):
            return lines[i:], pages[i:], sum(1 for line in lines[:i] if line.strip())
    return lines, pages, 0


def previous_item_finding(count: int) -> Finding:
    return Finding(
        "import.unplaced",
        Severity.INFO,
        say_plural(
            count,
            "{count} line before the resolution's heading (the end of the item the annual volume prints before "
            "it) was left out",
            "{count} lines before the resolution's heading (the end of the item the annual volume prints before "
            "it) were left out",
        ),
    )
