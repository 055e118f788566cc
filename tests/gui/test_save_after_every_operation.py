"""Fifth red-team pass: the editor saves after every operation a project it can open again, and its autosave
recovers: Tab twenty times, a pasted list deeper than the limit, imported Word and UN XML lists deeper than it
(Word list levels 0-8 with typed labels under the last, UN XML lists inside points inside lists)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from app import recovery, storage
from app.io.reading import read_document
from app.model import MAX_DEPTH, Part, height
from tests.gui.test_editor import draft, rows
from widgets.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.wordxml.docs import Doc, I  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
# the label of each level a typed draft may use, deepest last: more levels than the model holds
LABELS = ["(a)", "(i)", "a.", "i.", "(A)", "(I)", "A.", "I.", "(1)", "1)", "(aa)", "(ii)", "b.", "ii."]


def _reopens(window: MainWindow, tmp_path: Path, step: str) -> None:
    path = tmp_path / "draft.json"
    assert window.files.save_to(path), step
    assert storage.dumps(storage.load_project(path)) == storage.dumps(window.res), step
    assert all(height(p) <= MAX_DEPTH for part in Part for p in window.res.part(part)), step
    window.doc.history.mark_modified()
    window.files.autosave()
    autosave = recovery.Recoverable(window.files.autosaver.path, None, 0.0, "")  # this session's own file
    assert storage.dumps(autosave.load()) == storage.dumps(window.res), step
    window.files.autosaver.remove()


def test_tab_twenty_times_saves_and_reopens_after_each(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    draft(qtbot, window)
    for k in range(20):  # a new paragraph after the last one, typed, then Tab: one level deeper each time
        qtbot.keyClick(rows(window)[-1].text, Qt.Key.Key_Return)
        qtbot.keyClicks(rows(window)[-1].text, f"item {k}")
        field = rows(window)[-1].text
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        window.flush()
        _reopens(window, tmp_path, f"Tab {k + 1}")
    assert max(height(p) for p in window.res.operative) == MAX_DEPTH  # Tab stopped at the limit
    assert all(f"item {k}" in storage.dumps(window.res) for k in range(20))


def test_a_pasted_list_deeper_than_the_limit_saves_and_reopens(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    draft(qtbot, window)
    text = "1. *Requests* the Secretary-General:\n\n" + "\n\n".join(
        f"{label} level {k + 1}:" for k, label in enumerate(LABELS)
    )
    mime = QMimeData()
    mime.setText(text)
    field = rows(window)[-1].text
    field.setFocus()
    field.insertFromMimeData(mime)
    window.flush()
    QApplication.processEvents()
    words = storage.dumps(window.res)
    assert all(f"level {k + 1}" in words for k in range(len(LABELS)))  # flattened, never dropped
    _reopens(window, tmp_path, "paste")


def _deep_word() -> bytes:
    doc = Doc()
    doc.masthead()
    num = doc.numbering(91, tuple(("lowerLetter", f"(%{i + 1})") for i in range(9)))
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Requests"), " the Secretary-General:")
    for level in range(9):
        doc.para(f"word level {level + 1}:", num=(num, level))
    for k, label in enumerate(LABELS):
        doc.para(f"{label}\ttyped level {k + 10};")
    doc.para("2.\t", I("Decides"), " to remain seized of the matter.")
    return doc.bytes()


def _deep_akn(depth: int) -> bytes:
    opening = "".join(
        f'<list eId="l{k}"><point eId="p{k}"><num>({k})</num><intro><p>akn level {k}:</p></intro>'
        for k in range(1, depth + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        '<statement name="resolution"><preamble><formula name="enactingFormula"><p>The General Assembly,</p>'
        "</formula><p><i>Recalling</i> its resolutions,</p></preamble><mainBody>"
        f'<paragraph eId="para_1"><num>1.</num><intro><p><i>Requests</i> the Secretary-General:</p></intro>{opening}'
        + "</point></list>" * depth
        + "</paragraph></mainBody></statement></akomaNtoso>"
    ).encode()


def test_deep_word_and_akn_lists_import_save_and_reopen(window: MainWindow, tmp_path: Path) -> None:
    for name, data, words in (
        ("deep.docx", _deep_word(), [f"word level {k}" for k in range(1, 10)]),
        ("deep.xml", _deep_akn(24), [f"akn level {k}" for k in range(1, 25)]),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        window.doc.history.mark_saved()
        assert window.files.open_path(path, as_import=True), name
        saved = storage.dumps(window.res)
        assert all(w in saved for w in words), name
        _reopens(window, tmp_path, name)


@pytest.mark.parametrize("field, value", [("session", -(10**30)), ("session", 10**12), ("year", 10**20)])
def test_a_project_number_past_what_a_box_holds_opens_saves_and_keeps_it(
    window: MainWindow, tmp_path: Path, field: str, value: int
) -> None:
    """The window showed such a number in a spin box and Qt raised OverflowError: the project did not open."""
    res = read_document(CORPUS / "A_C.3_80_L.20.txt").resolution
    setattr(res.header, field, value)
    path = tmp_path / "hostile.json"
    storage.save_project(res, path)
    assert window.files.open_path(path)
    assert getattr(window.res.header, field) == value  # shown within the box's range, kept in the model
    _reopens(window, tmp_path, field)
    assert getattr(storage.load_project(tmp_path / "draft.json").header, field) == value


def test_a_project_revision_past_rev_999_is_refused_in_one_line_and_the_open_draft_stays(
    window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    """A revision prints as "/Rev.N" with N of at most three digits (app.model.MAX_REVISION): a project of
    revision 10^12 would print 13 digits, so it is refused as the readers refuse it, and nothing changes."""
    res = read_document(CORPUS / "A_C.3_80_L.20.txt").resolution
    res.header.revision = 10**12
    path = tmp_path / "hostile.json"
    storage.save_project(res, path)
    before = storage.dumps(window.res)
    assert not window.files.open_path(path)
    (_, message), *_ = prompter.errors
    assert "/Rev.999" in message and "\n" not in message
    assert storage.dumps(window.res) == before
