"""Words in a table's cells, driven as a user drives the find bar and the issues list: found (the grid goes to
the cell), replaced one by one and all at once (Ctrl+Z undoes it), spell-checked and style-checked with the
finding on the table.

The table is A/RES/79/250's (tests/fixtures/akn); the expected cells are found in it with plain Python."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_table_editing import _type_cell

from app import inline
from app.conventions import engine
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _open(window: MainWindow, tmp_path: Path) -> TableRow:
    open_as_project(window, FIXTURE, tmp_path)
    window.paragraphs.finish()
    return next(
        window.paragraphs.rows[k]
        for k in window.paragraphs.order
        if isinstance(window.paragraphs.rows[k], TableRow)
    )


def _cells_with(table: list[list[str]], word: str) -> list[tuple[int, int]]:
    return [(r, c) for r, row in enumerate(table) for c, cell in enumerate(row) if word in cell]


def _in_paragraphs(window: MainWindow, word: str) -> int:
    return sum(
        len(re.findall(re.escape(word), f"{p.opener} {p.text} {p.tail}", re.IGNORECASE))
        for _, p in window.res.paragraphs()
    )


def test_a_word_in_a_cell_is_found_and_the_grid_goes_to_its_cell(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    grid_row = _open(window, tmp_path)
    para = window.res.find(grid_row.paragraph_id)
    (place,) = _cells_with(para.table, "Premium")  # the permanent members' level, once in the table
    assert _in_paragraphs(window, "Premium") == 0
    window.action(ActionId.FIND).trigger()
    bar = window.find_bar
    qtbot.keyClicks(bar.find, "Premium")
    qtbot.keyClick(bar.find, Qt.Key.Key_Return)
    assert bar.status.text() == "1 of 1"
    assert QApplication.focusWidget() is grid_row.grid
    assert (grid_row.grid.currentRow(), grid_row.grid.currentColumn()) == place


def test_replace_one_and_replace_all_in_cells_and_undo(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    grid_row = _open(window, tmp_path)
    para = window.res.find(grid_row.paragraph_id)
    before = [list(row) for row in para.table]
    texts_before = [(p.text, p.tail) for _, p in window.res.paragraphs() if not p.is_table]
    places = _cells_with(before, "Not applicable")
    assert len(places) > 1 and _in_paragraphs(window, "Not applicable") == 0
    window.action(ActionId.FIND).trigger()
    bar = window.find_bar
    qtbot.keyClicks(bar.find, "Not applicable")
    qtbot.keyClick(bar.find, Qt.Key.Key_Return)
    assert bar.status.text() == f"1 of {len(places)}"
    qtbot.keyClicks(bar.replace, "n/a")
    bar.replace_button.click()  # the first match, then on to the next
    first = places[0]
    assert para.table[first[0]][first[1]] == before[first[0]][first[1]].replace("Not applicable", "n/a")
    grid_row = window.paragraphs.rows[(para.id, False)]
    assert grid_row.grid.item(*first).text() == inline.plain(para.table[first[0]][first[1]])
    assert (grid_row.grid.currentRow(), grid_row.grid.currentColumn()) == places[1]
    qtbot.keyClick(grid_row.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert para.table == before
    bar.replace_all_button.click()
    assert bar.status.text() == f"Replaced {len(places)}"
    assert para.table == [[c.replace("Not applicable", "n/a") for c in row] for row in before]
    grid_row = window.paragraphs.rows[(para.id, False)]
    assert [grid_row.grid.item(r, c).text() for r, c in places] == ["n/a"] * len(places)
    assert [(p.text, p.tail) for _, p in window.res.paragraphs() if not p.is_table] == texts_before
    window.flush()
    assert "n/a" in window.preview.toPlainText()
    qtbot.keyClick(grid_row.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step for all
    assert para.table == before


def test_a_cell_is_spell_checked_and_the_finding_selects_its_cell(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    grid_row = _open(window, tmp_path)
    para = window.res.find(grid_row.paragraph_id)
    window.flush()
    # the issued table raises nothing: cells set figures ("less than 2 times"), no end punctuation, no opener,
    # italic headers
    assert [f for f in window.checks.findings() if f.paragraph_id == para.id] == []
    assert any("2 times" in cell for row in para.table for cell in row)
    _type_cell(qtbot, grid_row, 2, 1, " in in the Councl")  # typed after the cell's words
    window.flush()
    window.checks.paragraph_timer.flush()
    found = [f for f in window.checks.findings() if f.paragraph_id == para.id]
    assert {f.rule for f in found} == {"UN.DoubledWord", "spelling.unknown-word"}
    assert all(f.field == "cell:2:1" for f in found)
    cell = para.table[2][1]
    assert {cell[slice(*f.span)] for f in found} == {"in in", "Councl"}
    assert set(found) == {
        f
        for f in engine.check_document(window.res, speller=window.spelling.settings)
        if f.paragraph_id == para.id
    }
    doubled = next(f for f in found if f.rule == "UN.DoubledWord")
    grid_row.grid.setCurrentCell(0, 0)
    window.findings_view.jump_to(doubled)
    grid_row = window.paragraphs.rows[(para.id, False)]
    assert (grid_row.grid.currentRow(), grid_row.grid.currentColumn()) == (2, 1)
    window.findings_view.apply_fix(doubled)
    assert "in in" not in para.table[2][1] and " in the Councl" in para.table[2][1]
    qtbot.keyClick(grid_row.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "in in" in para.table[2][1]
