"""A long draft's rows cost each row once: the layouts Qt runs while the rows are built hold a page of rows,
not every row of the part (one layout of the whole part per slice made 2,000 paragraphs take 20 s)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QLayout, QWidget

from app import storage
from app.model import Header, Paragraph, Part, Resolution
from widgets import row_box
from widgets.main_window import MainWindow
from widgets.paragraph_editor import ParagraphList, ParagraphRow
from widgets.row_box import RowBox


class LayoutCounter(QObject):
    """Rows, and pages of rows, in every layout of the paragraph list that Qt runs: on a layout request, and
    when the editor activates one."""

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.body = body
        self.rows = 0
        self.pages = 0

    def add(self, layout: QLayout) -> None:
        holder = layout.parentWidget()
        if holder is None or not self.body.isAncestorOf(holder):
            return
        items = [layout.itemAt(i).widget() for i in range(layout.count())]
        self.rows += sum(isinstance(item, ParagraphRow) for item in items)
        if isinstance(holder, RowBox):
            self.pages += len(items)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QWidget) and watched.layout():
            self.add(watched.layout())
        return False


def _build_cost(window: MainWindow, tmp_path: Path, paragraphs: int) -> tuple[int, int, int]:
    """(rows built, rows laid out, pages laid out) while a draft's rows are built slice by slice, each slice
    followed by the events it posted, as in idle time after opening."""
    res = Resolution(header=Header(template="ga-c3"), title="Oceans")
    res.operative = [
        Paragraph(opener="Requests", text=f"report {i} on the oceans") for i in range(paragraphs)
    ]
    path = tmp_path / f"draft-{paragraphs}.json"
    storage.save_project(res, path)
    assert window.files.open_path(path)
    rows = window.paragraphs
    QApplication.processEvents()
    counter = LayoutCounter(rows.body)
    activate = QLayout.activate

    def counted_activate(layout: QLayout) -> bool:
        counter.add(layout)
        return activate(layout)

    built = len(rows.rows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QLayout, "activate", counted_activate)
        QCoreApplication.instance().installEventFilter(counter)
        try:
            while rows._backlog:
                rows._build_backlog()
                QApplication.processEvents()
        finally:
            QCoreApplication.instance().removeEventFilter(counter)
    assert rows.order == [(p.id, False) for p in res.operative]
    assert rows.boxes[Part.OPERATIVE].rows() == [rows.rows[key] for key in rows.order]
    assert all(rows.rows[key].isVisible() for key in rows.order)  # every row built and shown
    return len(rows.rows) - built, counter.rows, counter.pages


def test_rows_of_a_long_draft_are_laid_out_a_page_at_a_time(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    """Each row is laid out a bounded number of times while the rows are built: ten times the rows, about ten
    times the work (one layout of the whole part per slice: 1,410 rows laid out, then 121,970)."""
    built, rows, _ = _build_cost(window, tmp_path, 150)
    built_10x, rows_10x, _ = _build_cost(window, tmp_path, 1500)
    assert built_10x > 10 * built * 0.9  # ten times the rows were built after opening
    assert rows_10x < 20 * rows


def test_the_list_of_pages_is_laid_out_in_proportion_to_the_rows(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part's list of pages grows with its rows, and a slice lays it out once: slices grow with it, so the
    pages laid out stay in proportion to the rows. Pages of one row here, so that the list is long (1,500
    pages) at a size a test can build, and a slice of a row per 4 pages (32 in the editor) so that slices grow
    at that size too. About 11 times here; with slices of ten rows whatever the length, 87 times (the square)."""
    monkeypatch.setattr(row_box, "PAGE", 1)
    monkeypatch.setattr(row_box, "PAGE_MAX", 2)
    monkeypatch.setattr(ParagraphList, "PAGES_PER_ROW", 4)
    built, _, pages = _build_cost(window, tmp_path, 150)
    built_10x, _, pages_10x = _build_cost(window, tmp_path, 1500)
    assert built_10x > 10 * built * 0.9
    assert pages_10x < 20 * pages
