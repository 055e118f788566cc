"""Oral revisions inside a table (A/RES/79/250's scale-of-assessments levels): the table named by its place,
a cell by its row's first cell and its column's heading, rows added and deleted read as such."""

from __future__ import annotations

import copy
from pathlib import Path

from app import inline
from app.compare.diff import compare
from app.compare.oral import oral_revisions
from app.io.reading import read_document
from app.model import Action, Paragraph, Part, Resolution
from app.render import render
from app.wording.edits import edit_phrase
from app.wording.places import paragraph_name
from app.wording.sentences import in_paragraph
from app.wording.tables import cell_place, row_name, table_name

FIXTURE = Path(__file__).parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _base() -> tuple[Resolution, int, str]:
    """The resolution, the index of its table among the operative paragraphs, and the name of the numbered
    paragraph printed before it (from the rendered labels, not typed)."""
    res = read_document(FIXTURE).resolution
    index = next(i for i, p in enumerate(res.operative) if p.table)
    blocks = render(res).blocks
    at = next(i for i, b in enumerate(blocks) if b.role == "table")
    label = next(b.label for b in reversed(blocks[:at]) if b.role == "operative" and b.level == 0 and b.label)
    return res, index, f"operative paragraph {label.rstrip('.')}"


def _plain(cell: str) -> str:
    return " ".join(inline.plain(cell).split())


def _lines(base: Resolution, new: Resolution) -> list[str]:
    return [r.instruction for r in oral_revisions(compare(base, new))]


def _body_row(table: list[list[str]], header: int, column: int) -> int:
    """A body row whose cell in `column` is one word (so its replacement is one word for one word)."""
    return next(i for i in range(header, len(table)) if len(_plain(table[i][column]).split()) == 1)


def test_a_changed_cell_is_named_by_its_row_and_column() -> None:
    base, index, before = _base()
    table = base.operative[index].table
    header = base.operative[index].header_rows
    assert header >= 1
    column = len(table[0]) - 1
    row = _body_row(table, header, column)
    new = copy.deepcopy(base)
    old_value = _plain(table[row][column])
    new.operative[index].table[row][column] = old_value + "5"
    heading = _plain(table[0][column])
    assert _lines(base, new) == [
        f"In the table after {before}, in the row “{_plain(table[row][0])}”, column “{heading}”, "
        f"replace “{old_value}” with “{old_value}5”"
    ]


def test_rows_added_and_deleted_are_read_as_rows() -> None:
    base, index, before = _base()
    table = base.operative[index].table
    header = base.operative[index].header_rows
    new = copy.deepcopy(base)
    rows = new.operative[index].table
    after = header + 2
    added = ["Z", "Member States newly listed", "Not applicable", "12.5"]
    rows.insert(after + 1, added)
    gone = len(table) - 1
    del rows[gone + 1]  # the last row, one further down for the row added
    lines = _lines(base, new)
    reading = ", ".join(f"“{c}”" for c in added)
    assert lines == [
        f"In the table after {before}, after the row “{_plain(table[after][0])}”, insert a new row reading {reading}",
        f"In the table after {before}, delete the row “{_plain(table[gone][0])}”",
    ]


def test_without_a_header_row_rows_and_columns_go_by_number() -> None:
    base, index, before = _base()
    base.operative[index].header_rows = 0
    table = base.operative[index].table
    column = len(table[0]) - 1
    row = _body_row(table, 1, column)
    new = copy.deepcopy(base)
    new.operative[index].table[row][column] = "99"
    (line,) = _lines(base, new)
    assert line.startswith(f"In the table after {before}, in row {row + 1}, column {column + 1}, replace ")


def test_a_table_deleted_whole_and_a_second_table_after_the_same_paragraph() -> None:
    base, index, before = _base()
    new = copy.deepcopy(base)
    del new.operative[index]
    assert _lines(base, new) == [f"Delete the table after {before}"]
    two = copy.deepcopy(base)
    two.operative.insert(index + 1, Paragraph(table=[["Level", "Rate"], ["K", "1"]], header_rows=1))
    changed = copy.deepcopy(two)
    changed.operative[index + 1].table[1][1] = "2"
    assert _lines(two, changed) == [
        f"In the second table after {before}, in the row “K”, column “Rate”, replace “1” with “2”"
    ]


def test_the_wording_in_french_and_spanish() -> None:
    for language, expected in (
        ("fr", "Au tableau qui suit le paragraphe 11, à la ligne «\u00a0C\u00a0», colonne 4, remplacer"),
        ("es", "En el cuadro que sigue al párrafo 11, en la fila “C”, columna 4, sustitúyase"),
    ):
        table = table_name(paragraph_name(Part.OPERATIVE, 11, language=language), language=language)
        place = cell_place(table, row_name("C", 5, language), "", 4, language)
        phrase = edit_phrase(Action.REPLACE, old="7.5", new="8", language=language)
        assert in_paragraph(place, [phrase], language).startswith(expected)


def test_a_table_inserted_is_read_row_by_row() -> None:
    base, index, before = _base()
    new = copy.deepcopy(base)
    rows = [["Level", "Rate"], ["K", ""]]
    new.operative.insert(index + 1, Paragraph(table=rows, header_rows=1))
    (line,) = _lines(base, new)
    assert (
        line
        == f"After the table after {before}, insert a new table reading: “Level”, “Rate”; “K”, a blank cell"
    )


def test_a_table_in_an_annex_is_named_by_the_annex_paragraph_before_it_or_the_annex() -> None:
    from app.model import Annex

    table = Paragraph(table=[["Level", "Rate"], ["K", "1"]], header_rows=1)
    first = Paragraph(table=[["Level", "Rate"], ["L", "3"]], header_rows=1)
    base = Resolution(
        operative=[Paragraph("Decides", "to adopt the scale")],
        annexes=[Annex(title="Scale", paragraphs=[first, Paragraph(text="The levels are:"), table])],
    )
    new = copy.deepcopy(base)
    new.annexes[0].paragraphs[2].table[1][1] = "2"
    new.annexes[0].paragraphs[0].table[1][1] = "4"
    assert _lines(base, new) == [
        "In the table at the beginning of the annex, in the row “L”, column “Rate”, replace “3” with “4”",
        "In the table after paragraph 1 of the annex, in the row “K”, column “Rate”, replace “1” with “2”",
    ]


def test_a_list_a_file_hung_under_a_table_is_named_by_the_table() -> None:
    base, index, before = _base()
    base.operative[index].subparagraphs = [Paragraph(text="kept item one"), Paragraph(text="kept item two")]
    new = copy.deepcopy(base)
    new.operative[index].subparagraphs[1].text = "kept item three"
    (line,) = _lines(base, new)
    assert line.startswith(f"In subparagraph (b) of the table after {before}, replace “two”")


def test_a_table_whose_columns_changed_is_read_out_again_whole() -> None:
    base, index, before = _base()
    new = copy.deepcopy(base)
    for row in new.operative[index].table:
        row.append("")
    new.operative[index].table[-1][-1] = "note"
    (line,) = _lines(base, new)
    first = ", ".join(
        f"“{_plain(c)}”" if _plain(c) else "a blank cell" for c in new.operative[index].table[0]
    )
    assert line.startswith(f"Replace the table after {before} with the following: {first}; ")
    assert line.endswith("“note”")


def test_row_names_grow_about_linearly() -> None:
    """The rows' names are found once per table (a changed table of thousands of rows is read out)."""
    import time

    from app.compare.oral_tables import row_headings

    def fastest(rows: int) -> float:
        cells = [["Level", "Rate"]] + [[f"L{i}", str(i)] for i in range(rows)]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            names = row_headings(cells, 1)
            best = min(best, time.perf_counter() - start)
        assert names[1:3] == ["L0", "L1"]
        return best

    small, large = fastest(1000), fastest(8000)
    # linear measured 8-12 on the loaded machine; counting each name through the whole column measured 50
    assert large / small < 25, (small, large)
