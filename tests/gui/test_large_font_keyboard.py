"""A sponsor delegate on a laptop window (1024x640) with a 14-point interface font, working from the keyboard in
English, French and Spanish: each dialog fits the window (its content scrolls rather than being cut off), Tab
reaches its buttons, Enter accepts and Esc closes. (The start page stood wider than the window in all three
languages; the section heading's question stood on one line wider than the window in French and Spanish, and Tab
typed a tab into the heading, so OK could not be reached without the mouse.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from app import interface
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.prompter import Prompter
from widgets.welcome import WelcomeDialog

LANGUAGES = ("en", "fr", "es")
SMALL = (1024, 640)


@pytest.fixture
def large_font(qapp) -> Iterator[None]:  # noqa: ANN001
    """The delegate's 14-point interface font, for the widgets made during the test."""
    before = QApplication.font()
    font = QApplication.font()
    font.setPointSize(14)
    QApplication.setFont(font)
    yield
    QApplication.setFont(before)


@pytest.fixture
def speak(qapp) -> Iterator:  # noqa: ANN001
    yield interface_language.apply
    interface_language.apply(interface.ENGLISH)


def _window(qtbot, settings, prompter, tmp_path: Path, code: str, speak) -> MainWindow:  # noqa: ANN001
    speak(code)
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    win.activateWindow()
    return win


def _fits(dialog: QWidget, win: QWidget) -> bool:
    return dialog.width() <= win.width() and dialog.height() <= win.height()


def _shown_in(widget: QWidget, viewport: QWidget) -> bool:
    """The whole of `widget` is inside the scroll area's visible part."""
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(top_left) and viewport.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_start_page_fits_and_is_worked_from_the_keyboard(
    code: str, large_font, speak, qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    win.show_start_page()
    dialog = win.start_page
    assert isinstance(dialog, WelcomeDialog)
    qtbot.waitExposed(dialog)
    assert _fits(dialog, win), (dialog.size(), win.size())
    # Tab from the organs reaches Create, brought into view in the scrolled page; Enter creates the draft
    dialog.organs.setFocus()
    for _ in range(12):
        if dialog.focusWidget() is dialog.create:
            break
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.create
    assert _shown_in(dialog.create, dialog.area.viewport())
    for button in dialog.findChildren(QPushButton):  # no button's words are cut off
        assert button.width() >= button.sizeHint().width(), button.text()
    qtbot.keyClick(dialog.create, Qt.Key.Key_Return)
    assert dialog.choice is not None and dialog.choice.action == "new"
    # Esc closes the page opened again from Help
    win.show_start_page()
    again = win.start_page
    qtbot.waitExposed(again)
    qtbot.keyClick(again.organs, Qt.Key.Key_Escape)
    assert not again.isVisible() and again.choice is None
    win.doc.history.mark_saved()


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_section_heading_is_typed_and_accepted_without_the_mouse(
    code: str, large_font, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    assert win.files.open_path(corpus / "A_C.3_80_L.20.txt", as_import=True)
    win.flush()
    pid = win.res.operative[-1].id  # a section heading stands before a top-level paragraph
    win.paragraphs.rows[(pid, False)].text.setFocus()
    QApplication.processEvents()
    win.prompter = Prompter()  # the real question box
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            seen["fits"] = _fits(dialog, win) or (dialog.size(), win.size())
            edit = dialog.findChild(QPlainTextEdit)
            seen["focus in text"] = dialog.focusWidget() is edit
            qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(edit, "II")
            qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter is a new line of the heading
            qtbot.keyClicks(edit, "Travel ban")
            qtbot.keyClick(edit, Qt.Key.Key_Tab)  # Tab leaves the text for the buttons
            seen["tab leaves"] = isinstance(dialog.focusWidget(), QPushButton)
            qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        finally:
            if dialog.isVisible():  # a failure must not leave a modal box blocking the test
                dialog.reject()

    QTimer.singleShot(0, answer)
    win.action(ActionId.SECTION_HEADING).trigger()
    win.prompter = prompter
    win.doc.history.mark_saved()
    assert seen == {"fits": True, "focus in text": True, "tab leaves": True}
    assert win.doc.find(pid).heading == "II\nTravel ban"


def _whole(widget: QWidget) -> bool:
    """Nothing of `widget` is cut off by the views around it."""
    return widget.visibleRegion().boundingRect() == widget.rect()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compare_view_scrolls_rather_than_cutting_off_its_buttons(
    code: str, large_font, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """Versions > Compare with Base on the laptop window: the heading is read whole, and Tab reaches Oral
    Revisions, shown whole in the dock (it was cut off below it), which Enter opens and Esc closes."""
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    assert win.files.open_path(corpus / "A_C.3_80_L.20.txt", as_import=True)
    win.flush()
    pid = win.res.operative[0].id
    field = win.paragraphs.rows[(pid, False)].text
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, " without delay")
    win.flush()
    win.action(ActionId.COMPARE_BASE).trigger()
    view = win.versions.view
    qtbot.waitUntil(lambda: view.isVisible() and view.comparison is not None)
    QApplication.processEvents()
    heading = view.heading
    assert heading.height() >= heading.heightForWidth(heading.width()), heading.text()
    view.changed_only.setFocus()
    for _ in range(8):
        if view.focusWidget() is view.oral_button:
            break
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
        QApplication.processEvents()
    assert view.focusWidget() is view.oral_button
    assert _whole(view.oral_button) and _whole(view.refresh_button)
    qtbot.keyClick(view.oral_button, Qt.Key.Key_Space)
    dialog = win.versions.oral_dialog
    assert dialog is not None and dialog.isVisible()
    assert "without delay" in dialog.text.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    win.doc.history.mark_saved()


def _rows(win: MainWindow) -> list:
    return [win.paragraphs.rows[key] for key in win.paragraphs.order]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_quick_fix_is_applied_from_the_paragraph_with_the_keyboard(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    """Two preambular paragraphs typed with the same opener: F8 goes to the issue and Ctrl+. (View > Apply the
    Issue's Fix, shown with its key in the menu) applies its fix, the cursor never leaving the text."""
    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    win.files.new_document("ga-c1")
    qtbot.waitUntil(win.isActiveWindow)  # the menus' keys reach the active window
    first = _rows(win)[0]
    first.opener.setFocus()
    qtbot.keyClicks(first.opener, "Recalling")
    first.text.setFocus()
    qtbot.keyClicks(first.text, "its resolution 78/1")
    qtbot.keyClick(first.text, Qt.Key.Key_Return)
    second = _rows(win)[1]
    second.opener.setFocus()
    qtbot.keyClicks(second.opener, "Recalling")
    second.text.setFocus()
    qtbot.keyClicks(second.text, "its resolution 79/2")
    win.flush()
    pid = win.res.preamble[1].id
    fixable = [f for f in win.issues.findings if f.paragraph_id == pid and f.fix]
    assert fixable, win.issues.findings
    action = win.action(ActionId.APPLY_FIX)
    assert action.shortcut().toString() == "Ctrl+."
    menus = [a.menu() for a in win.menuBar().actions() if a.menu()]
    assert any(action in m.actions() and win.action(ActionId.NEXT_ISSUE) in m.actions() for m in menus)
    # F8 to each issue in turn until the fixable one; Ctrl+. applies it
    for _ in range(len(win.issues.findings)):
        qtbot.keyClick(QApplication.focusWidget() or second.text, Qt.Key.Key_F8)
        if win.issues.current() == fixable[0]:
            break
    assert win.issues.current() == fixable[0]
    field = QApplication.focusWidget() or second.text
    qtbot.keyClick(field, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert win.res.preamble[1].opener != "Recalling"
    win.flush()
    assert fixable[0] not in win.issues.findings
    win.doc.history.mark_saved()


def _cut_placeholders(dialog: QWidget) -> list[QLineEdit]:
    """The empty fields whose grey example does not fit them: the delegate reads the rest in a tooltip."""
    out = []
    for edit in dialog.findChildren(QLineEdit):
        shown = edit.placeholderText()
        wide = edit.fontMetrics().horizontalAdvance(shown) > edit.contentsRect().width()
        if edit.isVisible() and not edit.text() and shown and wide:
            out.append(edit)
    return out


@pytest.mark.parametrize("code", ("fr", "es"))
def test_an_example_cut_off_in_an_empty_field_is_read_in_its_tooltip(
    code: str, large_font, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The rollover's adoption date and the merge dialog's revision note show a grey example longer than the
    field at 14 points: it was cut off with nothing to read it whole."""
    from conftest import open_as_project

    win = _window(qtbot, settings, prompter, tmp_path, code, speak)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    win.action(ActionId.ROLLOVER).trigger()
    rollover = win.versions.rollover_dialog
    rollover.date.clear()
    QApplication.processEvents()
    panel = win.negotiation
    panel.show()
    panel.start()
    panel.open_merge()
    merge = panel.merge_dialog
    QApplication.processEvents()
    cut = _cut_placeholders(rollover) + _cut_placeholders(merge)
    assert cut  # at 14 points these examples are longer than their fields
    for edit in cut:
        assert edit.toolTip() == edit.placeholderText(), edit.accessibleName()
    merge.close()
    rollover.close()
    win.doc.history.mark_saved()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_document_details_are_read_whole_on_a_large_screen(
    code: str, large_font, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """1600x1000 with a 14-point font: the details column is as wide as its fields need (at a fifth of the
    window every field was cut off at its right edge, with no way to scroll to it)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    speak(code)
    win = shown_window(qtbot, settings, prompter, tmp_path, (1600, 1000))
    assert win.files.open_path(corpus / "A_C.3_80_L.20.txt", as_import=True)
    win.flush()
    QApplication.processEvents()
    assert win.details_dock.isVisible()
    fields = [
        w
        for w in win.header.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QComboBox, QAbstractSpinBox))
        and w.isVisible()
        and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
    ]
    assert len(fields) > 5
    win.details_scroll.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    viewport = win.details_scroll.viewport()
    for field in fields:
        right = field.mapTo(viewport, QPoint(field.width() - 1, 0)).x()
        assert right < viewport.width(), field.accessibleName() or type(field).__name__
    win.doc.history.mark_saved()
