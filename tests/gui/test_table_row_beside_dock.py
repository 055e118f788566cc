"""A table's row and column buttons beside a dock at 1024x640, in French and Spanish: A/RES/79/250's table
(tests/fixtures/akn) with the negotiation panel open left the paragraphs 492 px; the buttons on one line
("+ Ligne − Ligne + Colonne − Colonne Lignes d'en-tête") made the row wider than that, and the whole paragraph
list scrolled sideways, every paragraph's end punctuation out of view. The buttons now wrap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import QPoint

from app import interface
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


@pytest.fixture(params=["fr", "es"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def test_the_list_keeps_its_width_beside_the_negotiation_panel(
    qtbot, settings, prompter, tmp_path: Path, language: str
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    open_as_project(win, FIXTURE, tmp_path)
    win.paragraphs.finish()
    win.negotiation.show()
    table = next(row for row in win.paragraphs.rows.values() if isinstance(row, TableRow))
    buttons = [table.add_row, table.remove_row, table.add_column, table.remove_column, table.header_button]
    room = win.paragraphs.viewport()
    qtbot.waitUntil(lambda: room.width() < 500)  # the panel beside the paragraphs
    qtbot.wait(50)  # the rows laid out in that width
    assert win.paragraphs.horizontalScrollBar().maximum() == 0
    last = win.paragraphs.row_for(win.res.operative[-1].id)
    end = last.end.mapTo(room, QPoint(last.end.width(), 0))
    assert last.end.text() and end.x() <= room.width()  # the end punctuation in view
    for button in buttons:  # every button inside the list's width
        assert button.isVisible() and button.mapTo(room, QPoint(button.width(), 0)).x() <= room.width()
    win.doc.history.mark_saved()
