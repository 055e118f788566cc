"""A new draft in French or Spanish: the language is chosen with the organ, and the opener completion offers
the openers the UN prints in that language (learned lexicons, resources/lexicons/fr-*.txt, es-*.txt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.lexicon import phrases
from app.model import Part
from widgets.actions import ActionId
from widgets.main_window import MainWindow


@pytest.mark.parametrize("code", ["fr", "es"])
def test_new_draft_in_a_language_completes_its_openers(
    qtbot, window: MainWindow, prompter, code: str
) -> None:  # noqa: ANN001
    prompter.choose_language = lambda parent: code
    window.files.new_from_template()
    assert window.res.header.language == code
    assert window.rendered.organ_line.split()[0] in ("L’Assemblée", "La")
    word = next(p for p in phrases(Part.PREAMBLE, code) if len(p) > 6)
    row = window.paragraphs.rows[window.paragraphs.order[0]]  # the first preambular paragraph
    row.opener.setFocus()
    qtbot.keyClicks(row.opener, word[:5])
    popup = row.opener.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert shown and all(s.lower().startswith(word[:5].lower()) for s in shown)
    assert set(shown) <= set(phrases(Part.PREAMBLE, code))
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert window.res.preamble[0].opener == row.opener.text()


def test_header_panel_changes_the_language_and_undo_restores_it(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    box = window.header.language
    box.setCurrentIndex(box.findData("es"))
    assert window.res.header.language == "es"
    window.flush()
    assert "La Asamblea General" in window.preview.toPlainText()
    assert window.paragraphs.completion_language == "es"
    window.doc.history.seal()
    window.action(ActionId.UNDO).trigger()
    assert window.res.header.language == "en"
    assert window.paragraphs.completion_language == "en"
