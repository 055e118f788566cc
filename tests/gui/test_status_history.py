"""A paragraph agreed ad ref, reopened and agreed again keeps each change with its date; Negotiate › Paragraph
History… shows them, oldest first, on the paragraph at the cursor, in the interface language. The history was
kept in the project but no command showed it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app import interface
from app.negotiation.status import Status
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.main_window import MainWindow
from widgets.status_history import STATUS_NAMES, WHEN


def _menu_entry(window: MainWindow, words: str) -> QAction:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "&N" in a.text())
    return next(
        a for a in menu.actions() if a.text().replace("&", "") == interface.tr(words).replace("&", "")
    )


@pytest.fixture(params=["en", "fr"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def test_the_history_of_a_paragraph_agreed_reopened_and_agreed_again(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path, language: str
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    _menu_entry(win, "&Start Negotiation").trigger()
    target = win.res.operative[1]
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for step in ("A&greed ad ref", "Re&open Paragraph", "A&greed ad ref"):
        win.paragraphs.focus_paragraph(target.id)
        QApplication.processEvents()
        _menu_entry(win, step).trigger()
    kept = win.res.negotiation.statuses[target.id]
    assert [c.status for c in kept] == [Status.AGREED, Status.OPEN, Status.AGREED]
    win.paragraphs.focus_paragraph(win.res.operative[0].id)  # the cursor elsewhere: the history is its own
    QApplication.processEvents()
    _menu_entry(win, "Paragraph &History…").trigger()
    assert win.negotiation.history_dialog.rows() == [] and win.negotiation.history_dialog.isVisible()
    win.negotiation.history_dialog.close()
    qtbot.waitUntil(lambda: not win.negotiation.history_dialog.isVisible())
    win.activateWindow()
    win.paragraphs.focus_paragraph(target.id)
    qtbot.waitUntil(lambda: win.paragraphs.isAncestorOf(QApplication.focusWidget()))
    _menu_entry(win, "Paragraph &History…").trigger()
    dialog = win.negotiation.history_dialog
    assert dialog.isVisible() and win.res.negotiation.labels[target.id] in dialog.windowTitle()
    rows = dialog.rows()
    assert [status for _, status, _ in rows] == [interface.tr(STATUS_NAMES[c.status]) for c in kept]
    if language == "fr":
        assert rows[0][1] == "approuvé ad ref" and rows[1][1] == "ouvert"
    for shown, _, _ in rows:  # each when on this computer's clock, its month named in the interface language
        moment = QLocale().toDateTime(shown, interface.tr(WHEN)).toUTC()
        assert moment.isValid(), shown
        assert abs(moment.toSecsSinceEpoch() - before.timestamp()) < 120
    month = QLocale().monthName(QDateTime.fromSecsSinceEpoch(int(before.timestamp())).date().month())
    assert month.lower() in rows[0][0].lower()
