"""Tables recovered from a PDF's geometry (`app.io.pdf_grid`) set in the draft where they stand.

The text reader reads a PDF's text as it reads any text; a table's lines in that text are replaced by one
mark line ("⟦T3⟧"), which the reader joins to the paragraph or title before it like any line. `place_tables`
then takes each mark out and sets its table right after what holds it: after the paragraph (among its
siblings, so a table under a subparagraph stays in its paragraph), first in an annex whose title holds it.
A mark the reader set anywhere else (the header, text it could not place) gets the table's cells as text
there: nothing is dropped.
"""

from __future__ import annotations

import re

from app import inline
from app.io.pdf_grid import GridTable
from app.model import Paragraph, Resolution

# a mark ends with a full stop: the reader ends the paragraph before the table there, so that a caption or a
# paragraph after the table is read as one of its own
_MARK = "\u27e6T{}\u27e7."  # as text_blocks.GRID_MARK finds it
# (?<!\s): tried from a run of spaces' start only (from each space of a long run, `\s*` read on to its end)
_MARKS = re.compile(r"(?<!\s)\s*\u27e6T([0-9]{1,9})\u27e7\.?")


def holds_marks(pages: list[str]) -> bool:
    """Whether the pages' own text holds what `place_tables` would take for a table's mark: then no table is
    marked and the text is read as it is (its tables as text), so that no text of the file is taken for one."""
    return any("\u27e6T" in page for page in pages)


def marked_page(text: str, flags: bytearray, marks: dict[int, int]) -> tuple[str, bytearray]:
    """A page's text and italic flags with the lines `marks` names taken out: the first line of each table
    becomes its mark, its other lines empty lines (`marks` maps a line's number to its table's, or to -1),
    so that the lines around keep their distance from the page's head and foot, where the reader looks for
    running titles."""
    if not marks:
        return text, flags
    lines: list[str] = []
    out_flags = bytearray()
    start = 0
    for number, line in enumerate(text.split("\r\n")):
        table = marks.get(number)
        if lines:
            out_flags += b"\0\0"
        if table is None:
            lines.append(line)
            out_flags += flags[start : start + len(line)]
        else:
            lines.append(_MARK.format(table) if table >= 0 else "")
            out_flags += bytes(len(lines[-1]))
        start += len(line) + 2
    return "\r\n".join(lines), out_flags


def marked_pages(
    pages: list[str], flags: list[bytearray], tables: list[GridTable]
) -> tuple[list[str], list[bytearray]]:
    """Every page's text and flags with each table's lines taken out and its mark set where it begins."""
    marks: dict[int, dict[int, int]] = {}
    for n, table in enumerate(tables):
        page = marks.setdefault(table.page - 1, {})
        page.update({line: -1 for line in table.lines})
        page[table.lines[0]] = n
        for more, lines in table.more:
            marks.setdefault(more - 1, {}).update({line: -1 for line in lines})
    out = [
        marked_page(text, f, marks.get(k, {})) for k, (text, f) in enumerate(zip(pages, flags, strict=True))
    ]
    return [t for t, _ in out], [f for _, f in out]


def table_paragraph(table: GridTable) -> Paragraph:
    rows = [[inline.escape(cell) for cell in row] for row in table.rows]
    return Paragraph(table=rows, header_rows=table.header_rows, numbered=False)


def place_tables(res: Resolution, tables: list[GridTable]) -> bool:
    """Each table at its mark (see above); marks of tables it does not know are taken out. False when a mark
    was not found where a table can stand (the reader left it out with adoption lines, or set it in a title):
    the caller then reads the text as it was, without marks."""
    placed: set[int] = set()

    def take(text: str) -> tuple[str, list[int]]:
        found = [int(m.group(1)) for m in _MARKS.finditer(text)]
        return (_MARKS.sub("", text).strip() if found else text), found

    def tables_of(numbers: list[int]) -> list[Paragraph]:
        out = [table_paragraph(tables[n]) for n in numbers if 0 <= n < len(tables) and n not in placed]
        placed.update(numbers)
        return out

    def in_list(items: list[Paragraph]) -> None:
        k = 0
        while k < len(items):
            para = items[k]
            in_list(para.subparagraphs)
            para.heading, before = take(para.heading)  # a table between a section's heading and its text
            if before:
                new = tables_of(before)
                items[k:k] = new
                k += len(new)
            after = _split_at_marks(para)  # what follows a table in the same text stands after it
            numbers: list[int] = []
            for name in ("opener", "text", "tail"):
                value, found = take(getattr(para, name))
                setattr(para, name, value)
                numbers += found
            new = [q for n, rest in [(numbers, ""), *after] for q in [*tables_of(n), *_text_paragraph(rest)]]
            empty = not (para.opener or para.text or para.tail or para.subparagraphs or para.table)
            if empty and new:  # the mark alone: the table takes its place and the heading over it
                new[0].heading = para.heading
                items[k : k + 1] = new
            else:
                items[k + 1 : k + 1] = new
            k += len(new) + (0 if empty and new else 1)
            if new and new[-1].is_table and k < len(items) and _is_note(items[k]):
                new[-1].text = _note_text(items.pop(k))  # printed under the table, as the XML's notes are

    for items in _lists(res):
        in_list(items)
    for annex in res.annexes:
        annex.title, numbers = take(annex.title)
        annex.paragraphs[0:0] = tables_of(numbers)
    return len(placed) == len(tables)


def _split_at_marks(para: Paragraph) -> list[tuple[list[int], str]]:
    """Cut a paragraph's text at its first mark followed by text: the paragraph keeps what stands before, and
    each table's number comes with the text printed after it up to the next mark ("B. Pension
    Administration" after table A, the caption of table B)."""
    marks = list(_MARKS.finditer(para.text))
    if not marks or not para.text[marks[-1].end() :].strip() and len(marks) == 1:
        return []
    out = [
        (
            [int(m.group(1))],
            para.text[m.end() : (marks[k + 1].start() if k + 1 < len(marks) else None)].strip(),
        )
        for k, m in enumerate(marks)
    ]
    para.text = para.text[: marks[0].start()].strip()
    return out


# a table's note under it: "Abbreviations: …", "Note: …", "Source: …", or its lettered notes ("a See A/79/555.")
_NOTE = re.compile(r"(?:Abbreviations?|Notes?|Sources?)\s*:|[a-z] [A-Z(]")


def _is_note(para: Paragraph) -> bool:
    plain = inline.plain(_note_text(para))
    return not (para.is_table or para.subparagraphs or para.heading) and _NOTE.match(plain) is not None


def _note_text(para: Paragraph) -> str:
    opener = f"*{para.opener}*" if para.opener else ""
    return " ".join(t for t in (opener, para.text, para.tail) if t).replace("* :", "*:")


def _text_paragraph(text: str) -> list[Paragraph]:
    return [Paragraph(text=text, numbered=False)] if text else []


def _lists(res: Resolution) -> list[list[Paragraph]]:
    out = [res.preamble, res.operative]
    for part in res.later_parts:
        out += [part.preamble, part.operative]
    out += [annex.paragraphs for annex in res.annexes]
    return out
