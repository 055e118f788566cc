"""A line with no tab between two tables of tab-separated rows (Word's clipboard, a text export) is a row of the
table whose other cells were stripped, unless it opens as a paragraph: "(a) The General Assembly …", "3. Decides
…" or "Note: …" stays a paragraph between two tables, read as it reads with blank lines around it.

The tables' cells come from the UN's XML of A/RES/79/250 read with lxml alone (tests/fixtures/akn/README.md)."""

from __future__ import annotations

import pytest
from test_tabbed_tables import _xml_rows

from app.io import text_tables
from app.io.text_reader import read_text
from app.io.text_writer import to_text

LINES = [
    "(a) The General Assembly decides to consider the matter at its next session;",
    "(iv) To report thereon to the General Assembly;",
    "3. Decides to remain seized of the matter.",
    "Note: The figures are in thousands of United States dollars.",
    "Source: Secretariat estimates.",
]


def _table(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows)


def _draft(first: list[list[str]], line: str, second: list[list[str]], gap: str) -> str:
    return f"1.\t*Decides* to act as follows:\n{_table(first)}\n{gap}{line}\n{gap}{_table(second)}\n2.\t*Requests* a report.\n"


@pytest.mark.parametrize("line", LINES)
def test_a_labelled_line_between_two_tables_stays_a_paragraph(line: str) -> None:
    rows = _xml_rows()
    half = len(rows) // 2
    first, second = rows[:half], rows[half:]
    text = _draft(first, line, second, "")
    lines = text.split("\n")
    at = lines.index(line)
    runs = text_tables.table_runs(lines)
    assert len(runs) == 2 and runs[0][1] == at and runs[1][0] == at + 1
    read = read_text(text).resolution
    apart = read_text(_draft(first, line, second, "\n")).resolution  # blank lines around it: a paragraph
    assert to_text(read) == to_text(apart)
    tables = [p for p in read.operative if p.is_table]
    assert [len(t.table) for t in tables] == [len(first), len(second)]


def test_a_first_cell_alone_between_rows_is_still_a_row() -> None:
    rows = [["Name", "Value"], ["Alpha", "1"], ["Beta"], ["Gamma", "3"]]
    lines = _table(rows).split("\n")
    assert text_tables.table_runs(lines) == [(0, 4)]
