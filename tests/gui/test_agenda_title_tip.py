"""The agenda item's title cut short in its cell (A/RES/79/174's "Promotion and protection of human rights:
human rights questions, …") is whole in a tooltip when the pointer rests on it, at 1024x640 and 1600x1000;
a title that fits shows none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.gui.shown import shown_window

ADOPTED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "originals" / "A_RES_79_174-2424215E.xml"
)


def rest_on(qtbot, view, row: int, column: int) -> str:  # noqa: ANN001
    """What a tooltip says when the pointer rests on the cell ("" for none)."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    centre = view.visualRect(view.model().index(row, column)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)
    QApplication.processEvents()
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.parametrize("size", [(1024, 640), (1600, 1000)])
def test_a_long_agenda_title_is_whole_in_a_tooltip(size, qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, size)
    assert win.files.open_path(ADOPTED, as_import=True)
    win.details_dock.raise_()
    QApplication.processEvents()
    agenda = win.header.agenda
    (item,) = win.res.header.agenda_items
    assert agenda.item(0, 2).text() == item.title
    assert len(item.title) > 60  # longer than the column at either size
    assert rest_on(qtbot, agenda, 0, 2) == item.title
    assert rest_on(qtbot, agenda, 0, 0) == ""  # "71" fits its cell: no tooltip
    win.doc.history.mark_saved()
    win.close()
