"""A status message too long for a laptop window (1024x640; the rollover's in Spanish) ends with "…" left of
the place and the counts, and is whole in the bar's tooltip, where Qt cut it off mid-word under them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import interface, storage
from app.interface import tr
from app.io.reading import read_document
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.actions import ActionId

ADOPTED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "languages" / "A_RES_79_174-2424215S.xml"
)


@pytest.fixture
def spanish(qapp) -> Iterator[None]:  # noqa: ANN001
    interface_language.apply("es")
    yield
    interface_language.apply(interface.ENGLISH)


def test_the_rollover_message_fits_beside_the_counts(
    spanish, qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    project = tmp_path / "adoptada.json"
    storage.save_project(read_document(ADOPTED).resolution, project)
    assert win.files.open_path(project)
    win.action(ActionId.ROLLOVER).trigger()
    dialog = win.versions.rollover_dialog
    dialog.symbol.setFocus()
    dialog.symbol.selectAll()
    qtbot.keyClicks(dialog.symbol, "A/RES/79/174")
    qtbot.keyClick(dialog.symbol, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Abrir el nuevo proyecto
    QApplication.processEvents()
    bar = win.statusBar()
    kept = sum(1 for c in dialog.changes if c.can_undo and c.applied)
    said = tr(
        "Next session's draft: {count} automatic changes kept. Versions › Compare with Base Version shows them."
    ).format(count=kept)
    assert bar.currentMessage() == said  # the whole message, as it was given
    # longer than the room left of the place and the counts: Qt paints it shortened, ending before them
    room = min(w.geometry().left() for w in (win.where_label, win.counts_label))
    assert bar.fontMetrics().horizontalAdvance(said) > room
    painted = super(type(bar), bar).currentMessage()
    assert painted.endswith("…") and bar.fontMetrics().horizontalAdvance(painted) <= room
    assert said.startswith(painted[:-1])
    assert bar.toolTip() == said  # and whole in the tooltip
    win.doc.history.mark_saved()
    win.close()
