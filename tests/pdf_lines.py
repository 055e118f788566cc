"""The text lines of a PDF with their characters, as pdfminer reads them: shared by the tests that take their
expected answers from an issued PDF's typography (fonts, sizes, positions)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path


def text_lines(pdf: Path) -> Iterator[tuple[int, object, list]]:
    """(page index, the LTTextLine, its LTChar characters) for every line with characters, page by page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    for index, page in enumerate(extract_pages(str(pdf))):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if isinstance(line, LTTextLine):
                    chars = [c for c in line if isinstance(c, LTChar)]
                    if chars:
                        yield index, line, chars


def broken_at_line_ends(pdf: Path, head: str, tail: str) -> list[str]:
    """The words the PDF breaks with a hyphen at a printed line's end, whole ("seventy-ninth"): `head` matches the
    piece that closes a line (its group 1, before the hyphen, which pdfminer may set apart by a space), `tail` the
    piece that opens the next."""
    lines = [line.get_text().strip() for _, line, _ in text_lines(pdf)]
    out = []
    for this, after in zip(lines, lines[1:], strict=False):
        first = re.search(rf"{head} ?-$", this)
        second = re.match(tail, after)
        if first and second:
            out.append(f"{first.group(1)}-{second.group(0)}")
    return out


def footnotes(pdf: Path) -> list[tuple[str, str]]:
    """(label, text) of every footnote of an issued PDF, from its typography: below each page's rule, the
    lines in a smaller size than the body; a note starts where a number in superscript size opens a line."""
    from collections import Counter

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTLayoutContainer

    from app.io.pdf_text import COUNTER, JOB, SYMBOL

    def chars_of(item: object) -> Iterator[LTChar]:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTLayoutContainer) or hasattr(item, "__iter__"):
            for child in item:  # type: ignore[attr-defined]
                yield from chars_of(child)

    pages = [list(chars_of(page)) for page in extract_pages(str(pdf))]
    body = Counter(round(c.size, 1) for chars in pages for c in chars).most_common(1)[0][0]
    notes: list[list[str]] = []
    for chars in pages:
        underscores = Counter(round(c.y0) for c in chars if c.get_text() == "_")
        rules = [y for y, n in underscores.items() if n >= 5]  # a rule, not an underscore in a web address
        # the rule over the notes, or where it is drawn as a line, below the last line of body text
        floor = min(rules) if rules else min((c.y0 for c in chars if abs(c.size - body) < 0.5), default=0)
        small = sorted(
            (c for c in chars if c.y1 < floor and c.size < body - 0.5 and round(c.y0) not in rules),
            key=lambda c: (-round(c.y0), c.x0),
        )
        rows: list[list[LTChar]] = []
        for c in small:  # a superscript label sits a little higher than its line: group by closeness
            if rows and abs(rows[-1][-1].y0 - c.y0) < 4 and c.x0 >= rows[-1][-1].x0:
                rows[-1].append(c)
            else:
                rows.append([c])
        if not rules and any(_columns(row) for row in rows):
            continue  # no rule, and the small print under the body stands in columns: a table, not notes
        for row in rows:
            text = "".join(c.get_text() for c in row).strip()
            if COUNTER.match(text) or JOB.match(text) or (SYMBOL.match(text) and not text.endswith(".")):
                continue  # page furniture (a note may be a symbol alone, with its full stop: "A/79/762.")
            label = ""
            while row and not row[0].get_text().strip():  # a space set before the label
                row.pop(0)
            while row and row[0].get_text().isdigit() and row[0].size < body * 0.7:
                label += row.pop(0).get_text()
            line = "".join(c.get_text() for c in row).strip()
            if label:
                notes.append([label, line])
            elif notes:
                notes[-1][1] += " " + line
    return [(label, " ".join(text.split())) for label, text in notes]


TABLE_GAP = 20  # points between two characters of a row: cells of a table, never words of a note's line


def _columns(row: list) -> bool:
    """Is this row of characters set in columns, as a table's row is?"""
    return any(b.x0 - a.x1 > TABLE_GAP for a, b in zip(row, row[1:], strict=False))


def body_markers(pdf: Path) -> list[tuple[str, str]]:
    """(label, the word before it) of every note marker in an issued PDF's body text, in reading order: a number
    in superscript size set above the page's rule, after the word it follows (on the line before when it opens
    a line)."""
    import re
    from collections import Counter

    lines = list(text_lines(pdf))
    body = Counter(round(c.size, 1) for _, _, chars in lines for c in chars).most_common(1)[0][0]
    floors: dict[int, float] = {}  # per page: the rule over the notes, or nothing
    for page, _, chars in lines:
        if sum(c.get_text() == "_" for c in chars) >= 5:
            floors[page] = max(floors.get(page, 0.0), min(c.y0 for c in chars))
    out: list[tuple[str, str]] = []
    before = ""
    for page, _, chars in lines:
        if chars[0].y0 <= floors.get(page, 0.0) or all(c.size < body - 0.5 for c in chars):
            continue  # the notes, or a line of small print (the job number)
        text = ""
        label = ""
        for c in [*chars, None]:
            if c is not None and c.get_text().isdigit() and c.size < body * 0.7:
                label += c.get_text()
                continue
            if label:
                words = re.findall(r"\w+", text) or re.findall(r"\w+", before)
                out.append((label, words[-1] if words else ""))
                label = ""
            if c is not None:
                text += c.get_text()
        before = text
    return out
