"""Tables in plain text, their cells set apart by tabs: what Word puts on the clipboard for a table copied with
the paragraphs around it, and what Resolute's own text export writes for a table (`app.render.table_block`).

A table is a run of at least two lines each with a tab after some text, a row a line. A line of tabs alone
between two rows is an empty row (elsewhere it is a blank line, as any line of white space); a line with no
tab between two rows is a row whose other cells were empty (an editor strips the tabs that end a line). A line
of two cells whose first is a paragraph's number or a subparagraph's label ("1.⇥Decides …", "(a)⇥To …") is
that paragraph, as Word copies a numbered list, and not a row. A line with no tab that opens as a paragraph
(a number or a label and text: "(a) The General Assembly …"; a lead word and a colon: "Note: …") stays a
paragraph between two tables, not a row of one. Shorter rows are filled with empty cells up to the longest.
"""

from __future__ import annotations

import re

from app.io.text_paragraphs import paragraph_of
from app.model import table_size_refusal

TAB = "\t"
# an empty row ("⇥⇥⇥": its cells are empty) as `normalise` keeps it: a character no reader strips as white space
EMPTY_ROW = "\x1a"
MIN_ROWS = 2
# a table's own place in the reader's items: the mark then the table's index among the text's tables (the
# items are text the structure passes read; a table's cells are not theirs to read)
TABLE_MARK = "\x03"


def _labelled(line: str) -> bool:
    """A numbered paragraph or labelled subparagraph whose label Word set apart by a tab."""
    cells = line.strip().split(TAB)
    if len(cells) != 2:
        return False
    return paragraph_of(cells[0].strip() + " X").kind in ("num", "sub")


# "Note: …", "Source: …", "Notes and sources: …": one to three words and a colon, then the text
_LEAD = re.compile(r"[^\W\d_][\w’'-]*(?: [\w’'-]+){0,2}: +\S")


def _paragraph_line(line: str) -> bool:
    """A line with no tab that reads as a paragraph of its own: labelled or numbered, or a note's lead."""
    s = line.strip()
    if _LEAD.match(s):
        return True
    para = paragraph_of(s)
    return para.kind in ("num", "sub") and bool(para.text.strip())


def _row(line: str) -> bool:
    s = line.strip()
    return s == EMPTY_ROW or (TAB in s and not _labelled(line))


def empty_rows_kept(raw: list[str], lines: list[str]) -> list[str]:
    """`lines` (the `raw` lines with the white space at their ends stripped) with each line of tabs alone that
    stands between two rows of a table kept as `EMPTY_ROW`; one pass."""
    out = list(lines)
    before_row = False  # the last line with text was a row
    pending: list[int] = []  # lines of tabs alone since then
    for i, (line, cut) in enumerate(zip(raw, lines, strict=True)):
        if not cut:
            if before_row and TAB in line:
                pending.append(i)
            else:  # a blank line: what follows is not the same table
                pending.clear()
                before_row = False
            continue
        before_row = _row(cut)
        if before_row:
            for j in pending:
                out[j] = EMPTY_ROW
        pending.clear()
    return out


def table_runs(lines: list[str]) -> list[tuple[int, int]]:
    """The (start, end) line ranges of the tables among `lines`, in order; one pass."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last_row = -1
    for i, line in enumerate(lines):
        if _row(line):
            if start is None:
                start = i
            last_row = i
            continue
        gap = start is not None and i == last_row + 1 and line.strip() and i + 1 < len(lines)
        if gap and _row(lines[i + 1]) and not _paragraph_line(line):
            continue  # a row whose cells after the first were empty: its tabs were stripped
        if start is not None:
            _close(runs, lines, start, last_row)
            start = None
    if start is not None:
        _close(runs, lines, start, last_row)
    return runs


def _close(runs: list[tuple[int, int]], lines: list[str], start: int, last: int) -> None:
    if sum(_row(line) for line in lines[start : last + 1]) >= MIN_ROWS:
        runs.append((start, last + 1))


def rows_of(lines: list[str]) -> list[list[str]]:
    """The cells of a table's lines, each row as long as the longest; InputError past the model's table
    bounds, as the other readers refuse such a table."""
    width = max(line.strip(" ").count(TAB) + 1 for line in lines)
    table_size_refusal(
        len(lines), width
    )  # counted before any cell is built: a text may hold millions of rows
    rows = [
        [""] if line.strip() == EMPTY_ROW else [c.strip() for c in line.strip(" ").split(TAB)]
        for line in lines
    ]
    return [row + [""] * (width - len(row)) for row in rows]


def table_item(index: int) -> str:
    return f"{TABLE_MARK}{index}"


def table_index(text: str) -> int | None:
    """The index a table item stands for, or None for any other text."""
    if text.startswith(TABLE_MARK) and text[1:].isascii() and text[1:].isdigit():
        return int(text[1:])
    return None
