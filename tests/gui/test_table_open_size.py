"""A long table opened in the editor: its grid's rows measured once a width (not every cell at every resize),
each row as tall as Qt's own measure makes it, and the preview laying out its first rows only, saying so, while
the draft, the grid and the exports keep every row."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app import storage
from app.model import Paragraph, Resolution
from app.render import render
from widgets import cell_editor
from widgets.main_window import MainWindow
from widgets.preview import PREVIEW_TABLE_ROWS, table_html
from widgets.table_row import TableRow

ROWS = 1_500  # a long table, well past the preview's rows; the bound (5,000) takes longer than a test should


def _draft(rows: int, merge: tuple[int, int, int, int] | None = None) -> Resolution:
    res = Resolution(title="Scale of assessments")
    res.operative.append(Paragraph("Decides", "that the scale shall be as follows"))
    table = Paragraph("", "")
    table.table = [["Member State", "Scale", "Note"]] + [
        [f"State number {r}", f"0.{r:04d}", "*see above*" if r % 3 else ""] for r in range(rows - 1)
    ]
    table.header_rows = 1
    if merge is not None:
        table.merges = [merge]
    res.operative.append(table)
    res.operative.append(Paragraph("Requests", "the Secretary-General to report"))
    return res


def test_a_long_table_opens_with_its_cells_measured_once_a_width(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    """Every resize while the list lays the draft out measured each of the table's cells again (Qt asks the
    delegate for each cell's size): a table at the bound took 9.5 s to open. Now a row of one-line cells is
    measured once for its kind, so far fewer cells are asked about than the table holds."""
    asked: list[int] = []
    real = cell_editor.SpellingDelegate.sizeHint

    def counted(self, option, index):  # noqa: ANN001, ANN202 - the delegate's own, counted
        asked.append(index.row())
        return real(self, option, index)

    monkeypatch.setattr(cell_editor.SpellingDelegate, "sizeHint", counted)
    path = tmp_path / "scale.json"
    storage.save_project(_draft(ROWS), path)
    assert window.files.open_path(path)
    qtbot.wait(50)
    table = next(r for r in window.paragraphs.rows.values() if isinstance(r, TableRow))
    assert table.isVisible() and table.grid.rowCount() == ROWS  # every row in the grid
    cells = ROWS * 3
    assert len(asked) < cells // 4, f"{len(asked)} cell sizes asked for a table of {cells} cells"


def test_rows_are_as_tall_as_qt_measures_them(qtbot) -> None:  # noqa: ANN001
    """Headers in bold, italic and empty cells, cells that wrap in a narrow column and a merged cell: each row's
    height is the one Qt's `resizeRowsToContents` gives the same grid."""
    holder = QWidget()
    qtbot.addWidget(holder)
    row = TableRow("t", holder)
    row.resize(520, 300)
    holder.show()
    qtbot.waitExposed(holder)
    cells = [["Level", "Contribution (per cent)", ""]]
    for r in range(40):
        long = " ".join(["peacekeeping operations and special political missions"] * (1 + r % 4))
        cells.append([f"*State {r}*" if r % 5 == 0 else f"State {r}", long if r % 3 == 0 else f"{r}.5", ""])
    merges = ((10, 2, 4, 1),)
    cells[11][2] = cells[12][2] = cells[13][2] = ""
    cells[10][2] = "a note that runs down four rows of the table, a long note indeed"
    row.show_cells(tuple(tuple(c) for c in cells), 1, merges)
    fitted = [row.grid.rowHeight(r) for r in range(row.grid.rowCount())]
    assert len(set(fitted)) > 2  # rows of one line, of two and of more
    row.grid.resizeRowsToContents()
    assert fitted == [row.grid.rowHeight(r) for r in range(row.grid.rowCount())]


def test_the_preview_lays_out_a_long_table_s_first_rows_and_says_so() -> None:
    """Qt lays a rich-text table out at about a millisecond a row: past PREVIEW_TABLE_ROWS the preview shows
    the first rows and a line giving how many the table has; the draft keeps them all."""
    res = _draft(ROWS, merge=(PREVIEW_TABLE_ROWS - 2, 2, 5, 1))  # a merge across the last rows shown
    table = res.operative[1].table
    for r in range(PREVIEW_TABLE_ROWS - 1, PREVIEW_TABLE_ROWS + 3):
        table[r][2] = ""
    block = next(b for b in render(res).blocks if b.role == "table")
    html = table_html(block, {})
    assert html.count("<tr>") == PREVIEW_TABLE_ROWS
    last_shown = block.cells[PREVIEW_TABLE_ROWS - 1][0]
    first_left = block.cells[PREVIEW_TABLE_ROWS][0]
    assert f">{last_shown}<" in html and f">{first_left}<" not in html
    assert re.search(r'rowspan="2"', html)  # the merge ends with the rows shown
    assert f"first {PREVIEW_TABLE_ROWS} of this table's {ROWS:,} rows" in unescape(html)
    assert len(res.operative[1].table) == ROWS  # nothing left out of the draft


def test_a_table_of_the_preview_s_size_is_shown_whole() -> None:
    res = _draft(PREVIEW_TABLE_ROWS)
    html = table_html(next(b for b in render(res).blocks if b.role == "table"), {})
    assert html.count("<tr>") == PREVIEW_TABLE_ROWS and "this table's" not in html
