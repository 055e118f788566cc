"""What an amendment's AKN carries beyond paragraphs: a part or an annex added whole, and a change in a table.

A part or an annex added is an insertion whose `quotedStructure` holds the unit as the UN marks one on its own:
an annex as the `doc` of an attachment ("Annex" and its title as heading paragraphs, then its paragraphs,
numbered or not), a part as a `statement` (its title in the preface, then its preamble and main body). AKN lets a
`quotedStructure` hold a whole document (its content model includes the document types) for exactly this. Its
`destination` is the part or annex it follows ("part_a", pos "after") or goes before (pos "before"), or, with
none of its kind in the draft, the draft's "attachments" (pos "end").

A change in a table names the table as its paragraph's eId and `__table_N` (the Nth table after that
paragraph: "para_3__table_1", "annex_ii__para_0__table_1" before the annex's first paragraph), pos "inside",
and its row and column as attributes of the `textualMod` (`akn4un:row`, `akn4un:rowName`, `akn4un:column`,
`akn4un:columnName`: AKN has no destination finer than an element, and a draft's table rows have no eIds). A
row inserted or filled has its cells as a one-row `table` in the `quotedStructure`. Our own marking: no
issued amendment in AKN acting in a table or adding a unit was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from app import inline
from app.model import Annex, Instruction, Resolution, ResolutionPart, TableCell

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
NO_UNIT = "attachments"  # the destination of an annex added to a draft with none
_TABLE_EID = re.compile(r"(?P<place>.+)__table_(?P<nth>\d{1,3})")
_CELL_ATTRS = (("row", "row"), ("rowName", "row_name"), ("column", "column"), ("columnName", "column_name"))


def _tag(name: str) -> str:
    return f"{{{AKN_NS}}}{name}"


def unit_destination(ins: Instruction, prefix: Callable[[str], str]) -> tuple[str, str]:
    """The destination eId and pos of a part or an annex added (`prefix`: the writer's `unit_eid_prefix`)."""
    label = ins.after or ins.old
    if not label:
        return NO_UNIT, "end"
    return prefix(label).removesuffix("__"), "after" if ins.after else "before"


def write_unit(structure: etree._Element, body: ResolutionPart | Annex, res: Resolution, writer: Any) -> None:
    """The part or annex `body` inside `structure`, as `writer` (the AKN writer's class) marks a draft's own:
    written from a draft holding only it (the amendment's language and footnotes), its eIds under the
    structure's so that they stay unique in the file."""
    own = Resolution()
    own.header.language, own.footnotes = res.header.language, res.footnotes
    holder = etree.Element(_tag("holder"))
    if isinstance(body, Annex):
        own.annexes = [body]
        writer(own).annexes(holder)
        doc = holder[0][0]  # attachment/doc
    else:
        own.preamble, own.operative = body.preamble, body.operative
        sub = writer(own)
        doc = etree.SubElement(holder, _tag("statement"), name="part")
        if body.title:
            title = etree.SubElement(
                etree.SubElement(etree.SubElement(doc, _tag("preface")), _tag("p")), _tag("docTitle")
            )
            sub.spans(title, inline.parse(body.title))
        sub.body(doc, "", sub.r.organ_line, sub.r.organ_comma)
    stem = structure.get("eId")
    for el in doc.iter():
        if isinstance(el.tag, str) and el.get("eId"):
            el.set("eId", f"{stem}__{el.get('eId')}")
    structure.append(doc)


def read_unit(
    structure: etree._Element, read_annex: Callable, read_part: Callable
) -> ResolutionPart | Annex | None:
    """`write_unit` read back by the reader's own annex and part readers; None: the structure holds no unit."""
    doc = next((c for c in structure if isinstance(c.tag, str)), None)
    if doc is None:
        return None
    kind = etree.QName(doc).localname
    if kind == "doc":
        return read_annex(doc)
    if kind == "statement":
        return read_part(doc)
    return None


def table_destination(eid: str, cell: TableCell) -> str:
    """The eId naming the table an instruction acts in: its paragraph's and the table's count after it."""
    return f"{eid}__table_{cell.nth}"


def write_cell(mod: etree._Element, structure: etree._Element | None, cell: TableCell) -> None:
    """The row and column on the `textualMod`; a row's cells (inserted or filled) as a one-row table."""
    for attr, field in _CELL_ATTRS:
        value = getattr(cell, field)
        if value:
            mod.set(f"{{{AKN4UN_NS}}}{attr}", str(value))
    if structure is not None and cell.cells:
        row = etree.SubElement(etree.SubElement(structure, _tag("table")), _tag("tr"))
        for text in cell.cells:
            p = etree.SubElement(etree.SubElement(row, _tag("td")), _tag("p"))
            p.text = inline.plain(text)


def split_table(eid: str) -> tuple[str, int] | None:
    """`table_destination` read back: the paragraph's eId and the table's count; None: no table named."""
    m = _TABLE_EID.fullmatch(eid)
    return (m.group("place"), int(m.group("nth"))) if m else None


def read_cell(mod: etree._Element, nth: int, structure: etree._Element | None, markup: Callable) -> TableCell:
    """The `TableCell` a `textualMod` names (`markup`: the reader's inline markup of an element)."""
    cell = TableCell(nth=nth)
    for attr, field in _CELL_ATTRS:
        value = mod.get(f"{{{AKN4UN_NS}}}{attr}", "")
        if field in ("row", "column"):
            setattr(cell, field, int(value) if value.isdigit() else 0)
        else:
            setattr(cell, field, value)
    if structure is not None:
        cells = [td for td in structure.iter(_tag("td"), _tag("th"))]
        cell.cells = [markup(next(iter(td), td)) for td in cells]
    return cell
