"""Negotiate › Paragraph History… on a laptop's 1024x640 window, in French and Spanish, for a paragraph agreed,
reopened and agreed again many times with the facilitator's notes: each note reads whole (the list cut it at its
column's edge with "…", and a note is a sentence or two), the dates read as the language writes them (Spanish "1
de diciembre de 2026": the day-month-year pattern left out its "de"), and Esc closes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import QDateTime, QLocale, QRect, Qt, QTimeZone
from PySide6.QtWidgets import QApplication

from app import interface
from app.negotiation import rounds
from app.negotiation.status import Status
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.main_window import MainWindow
from widgets.status_history import NOTE_COLUMN

NOTE = (
    "Agreed after the informal consultations of {day} December: the facilitator read the paragraph out, no "
    "delegation objected, and the European Union and the Group of 77 asked that their understanding be noted"
)


@pytest.fixture(params=["fr", "es"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def _menu_entry(window: MainWindow, words: str):  # noqa: ANN202
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "&N" in a.text())
    return next(a for a in menu.actions() if a.text() == interface.tr(words))


def test_long_notes_read_whole_and_dates_as_the_language_writes_them(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path, language: str
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    _menu_entry(win, "&Start Negotiation").trigger()
    target = win.res.operative[1]
    start = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone.utc)
    for day in range(12):  # a note on every other change, as a project kept them
        status = Status.AGREED if day % 2 == 0 else Status.OPEN
        note = NOTE.format(day=day + 1) if day % 2 == 0 else ""
        rounds.set_status(
            win.res.negotiation, target.id, status, note=note, date=start + dt.timedelta(days=day)
        )
    win.paragraphs.focus_paragraph(target.id)
    qtbot.waitUntil(lambda: win.paragraphs.isAncestorOf(QApplication.focusWidget()))
    _menu_entry(win, "Paragraph &History…").trigger()
    dialog = win.negotiation.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.wait(20)
    assert dialog.width() <= 1024 and dialog.height() <= 640
    tree = dialog.tree
    assert tree.accessibleName() == interface.tr("Status changes")
    assert len(dialog.rows()) == 12
    for row, (when, _, note) in enumerate(dialog.rows()):
        moment = QDateTime.fromSecsSinceEpoch(
            int((start + dt.timedelta(days=row)).timestamp()), QTimeZone.utc()
        )
        local = moment.toLocalTime().date()
        month = QLocale().monthName(local.month())
        if language == "es":  # "1 de diciembre de 2026"
            assert f"{local.day()} de {month} de {local.year()}" in when
        else:  # "1 décembre 2026"
            assert f"{local.day()} {month} {local.year()}" in when
        if not note:
            continue
        index = tree.model().index(row, NOTE_COLUMN)
        tree.scrollTo(index)
        qtbot.wait(1)
        cell = tree.visualRect(index)
        needed = tree.fontMetrics().boundingRect(
            QRect(0, 0, tree.columnWidth(NOTE_COLUMN) - 8, 10_000), Qt.TextFlag.TextWordWrap, note
        )
        assert cell.height() >= needed.height() > 2 * tree.fontMetrics().height(), (row, cell, needed)
        assert tree.topLevelItem(row).toolTip(NOTE_COLUMN) == note
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    win.close()
