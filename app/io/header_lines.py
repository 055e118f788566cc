"""The lines of a masthead and header as the header reader takes them: the text, and what the source knows of
its look. A Word file knows the style, bold and italics, the font size, the alignment and the masthead table's
cell of each line; a plain text knows none of it, and its lines carry the text alone. The header reader uses the
look where it is there and its text rules where it is not, so both readers go through the one parser."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class HeaderLine:
    text: str
    bold: bool | None = None  # None: not known (plain text)
    italic: bool | None = None
    align: str = ""  # "left", "center", "right", "both"; "" not known
    cell: tuple[int, int, int] | None = (
        None  # (table, row, column), tables counted in reading order; None: no table
    )
    style: str = ""  # the paragraph style's name ("UN Title")
    size: float | None = None  # font size in points

    def with_text(self, text: str) -> HeaderLine:
        return replace(self, text=text)


def plain_lines(blocks: list[list[str]]) -> list[list[HeaderLine]]:
    """Blocks of plain text lines (blank lines split them) as header lines with no look."""
    return [[HeaderLine(line) for line in block] for block in blocks]


def texts(lines: list[HeaderLine]) -> list[str]:
    return [line.text for line in lines]
