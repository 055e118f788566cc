"""Ctrl+Alt+F, the note typed, then Enter or Esc: the cursor is back in the paragraph's text after the new
reference, so a keyboard user goes on writing (Esc put it on the footnote list, Enter on the next field)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app import inline
from widgets.footnotes import FootnoteField
from widgets.main_window import MainWindow

DRAFT = "A_C.3_80_L.20.txt"


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_the_note_written_the_cursor_goes_back_to_the_text(
    key: Qt.Key, qtbot, window: MainWindow, corpus: Path
) -> None:  # noqa: ANN001
    window.resize(1024, 640)
    assert window.files.open_path(corpus / DRAFT, as_import=True)
    window.flush()
    first = window.res.operative[0]
    row = window.paragraphs.rows[(first.id, False)]
    row.text.setFocus()
    row.text.moveCursor(QTextCursor.MoveOperation.End)
    before = set(window.res.footnotes)
    qtbot.keyClick(
        row.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    QApplication.processEvents()
    note = QApplication.focusWidget()
    assert isinstance(note, FootnoteField)
    qtbot.keyClicks(note, "See A/80/123.")
    qtbot.keyClick(note, key)
    QApplication.processEvents()
    (added,) = set(window.res.footnotes) - before
    assert window.res.footnotes[added].text == "See A/80/123."
    assert QApplication.focusWidget() is row.text  # back in the paragraph
    # the cursor after the new reference, at the end: what is typed goes on the paragraph's text
    qtbot.keyClicks(row.text, " and")
    window.flush()
    text = window.res.find(first.id).text
    assert text.endswith(f"[^{added}] and") and added in inline.footnote_ids(text)
