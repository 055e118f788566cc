"""Amendments inside a table: a cell's words changed, a row deleted or inserted, worded as the oral revisions
word them ("In the table after operative paragraph 3, in the row “C”, column “Rate”, replace “0.009” with
“0.008”", "In the table after …, delete the row “C”", "…, after the row “B”, insert a new row reading “D”, “1”";
our own wording, `app.wording`'s table words: none of the issued amendments we could read words a table).

The table is named by the paragraph before it (`Instruction.number` of its kind, 0: at the beginning of its
list) and its place among the tables after that paragraph (`TableCell.nth`); a row by its first cell where that
names it, else by its number; a column by its heading, else by its number: names and numbers are the base
table's, as printed. A table whose columns, header rows or merged cells change, or whose words carry quotation
marks, italics or notes, has no such sentence: the amendment is refused in one line (`app.amendments`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import cache

from app import inline
from app.compare.oral_tables import column_headings, row_headings
from app.compare.table_diff import row_pairs
from app.digits import to_int
from app.errors import InputError
from app.messages import Phrase, say
from app.model import Action, Instruction, Paragraph, Part, TableCell
from app.wording.edits import Edit
from app.wording.places import paragraph_name
from app.wording.reading import parse_sentence
from app.wording.sentences import delete_paragraph, in_paragraph
from app.wording.tables import cell_place as _cell_place
from app.wording.tables import delete_row, fill_cell, insert_row, row_name, table_place, table_words
from app.wording.units import is_annex_unit
from app.wording.words import amendment_words, contract, expand, holes, quote, template_pattern

_UNSAID = re.compile(r"[“”\"«»*\[\]\\]")  # what quoted words cannot carry and read back


def _plain(cell: str) -> str:
    return " ".join(inline.plain(cell).split())


# --- the sentence --------------------------------------------------------------------------------------------


def _names(ins: Instruction, language: str) -> tuple[str, str]:
    cell = ins.cell
    assert cell is not None
    table = table_place(ins.part, ins.number, ins.unit, cell.nth, language=language)
    return table, row_name(cell.row_name, max(cell.row, 1), language)


def table_sentence(ins: Instruction, language: str = "") -> str:
    """The sentence of one instruction in a table."""
    cell = ins.cell
    assert cell is not None
    table, row = _names(ins, language)
    if not cell.column and ins.action is Action.DELETE:
        return delete_row(table, row, language)
    if not cell.column:
        return insert_row(table, row, cell.cells, before=cell.row == 0, language=language)
    if ins.action is Action.INSERT and not (ins.after or ins.old):
        phrase = fill_cell(ins.new, language)  # a blank cell filled: "insert “12”"
    else:
        phrase = Edit(ins.action, ins.old, ins.new, ins.after).phrase_in(language)
    place = _cell_place(table, row, cell.column_name, cell.column, language)
    return in_paragraph(place, [phrase], language)


# --- deriving ------------------------------------------------------------------------------------------------


def derive_table(
    at: tuple[str, Part, int, int],
    bp: Paragraph,
    np: Paragraph,
    text_edits: Callable[[str, str], list[Edit] | None],
) -> list[Instruction] | None:
    """The instructions from one table to its counterpart, or None when the wording cannot say the change.
    `at`: the unit, kind and number of the paragraph before it, and its place among the tables after it."""
    unit, part, number, nth = at
    b, n = bp.table, np.table
    width = max((len(r) for r in b), default=0)
    frame = (bp.header_rows, bp.merges, bp.text, bp.heading, bp.tail)
    if (
        not (b and n)
        or any(len(r) != width for r in [*b, *n])
        or frame != (np.header_rows, np.merges, np.text, np.heading, np.tail)
    ):
        return None
    names, columns = row_headings(b, bp.header_rows), column_headings(b, bp.header_rows, bp.merges)

    def where(row: int, column: int = 0, cells: list[str] | None = None) -> TableCell:
        named = names[max(row, 1) - 1] if b else ""
        heading = columns[column - 1] if column else ""
        return TableCell(nth, row, named, column, heading, list(cells or []))

    out: list[Instruction] = []
    anchor = 0  # the base row last passed: a row inserted goes after it
    for x, y in row_pairs(b, n):
        if y is None:
            assert x is not None
            out.append(Instruction(Action.DELETE, part, number, unit=unit, cell=where(x + 1)))
        elif x is None:
            if any(_UNSAID.search(c) for c in n[y]):  # quoted words carry no marks, italics or notes
                return None
            out.append(Instruction(Action.INSERT, part, number, unit=unit, cell=where(anchor, cells=n[y])))
        else:
            for c, (old, new) in enumerate(zip(b[x], n[y], strict=True), start=1):
                if old == new:
                    continue
                if _UNSAID.search(old + new):
                    return None
                found = _cell_edits(old, new, text_edits)
                if found is None:
                    return None
                out += [
                    Instruction(
                        e.action,
                        part,
                        number,
                        old=e.old,
                        new=e.new,
                        after=e.after,
                        unit=unit,
                        cell=where(x + 1, c),
                    )
                    for e in found
                ]
        anchor = x + 1 if x is not None else anchor
    table = copy.deepcopy(bp)
    try:
        carry_out(table, out, "")
    except InputError:
        return None
    return out if table.table == n else None


def _cell_edits(old: str, new: str, text_edits: Callable[[str, str], list[Edit] | None]) -> list[Edit] | None:
    if not old.strip():
        return [Edit(Action.INSERT, new=new.strip())]  # "insert “12”": a blank cell filled
    if not new.strip():
        return [Edit(Action.DELETE, old=old.strip())]
    return text_edits(old, new) or [Edit(Action.REPLACE, old=old.strip(), new=new.strip())]


# --- applying ------------------------------------------------------------------------------------------------


def _find_table(items: list[Paragraph], start: int, nth: int) -> Paragraph | None:
    """The `nth` table after the paragraph at 1-based place `start` in `items` (0: at the beginning)."""
    for seen, para in enumerate(items[start:], start=1):
        if not para.is_table:
            return None
        if seen == nth:
            return para
    return None


class _Names:
    """A table's rows by first cell, its width and its columns' headings, found once per table: looked up for
    each instruction, they made a table of thousands of rows each changed a square of the rows."""

    def __init__(self, table: Paragraph) -> None:
        self.table = table
        self.rows: dict[str, list[int]] = {}
        for i, row in enumerate(table.table):
            if row:
                self.rows.setdefault(_plain(row[0]), []).append(i)
        self.width = max((len(r) for r in table.table), default=0)
        self._headings: list[str] | None = None

    def headings(self) -> list[str]:
        if self._headings is None:
            t = self.table
            self._headings = column_headings(t.table, t.header_rows, t.merges)
        return self._headings


def _row_index(names: _Names, cell: TableCell, where: Phrase) -> int:
    """The 0-based index of the row named; -1 before the first."""
    if cell.row == 0:
        return -1
    if cell.row_name:
        found = names.rows.get(cell.row_name, [])
        if len(found) == 1:
            return found[0]
        raise InputError(say("{place} has no row {row}", place=where, row=quote(cell.row_name)))
    if not 1 <= cell.row <= len(names.table.table):
        raise InputError(say("{place} has no row {row}", place=where, row=cell.row))
    return cell.row - 1


def _column_index(names: _Names, cell: TableCell, where: Phrase) -> int:
    if cell.column_name:
        headings = names.headings()
        if cell.column_name in headings:
            return headings.index(cell.column_name)
        raise InputError(say("{place} has no column {column}", place=where, column=quote(cell.column_name)))
    if not 1 <= cell.column <= names.width:
        raise InputError(say("{place} has no column {column}", place=where, column=cell.column))
    return cell.column - 1


def carry_out(table: Paragraph, instructions: list[Instruction], unit: str) -> None:
    """The instructions on one table, every row named as the table stood before any of them."""
    from app.amendments import apply_edits

    rows = [list(r) for r in table.table]
    gone: set[int] = set()
    added: dict[int, list[list[str]]] = {}
    cells: dict[tuple[int, int], list[Instruction]] = {}
    names = _Names(table)
    for ins in instructions:
        cell = ins.cell
        assert cell is not None
        where = Phrase(table_place, (ins.part, ins.number, ins.unit, cell.nth))
        row = _row_index(names, cell, where)
        if not cell.column and ins.action is Action.DELETE:
            gone.add(row)
        elif not cell.column:
            added.setdefault(row, []).append([*cell.cells, *[""] * (len(rows[0]) - len(cell.cells))])
        else:
            cells.setdefault((row, _column_index(names, cell, where)), []).append(ins)
    for (r, c), group in cells.items():
        where = Phrase(table_place, (group[0].part, group[0].number, unit, group[0].cell.nth))
        text = rows[r][c]
        for ins in group:
            if not text.strip() and ins.action is Action.INSERT and not (ins.after or ins.old):
                text = ins.new  # a blank cell filled
            else:
                text = apply_edits(text, [ins], where)
        rows[r][c] = text
    out = list(added.get(-1, []))
    for i, row in enumerate(rows):
        if i not in gone:
            out.append(row)
        out += added.get(i, [])
    table.table = out


def apply_tables(
    instructions: list[Instruction], lists: Callable[[str, Part], list[Paragraph] | None]
) -> None:
    """Carry out every instruction in a table, each table found in the draft before any other change."""
    from app.amendments import _list_index

    by_table: dict[int, tuple[Paragraph, list[Instruction]]] = {}
    for ins in instructions:
        table = find(ins, lists, _list_index)
        by_table.setdefault(id(table), (table, []))[1].append(ins)
    for table, group in by_table.values():
        carry_out(table, group, group[0].unit)


def find(
    ins: Instruction, lists: Callable[[str, Part], list[Paragraph] | None], index: Callable
) -> Paragraph:  # noqa: ANN001
    """The table an instruction names in the draft; InputError when it has none there."""
    cell = ins.cell
    assert cell is not None
    where = Phrase(table_place, (ins.part, ins.number, ins.unit, cell.nth))
    items = lists(ins.unit, ins.part)
    found = None
    if items is not None:
        start = index(items, ins.number, ins.part if is_annex_unit(ins.unit) else None)
        found = _find_table(items, start, cell.nth) if 0 <= start <= len(items) else None
    if found is None:  # "the draft has no {place}" read "has no the table after …"
        raise InputError(say("{place} is not in the draft", place=where))
    return found


# --- reading back --------------------------------------------------------------------------------------------

_T, _R, _C, _E, _K = "\x11", "\x12", "\x13", "\x14", "\x15"
_SLOTS = {_T: "table", _R: "row", _C: "col", _E: "edits", _K: "cells"}


@cache
def _template_pattern(template: str, language: str = "") -> re.Pattern[str]:
    """A sentence made with stand-ins for its pieces as a pattern capturing each piece, its contractions
    undone as the sentence read has them ("au début" as "à le début")."""
    t = amendment_words(language)
    template = expand(t, template) if t else template
    out = []
    template = template.replace("\u00a0", " ")  # the sentence read has its spaces made ordinary
    for piece in re.split(f"([{''.join(_SLOTS)}])", template):
        if piece in _SLOTS:
            # a table's, a row's and a column's name hold no comma (quoted words are holes): each piece is
            # found in one pass, not tried at every split of a long sentence
            out.append(
                f"(?P<{_SLOTS[piece]}>[^,]+?)" if piece not in (_E, _K) else f"(?P<{_SLOTS[piece]}>.+)"
            )
        elif piece:
            out.append(template_pattern(piece, {}))
    return re.compile("".join(out), re.I)


@cache
def _sentence_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    w, t = table_words(language)
    place = w["cell"].format(table=_T, row=_R, column=_C)
    edit = t["in"].format(place=place, edits=_E) if t else f"In {place}, {_E}"
    return (
        ("cell", _template_pattern(edit, language)),
        ("delete", _template_pattern(w["row_delete"].format(table=_T, row=_R), language)),
        ("after", _template_pattern(w["row_insert_after"].format(table=_T, row=_R, cells=_K), language)),
        ("before", _template_pattern(w["row_insert_before"].format(table=_T, row=_R, cells=_K), language)),
    )


def _unholed(text: str, quoted: list[str], language: str) -> str:
    return re.sub(r"\0(\d+)\0", lambda h: quote(quoted[int(h.group(1))], language), text)


def _table_at(text: str, quoted: list[str], language: str) -> tuple[Part, int, str, int] | None:
    """A table's name read back: the kind, number and unit of the paragraph before it, and `nth`."""
    w, t = table_words(language)
    ordinals = t["ordinals"] if t else None
    for key in ("table_nth_after", "table_after", "table_start"):
        template = w[key].format(place=_T, part=_T, ordinal=_R)
        m = _template_pattern(template, language).fullmatch(text)
        if not m:
            continue
        nth = 1
        if key == "table_nth_after":
            said = m.group("row").strip().lower()
            from app.formatting import parse_ordinal_words

            nth = (
                (ordinals.index(said) + 1 if said in ordinals else 0)
                if ordinals
                else (parse_ordinal_words(said) or 0)
            )
            if nth < 2:
                continue
        whole = _unholed(m.group("table"), quoted, language)
        try:
            if key == "table_start":  # its list named as a first paragraph's sentence names it
                start = (
                    contract(t, t["insert_start"].format(part=whole, new=t["new_operative"]))
                    if t
                    else f"At the beginning of {whole}, insert a new operative paragraph reading"
                )
                (ins,), _ = parse_sentence(start + ":", language)
                return ins.part, 0, ins.unit, 1
            (ins,), _ = parse_sentence(delete_paragraph(whole, language=language), language)
        except (InputError, ValueError):
            continue
        return ins.part, ins.number, ins.unit, nth
    return None


def _row_of(text: str, quoted: list[str], language: str) -> tuple[int, str] | None:
    w, _ = table_words(language)
    m = _template_pattern(w["row_named"].format(name=_T), language).fullmatch(text)
    if m and (h := re.fullmatch(r"\0(\d+)\0", m.group("table").strip())):
        return 1, quoted[int(h.group(1))]
    m = _template_pattern(w["row_number"].format(number=_T), language).fullmatch(text)
    # a row counts from 1 ("row 0" would read as the place before the first row); "²" and a run of thousands
    # of digits are no number: the sentence is not read, and `amend --apply` says so
    number = to_int(m.group("table")) if m else None
    return (number, "") if number else None


def _cells_of(text: str, quoted: list[str], language: str) -> list[str] | None:
    w, _ = table_words(language)
    out = []
    for piece in re.split(r"\s*,\s*", text.strip()):
        if h := re.fullmatch(r"\0(\d+)\0", piece):
            out.append(quoted[int(h.group(1))])
        elif piece.lower() == w["blank_cell"].lower():
            out.append("")
        else:
            return None
    return out


def parse_table_sentence(text: str, language: str) -> Instruction | None:
    """`table_sentence` read back in `language`'s wording; None when the sentence names no table."""
    t = amendment_words(language)
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
    holed, quoted = holes(expand(t, body) if t else body)
    for kind, pattern in _sentence_patterns(language):
        m = pattern.fullmatch(holed)
        if not m:
            continue
        at = _table_at(m.group("table").strip(), quoted, language)
        row = _row_of(m.group("row").strip(), quoted, language)
        if at is None or row is None:
            continue
        part, number, unit, nth = at
        cell = TableCell(nth, row[0], row[1])
        if kind == "before":
            cell.row = 0
        if kind == "cell":
            found = _cell_edit(m.group("col").strip(), m.group("edits"), quoted, language, cell)
            if found is not None:
                found.part, found.number, found.unit = part, number, unit
                return found
            continue
        if kind == "delete":
            return Instruction(Action.DELETE, part, number, unit=unit, cell=cell)
        cells = _cells_of(m.group("cells"), quoted, language)
        if cells is None:
            continue
        cell.cells = cells
        return Instruction(Action.INSERT, part, number, unit=unit, cell=cell)
    return None


def _cell_edit(
    column: str, edits: str, quoted: list[str], language: str, cell: TableCell
) -> Instruction | None:
    if h := re.fullmatch(r"\0(\d+)\0", column):
        cell.column, cell.column_name = 1, quoted[int(h.group(1))]
    elif number := to_int(column):  # from 1: column 0 would make the edit a row inserted
        cell.column = number
    else:
        return None
    fill = template_pattern(table_words(language)[0]["fill_cell"], {"new": r"\0(?P<n>\d+)\0"})
    if m := re.fullmatch(fill, edits.strip(), re.I):
        return Instruction(Action.INSERT, Part.OPERATIVE, 0, new=quoted[int(m.group("n"))], cell=cell)
    words = _unholed(edits, quoted, language)
    place = paragraph_name(Part.OPERATIVE, 1, language=language)
    try:
        found, _ = parse_sentence(in_paragraph(place, [words], language), language)
    except InputError:
        return None
    if len(found) != 1:
        return None
    found[0].cell = cell
    return found[0]
