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

pdftotext may also drop a superscript from its printed line and set it alone after the block of lines it
belongs to, before a blank line or the notes' rule ("…, such as the Comprehensive Africa Agriculture
Development Programme," / "5" / the rule). Glued there, it would stand after the markers of the notes that follow it and hide them from
the reader, which takes markers in the notes' order. So a lone number whose next note's marker already stands
earlier on its page goes back between the markers of its two neighbours, after the one mark of punctuation
(other than the next marker's own) that stands there, the place a UN text prints a marker; with no such single
place, it is left out and its note reported as unplaced. So is the marker of a page's last note set so after a
paragraph's end, where no order tells its place (left as text it would read as a number: "Territory; 8").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.io.note_markers import SUPERSCRIPTS, markers
from app.io.pdf_text import PAGE_BREAK, RawNote
from app.punctuation import ends_with_mark

_ALONE = re.compile(r"^\s*(\d{1,3})\s*$")
# "10 which concluded", "4 47/21 of 13 July 2021" (a marker before a list's next resolution), "21 4 February
# 2021," and "22 1 and 30 April 2021" (before a list's next date): "paragraphs" / "10 and 11" is text, and so is
# "12 April 2024" after a date
_OPENS = re.compile(r"^\s*(\d{1,3}) (?=[a-z]|\d{1,3}/\d|\d{1,2}(?: and \d{1,2})? [A-Z][a-z]+ \d{4})")
_SPACED_END = re.compile(r"(?<=\S) (\d{1,3})\s*$")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)


def markers_on_own_lines(
    lines: list[str], pages: list[int], notes: Sequence[RawNote], language: str = "en"
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
        if alone and out and out_pages[-1] == page and _ends_block(lines, pages, at):
            blank_after = at + 1 < len(lines) and not lines[at + 1].strip()
            earlier = _stray_place(out, out_pages, int(alone.group(1)), on_page, language, blank_after)
            if earlier is not None:
                _put_back(out, earlier, alone.group(1))
                continue
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


# a mark a marker follows in a UN text, followed by a space or the line end (never "1,000")
_MARK_BEFORE_MARKER = re.compile(r"[,;:”’)](?=\s|$)")


def _stray_place(
    out: list[str],
    out_pages: list[int],
    number: int,
    on_page: set[tuple[str, int]],
    language: str,
    blank_after: bool,
) -> tuple[int, int] | None:
    """Where a lone number that ends its block of lines goes, when it is a marker set out of place: between
    its neighbours' markers (`_earlier_place`) when the next note's marker stands earlier on the page; left out
    ((-1, -1): its note reported) when a blank line follows it, its note stands on the page, is the page's last,
    its marker is nowhere before and the line before ends a sentence or a clause (a paragraph's end, not a
    table's cell). None: no marker set out of place."""
    page = out_pages[-1]
    if (str(number + 1), page) in on_page:
        return _earlier_place(out, out_pages, number, language)
    if not blank_after or (str(number), page) not in on_page or not ends_with_mark(out[-1], ",;:."):
        return None
    first = len(out)
    while first > 0 and out_pages[first - 1] == page:
        first -= 1
    return (-1, -1) if _first_marker(out[first:], str(number), language) is None else None


def _ends_block(lines: list[str], pages: list[int], at: int) -> bool:
    """Does line `at` end its block of lines: a blank line, a page's end or the text's end after it?"""
    after = at + 1
    return after == len(lines) or pages[after] != pages[at] or lines[after].strip() in ("", PAGE_BREAK)


def _first_marker(lines: list[str], label: str, language: str) -> tuple[int, int, int] | None:
    """(line, start, end) of the first marker of note `label` in `lines`."""
    forms = markers(label, language)
    for at, line in enumerate(lines):
        spans = [span for form in forms if (span := form.find(line))]
        if spans:
            start, end = min(spans)
            return at, start, end
    return None


def _earlier_place(
    out: list[str], out_pages: list[int], number: int, language: str
) -> tuple[int, int] | None:
    """For a lone marker `number` set after its page's lines, when the marker of the note after it already
    stands on that page: (line, offset) after the one mark of punctuation between the markers of its two
    neighbours, or (-1, -1) when no single mark stands there. None when the next marker is not on the page."""
    first = len(out)
    while first > 0 and out_pages[first - 1] == out_pages[-1]:
        first -= 1
    page = out[first:]
    after = _first_marker(page, str(number + 1), language)
    if after is None:
        return None
    before = _first_marker(page[: after[0] + 1], str(number - 1), language) if number > 1 else None
    if before is not None and (before[0], before[1]) > (after[0], after[1]):
        before = None
    line, start = (before[0], before[2]) if before else (0, 0)
    places: list[tuple[int, int]] = []
    for at in range(line, after[0] + 1):
        end = after[1] if at == after[0] else len(page[at])
        text = page[at][:end]
        for m in _MARK_BEFORE_MARKER.finditer(text, start if at == line else 0):
            if at != after[0] or text[m.end() :].strip():  # the next marker's own mark is not its place
                places.append((first + at, m.end()))
    return places[0] if len(places) == 1 else (-1, -1)


def _put_back(out: list[str], place: tuple[int, int], number: str) -> None:
    """The marker `number` as a superscript at `place` in `out` (left out when `place` is (-1, -1))."""
    at, offset = place
    if at >= 0:
        out[at] = out[at][:offset] + _strong(number) + out[at][offset:]
