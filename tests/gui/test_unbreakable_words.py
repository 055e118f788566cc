"""A word wider than any line (a paragraph of a megabyte with no space, a 200,000-letter word pasted by
mistake): the paragraph's field, the preview and the comparison lay it out in time linear in its length, as
Qt's default wrapping (at word boundaries, else anywhere) took time growing with its square (100,000 letters:
2.6 s to open, 0.6 s a keystroke). Growth is counted in process time at n and 8n, never wall-clock."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication

from app import storage
from app.io.reading import read_document
from widgets.fields import TextField
from widgets.preview import PreviewPane
from widgets.wrapping import LONGEST_WORD, has_unbreakable_run

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.robust.hostile import growth  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
LINEAR = 20  # 8x the input: about 8 for a linear cost, 40 to 70 measured for the square one this replaces


def _laid_out(widget) -> None:  # noqa: ANN001
    widget.document().size()  # forces Qt's layout of the whole text
    QApplication.processEvents()


def _shown_field(qtbot) -> TextField:  # noqa: ANN001
    """A paragraph field as the editor shows one: 500 points wide, on screen."""
    field = TextField()
    qtbot.addWidget(field)
    field.resize(500, 40)
    field.show()
    return field


def _field_run(qtbot, text: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:  # noqa: ANN001
    def make(size: int) -> Callable[[], object]:
        field = _shown_field(qtbot)

        def run() -> None:
            field.set_text_quietly("")
            field.set_text_quietly(text(size))
            _laid_out(field)

        return run

    return make


def test_a_paragraph_of_one_unbroken_run_lays_out_in_linear_time(qtbot) -> None:  # noqa: ANN001
    assert growth(_field_run(qtbot, lambda n: "ab" * (n // 2)), 10_000) < LINEAR
    assert growth(_field_run(qtbot, lambda n: "in the " + "a" * n + " of"), 10_000) < LINEAR


def test_typing_into_an_unbroken_run_costs_linear_time(qtbot) -> None:  # noqa: ANN001
    def make(size: int) -> Callable[[], object]:
        field = _shown_field(qtbot)
        field.setFocus()

        def run() -> None:
            field.set_text_quietly("xy" * (size // 2))
            field.moveCursor(field.textCursor().MoveOperation.End)
            qtbot.keyClicks(field, "ab")
            _laid_out(field)

        return run

    assert growth(make, 25_000) < LINEAR


def test_a_pasted_run_is_wrapped_anywhere_before_qt_lays_it_out(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData

    def make(size: int) -> Callable[[], object]:
        field = _shown_field(qtbot)

        def run() -> None:
            field.set_text_quietly("Calls upon ")
            field.moveCursor(field.textCursor().MoveOperation.End)
            mime = QMimeData()
            mime.setText("ab" * (size // 2))
            field.insertFromMimeData(mime)
            _laid_out(field)

        return run

    assert growth(make, 10_000) < LINEAR


def test_the_preview_of_an_unbroken_run_lays_out_in_linear_time(qtbot, tmp_path) -> None:  # noqa: ANN001
    from app.render import render

    def make(size: int) -> Callable[[], object]:
        res = read_document(CORPUS / "A_80_L.6.txt").resolution
        res.operative[0].text = "ab" * (size // 2)
        rendered = render(res)
        pane = PreviewPane()
        qtbot.addWidget(pane)
        pane.resize(600, 400)
        pane.show()

        def run() -> None:
            pane.html = ""
            pane.show_rendered(rendered)
            _laid_out(pane)

        return run

    assert growth(make, 25_000) < LINEAR


def test_ordinary_text_keeps_word_boundary_wrapping(qtbot) -> None:  # noqa: ANN001
    """Only a run past any real word, URL or symbol wraps anywhere; a long URL still breaks at its ends."""
    field = TextField()
    qtbot.addWidget(field)
    text = read_document(CORPUS / "A_80_L.6.txt").resolution.operative[0].text
    url = "https://www.un.org/" + "x" * (LONGEST_WORD - 19)
    for shown in (text, f"{text} {url} {text}"):
        field.set_text_quietly(shown)
        assert field.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    field.set_text_quietly(f"{text} {url}y")
    assert field.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    field.set_text_quietly(text)  # the run deleted: words wrap at their boundaries again
    assert field.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert not has_unbreakable_run('<p style="a:b; c:d">' + "word " * 10_000 + "</p>")
    assert has_unbreakable_run("<p>" + "w" * (LONGEST_WORD + 1) + "</p>")


def test_a_megabyte_paragraph_opens_edits_and_saves_in_the_editor(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    """The whole app on it: open, type, undo, find; the draft saved holds every character."""
    from tests.gui.test_editor import rows

    res = read_document(CORPUS / "A_80_L.6.txt").resolution
    res.operative[0].text = "ab" * 500_000
    path = tmp_path / "megabyte.json"
    storage.save_project(res, path)
    assert window.files.open_path(path)
    window.flush()
    row = rows(window)[next(i for i, r in enumerate(rows(window)) if r.text.toPlainText().startswith("abab"))]
    assert row.text.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert window.preview.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    row.text.setFocus()
    row.text.moveCursor(row.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(row.text, "cd")
    window.flush()
    assert window.res.operative[0].text.endswith("abcd")
    window.undo()
    assert window.finder.find_next("ba", False) is not None
    qtbot.keyClick(row.text, Qt.Key.Key_End)
    assert window.files.save_to(tmp_path / "again.json")
    assert len(storage.load_project(tmp_path / "again.json").operative[0].text) >= 1_000_000
