"""Tables as the UN XML marks them up (`th`, `td`, `colspan`, `rowspan`): each cell placed at the first grid
slot no cell above covers, as the HTML table model does. Shared by the tests whose expected merged cells come
from the issued markup."""

from __future__ import annotations

import re

from lxml import etree

from app import inline

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
Merge = tuple[int, int, int, int]


def markup_merges(table: etree._Element) -> tuple[list[Merge], list[list[str]]]:
    """The table's merges and its cells' words by grid slot."""
    rows = [tr for tr in table.iter(f"{AKN}tr")]
    taken: set[tuple[int, int]] = set()
    merges, words = [], {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in (f"{AKN}th", f"{AKN}td"):
                continue
            while (r, c) in taken:
                c += 1
            down = min(int(cell.get("rowspan", "1")), len(rows) - r)
            across = int(cell.get("colspan", "1"))
            taken |= {(r + i, c + j) for i in range(down) for j in range(across)}
            words[r, c] = " ".join("".join(cell.itertext()).split())
            if down * across > 1:
                merges.append((r, c, down, across))
            c += across
    width = 1 + max(c for _, c in taken)
    grid = [[words.get((r, c), "") for c in range(width)] for r in range(len(rows))]
    return sorted(merges), grid


def header_rows(table: etree._Element) -> int:
    """The rows the markup heads the table with: those of `th` cells, counted from the top."""
    count = 0
    for tr in table.iter(f"{AKN}tr"):
        if not any(cell.tag == f"{AKN}th" for cell in tr):
            break
        count += 1
    return count


def figure_cells(table: list[list[str]], header_rows: int) -> list[tuple[int, int]]:
    """(row, column) of every body cell that holds a figure alone ("1 234", "12.5"), first column left out: the
    cells a delegation's proposal changes in the table tests."""
    return [
        (r, c)
        for r in range(header_rows, len(table))
        for c in range(1, len(table[r]))
        if re.fullmatch(r"[\d ,.]+", " ".join(inline.plain(table[r][c]).split()))
    ]
