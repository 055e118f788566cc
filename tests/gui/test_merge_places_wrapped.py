"""The merge dialog's places at 1024x640 in French and Spanish: a table's place names are long ("Table 1, lignes
ajoutées après la ligne 3 · EU") and ran past the list's column, the proposers cut off behind a sideways
scroll. Each name now wraps inside the column and is read whole. A delegation's Word copy of A/RES/79/250 adds
a row to its table and changes a cell (tests/fixtures/akn); the dialog is opened from the negotiation panel."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import QRect, Qt
from test_merge_dialog import click

from app import interface
from app.io.docx_writer import build_docx
from tests.gui.shown import shown_window
from widgets import interface_language

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


@pytest.fixture(params=["fr", "es"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def test_each_place_is_read_whole_at_1024x640(
    qtbot, settings, prompter, tmp_path: Path, language: str
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    open_as_project(win, FIXTURE, tmp_path)
    proposal = copy.deepcopy(win.res)
    table = next(p for _, p in proposal.paragraphs() if p.is_table)
    body = table.header_rows + 1
    table.table[-1][-1] += "5"
    table.table.insert(body + 1, [*table.table[body][:-1], table.table[body][-1] + "0"])
    (tmp_path / "eu.docx").write_bytes(build_docx(proposal))
    panel = win.negotiation
    panel.show()
    click(qtbot, panel.view.start_button)
    prompter.paths, prompter.texts = [tmp_path / "eu.docx"], ["EU"]
    click(qtbot, panel.view.add_button)
    click(qtbot, panel.view.merge_button)
    dialog = panel.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.width() <= 1024 and dialog.height() <= 640
    places = dialog.places
    assert places.count() == 2 and all(text.endswith("· EU") for text in dialog.place_rows())
    room = places.viewport().width()
    metrics = places.fontMetrics()
    for i in range(places.count()):
        rect = places.visualItemRect(places.item(i))
        assert rect.left() >= 0 and rect.right() < room  # inside the column, no sideways scroll
        needed = metrics.boundingRect(
            QRect(0, 0, rect.width(), 10_000), Qt.TextFlag.TextWordWrap, places.item(i).text()
        )
        assert needed.width() <= rect.width() and needed.height() <= rect.height()  # every line of it shown
    assert places.horizontalScrollBar().maximum() == 0
    assert dialog.summary.text()[0].isupper() or dialog.summary.text()[0].isdigit()  # a sentence's start
    dialog.reject()
    win.doc.history.mark_saved()
