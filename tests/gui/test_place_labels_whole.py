"""The place a paragraph or a table is named by, beside it in the paragraph list, is read whole: an annex's
unnumbered paragraphs and tables ("Annex I para. 3", "Annex I Table 1" in A/RES/75/293, tests/fixtures/akn) ran
past the narrow number column and showed their end alone ("I Table 1"); they now wrap at their spaces."""

from __future__ import annotations

from pathlib import Path

from conftest import open_as_project
from PySide6.QtWidgets import QLabel

from tests.gui.shown import shown_window
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_75_293-2108996E.xml"


def _read_whole(label: QLabel) -> bool:
    """Every word of the label inside it, and all its lines."""
    room = label.contentsRect()
    metrics = label.fontMetrics()
    if not label.wordWrap():
        return metrics.horizontalAdvance(label.text()) <= room.width()
    widest = max(metrics.horizontalAdvance(word) for word in label.text().split())
    return widest <= room.width() and label.heightForWidth(label.width()) <= label.height()


def test_an_annexs_places_are_read_whole(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    open_as_project(win, FIXTURE, tmp_path)
    win.paragraphs.finish()
    qtbot.wait(50)
    annex = {p.id for p in win.res.annex_paragraphs()}
    rows = [row for (pid, _tail), row in win.paragraphs.rows.items() if pid in annex]
    named = [row for row in rows if row.label.text() and row.label.text() == row.where]
    assert any(isinstance(row, TableRow) for row in named) and any(not isinstance(r, TableRow) for r in named)
    longer = [
        row
        for row in named
        if row.label.fontMetrics().horizontalAdvance(row.label.text()) > row.label.width()
    ]
    assert longer  # names wider than the column: the case looked at
    assert [row.label.text() for row in named if not _read_whole(row.label)] == []
    win.doc.history.mark_saved()
