"""A note's marker on a line of its own. PDFium (the PDF viewers of Chrome and Edge) ends a line after a
superscript that ends a printed line and sets the superscript on the next line, alone:

    resolution 79/7;
    1
    2. Reiterates its call upon all States …

or at the start of the next line, before its words ("…, of 8 April" / "2020," / "10 which concluded …").
A number alone between two lines of a PDF's body, with no full stop (a paragraph's number has one), or opening
a line before a word in lower case after a line that ends with a mark of punctuation, is that marker when a
note of that number stands on the same page and the markers so read go up: it is glued back to the line
before as a superscript (in brackets when of two digits or more), the form every reader of markers takes
for sure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.io.note_markers import SUPERSCRIPTS
from app.io.pdf_text import RawNote
from app.punctuation import ends_with_mark

_ALONE = re.compile(r"^\s*(\d{1,3})\s*$")
# "10 which concluded", "4 47/21 of 13 July 2021" (a marker before a list's next resolution), "21 4 February
# 2021," and "22 1 and 30 April 2021" (before a list's next date): "paragraphs" / "10 and 11" is text, and so is
# "12 April 2024" after a date
_OPENS = re.compile(r"^\s*(\d{1,3}) (?=[a-z]|\d{1,3}/\d|\d{1,2}(?: and \d{1,2})? [A-Z][a-z]+ \d{4})")
_SPACED_END = re.compile(r"(?<=\S) (\d{1,3})\s*$")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)


def markers_on_own_lines(
    lines: list[str], pages: list[int], notes: Sequence[RawNote]
) -> tuple[list[str], list[int]]:
    """`lines` with each lone marker glued to the line before as a superscript, and `pages` to match."""
    on_page = {(note.label, note.page) for note in notes}
    if not on_page:
        return lines, pages
    out: list[str] = []
    out_pages: list[int] = []
    last = 0
    for at, (line, page) in enumerate(zip(lines, pages, strict=True)):
        alone = _ALONE.match(line)
        m = alone or _OPENS.match(line)
        before = out[-1].rstrip() if out else ""
        if (
            m
            and before
            and out_pages[-1] == page
            and (m.group(1), page) in on_page
            and int(m.group(1)) > last
            and (
                at + 1 < len(lines) and lines[at + 1].strip() if alone else ends_with_mark(before, ",;:.)”’")
            )
        ):
            last = int(m.group(1))
            out[-1] = before + _strong(m.group(1))
            if alone:
                continue
            line = line[m.end() :]
        end = _marker_at_end(lines, pages, at, on_page, last)
        if end:
            last = int(end)
            line = line.rstrip()[: -len(end)].rstrip() + _strong(end)
        out.append(line)
        out_pages.append(page)
    return out, out_pages


def _marker_at_end(
    lines: list[str], pages: list[int], at: int, on_page: set[tuple[str, int]], last: int
) -> str:
    """The marker that ends line `at` after a space ("pandemic 56"), where PDFium ends a line after a spaced
    superscript and opens the next with the space after it (" and on recommendations 57" / " emanating from"):
    a note's number on the page, going up; "" for none."""
    m = _SPACED_END.search(lines[at])
    after = lines[at + 1] if at + 1 < len(lines) else ""
    if (
        m is None
        or not after[:1].isspace()
        or not after.strip()
        or pages[at + 1] != pages[at]
        or (m.group(1), pages[at]) not in on_page
        or int(m.group(1)) <= last
    ):
        return ""
    return m.group(1)


def _strong(label: str) -> str:
    """The marker in a form every reader of markers takes for sure: a superscript, or for a number of two
    digits or more its brackets ("[12]"), as a run of superscripts "¹²" reads as notes 1 and 2 at one place
    too, and would take note 1's place."""
    return label.translate(_TO_SUPERSCRIPT) if len(label) == 1 else f"[{label}]"
