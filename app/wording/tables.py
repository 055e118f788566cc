"""Tables named by their place ("the table after operative paragraph 11"), rows and cells by their first cells
and headings ("in the row “C”, column “2026”"), and the sentences acting in them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from app.formatting import ordinal_words
from app.languages import get_language
from app.model import Part
from app.wording.places import paragraph_name, unit_whole
from app.wording.words import amendment_words, contract, ordinal_word, quote, template_pattern

# the English forms; another language's are keys of the same names in its [amendments] table
_TABLE_WORDS_EN = {
    "table_after": "the table after {place}",
    "table_nth_after": "the {ordinal} table after {place}",
    "table_start": "the table at the beginning of {part}",
    "row_named": "the row {name}",
    "row_number": "row {number}",
    "cell": "{table}, in {row}, column {column}",
    "row_delete": "In {table}, delete {row}",
    "row_insert_after": "In {table}, after {row}, insert a new row reading {cells}",
    "row_insert_before": "In {table}, before {row}, insert a new row reading {cells}",
    "blank_cell": "a blank cell",
    "fill_cell": "insert {new}",
    "row_fill": "In {table}, in {row}, which is blank, insert {cells}",
    "table_insert": "After {place}, insert a new table reading: {rows}",
    "new_table_after": "New table after {place}",
    "new_table_before": "New table before {place}",
    "new_table": "New table",
}


def table_words(language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    t = amendment_words(language)
    return (t if "table_after" in t else _TABLE_WORDS_EN), t


def table_name(after: str, *, nth: int = 1, start_of: str = "", language: str = "") -> str:
    """ "the table after operative paragraph 11", "the second table after …"; with no paragraph before it,
    "the table at the beginning of annex II" (`start_of`)."""
    w, t = table_words(language)
    if not after:
        return w["table_start"].format(part=start_of)
    if nth > 1:
        ordinal = ordinal_word(language, nth) if t else ordinal_words(nth)
        return w["table_nth_after"].format(ordinal=ordinal, place=after)
    return w["table_after"].format(place=after)


def table_place(part: Part, number: int, unit: str = "", nth: int = 1, *, language: str = "") -> str:
    """A table of a draft named as the oral revisions name it: "the table after operative paragraph 3", "the
    second table after paragraph 2 of annex II", "the table at the beginning of the annex" (`number` 0); a
    table is unnumbered, so the paragraph before it names it (a `Phrase` passes the fields in order)."""
    t = amendment_words(language)
    if number <= 0:
        return contract(t, table_name("", start_of=unit_whole(unit, part, language), language=language))
    after = paragraph_name(part, number, language=language, unit=unit)
    return contract(t, table_name(after, nth=nth, language=language))  # "que sigue al párrafo 1"


def new_table_name(after: str = "", before: str = "", language: str = "") -> str:
    """A proposed table's name where it stands, by the negotiation label of the paragraph it follows ("New
    table after OP 3") or, first in its list, precedes: a table is unnumbered, and takes no bis or ter."""
    w, _ = table_words(language)
    if after:
        return w["new_table_after"].format(place=after)
    return w["new_table_before"].format(place=before) if before else w["new_table"]


def row_name(heading: str, number: int, language: str = "") -> str:
    """ "the row “Total”" by its first cell when that names it, else "row 3" (counted from the top)."""
    w, _ = table_words(language)
    if heading:
        return w["row_named"].format(name=quote(heading, language))
    return w["row_number"].format(number=number)


def cell_place(table: str, row: str, column: str, number: int, language: str = "") -> str:
    """ "the table after …, in the row “Total”, column “2026”" (column 3 when it has no heading)."""
    w, _ = table_words(language)
    col = quote(column, language) if column else str(number)
    return w["cell"].format(table=table, row=row, column=col)


def fill_cell(new: str, language: str = "") -> str:
    """What goes into a cell that was blank: "insert “12”"."""
    w, _ = table_words(language)
    return w["fill_cell"].format(new=quote(new, language))


def fill_row(table: str, row: str, cells: list[str], language: str = "") -> str:
    """A blank row filled: "In the table after …, in row 6, which is blank, insert “K”, “…”, a blank cell"."""
    w, t = table_words(language)
    return contract(t, w["row_fill"].format(table=table, row=row, cells=row_reading(cells, language)))


def delete_row(table: str, row: str, language: str = "") -> str:
    w, t = table_words(language)
    return contract(t, w["row_delete"].format(table=table, row=row))


def insert_row(table: str, row: str, cells: list[str], *, before: bool = False, language: str = "") -> str:
    """ "In the table after …, after the row “C”, insert a new row reading “D”, “…”, a blank cell"."""
    w, t = table_words(language)
    key = "row_insert_before" if before else "row_insert_after"
    return contract(t, w[key].format(table=table, row=row, cells=row_reading(cells, language)))


def row_reading(cells: Sequence[str], language: str = "") -> str:
    """A row's cells as read out: "“D”, “Member States …”, a blank cell"."""
    w, _ = table_words(language)
    return ", ".join(quote(c, language) if c.strip() else w["blank_cell"] for c in cells)


def table_reading(rows: Sequence[Sequence[str]], language: str = "") -> str:
    """A whole table as read out: its rows in order, separated by semicolons."""
    joint = get_language(language).punctuate(";") + " " if amendment_words(language) else "; "
    return joint.join(row_reading(r, language) for r in rows)


def insert_table(after: str, rows: Sequence[Sequence[str]], language: str = "") -> str:
    """ "After operative paragraph 3, insert a new table reading: “Level”, “Rate”; “K”, “1”"."""
    w, t = table_words(language)
    return contract(t, w["table_insert"].format(place=after, rows=table_reading(rows, language)))


@cache
def table_start(language: str) -> re.Pattern[str]:
    """The words a sentence acting in a table opens with, through the table's first word ("In the table",
    "Au tableau", "En el cuadro"; "In the second table")."""
    return re.compile("|".join(f"(?:{h})" for h in sorted(table_heads(language))), re.I)


def table_heads(language: str) -> set[str]:
    w, t = table_words(language)
    # any ordinal's words: the opening only has to be told from other lines (it runs on every line of a text),
    # the sentence's own reading checks the ordinal
    groups = {"ordinal": r"\w+(?:[-\s]\w+){0,3}"}
    # each name up to the word before its place, which a contraction may fold in ("au début du dispositif")
    names = [
        w[k].split("{place}")[0].split("{part}")[0].strip().rsplit(" ", 1)[0] + " "
        for k in ("table_after", "table_nth_after", "table_start")
    ]
    openings = [w[k].split("{table}")[0] for k in ("row_delete", "row_insert_after", "row_insert_before")]
    openings.append((t["in"].split("{place}")[0] if t else "In ") + w["cell"].split("{table}")[0])
    return {template_pattern(contract(t, o + n).rstrip(), groups) for o in openings for n in names}
