"""A table in the editor, driven as a user drives it: Insert Table after a paragraph, type in its cells, add and
remove rows, undo; the preview shows it as a table and the numbering runs on past it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_editor import draft, rows

from app.render import render
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.table_row import TableRow


def _type_cell(qtbot, table: TableRow, row: int, column: int, text: str) -> None:  # noqa: ANN001
    """Go to the cell, F2 to edit it, type, Enter."""
    table.grid.setFocus()
    table.grid.setCurrentCell(row, column)
    qtbot.keyClick(table.grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table.grid
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.grid.state() != table.grid.State.EditingState)  # Qt commits queued


def test_insert_a_table_type_cells_add_rows_and_undo(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    first_op = rows(window)[2]
    first_op.text.setFocus()
    window.actions_[ActionId.INSERT_TABLE].trigger()
    res = window.res
    assert res.operative[1].is_table and [p.opener for p in res.operative] == [
        "Requests",
        "",
        "Invites",
        "Decides",
    ]
    table = next(r for r in rows(window) if isinstance(r, TableRow))
    assert table.isVisible() and table.grid.rowCount() == 2 and table.grid.columnCount() == 2
    _type_cell(qtbot, table, 0, 0, "Level")
    _type_cell(qtbot, table, 1, 0, "A")
    _type_cell(qtbot, table, 1, 1, "Premium")
    assert res.operative[1].table == [["Level", ""], ["A", "Premium"]]
    table.grid.setCurrentCell(1, 1)
    qtbot.mouseClick(table.add_row, Qt.MouseButton.LeftButton)
    assert len(res.operative[1].table) == 3 and table.grid.rowCount() == 3
    qtbot.mouseClick(table.add_column, Qt.MouseButton.LeftButton)
    assert [len(r) for r in res.operative[1].table] == [3, 3, 3]
    window.actions_[ActionId.UNDO].trigger()  # the column
    window.actions_[ActionId.UNDO].trigger()  # the row
    assert res.operative[1].table == [["Level", ""], ["A", "Premium"]]
    assert table.grid.rowCount() == 2 and table.grid.item(1, 1).text() == "Premium"
    labels = [r.label.text() for r in rows(window) if r.block is not None and r.block.part is not None]
    assert labels[2:] == ["1.", "Table 1", "2.", "3."]  # the numbering runs on past the table
    window.preview.show_rendered(render(res))
    assert "<table" in window.preview.html and "Premium" in window.preview.html
    window.actions_[ActionId.UNDO].trigger()  # the last cell typed
    assert res.operative[1].table[1][1] == "" and table.grid.item(1, 1).text() == ""
