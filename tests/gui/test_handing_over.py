"""A sponsor delegate's last steps with a draft, driven as a delegate drives them, in English, French and Spanish:
exporting it (Word, PDF, UN XML), saving it under a name that exists, and rolling an adopted text over. What an
audit of that walk found: Export Word under a ".xml" name wrote a Word file named .xml; Save As the Word
original's name wrote the project (JSON) over it; a symbol-like name ("A_C.3_80_L.20") got no ".docx"; the GUI
had no UN XML export; Ctrl+P did nothing; the rollover's date field showed "15 December 2025" in Spanish and
refused the French date its French example showed. Expected texts come from the originals and the catalogs."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from app import inline, interface
from app.interface import catalog, message_catalog
from app.io.reading import read_document
from app.model import Resolution
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.actions import SPECS, ActionId
from widgets.main_window import MainWindow
from widgets.prompter import Prompter

LANGUAGES = ["en", "fr", "es"]
DRAFT = "A_C.3_80_L.20.txt"
NOTHING_WRITTEN = (
    "Nothing was written: {name} does not end in {suffix}, the kind of file this command writes. "
    "Choose a name ending in {suffix}."
)


@pytest.fixture
def speak(qapp) -> Iterator:  # noqa: ANN001
    yield interface_language.apply
    interface_language.apply(interface.ENGLISH)


def _window(qtbot, settings, prompter, tmp_path: Path, code: str, speak) -> MainWindow:  # noqa: ANN001
    speak(code)
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    win.activateWindow()
    return win


def _open_draft(win: MainWindow, corpus: Path, tmp_path: Path) -> Path:
    copy = tmp_path / DRAFT
    shutil.copy(corpus / DRAFT, copy)
    assert win.files.open_path(copy, as_import=True)
    win.flush()
    return copy


def _in(code: str, english: str) -> str:
    """`english` as the editor's catalog of `code` words it (English itself for "en")."""
    return english if code == interface.ENGLISH else catalog(code)[english]


def _refusal(code: str, name: str, suffix: str) -> str:
    worded = NOTHING_WRITTEN if code == interface.ENGLISH else message_catalog(code)[NOTHING_WRITTEN]
    return worded.format(name=name, suffix=suffix)


def _press(qtbot, win: MainWindow, key: Qt.Key) -> None:  # noqa: ANN001
    """A Ctrl shortcut pressed with the cursor in the paragraphs, as the delegate types it."""
    field = win.paragraphs.rows[win.paragraphs.order[0]].text
    field.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(field, key, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


def _file_menu_entry(win: MainWindow, action_id: ActionId):  # noqa: ANN202
    """The File menu's entry for `action_id`, found by the words the delegate reads."""
    file_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == interface.tr("&File"))
    assert isinstance(file_menu, QMenu)
    wanted = interface.tr(SPECS[action_id].text)
    return next(a for a in file_menu.actions() if a.text() == wanted)


def _paragraph_texts(res: Resolution) -> list[tuple[str, str]]:
    return [(para.opener, inline.plain(para.text)) for _, para in res.paragraphs()]


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_export_under_another_file_type_name_is_refused_and_nothing_is_written(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    _open_draft(win, corpus, tmp_path)
    for key, name, suffix in ((Qt.Key.Key_E, "L.20.xml", ".docx"), (Qt.Key.Key_P, "L.20.docx", ".pdf")):
        prompter.paths = [tmp_path / name]
        _press(qtbot, win, key)
        assert not (tmp_path / name).exists(), name  # a Word (PDF) file under another type's name
        assert prompter.errors[-1] == (_in(code, "Could not export"), _refusal(code, name, suffix))
    win.doc.history.mark_saved()


@pytest.mark.parametrize("code", LANGUAGES)
def test_save_as_the_word_originals_name_keeps_the_original(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The delegate opens the Word draft and picks its name in Save As: the project must not replace it."""
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    text = _open_draft(win, corpus, tmp_path)
    original = tmp_path / "A_C.3_80_L.20.docx"
    prompter.paths = [original]
    _press(qtbot, win, Qt.Key.Key_E)  # the Word file a delegate keeps
    assert zipfile.is_zipfile(original)
    assert win.files.open_path(original)
    before = original.read_bytes()
    prompter.paths = [original]
    win.action(ActionId.SAVE_AS).trigger()
    assert original.read_bytes() == before
    assert not original.with_name(original.name + "~").exists()  # nothing written, not even a backup
    assert prompter.errors[-1] == (_in(code, "Could not save"), _refusal(code, original.name, ".json"))
    assert win.doc.path is None and win.doc.history.modified  # still to be saved
    prompter.paths = [text.with_suffix(".json")]
    win.action(ActionId.SAVE_AS).trigger()
    assert win.doc.path == text.with_suffix(".json") and not win.doc.history.modified


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_symbol_like_name_gets_the_file_types_ending(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """ "A_C.3_80_L.20" ends in the symbol's ".20", no file type: the Word file is A_C.3_80_L.20.docx."""
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    _open_draft(win, corpus, tmp_path)
    stem = tmp_path / "out" / Path(DRAFT).stem
    stem.parent.mkdir()
    prompter.paths = [stem]
    _press(qtbot, win, Qt.Key.Key_E)
    assert [p.name for p in stem.parent.iterdir()] == [stem.name + ".docx"]
    assert zipfile.is_zipfile(stem.parent / (stem.name + ".docx"))
    win.doc.history.mark_saved()


@pytest.mark.parametrize("code", LANGUAGES)
def test_un_xml_is_exported_from_the_file_menu_and_reads_back_as_the_draft(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    _open_draft(win, corpus, tmp_path)
    entry = _file_menu_entry(win, ActionId.EXPORT_AKN)
    assert re.search(r"&\w", entry.text())  # reachable by its Alt letter (unique: test_delegate_day)
    out = tmp_path / "L.20.xml"
    prompter.paths = [out]
    entry.trigger()
    assert not prompter.errors
    back = read_document(out).resolution
    assert back.title == win.res.title
    assert back.header.full_symbol == win.res.header.full_symbol
    assert _paragraph_texts(back) == _paragraph_texts(win.res)
    assert out.name in win.statusBar().currentMessage()
    assert win.statusBar().currentMessage() == _in(code, "Exported {name}").format(name=out.name)
    win.doc.history.mark_saved()


@pytest.mark.parametrize("code", LANGUAGES)
def test_ctrl_p_exports_the_pdf(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    _open_draft(win, corpus, tmp_path)
    prompter.paths = [tmp_path / "L.20"]  # no ending typed
    _press(qtbot, win, Qt.Key.Key_P)
    assert (tmp_path / "L.20.pdf").read_bytes().startswith(b"%PDF")
    win.doc.history.mark_saved()


def _printed_date(xml: str, language: str) -> str:
    """The date as the original prints it ("19 décembre 2024", "19 de diciembre de 2024"), from its text."""
    words = {"fr": r"\d{1,2} [a-zéû]+ \d{4}", "es": r"\d{1,2} de [a-z]+ de \d{4}"}[language]
    return re.search(rf">({words})<", xml).group(1)


@pytest.mark.parametrize(("code", "suffix"), [("fr", "F"), ("es", "S")])
def test_the_rollover_takes_the_adoption_date_as_the_draft_prints_it(
    code: str, suffix: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """A French (Spanish) adopted resolution, the editor in French (Spanish): the date field's example is in the
    draft's words, and the date typed as the resolution prints it is taken."""
    from tests.conftest import FIXTURES

    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    source = FIXTURES / "languages" / f"A_RES_79_174-2424215{suffix}.xml"
    printed = _printed_date(source.read_text(encoding="utf-8"), code)
    month = re.search(r"[^\d\s]{3,}", printed.split(" ", 1)[1]).group(0)
    prompter.paths = [source]
    win.action(ActionId.OPEN).trigger()
    win.action(ActionId.ROLLOVER).trigger()
    dialog = win.versions.rollover_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert month in dialog.date.placeholderText()  # the example in the draft's words
    assert "December" not in dialog.date.placeholderText()
    dialog.date.setFocus()
    dialog.date.selectAll()
    dialog.date.insert(printed)  # as typed: QTest types ASCII only ("é")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert not dialog.message.text(), dialog.message.text()
    assert dialog.pages.currentIndex() == 1  # on to the changes
    listed = " ".join(item.text() for item in dialog.change_items())
    assert not re.search(r"\b(the|its|Recalling|\w+ieth)\b", listed), listed  # none in English
    dialog.ok_button.click()  # Open New Draft
    between = re.escape(_number_to_date(code, suffix))  # " du ", ", de "
    added = [p for p in win.res.preamble if re.fullmatch(rf"\w+ r\w+ 79/174{between}{printed}", p.text)]
    assert len(added) == 1, [p.text for p in win.res.preamble]
    assert added[0].opener in source.read_text(encoding="utf-8")  # an opener the language's texts use
    win.doc.history.mark_saved()


def _number_to_date(code: str, suffix: str) -> str:
    """What the UN's texts in the language print between a resolution's number and its date (" du ", ", de "),
    from the fixtures' citations ("sa résolution 78/212 du 19 décembre 2023")."""
    from tests.conftest import FIXTURES

    for path in sorted((FIXTURES / "languages").glob(f"*{suffix}.xml")):
        m = re.search(
            r"\b(?:sa|ses|su|sus) r\w+ <a[^>]*>\d+/\d+</a>(,? d[eu]\s)\d", path.read_text(encoding="utf-8")
        )
        if m:
            return m.group(1)[:-1] + " "  # printed with a no-break space before the day
    raise AssertionError(f"no citation in the {code} fixtures")


@pytest.mark.parametrize("code", LANGUAGES)
def test_closing_an_unsaved_draft_asks_in_a_whole_sentence(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The delegate closes the window on an imported draft never saved: the question is the catalog's own
    sentence ("de le projet sans titre" and "de el proyecto" were built from pieces), and Cancel keeps it open."""
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    _open_draft(win, corpus, tmp_path)
    win.prompter = Prompter()  # the real question box
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    stays = not win.close()  # Cancel: the draft stays open
    win.prompter = (
        prompter  # before any assert: a failure must not leave a real question box to block teardown
    )
    win.doc.history.mark_saved()
    assert stays
    assert not re.search(r"\bde (le|el)\b", asked[0]), asked
    assert asked == [_in(code, "Save the changes to the untitled draft?")]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_tracked_word_file_opened_back_reads_out_its_tracked_changes(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The delegate revises L.20, exports the comparison with track changes, opens that Word file back (Ctrl+O)
    and asks for the oral revisions: they are the file's tracked changes, not "no changes to read out"."""
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    _open_draft(win, corpus, tmp_path)
    field = win.paragraphs.rows[win.paragraphs.order[-1]].text
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, " and to act without delay")
    win.flush()
    win.action(ActionId.COMPARE_BASE).trigger()
    tracked = tmp_path / "L.20-tracked.docx"
    prompter.paths = [tracked]
    button = win.versions.view.export_button
    assert button.text() == _in(code, "Export with Track Changes…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert zipfile.is_zipfile(tracked)
    prompter.paths, prompter.save_answer = [tracked], "discard"
    _press(qtbot, win, Qt.Key.Key_O)
    assert win.windowTitle().startswith(_in(code, "Untitled draft"))  # a Word file opens as a draft to save
    win.action(ActionId.ORAL_REVISIONS).trigger()
    read_out = win.versions.oral_dialog.text.toPlainText()
    assert "“and to act without delay”" in read_out, read_out
    win.versions.oral_dialog.close()
    win.doc.history.mark_saved()


def test_the_negotiation_exports_refuse_a_name_of_another_file_type(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The facilitator's compilation and L document (.docx; the compilation also .txt) under "x.pdf" or
    "x.xml": refused, nothing written; a symbol-like name gets ".docx"."""
    from tests.gui.conftest import open_as_project

    win = shown_window(qtbot, settings, prompter, tmp_path)
    open_as_project(win, corpus / DRAFT, tmp_path)
    panel = win.negotiation
    panel.show()
    qtbot.mouseClick(panel.view.start_button, Qt.MouseButton.LeftButton)
    for button, name in ((panel.view.export_button, "compilation.pdf"), (panel.view.l_button, "L.20.xml")):
        prompter.paths = [tmp_path / name]
        button.click()
        assert not (tmp_path / name).exists(), name
        assert prompter.errors[-1][1] == _refusal("en", name, ".docx")
    prompter.paths = [tmp_path / "A_C.3_80_L.20-L"]
    panel.view.l_button.click()
    assert zipfile.is_zipfile(tmp_path / "A_C.3_80_L.20-L.docx")
    win.doc.history.mark_saved()
