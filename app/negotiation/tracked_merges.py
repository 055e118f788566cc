"""Word's tracked vertical merge or split of a table cell (w:tcPr/w:cellMerge, ECMA-376 17.13.5.4): `w:vMerge`
the setting the revision gave the cell, `w:vMergeOrig` the one it took away (none: the cell was not merged),
each "cont" (merged with the cell above) or "rest" (not merged with it, a split).

An author's version of the file takes their revision's setting, every other version the original one. A
proposal holds words, rows and cells, not merges, so an author whose revision merges or splits cells is refused
in one line by the proposal reader (`merging_authors`), rather than their proposal read without it."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from app.io.wordml import grid_places, wtag

CELL_MERGE = "cellMerge"
_SETTINGS = ("cont", "rest")


def resolve(mark: etree._Element, mine: bool) -> etree._Element | None:
    """The cell's merge set as the version reads it (`mine`: the revision's author's), the mark taken out.
    Returns the cell where it now continues the cell above (its table's cell above must start a merge)."""
    props = mark.getparent()
    applied, original = mark.get(wtag("vMerge")), mark.get(wtag("vMergeOrig")) or "rest"
    setting = applied if mine else original
    if props is None:
        return None
    if etree.QName(props).localname != "tcPr":  # not where Word puts it: the mark alone goes
        props.remove(mark)
        return None
    if applied not in _SETTINGS or setting not in _SETTINGS:  # no revision said, or one Word never writes
        props.remove(mark)
        return None
    for old in props.findall(wtag("vMerge")):
        props.remove(old)
    merge = etree.Element(wtag("vMerge"))
    if setting == "rest":
        merge.set(wtag("val"), "restart")  # a merge of one cell is none; the cells under it may continue it
    mark.addprevious(merge)
    props.remove(mark)
    cell = props.getparent()
    return cell if setting == "cont" and cell is not None else None


def start_merges_above(cells: list[etree._Element]) -> None:
    """Each cell set to continue the one above: that one starts a merge where it had none (Word marks only the
    lower cell of two it merges)."""
    tables: dict[etree._Element, set[etree._Element]] = {}
    for tc in cells:
        tbl = next(tc.iterancestors(wtag("tbl")), None)
        if tbl is not None:
            tables.setdefault(tbl, set()).add(tc)
    for tbl, wanted in tables.items():
        above: dict[int, etree._Element] = {}  # grid column -> the last cell seen in it
        for tc, _, column in grid_places(tbl):
            upper = above.get(column)
            if tc in wanted and upper is not None:
                props = upper.find(wtag("tcPr"))
                if props is None:
                    props = etree.Element(wtag("tcPr"))
                    upper.insert(0, props)
                if props.find(wtag("vMerge")) is None:
                    props.append(etree.Element(wtag("vMerge"), {wtag("val"): "restart"}))
            above[column] = tc


def merging_authors(marks: Iterable[etree._Element]) -> set[str]:
    """The authors whose revisions among `marks` (w:cellMerge) merge or split a cell."""
    out = set()
    for mark in marks:
        applied, original = mark.get(wtag("vMerge")), mark.get(wtag("vMergeOrig")) or "rest"
        if applied in _SETTINGS and applied != original:
            out.add((mark.get(wtag("author")) or "").strip() or "Unknown")
    return out
