"""A facilitator merges a delegation's change to the last row of A/RES/79/250's levels-of-contribution table (read
from the UN's XML) from the keyboard: the merge dialog's compilation box (130 px tall) showed the top of the
table, its header, with the change below the box's edge; and the choice to accept came after Cancel in the Tab
order, because a place's choices are made after the dialog's buttons."""

from __future__ import annotations

import copy
from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from test_merge_dialog import click, click_place

from app.io.docx_writer import build_docx
from app.model import Paragraph, Resolution
from widgets.first_change import first_change
from widgets.main_window import MainWindow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def _merge_from_menu(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "&N" in a.text())
    next(a for a in menu.actions() if a.text() == "&Merge into Revision…").trigger()


def _tab(qtbot, dialog: QWidget) -> QWidget:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_a_change_to_a_tables_last_row_is_in_view_and_accepted_from_the_keyboard(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    table = _table(window.res)
    last = len(table.table) - 1
    old = table.table[last][-1]
    eu = copy.deepcopy(window.res)
    _table(eu).table[last][-1] = old + "5"
    (tmp_path / "eu.docx").write_bytes(build_docx(eu))
    window.resize(1024, 640)
    panel = window.negotiation
    panel.show()
    click(qtbot, panel.view.start_button)
    prompter.paths, prompter.texts = [tmp_path / "eu.docx"], ["EU"]
    click(qtbot, panel.view.add_button)
    assert not prompter.errors

    _merge_from_menu(window)
    dialog = panel.merge_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.wait(20)  # the event loop turns once, as before a person reads the dialog
    shown = dialog.shown
    assert shown.verticalScrollBar().maximum() > 0  # the table is longer than the box
    # the change (the old figure struck through) is inside the box's visible part
    position = first_change(shown)
    assert position is not None and old in shown.toPlainText()[position : position + 20]
    cursor = QTextCursor(shown.document())
    cursor.setPosition(position)
    top = shown.cursorRect(cursor).top()
    assert 0 <= top < shown.viewport().height() - shown.fontMetrics().height()

    # keyboard only: the places, the box, then the choice, before the dialog's buttons
    assert QApplication.focusWidget() is dialog.places
    accept = dialog.option(window.res.negotiation.proposals[0].id)
    assert [_tab(qtbot, dialog) for _ in range(3)] == [dialog.shown, accept, dialog.accept_all]
    qtbot.keyClick(dialog.accept_all, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is accept
    qtbot.keyClick(accept, Qt.Key.Key_Space)
    assert accept.isChecked()
    while QApplication.focusWidget() is not dialog.ok_button:
        _tab(qtbot, dialog)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _table(window.res).table[last][-1] == old + "5"


def test_a_table_with_alternatives_is_read_in_a_taller_box_and_chosen_with_the_arrows(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    """The EU adds a row and changes the last level's discount, the G77 deletes a row and changes the same
    discount: two alternatives on that cell, its own place in the merge. The box shows rows enough to read them (at 130 px, two of the
    table's rows of several lines), and the arrow keys reach the G77's choice, scrolled into view."""
    open_as_project(window, FIXTURE, tmp_path)
    table = _table(window.res)
    body = table.header_rows + 1
    eu, g77 = copy.deepcopy(window.res), copy.deepcopy(window.res)
    _table(eu).table[-1][-1] += "5"
    _table(eu).table.insert(body + 1, [*table.table[body][:-1], table.table[body][-1] + "0"])
    _table(g77).table[-1][-1] += "2"
    del _table(g77).table[body]
    for name, text in (("eu.docx", eu), ("g77.docx", g77)):
        (tmp_path / name).write_bytes(build_docx(text))
    window.resize(1024, 640)
    panel = window.negotiation
    panel.show()
    click(qtbot, panel.view.start_button)
    for name, who in (("eu.docx", "EU"), ("g77.docx", "G77")):
        prompter.paths, prompter.texts = [tmp_path / name], [who]
        click(qtbot, panel.view.add_button)
    assert not prompter.errors
    _merge_from_menu(window)
    dialog = panel.merge_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.wait(20)
    assert dialog.height() <= 640
    lines = dialog.shown.viewport().height() // dialog.shown.fontMetrics().lineSpacing()
    assert lines >= 15, lines  # rows of four lines each: three or four of them, not two
    ids = {p.proposer: p.id for p in window.res.negotiation.proposals}
    click_place(qtbot, dialog, "column")  # the discount both change: the table's place with alternatives
    keep, g77_choice = dialog.option(f"{ids['EU']}:keep"), dialog.option(ids["G77"])
    for _ in range(3):
        if QApplication.focusWidget() is keep:
            break
        _tab(qtbot, dialog)
    assert QApplication.focusWidget() is keep
    qtbot.keyClick(keep, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget() is g77_choice and g77_choice.isChecked()
    viewport = dialog.scroll.viewport()
    top = g77_choice.mapTo(viewport, g77_choice.rect().topLeft()).y()
    assert top >= 0 and top + g77_choice.height() <= viewport.height()
    dialog.reject()
