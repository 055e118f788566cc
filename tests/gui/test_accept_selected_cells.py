"""Negotiate › Accept Proposal and Reject Proposal with several cells of a table selected take the proposals on
those cells only: the EU proposes new figures in cells of A/RES/79/250's table; the facilitator selects a
rectangle of two rows with a click and a Shift+click, accepts, and the cells proposed there are taken at once
(one undo), the EU's cell outside it stays a proposal; a selection of whole rows then rejects that one. Every
figure is taken from the UN XML's table, none typed."""

from __future__ import annotations

import copy
from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_accept_table_cell import _click_cell, _entry, _plain, _table

from app.io.docx_writer import build_docx
from app.negotiation import merging
from tests.gui.shown import shown_window
from tests.table_markup import figure_cells
from widgets.actions import ActionId

LEVELS = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _shift_click(qtbot, grid, row: int, column: int) -> None:  # noqa: ANN001
    rect = grid.visualRect(grid.model().index(row, column))
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, rect.center()
    )
    QApplication.processEvents()


def test_accept_and_reject_take_the_cells_selected(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1280, 800))
    base = open_as_project(win, LEVELS, tmp_path)
    table = _table(base)
    figures = figure_cells(table.table, table.header_rows)
    # two figures on neighbouring rows of one column (the rectangle), and one far below them, outside it
    (a, col), (b, _) = next(
        (f, g) for f, g in zip(figures, figures[1:], strict=False) if g == (f[0] + 1, f[1])
    )
    c, cc = next(f for f in figures if f[0] > b + 2)
    cells = [(a, col), (b, col), (c, cc)]
    new = {
        (r, k): table.table[r2][k2] for (r, k), (r2, k2) in zip(cells, cells[1:] + cells[:1], strict=True)
    }  # each cell proposed as another reads
    assert all(_plain(new[x]) != _plain(table.table[x[0]][x[1]]) for x in cells)
    edited = copy.deepcopy(base)
    for (r, k), words in new.items():
        _table(edited).table[r][k] = words
    eu = tmp_path / "eu.docx"
    eu.write_bytes(build_docx(edited))
    _entry(win, "s").trigger()  # Start Negotiation
    prompter.paths, prompter.texts = [eu], ["EU"]
    _entry(win, "a").trigger()  # Add Proposal…
    qtbot.waitUntil(lambda: bool(win.res.negotiation.proposals), timeout=20_000)
    tid = table.id
    grid = win.paragraphs.rows[(tid, False)].grid

    # a rectangle over the two rows, from the column before the figures' to theirs: Accept takes both cells
    _click_cell(qtbot, win, tid, a, col - 1)
    _shift_click(qtbot, grid, b, col)
    assert len(grid.selectedIndexes()) == 4
    _entry(win, "c").trigger()
    now = _table(win.res).table
    assert [_plain(now[r][k]) for r, k in cells] == [
        _plain(new[a, col]),
        _plain(new[b, col]),
        _plain(table.table[c][cc]),
    ]
    (item,) = [i for i in merging.items(win.res.negotiation) if i.target == tid]  # the third cell is left
    assert [p.proposer for p in item.proposals] == ["EU"]
    # one step to undo, and again
    win.actions_[ActionId.UNDO].trigger()
    assert _table(win.res).table == table.table
    win.actions_[ActionId.REDO].trigger()
    assert _table(win.res).table == now

    # whole rows selected around the third cell and rows without a proposal: Reject takes that cell only
    _click_cell(qtbot, win, tid, c - 1, 0)
    _shift_click(qtbot, grid, c + 1, grid.columnCount() - 1)
    _entry(win, "r").trigger()
    assert _table(win.res).table == now
    assert not [i for i in merging.items(win.res.negotiation) if i.target == tid]

    # a selection holding no proposal: nothing is decided
    win.actions_[ActionId.UNDO].trigger()  # the rejection
    _click_cell(qtbot, win, tid, table.header_rows, 0)
    _shift_click(qtbot, grid, a - 1, 0)
    decisions = len(win.res.negotiation.decisions)
    _entry(win, "c").trigger()
    assert len(win.res.negotiation.decisions) == decisions and _table(win.res).table == now
    win.doc.history.mark_saved()
