"""Tables in a PDF's text layer: the grid is gone, and each cell stands on a line of its own ("Action" / "Title
of post" / "Category/level" / "Establishment" / "Legal Officer" / "P-4" / "1" …: a Fifth Committee staffing
table, an appropriation, a mission's budget). Read as text, every cell would open a paragraph of its own with
no opener. `take_tables` lifts each run of cells out of the body, whole, so that the reader keeps it as text
the checks do not read, and a paragraph after the table is read as one.

A cell: a short line that ends no sentence (no full stop, semicolon, colon or comma after it) and is no
paragraph's number or subparagraph's label. A table: a run of at least `MIN_CELLS` cells of which many are
figures ("1", "168,460,000", "(2.5)", "–") or grades ("P-4", "D-1", "GS (PL)"), which running text never
gives; a note under it ("Abbreviations: …", "Note: …") goes with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.io.headings import SECTION_MARK
from app.io.reading_order import labels_rejoined
from app.io.text_blocks import Block, label_alone
from app.io.text_paragraphs import NUMBER, SUB_PAREN
from app.punctuation import ends_with_mark

MAX_CELL = 48  # characters: a cell holds a few words; a line of running text holds some 80
MIN_CELLS = 8  # a table has a head row and rows under it
MIN_FIGURES = 3
FIGURE_SHARE = 5  # one cell in five at least is a figure

_FIGURE = re.compile(
    r"[(\[]?[-–−+]?(?:\d[\d,. ]*%?|[–—-])[)\]]?[a-z]?"  # "1", "168,460,000", "(2.5)", "12.3%", "–", "3a"
    r"|(?:[A-Z]{1,3}|ASG|USG)-\d{1,2}(?:/\d)?"  # grades: "P-4", "D-1", "P-2/1"
    r"|[A-Z]{2,3} \([A-Z]{1,3}\)"  # "GS (PL)", "GS (OL)", "FS (N)"
)
# a table's note, under it: "Abbreviations: GS (OL), …", "Note: …", "Source: …", "a Including …"
_TABLE_NOTE = re.compile(r"^(?:Abbreviations?|Notes?|Sources?)\s*:")


MAX_ROW = 2 * MAX_CELL  # a row of cells on one line: no longer than a line of running text
# the cells that close a row set on one line, as PDFium sets a table's rows ("Establishment Legal Officer P-4
# 1"): a grade or figure, then a figure, after a space; or a row's last figure after its words
_ROW_END = re.compile(rf"\s(?:{_FIGURE.pattern})\s+(?:{_FIGURE.pattern})$|^[^\d\W][^,;:.]*\s\d[\d,]*$")


def is_figure(line: str) -> bool:
    return bool(_FIGURE.fullmatch(line.strip()))


def is_row(line: str) -> bool:
    """A table's row on one line: words that end in figures, as no line of running text does."""
    s = line.strip()
    return MAX_CELL < len(s) <= MAX_ROW and _ROW_END.search(s) is not None


def is_cell(line: str) -> bool:
    s = line.strip()
    if not s or NUMBER.match(s) or SUB_PAREN.match(s):
        return False
    if len(s) > MAX_CELL:
        return is_row(s)
    return is_figure(s) or SECTION_MARK.match(s) is not None or not ends_with_mark(s, ".;:,")


@dataclass
class Tables:
    body: list[Block]  # the blocks with the tables' lines taken out
    tables: list[list[str]] = field(default_factory=list)  # each table's lines (its cells, then its note)


def take_tables(body: list[Block]) -> Tables:
    """Lift every table (a run of cells, see above) out of `body`; the blocks around it keep their lines."""
    flat = [(b, k) for b, block in enumerate(body) for k in range(len(block.lines))]
    taken: set[tuple[int, int]] = set()
    out = Tables([])
    i = 0
    while i < len(flat):
        end = i
        while end < len(flat) and is_cell(_line(body, flat[end])):
            end += 1
        cells = [_line(body, at).strip() for at in flat[i:end]]
        figures = sum(is_figure(c) or is_row(c) or _ROW_END.search(c) is not None for c in cells)
        if len(cells) >= MIN_CELLS and figures >= max(MIN_FIGURES, len(cells) // FIGURE_SHARE):
            end = _with_note(body, flat, end)
            caption = _caption_before(body, flat, i, cells)
            out.tables.append([_line(body, at).strip() for at in [*caption, *flat[i:end]]])
            taken.update([*caption, *flat[i:end]])
        i = max(end, i + 1)
    out.body = _without(body, taken) if taken else body
    return out


def _line(body: list[Block], at: tuple[int, int]) -> str:
    return body[at[0]].lines[at[1]]


CAPTION_REACH = 4  # lines before a table where the letter of its first caption may stand


def _caption_before(
    body: list[Block], flat: list[tuple[int, int]], start: int, cells: list[str]
) -> list[tuple[int, int]]:
    """The letter of a table's first caption ("A.") that the text layer set a few lines before it, next to the
    number of the paragraph that introduces the table ("19." / "A." / "Approves the changes … below:"): it is
    the table's when the table's own captions go on from it ("B.", "C." …)."""
    letters = [m.group(0)[0] for c in cells if (m := re.fullmatch(r"[A-H]\.", c))]
    if not letters or letters[0] == "A":
        return []
    wanted = chr(ord(letters[0]) - 1) + "."
    for at in flat[max(0, start - CAPTION_REACH) : start]:
        if _line(body, at).strip() == wanted:
            return [at]
    return []


def _with_note(body: list[Block], flat: list[tuple[int, int]], end: int) -> int:
    """The end of a table with the note under it: from a line such as "Abbreviations: …" to the line that ends
    its sentence, in the same block."""
    if end >= len(flat) or not _TABLE_NOTE.match(_line(body, flat[end]).strip()):
        return end
    block = flat[end][0]
    while end < len(flat) and flat[end][0] == block:
        end += 1
        if ends_with_mark(_line(body, flat[end - 1]), "."):
            break
    return end


def _without(body: list[Block], taken: set[tuple[int, int]]) -> list[Block]:
    """The blocks of `body` without the `taken` lines: a block a table cut in two stands as two."""
    out: list[Block] = []
    for b, block in enumerate(body):
        start = 0  # where the piece being gathered starts in the block
        lines: list[str] = []
        pages: list[int] = []
        for k, (line, page) in enumerate(zip(block.lines, block.pages, strict=True)):
            if (b, k) not in taken:
                start = k if not lines else start
                lines.append(line)
                pages.append(page)
                continue
            if lines:
                out.append(Block(lines, pages, block.after_break and start == 0))
                lines, pages = [], []
        if lines:
            out.append(Block(lines, pages, block.after_break and start == 0))
    # a paragraph's number left alone where a table stood between it and its text ("19." / "A." / "Approves")
    return labels_rejoined(out, label_alone)
