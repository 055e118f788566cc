"""A draft with no date (next session's draft after a rollover) shows "No date" in the details, in the
interface's language, where the date box kept the date of the draft shown before (or today's) while the
printed draft had none; picking a date and undoing it come back to "No date"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from app import interface, storage
from app.interface import tr
from app.io.reading import read_document
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.actions import ActionId

ADOPTED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "originals" / "A_RES_79_174-2424215E.xml"
)


@pytest.fixture(params=["en", "fr", "es"])
def speak(request, qapp) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def test_a_rolled_over_draft_shows_no_date(speak: str, qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    adopted = read_document(ADOPTED).resolution
    adopted.header.date = dt.date(2024, 12, 17)  # the adopted text's date, shown in the box
    project = tmp_path / "adopted.json"
    storage.save_project(adopted, project)
    assert win.files.open_path(project)
    date_box = win.header.date
    assert date_box.date() == QDate(2024, 12, 17)
    win.action(ActionId.ROLLOVER).trigger()
    dialog = win.versions.rollover_dialog
    dialog.symbol.setFocus()
    dialog.symbol.selectAll()
    qtbot.keyClicks(dialog.symbol, "A/RES/79/174")
    qtbot.keyClick(dialog.symbol, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Open New Draft
    QApplication.processEvents()
    assert win.res.header.date is None  # next session's draft is not dated yet
    assert date_box.text() == tr("No date")
    assert speak == "en" or tr("No date") != "No date"  # said in French and Spanish
    # the delegate picks a date: the draft is dated; undo brings "No date" back
    date_box.setFocus()
    date_box.setDate(QDate(2026, 10, 30))
    assert win.res.header.date == dt.date(2026, 10, 30)
    win.action(ActionId.UNDO).trigger()
    assert win.res.header.date is None and date_box.text() == tr("No date")
    win.doc.history.mark_saved()
    win.close()


SPANISH = ADOPTED.parent.parent / "languages" / "A_RES_79_174-2424215S.xml"


def test_the_session_is_in_words_of_the_drafts_language(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    """Beside the session number, the words the Spanish draft prints ("Octogésimo primer período de
    sesiones"), wrapped in the narrow column, where they were English ("Eighty-first session")."""
    from app.languages import get_language

    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    assert win.files.open_path(SPANISH, as_import=True)
    assert win.res.header.language == "es"
    win.details_dock.raise_()
    QApplication.processEvents()
    words = win.header.session_words
    session = win.header.session.value()
    assert (
        words.text() == get_language("es").session_line(session) != get_language("en").session_line(session)
    )
    # every word of it in view: as tall as its lines wrapped to the label's width
    needed = words.heightForWidth(words.width())
    assert words.height() >= needed and words.toolTip() == words.text()
    win.header.session.setFocus()
    qtbot.keyClick(win.header.session, Qt.Key.Key_Up)  # the next session, still in Spanish
    assert words.text() == get_language("es").session_line(session + 1)
    win.doc.history.mark_saved()
    win.close()
