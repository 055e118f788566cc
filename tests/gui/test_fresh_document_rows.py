"""A document shown from scratch (rolled over, opened again) shows its own words in every paragraph row.

The paragraph list keeps rows by paragraph id. A rollover copies the adopted text's ids, and a project opened
again has the ids it was saved with: the rows on screen must take the new document's words, or the editor
shows (and the next keystroke saves) the text of the document before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import storage
from app.io.reading import read_document
from widgets.actions import ActionId
from widgets.main_window import MainWindow

ADOPTED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "originals" / "A_RES_79_174-2424215E.xml"
)


def row_words(window: MainWindow) -> dict[tuple[str, bool], tuple[str, str]]:
    """Each row's opener and text as the delegate reads them, footnote marks left out."""
    window.flush()
    return {key: (row.opener.text(), row.text.toPlainText()) for key, row in window.paragraphs.rows.items()}


def model_words(window: MainWindow) -> dict[tuple[str, bool], tuple[str, str]]:
    return {key: window._content(*key) for key in window.paragraphs.order}


def test_rolled_over_rows_show_the_new_draft(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    project = tmp_path / "adopted.json"
    storage.save_project(read_document(ADOPTED).resolution, project)
    prompter.paths = [project]
    window.action(ActionId.OPEN).trigger()
    before = row_words(window)
    window.action(ActionId.ROLLOVER).trigger()
    dialog = window.versions.rollover_dialog
    for field, words in ((dialog.symbol, "A/RES/79/174"), (dialog.date, "17 December 2024")):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, words)
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # step one to step two
    assert dialog.pages.currentIndex() == 1
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Open New Draft
    QApplication.processEvents()
    assert not dialog.isVisible()
    # the adopted text's own resolution is now cited in the preamble; the row says so as the model does
    cited = [key for key, (_o, text) in model_words(window).items() if "79/174 of 17 December 2024" in text]
    assert cited, "the rollover cites the adopted resolution"
    shown = row_words(window)
    assert shown == model_words(window)
    assert any(shown[key] != before[key] for key in cited if key in before)  # the same rows, new words


def test_a_project_opened_again_drops_what_was_discarded(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    project = tmp_path / "draft.json"
    storage.save_project(read_document(ADOPTED).resolution, project)
    prompter.paths = [project]
    window.action(ActionId.OPEN).trigger()
    key = window.paragraphs.order[0]
    row = window.paragraphs.rows[key]
    row.text.setFocus()
    row.text.moveCursor(row.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(row.text, " never to be kept")
    window.flush()
    assert window.isWindowModified()
    prompter.save_answer = "discard"  # File › Open the same project, and discard the typing
    prompter.paths = [project]
    window.action(ActionId.OPEN).trigger()
    assert prompter.asked_save == 1
    assert "never to be kept" not in window._content(*key)[1]
    assert "never to be kept" not in row_words(window)[key][1]
    assert row_words(window) == model_words(window)
    # typing again writes the file's words plus the new ones, not the discarded ones
    row = window.paragraphs.rows[key]
    row.text.setFocus()
    row.text.moveCursor(row.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(row.text, " kept")
    window.flush()
    assert "never to be kept" not in window.doc.find(key[0]).text
