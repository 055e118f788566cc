"""Pasting into a paragraph as a delegate does (Ctrl+V puts the clipboard's mime data through the field): the
plain text only, never a page's scripts or styles; and what no paragraph or draft holds is refused with its
reason, leaving the draft as it was."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from app import model, storage
from tests.gui.test_editor import draft, rows
from widgets.fields import MAX_PASTED_CHARS
from widgets.main_window import MainWindow


def _paste(window: MainWindow, text: str, html: str = "") -> None:
    mime = QMimeData()
    mime.setText(text)
    if html:
        mime.setHtml(html)
    field = rows(window)[2].text
    field.setFocus()
    field.insertFromMimeData(mime)
    window.flush()
    QApplication.processEvents()


def test_a_web_page_pastes_as_its_words(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    _paste(
        window, " in good faith", "<script>alert(1)</script><style>p{color:red}</style><p> in good faith</p>"
    )
    text = window.res.operative[0].text
    assert text.endswith("in good faith") and "script" not in text and "color" not in text


def test_a_phrase_copied_from_chrome_keeps_its_hyphens(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Chrome's and Edge's PDF viewers copy a hyphen the PDF prints with no character code as U+FFFE, a
    character that prints as nothing (the .docx writer must drop it): pasted, it is the hyphen again."""
    draft(qtbot, window)
    _paste(window, " at a high\ufffelevel meeting\ufffe")
    text = window.res.operative[0].text
    assert text.endswith("at a high-level meeting") and "\ufffe" not in text


def test_a_paragraph_longer_than_any_is_refused_with_its_reason(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = storage.dumps(window.res)
    _paste(window, "word " * (MAX_PASTED_CHARS // 5 + 1))
    assert storage.dumps(window.res) == before
    assert f"{MAX_PASTED_CHARS + 5:,}" in window.statusBar().currentMessage()


def test_a_draft_past_the_paragraph_cap_is_refused_in_one_message(
    qtbot, window, prompter, monkeypatch
) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = storage.dumps(window.res)
    monkeypatch.setattr(model, "MAX_PARAGRAPHS", 50)
    _paste(window, "Recalling its resolution 78/1,\n\n" * 60)
    assert storage.dumps(window.res) == before
    assert prompter.errors and "50" in prompter.errors[-1][1]


def test_text_copied_from_a_pdf_viewer_pastes_as_a_draft(qtbot, window: MainWindow, corpus) -> None:  # noqa: ANN001
    """A PDF viewer copies a page as lines with no blank line between paragraphs: still a whole draft."""
    window.files.new_document("ga-c1")
    text = (corpus / "A_C.1_80_L.43.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("# source")]
    mime = QMimeData()
    mime.setText("\n".join(lines))
    rows(window)[0].text.insertFromMimeData(mime)
    window.flush()
    assert window.res.header.symbol == "A/C.1/80/L.43"
    assert len(window.res.operative) > 5


def test_one_paragraph_broken_over_lines_stays_one_paragraph(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    count = sum(1 for _ in window.res.paragraphs())
    _paste(window, " and calls upon\nall States to cooperate fully\nwith the Special Rapporteur")
    assert sum(1 for _ in window.res.paragraphs()) == count
    assert "Special Rapporteur" in window.res.operative[0].text
