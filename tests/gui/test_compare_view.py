"""Compare the draft with its base as a user does: open, edit, look at the marked changes, export them."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtTest import QTest

from app import storage
from app.model import AgendaItem, Header, Paragraph, Resolution
from widgets.actions import ActionId
from widgets.compare_view import DELETE_COLOUR, INSERT_COLOUR
from widgets.main_window import MainWindow
from widgets.paragraph_editor import ParagraphRow


def issued_draft() -> Resolution:
    header = Header(
        template="ga-c3",
        session=80,
        symbol="A/C.3/80/L.20",
        date=dt.date(2025, 10, 30),
        sponsors=["Japan", "Peru"],
        agenda_items=[AgendaItem("71", "b", "Human rights questions")],
    )
    return Resolution(
        header=header,
        title="Freedom of religion or belief",
        preamble=[
            Paragraph("Recalling", "its resolution 79/174 of 17 December 2024"),
            Paragraph("Noting", "the report of the Special Rapporteur"),
        ],
        operative=[
            Paragraph("Urges", "States to protect the freedom of religion or belief"),
            Paragraph("Requests", "the Secretary-General to report at its eighty-first session"),
        ],
    )


def rows(win: MainWindow) -> list[ParagraphRow]:
    return [win.paragraphs.rows[key] for key in win.paragraphs.order]


def open_issued(window: MainWindow, prompter, tmp_path: Path) -> Path:  # noqa: ANN001
    path = tmp_path / "issued.json"
    storage.save_project(issued_draft(), path)
    prompter.paths = [path]
    window.action(ActionId.OPEN).trigger()
    for _ in range(500):  # a window of the real editor reads on its own thread: up to 10 s
        if not window.reader.busy:
            break
        QTest.qWait(20)
    assert window.res.title == "Freedom of religion or belief"
    return path


def retype(qtbot, row: ParagraphRow, text: str) -> None:  # noqa: ANN001
    row.text.setFocus()
    row.text.selectAll()
    qtbot.keyClicks(row.text, text)


def edit_first_operative(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    retype(qtbot, rows(window)[2], "all States to protect and promote the freedom of religion or belief")
    window.flush()
    assert window.res.operative[0].text.startswith("all States to protect and promote")


def test_compare_with_the_opened_version_marks_the_words(
    qtbot, window: MainWindow, prompter, tmp_path
) -> None:  # noqa: ANN001
    assert not window.action(ActionId.COMPARE_BASE).isEnabled()  # a new draft has no base
    open_issued(window, prompter, tmp_path)
    assert window.action(ActionId.COMPARE_BASE).isEnabled()
    edit_first_operative(qtbot, window)
    window.action(ActionId.COMPARE_BASE).trigger()
    view = window.versions.view
    assert window.versions.dock.isVisible()
    assert "issued.json" in view.heading.text()
    shown = view.shown_rows()
    labels = [label.split("\n")[0] for _, label, _ in shown]
    assert labels[:1] == ["Title"] and "PP 1" in labels and "1." in labels and "2." in labels
    status, _, segments = next(r for r in shown if r[1] == "1.")
    assert status == "changed"
    assert segments == [
        ("equal", "Urges"),
        ("insert", " all"),
        ("equal", " States to protect"),
        ("insert", " and promote"),
        ("equal", " the freedom of religion or belief;"),
    ]
    assert view.counts.text() == "Paragraphs: 1 changed, 0 inserted, 0 deleted; 3 unchanged"
    # what is drawn: the inserted words underlined in blue, nothing struck through yet
    runs = view.marked_runs()
    assert any(op == "insert" and "and promote" in t for op, t in runs)
    assert not any(op == "delete" for op, t in runs)
    colours = _colours(view, "and promote")
    assert INSERT_COLOUR in colours

    # a deletion follows the edit, struck through in red
    retype(qtbot, rows(window)[3], "the Secretary-General to report")
    window.flush()
    window.versions.timer.flush()
    runs = view.marked_runs()
    assert any(op == "delete" and "at its eighty-first session" in t for op, t in runs)
    assert DELETE_COLOUR in _colours(view, "eighty-first")
    assert view.counts.text().startswith("Paragraphs: 2 changed")

    # changed only: the unchanged preamble leaves the view
    view.changed_only.setChecked(True)
    labels = [label.split("\n")[0] for _, label, _ in view.shown_rows()]
    assert labels == ["1.", "2."]
    assert "Recalling" not in view.browser.toPlainText()
    view.changed_only.setChecked(False)
    assert "Recalling" in view.browser.toPlainText()


def _colours(view, needle: str) -> set[str]:  # noqa: ANN001
    doc = view.browser.document()
    out = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if needle in fragment.text():
                out.add(fragment.charFormat().foreground().color().name())
            it += 1
        block = block.next()
    return out


def test_export_with_track_changes_writes_word_revisions(
    qtbot,
    window: MainWindow,
    prompter,
    settings,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    settings.set(user_name="Delegate of Peru")
    open_issued(window, prompter, tmp_path)
    edit_first_operative(qtbot, window)
    retype(qtbot, rows(window)[3], "the Secretary-General to report")
    window.flush()
    out = tmp_path / "tracked.docx"
    prompter.paths = [out]
    window.action(ActionId.EXPORT_TRACKED).trigger()
    assert not prompter.errors
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    inserted = "".join(re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml, re.S))
    deleted = "".join(re.findall(r"<w:del [^>]*>.*?</w:del>", xml, re.S))
    assert "and promote" in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", inserted))
    assert "eighty-first" in "".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", deleted))
    assert 'w:author="Delegate of Peru"' in inserted
    # the draft itself is untouched by the export
    assert window.res.operative[1].text == "the Secretary-General to report"


def test_oral_revisions_read_out_copy_and_save(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    open_issued(window, prompter, tmp_path)
    retype(qtbot, rows(window)[3], "the Secretary-General to report")
    window.flush()
    window.action(ActionId.ORAL_REVISIONS).trigger()
    dialog = window.versions.oral_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert text.startswith("In operative paragraph 2, delete")
    assert "“at its eighty-first session”" in text and text.rstrip().endswith(".")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    prompter.paths = [tmp_path / "oral.txt"]
    qtbot.mouseClick(dialog.txt_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "oral.txt").read_text(encoding="utf-8") == text
    prompter.paths = [tmp_path / "oral"]  # no suffix: the kind chosen gives it
    qtbot.mouseClick(dialog.docx_button, Qt.MouseButton.LeftButton)
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "oral.docx")).paragraphs]
    assert paragraphs[0] == "Oral revisions to draft resolution A/C.3/80/L.20"
    assert paragraphs[1].startswith("In operative paragraph 2, delete")
    dialog.close()


def test_compare_with_another_file_and_a_bad_one(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    window.files.new_document("ga-c3")
    assert window.versions.base is None
    older = issued_draft()
    del older.preamble[1]
    older_path = tmp_path / "older.json"
    storage.save_project(older, older_path)
    open_issued(window, prompter, tmp_path)
    prompter.paths = [older_path]
    window.action(ActionId.COMPARE_WITH).trigger()
    view = window.versions.view
    assert "older.json" in view.heading.text()
    inserted = [r for r in view.shown_rows() if r[0] == "inserted"]
    assert [r[1] for r in inserted] == ["PP 2\nnew paragraph"]
    assert all(op == "insert" for op, _ in inserted[0][2])
    # a file that cannot be read: one message, the base and the draft stay as they were
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    prompter.paths = [broken]
    window.action(ActionId.COMPARE_WITH).trigger()
    assert prompter.errors and "broken.docx" in prompter.errors[-1][1]
    assert window.versions.base_name == "older.json"
    assert window.res.title == "Freedom of religion or belief"


def test_screenshot_of_the_compare_view(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    """The view grabs to an image with both colours in it (docs/screenshots keeps a copy for review)."""
    open_issued(window, prompter, tmp_path)
    edit_first_operative(qtbot, window)
    retype(qtbot, rows(window)[3], "the Secretary-General to report")
    window.flush()
    window.action(ActionId.COMPARE_BASE).trigger()
    image = window.versions.view.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    }
    assert INSERT_COLOUR in colours or any(_near(c, INSERT_COLOUR) for c in colours)
    assert any(_near(c, DELETE_COLOUR) for c in colours)


def _near(name: str, target: str) -> bool:
    a, b = QColor(name), QColor(target)
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_the_view_follows_typing_on_the_worker_thread(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    win = MainWindow(settings=settings, prompter=prompter, check_delay_ms=10, recovery_folder=tmp_path / "r")
    qtbot.addWidget(win)
    win.show()
    open_issued(win, prompter, tmp_path)
    win.action(ActionId.COMPARE_BASE).trigger()
    assert win.versions.view.counts.text().startswith("No changes")
    row = rows(win)[3]
    row.text.setFocus()
    row.text.moveCursor(row.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(row.text, " and to the Human Rights Council")
    qtbot.waitUntil(
        lambda: win.versions.view.counts.text().startswith("Paragraphs: 1 changed"), timeout=10000
    )
    assert any(op == "insert" and "Human Rights Council" in t for op, t in win.versions.view.marked_runs())
    win.doc.history.mark_saved()
    win.close()


def test_clicking_a_label_goes_to_the_paragraph(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    open_issued(window, prompter, tmp_path)
    retype(qtbot, rows(window)[3], "the Secretary-General to report")
    window.flush()
    window.action(ActionId.COMPARE_BASE).trigger()
    window.versions.view.changed_only.setChecked(True)
    browser = window.versions.view.browser
    cursor = browser.document().find("2.")
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1)  # between "2" and ".": on the label
    assert browser.anchorAt(browser.cursorRect(cursor).center()).startswith("para:")
    rows(window)[0].text.setFocus()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(cursor).center())
    assert window.focusWidget() is rows(window)[3].text
    assert window.paragraphs.active_id == window.res.operative[1].id
