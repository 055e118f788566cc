"""The merge dialog's result at 1024x640 under a table: a delegation's Word copy of A/RES/79/250
(tests/fixtures/akn) puts a new table after OP 3 and changes the last cell of each body row of the resolution's table. After Accept all,
the result of the changed table (every body row changed, two lines each) took 200 px of the column and was cut
off there, its last rows out of reach; it now shows a few lines and scrolls to the rest, in English, French and
Spanish."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from test_merge_dialog import click, click_place

from app import interface
from app.io.docx_writer import build_docx
from app.model import Paragraph
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.merge_dialog import MergeDialog

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
NEW_TABLE = [["Year", "Rate"], ["2025", "1.0"], ["2026", "2.0"], ["2027", "3.0"]]


@pytest.fixture(params=["en", "fr", "es"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def _whole(qtbot, dialog: MergeDialog) -> bool:  # noqa: ANN001
    """Every line of the result can be read: its first on screen, and its last once the box holding it (if
    any) is scrolled to the end, as a reader would."""
    label = dialog.outcome
    qtbot.wait(20)  # the layout's turn
    needed = label.heightForWidth(label.width())
    if needed <= 0 or label.height() < needed or label.visibleRegion().boundingRect().top() != 0:
        return False
    boxes = [w for w in _ancestors(label, dialog) if isinstance(w, QAbstractScrollArea)]
    for box in boxes:
        box.verticalScrollBar().setValue(box.verticalScrollBar().maximum())
    seen = label.visibleRegion().boundingRect()
    for box in boxes:
        box.verticalScrollBar().setValue(0)
    return seen.bottom() >= needed - 1


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    out = []
    while (widget := widget.parentWidget()) is not None and widget is not top:
        out.append(widget)
    return out


def test_a_tables_result_is_read_whole(qtbot, settings, prompter, tmp_path: Path, language: str) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    open_as_project(win, FIXTURE, tmp_path)
    proposal = copy.deepcopy(win.res)
    table = next(p for _, p in proposal.paragraphs() if p.is_table)
    for row in table.table[table.header_rows :]:  # every body row's last cell
        row[-1] += " (revised)"
    proposal.operative.insert(3, Paragraph("", "", table=copy.deepcopy(NEW_TABLE), header_rows=1))
    (tmp_path / "eu.docx").write_bytes(build_docx(proposal))
    panel = win.negotiation
    panel.show()
    click(qtbot, panel.view.start_button)
    prompter.paths, prompter.texts = [tmp_path / "eu.docx"], ["EU"]
    click(qtbot, panel.view.add_button)
    click(qtbot, panel.view.merge_button)
    dialog = panel.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.place_rows()
    new = next(row for row in rows if "OP 3" in row and not row.startswith("OP 3"))  # "New table after OP 3"
    changed = next(row for row in rows if row.startswith("Table 1"))
    click(qtbot, dialog.accept_all)
    click_place(qtbot, dialog, new)
    for cells in NEW_TABLE:  # each row of the new table in the result
        assert " | ".join(cells) in dialog.outcome.text()
    qtbot.waitUntil(lambda: _whole(qtbot, dialog))
    click_place(qtbot, dialog, changed)
    assert "(revised)" in dialog.outcome.text()
    qtbot.waitUntil(lambda: _whole(qtbot, dialog))
    dialog.reject()
    win.doc.history.mark_saved()
