"""Tables in plain text whose cells tabs set apart: Resolute's own text export read back, and the shape Word puts
on the clipboard for paragraphs and a table copied together ("1.⇥Decides …", a row a line, cells by tabs).

Expected cells come from the UN's XML of A/RES/79/250 read with lxml alone (tests/fixtures/akn/README.md), or
from the tables the tests generate."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from app.cli import run as cli_main
from app.errors import InputError
from app.io import text_tables
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import MAX_TABLE_ROWS, Paragraph

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _xml_rows() -> list[list[str]]:
    table = next(etree.parse(str(FIXTURE)).getroot().iter(f"{AKN}table"))
    return [
        [" ".join("".join(c.itertext()).split()) for c in tr if c.tag in (f"{AKN}th", f"{AKN}td")]
        for tr in table
    ]


def _plain(markup: str) -> str:
    from app import inline

    return " ".join(inline.plain(markup).split())


def _shape(paras: list[Paragraph]) -> list[tuple[str, str, bool, int]]:
    return [(p.opener, _plain(p.text), p.is_table, len(p.subparagraphs)) for p in paras]


def test_a_text_export_reads_back_with_its_table_in_its_place() -> None:
    issued = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution
    back = read_text(to_text(issued)).resolution
    tables = [p for p in back.operative if p.is_table]
    assert len(tables) == 1
    assert [[_plain(cell) for cell in row] for row in tables[0].table] == _xml_rows()
    # in its place, with the note printed under it as its own text, and nothing else moved
    assert _shape(back.operative) == _shape(issued.operative)
    assert not back.unplaced


def _clipboard(before: str, rows: list[list[str]], after: str) -> str:
    """Two numbered paragraphs around a table as Word copies them: each paragraph a line with its number and a
    tab, each row a line with its cells set apart by tabs, the tabs that end a line stripped by the editor."""
    table = "\n".join("\t".join(row).rstrip("\t") or "\t" * (len(row) - 1) for row in rows)
    return f"1.\t*Decides* {before}:\n{table}\n2.\t*Requests* {after}.\n"


_WORD = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=8)
_CELL = st.one_of(st.just(""), st.lists(_WORD, min_size=1, max_size=4).map(" ".join))


def _strong(row: list[str]) -> bool:
    """A row printed with a tab between two cells' texts: a row wherever it stands. Any other row (one cell's
    text alone, or no text: a line of tabs) is a row only between two rows, and needs a strong row after it."""
    return sum(bool(cell) for cell in row) >= 2


def _strengthened(row: list[str]) -> list[str]:
    return ["xx", "yy", *row[2:]]


@st.composite
def _tables(draw: st.DrawFn) -> list[list[str]]:
    width = draw(st.integers(2, 6))
    full = st.lists(st.lists(_WORD, min_size=1, max_size=3).map(" ".join), min_size=width, max_size=width)
    inner = draw(st.lists(st.lists(_CELL, min_size=width, max_size=width), max_size=6))
    # the first and last rows are whole; a row that is not strong stands before a strong one
    rows = [draw(full), *inner, draw(full)]
    for i in range(1, len(rows) - 1):
        if not _strong(rows[i]) and not _strong(rows[i + 1]):
            rows[i + 1] = _strengthened(rows[i + 1])
        if not any(rows[i]) and not _strong(rows[i - 1]):
            rows[i - 1] = _strengthened(rows[i - 1])  # an empty row after a weak one: nothing marks it
    return rows


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_tables())
def test_a_table_copied_from_word_with_its_paragraphs_is_a_table_between_them(rows: list[list[str]]) -> None:
    res = read_text(_clipboard("to act as follows", rows, "the Secretary-General to report")).resolution
    assert [p.is_table for p in res.operative] == [False, True, False]
    assert res.operative[1].table == rows
    assert [p.opener for p in res.operative] == ["Decides", "", "Requests"]
    assert _plain(res.operative[2].text).rstrip(".") == "the Secretary-General to report"


def test_numbered_paragraphs_and_labelled_items_set_apart_by_tabs_are_no_table() -> None:
    """Word copies a numbered list with a tab after each number or label: read as the same text with spaces."""
    lines = [
        "*Recalling* its resolution 78/1,",
        "1.\t*Decides* to act on the following:",
        "(a)\tthe first matter;",
        "(b)\tthe second matter;",
        "2.\t*Requests* the Secretary-General to report.",
        "3.\t*Decides* to remain seized of the matter.",
    ]
    tabbed = read_text("\n\n".join(lines)).resolution
    spaced = read_text("\n\n".join(line.replace("\t", " ") for line in lines)).resolution
    assert not any(p.is_table for p in tabbed.operative)
    assert _shape(tabbed.operative) == _shape(spaced.operative)
    assert [_shape(p.subparagraphs) for p in tabbed.operative] == [
        _shape(p.subparagraphs) for p in spaced.operative
    ]


def test_lines_of_tabs_alone_between_paragraphs_are_blank_lines() -> None:
    lines = ["*Recalling* its resolution 78/1,", "1.\t*Decides* to act.", "2.\t*Requests* a report."]
    tabbed = read_text("\n\t\t\n".join(lines)).resolution
    blank = read_text("\n\n".join(lines)).resolution
    assert _shape(tabbed.preamble + tabbed.operative) == _shape(blank.preamble + blank.operative)


def test_a_table_past_the_models_bounds_is_refused_in_one_line(tmp_path: Path) -> None:
    rows = "\n".join(f"row {i}\tcell {i}" for i in range(MAX_TABLE_ROWS + 1))
    text = f"1.\t*Decides* as follows:\n{rows}\n2.\t*Requests* a report.\n"
    with pytest.raises(InputError) as exc:
        read_text(text)
    assert "\n" not in str(exc.value) and "rows" in str(exc.value)
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    assert cli_main(["check", str(path)]) == 2


def test_finding_the_tables_is_one_pass_over_the_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line is asked whether it is a row a bounded number of times, however long the table."""
    asked = {"n": 0}
    real = text_tables._row

    def counted(line: str) -> bool:
        asked["n"] += 1
        return real(line)

    monkeypatch.setattr(text_tables, "_row", counted)
    counts = []
    for n in (300, 3000):
        asked["n"] = 0
        lines = [f"a{i}\tb{i}" if i % 7 else "" for i in range(n)] + ["plain"] * n
        text_tables.table_runs(text_tables.empty_rows_kept(lines, lines))
        counts.append(asked["n"])
    assert counts[1] <= 11 * counts[0]
    assert counts[1] <= 4 * 2 * 3000
