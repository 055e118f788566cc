"""Negotiate › Accept Proposal and Reject Proposal in a table take the row or cell at the cursor only: the EU
proposes new figures in two cells of A/RES/79/250's table and deletes a row; the facilitator clicks one cell and
accepts, clicks the row and rejects its deletion; the EU's other cell stays a proposal, in the compilation and
in the merge, and is accepted last. Every figure is taken from the UN XML's table, none typed."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app import inline
from app.io.docx_writer import build_docx
from app.model import Paragraph, Resolution
from app.negotiation import merging
from tests.gui.shown import shown_window
from tests.table_markup import figure_cells
from widgets.main_window import MainWindow

LEVELS = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _entry(window: MainWindow, letter: str) -> QAction:
    """The Negotiate menu's entry whose underlined letter is `letter`."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "&N" in a.text())
    return next(
        a for a in menu.actions() if re.search(rf"&{letter}", a.text().replace("&&", ""), re.IGNORECASE)
    )


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def _plain(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def _click_cell(qtbot, window: MainWindow, table_id: str, row: int, column: int) -> None:  # noqa: ANN001
    """Click the cell as a user does: the grid gets the focus and the cell is current."""
    editor = window.paragraphs
    editor.focus_paragraph(table_id)
    grid = editor.rows[(table_id, False)].grid
    editor.ensureWidgetVisible(grid, 0, 0)
    QApplication.processEvents()
    rect = grid.visualRect(grid.model().index(row, column))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert (grid.currentRow(), grid.currentColumn()) == (row, column)
    assert grid.hasFocus() or grid.isAncestorOf(QApplication.focusWidget())


def test_accept_and_reject_take_the_row_or_cell_at_the_cursor_only(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1280, 800))
    base = open_as_project(win, LEVELS, tmp_path)
    table = _table(base)
    figures = figure_cells(table.table, table.header_rows)
    (a, ca), (b, cb) = figures[0], next(f for f in figures if f[0] > figures[0][0] + 1)
    gone = next(r for r in range(a + 1, b) if r not in (a, b))
    new_a, new_b = table.table[b][cb], table.table[a][ca]  # each cell proposed as the other reads
    assert _plain(new_a) != _plain(table.table[a][ca])
    edited = copy.deepcopy(base)
    cells = _table(edited).table
    cells[a][ca], cells[b][cb] = new_a, new_b
    del cells[gone]
    eu = tmp_path / "eu.docx"
    eu.write_bytes(build_docx(edited))

    _entry(win, "s").trigger()  # Start Negotiation
    prompter.paths, prompter.texts = [eu], ["EU"]
    _entry(win, "a").trigger()  # Add Proposal…
    qtbot.waitUntil(lambda: bool(win.res.negotiation.proposals), timeout=20_000)
    tid = table.id
    # the cursor in the first cell changed: Accept takes that cell only
    _click_cell(qtbot, win, tid, a, ca)
    _entry(win, "c").trigger()
    now = _table(win.res).table
    assert _plain(now[a][ca]) == _plain(new_a)
    assert _plain(now[b][cb]) == _plain(table.table[b][cb]) and len(now) == len(table.table)
    # the row proposed deleted: Reject keeps it, and nothing else is decided
    _click_cell(qtbot, win, tid, gone, 0)
    _entry(win, "r").trigger()
    now = _table(win.res).table
    assert len(now) == len(table.table) and now[gone] == table.table[gone]
    # the EU's other cell is still its proposal: in the compilation and in the merge, alone
    neg = win.res.negotiation
    (item,) = [i for i in merging.items(neg) if i.target == tid]
    assert [p.proposer for p in item.proposals] == ["EU"]
    assert _plain(new_b) in win.negotiation.view.browser.toPlainText()
    # a cell nobody proposes to change: nothing is taken
    _click_cell(qtbot, win, tid, table.header_rows, 0)
    _entry(win, "c").trigger()
    assert _table(win.res).table == now
    # and the last one is accepted on its own cell
    _click_cell(qtbot, win, tid, b, cb)
    _entry(win, "c").trigger()
    now = _table(win.res).table
    assert _plain(now[b][cb]) == _plain(new_b) and _plain(now[a][ca]) == _plain(new_a)
    assert not [i for i in merging.items(win.res.negotiation) if i.target == tid]
    win.doc.history.mark_saved()
