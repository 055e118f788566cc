"""A sponsor delegation's day in the editor, driven as a delegate drives it: what an audit of the walk-through
found (a finding that led to a hidden tab, the cursor lost when the find bar closed, find and replace that
matched inside footnote references and never reached the footnotes)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication

from app import inline, interface
from app.model import Resolution
from tests.gui.shown import shown_window
from tests.gui.test_editor import draft, rows, type_paragraph
from widgets import interface_language
from widgets.actions import ActionId
from widgets.footnotes import FootnoteField
from widgets.main_window import MainWindow

SMALL = (1024, 640)
DRAFT = "A_C.3_80_L.20.txt"


def _open(window: MainWindow, corpus: Path) -> Resolution:
    assert window.files.open_path(corpus / DRAFT, as_import=True)
    window.flush()
    return window.res


def _shown_texts(res: Resolution) -> list[str]:
    """Every field as a reader sees it: the title, openers, texts and tails without marks, the footnotes."""
    texts = [res.title]
    for _, para in res.paragraphs():
        texts += [para.opener, inline.plain(para.text), inline.plain(para.tail)]
    return texts + [inline.plain(note.text) for note in res.footnotes.values()]


def _notes_of(res: Resolution) -> list[list[str]]:
    return [inline.footnote_ids(para.text) + inline.footnote_ids(para.tail) for _, para in res.paragraphs()]


def _find(qtbot, window: MainWindow, needle: str) -> None:  # noqa: ANN001
    window.action(ActionId.FIND).trigger()
    bar = window.find_bar
    bar.find.selectAll()
    qtbot.keyClicks(bar.find, needle)
    qtbot.keyClick(bar.find, Qt.Key.Key_Return)


def _replace_all(qtbot, window: MainWindow, needle: str, replacement: str) -> None:  # noqa: ANN001
    window.action(ActionId.FIND).trigger()
    bar = window.find_bar
    bar.find.setText(needle)
    bar.replace.clear()
    qtbot.keyClicks(bar.replace, replacement)
    bar.replace_all_button.click()


def test_a_header_finding_brings_the_details_tab_forward_on_a_small_screen(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    win.action(ActionId.NEW).trigger()
    type_paragraph(qtbot, rows(win)[0], "Recalling", "its resolution 78/1")
    win.flush()
    assert win.details_dock in win.tabifiedDockWidgets(win.preview_dock)  # one tabbed column
    win.preview_dock.raise_()  # the delegate reads the page: the details are the tab behind it
    QApplication.processEvents()
    assert win.header.title.visibleRegion().isEmpty()
    tree = win.issues.tree
    index = next(i for i, f in enumerate(win.issues.findings) if f.field == "title" and not f.paragraph_id)
    item = tree.topLevelItem(index)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    QApplication.processEvents()
    # the title's field is in front, with the cursor in it: the delegate types the title at once
    assert QApplication.focusWidget() is win.header.title
    assert not win.header.title.visibleRegion().isEmpty()
    assert win.preview_dock.visibleRegion().isEmpty()
    qtbot.keyClicks(win.header.title, "Rights of the child")
    assert win.res.title == "Rights of the child"
    win.doc.history.mark_saved()
    win.close()


def test_escape_in_the_find_bar_puts_the_cursor_back_in_the_text(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.action(ActionId.NEW).trigger()
    pre, op = rows(window)
    type_paragraph(qtbot, pre, "Recalling", "its resolution 78/1")
    type_paragraph(qtbot, op, "Requests", "the Secretary-General to report")
    op.text.setFocus()
    # opened and closed without searching: back where the delegate was typing
    window.action(ActionId.FIND).trigger()
    assert window.find_bar.find.hasFocus()
    qtbot.keyClick(window.find_bar.find, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert QApplication.focusWidget() is op.text
    # a match found, the find field clicked again to change it, then Escape: on the match, its words selected
    _find(qtbot, window, "resolution")
    window.find_bar.find.setFocus()
    qtbot.keyClick(window.find_bar.find, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is pre.text
    assert pre.text.textCursor().selectedText() == "resolution"
    qtbot.keyClicks(pre.text, "decision")  # typing goes on from there
    assert window.res.preamble[0].text == "its decision 78/1"


def test_replacing_brackets_keeps_every_footnote(qtbot, window: MainWindow, corpus: Path) -> None:  # noqa: ANN001
    """A facilitator removes the brackets once the words are agreed: the footnote references (stored as
    bracketed marks) stay, and the count is of the brackets the delegates see."""
    res = _open(window, corpus)
    notes_before = _notes_of(res)
    assert sum(map(len, notes_before)) >= 10  # the draft has footnotes to lose
    first, second = rows(window)[0], rows(window)[2]
    for row, words in ((first, " [as appropriate]"), (second, " [and regional organizations]")):
        row.text.setFocus()
        qtbot.keyClick(row.text, Qt.Key.Key_End)
        qtbot.keyClicks(row.text, words)
    shown = _shown_texts(window.res)
    _find(qtbot, window, "[")
    assert window.find_bar.status.text() == f"1 of {sum(t.count('[') for t in shown)}"
    _replace_all(qtbot, window, "[", "")
    _replace_all(qtbot, window, "]", "")
    assert _notes_of(window.res) == notes_before
    assert _shown_texts(window.res) == [re.sub(r"[\[\]]", "", t) for t in shown]
    window.flush()
    page = window.preview.toPlainText()
    assert "as appropriate" in page and "[" not in page
    assert [len(ids) for ids in _notes_of(window.res)] == [len(ids) for ids in notes_before]
    window.action(ActionId.UNDO).trigger()
    window.action(ActionId.UNDO).trigger()
    assert _shown_texts(window.res) == shown


def test_find_and_replace_reach_the_footnotes(qtbot, window: MainWindow, corpus: Path) -> None:  # noqa: ANN001
    res = _open(window, corpus)
    needle = "Ibid."
    in_notes = [fid for fid, note in res.footnotes.items() if needle in inline.plain(note.text)]
    elsewhere = _shown_texts(res)[: -len(res.footnotes)]
    assert in_notes and not any(needle in text for text in elsewhere)  # only the footnotes say it
    first = min(in_notes, key=lambda fid: window.numbers[fid])
    assert needle in window.preview.toPlainText()  # the page prints the footnotes
    _find(qtbot, window, needle)
    assert window.find_bar.status.text() == f"1 of {sum(needle in res.footnotes[f].text for f in in_notes)}"
    focused = QApplication.focusWidget()
    assert isinstance(focused, FootnoteField) and window.footnotes.fields.get(first) is focused
    assert focused.selectedText() == needle
    assert window.bottom_tabs.currentWidget() is window.footnotes
    before = res.footnotes[first].text
    window.find_bar.replace.setText("Idem")
    window.find_bar.replace_button.click()
    assert res.footnotes[first].text == before.replace(needle, "Idem", 1)
    assert window.action(ActionId.UNDO).text() == "&Undo Replace"
    window.action(ActionId.UNDO).trigger()
    assert res.footnotes[first].text == before
    _replace_all(qtbot, window, needle, "Idem")
    assert not any(needle in note.text for note in res.footnotes.values())
    window.flush()
    assert needle not in window.preview.toPlainText()
    window.action(ActionId.UNDO).trigger()
    assert [fid for fid, note in res.footnotes.items() if needle in inline.plain(note.text)] == in_notes


def _italic_in_preview(window: MainWindow, words: str) -> bool | None:
    """Whether the preview prints `words` in italics (None: not printed)."""
    window.flush()
    block = window.preview.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if words in fragment.text():
                return fragment.charFormat().fontItalic()
            it += 1
        block = block.next()
    return None


def test_ctrl_i_italicizes_a_title_in_a_footnote(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.action(ActionId.NEW).trigger()
    pre = rows(window)[0]
    type_paragraph(qtbot, pre, "Recalling", "the Convention on the Rights of the Child")
    qtbot.keyClick(
        pre.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    note = QApplication.focusWidget()
    assert isinstance(note, FootnoteField)
    qtbot.keyClicks(note, "United Nations, Treaty Series, vol. 1577, No. 27531.")
    (fid,) = window.res.footnotes
    assert _italic_in_preview(window, "Treaty Series") is False
    words = "Treaty Series"
    note.setSelection(note.text().index(words), len(words))  # the title selected, as with the mouse
    qtbot.keyClick(note, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.res.footnotes[fid].text == "United Nations, *Treaty Series*, vol. 1577, No. 27531."
    assert _italic_in_preview(window, words) is True
    assert QApplication.focusWidget() is note  # typing goes on in the note
    qtbot.keyClick(note, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # again: unmarked
    assert window.res.footnotes[fid].text == "United Nations, Treaty Series, vol. 1577, No. 27531."
    window.action(ActionId.UNDO).trigger()
    assert window.res.footnotes[fid].text == "United Nations, *Treaty Series*, vol. 1577, No. 27531."
    window.action(ActionId.UNDO).trigger()  # each Ctrl+I is its own step, apart from the typing
    assert window.res.footnotes[fid].text == "United Nations, Treaty Series, vol. 1577, No. 27531."
    # with the cursor in no text, Ctrl+I says what it needs instead of doing nothing
    window.issues.tree.setFocus()
    window.action(ActionId.ITALIC).trigger()
    assert window.statusBar().currentMessage() == "Select the words to italicize first"


def test_undo_in_the_l_number_box_shows_the_number_the_document_has(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.action(ActionId.NEW).trigger()
    header = window.header
    header.l_number.setFocus()
    qtbot.keyClicks(header.l_number, "57")
    symbol = window.res.header.symbol
    assert symbol.endswith("/L.57") and header.symbol.text() == symbol
    qtbot.keyClick(header.l_number, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.res.header.symbol == ""
    assert header.l_number.hasFocus()
    assert (header.l_number.text(), header.symbol.text()) == ("", "")  # the boxes say what will print
    qtbot.keyClick(header.l_number, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.res.header.symbol == symbol
    assert (header.l_number.text(), header.symbol.text()) == ("57", symbol)
    qtbot.keyClick(header.l_number, Qt.Key.Key_Home)
    qtbot.keyClicks(header.l_number, "1")  # typing in the middle of the number keeps its place
    assert header.l_number.text() == "157" and header.l_number.cursorPosition() == 1
    assert window.res.header.symbol == symbol.replace("L.57", "L.157")


def _cursor_paragraph(window: MainWindow) -> str:
    """The paragraph whose opener or text has the keyboard focus ("" for none)."""
    focused = QApplication.focusWidget()
    for row in window.paragraphs.rows.values():
        if focused in (row.text, row.opener):
            return row.paragraph_id
    return ""


@pytest.mark.parametrize(
    "command",
    [
        ActionId.ADD_PARAGRAPH,
        ActionId.INSERT_PARAGRAPH,
        ActionId.DUPLICATE_PARAGRAPH,
        ActionId.DELETE_PARAGRAPH,
        ActionId.MOVE_UP,
        ActionId.MOVE_TO_OTHER_PART,
        ActionId.ADD_PART,
        ActionId.ADD_ANNEX,
    ],
)
def test_undo_puts_the_cursor_back_where_the_command_was_given(
    qtbot, window: MainWindow, command: ActionId
) -> None:  # noqa: ANN001
    draft(qtbot, window)
    middle = rows(window)[3]  # the second operative paragraph
    middle.text.setFocus()
    qtbot.keyClick(middle.text, Qt.Key.Key_End)
    before = repr(window.res)  # the whole draft: parts and annexes too
    window.action(command).trigger()
    assert repr(window.res) != before
    window.action(ActionId.UNDO).trigger()
    assert repr(window.res) == before
    # the cursor is back in the paragraph, so the paragraph's keys work at once
    assert _cursor_paragraph(window) == middle.paragraph_id
    assert window.action(ActionId.DELETE_PARAGRAPH).isEnabled()
    qtbot.keyClicks(QApplication.focusWidget(), " at once")
    assert " at once" in window.res.find(middle.paragraph_id).text


def test_f3_finds_the_next_place_from_the_text(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """After Enter in the find bar the cursor is on the match, in the text (where Enter would split the
    paragraph): F3 and Shift+F3 go on to the next and previous places, and the Edit menu says so."""
    draft(qtbot, window)
    needle = "the"
    places = [
        (row.paragraph_id, m.start())
        for row in rows(window)
        for m in re.finditer(needle, row.text.toPlainText(), re.IGNORECASE)
    ]
    assert len(places) >= 3
    _find(qtbot, window, needle)

    def place() -> tuple[str, int]:
        focused = QApplication.focusWidget()
        row = next(r for r in rows(window) if r.text is focused)
        assert focused.textCursor().selectedText().lower() == needle
        return row.paragraph_id, focused.textCursor().selectionStart()

    assert place() == places[0]
    for expected in places[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
        assert place() == expected
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert place() == places[-2]
    assert window.find_bar.status.text() == f"{len(places) - 1} of {len(places)}"
    edit = window.menuBar().actions()[1].menu()
    shown = {a.text(): [k.toString() for k in a.shortcuts()] for a in edit.actions() if not a.isSeparator()}
    assert "F3" in shown["Find &Next"] and "Shift+F3" in shown["Find Pre&vious"]
    # with no words yet, F3 opens the bar to take them
    window.find_bar.find.clear()
    window.find_bar.close_bar()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
    assert window.find_bar.isVisible() and window.find_bar.find.hasFocus()


def _letter(text: str) -> str:
    """The underlined letter of a menu entry ("Save &As…" → "a"; "" for none), as Alt+letter types it."""
    found = re.search(r"&([^&\s])", text.split("\t")[0].replace("&&", ""))
    return found.group(1).lower() if found else ""


@pytest.fixture
def speak(qapp) -> Iterator:  # noqa: ANN001
    yield interface_language.apply
    interface_language.apply(interface.ENGLISH)


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_no_two_entries_of_a_menu_share_their_alt_letter(code: str, speak, request) -> None:  # noqa: ANN001
    """Alt+letter opens one menu and, in it, runs one entry; two entries with one letter only cycle between
    them (Alt+N was Versions or Negotiate; in the Paragraph menu U was Duplicate, Move Up or Unnumber)."""
    speak(code)
    window = request.getfixturevalue("window")
    menus = [("menu bar", [a for a in window.menuBar().actions() if not a.isSeparator()])]
    menus += [
        (a.text(), [b for b in a.menu().actions() if not b.isSeparator()]) for a in window.menuBar().actions()
    ]
    for title, entries in menus:
        letters = [_letter(a.text()) for a in entries]
        clashes = {x for x in letters if x and letters.count(x) > 1}
        assert not clashes, (code, title, [a.text() for a in entries if _letter(a.text()) in clashes])
        assert all(letters), (code, title, [a.text() for a in entries if not _letter(a.text())])


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_the_find_bar_fits_a_laptop_window(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """At 1024x640 the paragraphs' column is some 600 px wide: the find bar's fields keep room for the words
    typed in them, no button is cut, and the window does not grow past the screen (it did, in Spanish)."""
    speak(code)
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    _open(win, corpus)
    needle = "Secretary-General"
    _find(qtbot, win, needle)
    QApplication.processEvents()
    bar = win.find_bar
    assert (win.width(), win.height()) == SMALL
    assert bar.status.text() and bar.status.width() >= bar.status.sizeHint().width()
    for field in (bar.find, bar.replace):
        assert field.width() >= field.fontMetrics().horizontalAdvance(needle) + 12, field.accessibleName()
    buttons = [bar.case, bar.next_button, bar.replace_button, bar.replace_all_button]
    for widget in buttons:
        assert widget.width() >= widget.sizeHint().width(), widget.text()  # the whole label shows
    shown = [bar.find, bar.replace, bar.status, *buttons]
    for widget in shown:
        assert bar.rect().contains(widget.geometry()), widget
    for i, one in enumerate(shown):  # nothing drawn over anything else
        assert not any(one.geometry().intersects(other.geometry()) for other in shown[i + 1 :])
    win.doc.history.mark_saved()
    win.close()


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_compare_with_base_fits_a_laptop_window(
    code: str, speak, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """Versions > Compare with Base at 1024x640: a tab beside the preview (it was a strip above it), the
    paragraphs keep most of the width, the window keeps its size (it grew to 1,633 px in Spanish), and the
    view's buttons show whole, wrapping onto a second line when they must."""
    speak(code)
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    _open(win, corpus)
    row = rows(win)[3]
    row.text.setFocus()
    qtbot.keyClick(row.text, Qt.Key.Key_End)
    qtbot.keyClicks(row.text, " and more")
    win.action(ActionId.COMPARE_BASE).trigger()
    win.flush()
    QApplication.processEvents()
    dock, view = win.versions.dock, win.versions.view
    assert (win.width(), win.height()) == SMALL
    assert dock in win.tabifiedDockWidgets(win.preview_dock)
    assert not dock.visibleRegion().isEmpty() and win.preview_dock.visibleRegion().isEmpty()
    assert win.centralWidget().width() >= 0.55 * win.width()
    assert "1" in view.counts.text()  # one paragraph changed
    buttons = [view.export_button, view.oral_button, view.refresh_button, view.changed_only]
    for button in buttons:
        assert view.rect().contains(button.geometry()), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
    for i, one in enumerate(buttons):
        assert not any(one.geometry().intersects(other.geometry()) for other in buttons[i + 1 :])
    assert view.browser.height() >= 3 * view.browser.fontMetrics().height()  # room to read the changes
    win.doc.history.mark_saved()
    win.close()


def test_amendment_actions_are_offered_only_where_they_act(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    """A new draft has no base and is no amendment: Versions > Amendment from Comparison and Amended Draft are
    greyed (they only said so in the status bar); a draft opened from a file has its base, an amendment made
    from it has the draft it amends."""
    amend, amended = window.action(ActionId.AMEND_FROM_COMPARISON), window.action(ActionId.SHOW_AMENDED)
    window.action(ActionId.NEW).trigger()
    assert not amend.isEnabled() and not amended.isEnabled()
    path = tmp_path / "L20.json"
    path.write_bytes((Path(__file__).parent.parent / "fixtures" / "gui" / "A_C.3_80_L.20.json").read_bytes())
    assert window.files.open_path(path)
    assert amend.isEnabled() and not amended.isEnabled()
    window.paragraphs.finish()  # every row built
    row = rows(window)[3]
    row.text.setFocus()
    qtbot.keyClick(row.text, Qt.Key.Key_End)
    qtbot.keyClicks(row.text, " and regional organizations")
    amend.trigger()
    assert window.amendment_panel.isVisible() and window.res.instructions
    assert amended.isEnabled()
    window.doc.history.mark_saved()
    window.action(ActionId.NEW).trigger()  # a draft again: neither
    assert not window.amendment_panel.isVisible()
    assert not amend.isEnabled() and not amended.isEnabled()


def test_edit_menu_cuts_copies_and_pastes_the_field_with_the_cursor(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Edit > Cut, Copy, Paste and Select All, with their keys shown, act on the field with the cursor and
    are greyed where they would do nothing; a cut is undone like any edit."""
    draft(qtbot, window)
    cut, copy, paste, select_all = (
        window.action(a) for a in (ActionId.CUT, ActionId.COPY, ActionId.PASTE, ActionId.SELECT_ALL)
    )
    native = QKeySequence.SequenceFormat.NativeText
    assert cut.text().endswith("\t" + QKeySequence(QKeySequence.StandardKey.Cut).toString(native))
    assert paste.text().endswith("\t" + QKeySequence(QKeySequence.StandardKey.Paste).toString(native))
    first, last = rows(window)[0], rows(window)[-1]
    first.text.setFocus()
    QApplication.processEvents()
    assert select_all.isEnabled() and not cut.isEnabled() and not copy.isEnabled()  # nothing selected yet
    words = "resolution 78/1"
    cursor = first.text.textCursor()
    start = first.text.toPlainText().index(words)
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    first.text.setTextCursor(cursor)
    assert cut.isEnabled() and copy.isEnabled()
    copy.trigger()
    assert QApplication.clipboard().text() == words
    cut.trigger()
    assert window.res.preamble[0].text == "its "
    assert not cut.isEnabled()  # the selection went with the words
    last.text.setFocus()
    qtbot.keyClick(last.text, Qt.Key.Key_End)
    assert paste.isEnabled()
    paste.trigger()
    assert window.res.operative[-1].text == "to remain seized" + words
    window.action(ActionId.UNDO).trigger()
    window.action(ActionId.UNDO).trigger()
    assert window.res.preamble[0].text == "its resolution 78/1"
    first.text.setFocus()
    select_all.trigger()
    assert first.text.textCursor().selectedText() == first.text.toPlainText()
    window.issues.tree.setFocus()  # no text field: nothing to cut, copy, paste or select
    QApplication.processEvents()
    assert not any(a.isEnabled() for a in (cut, copy, paste, select_all))


def test_sponsors_are_removed_from_the_list_with_delete(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Remove is greyed until a sponsor is chosen (it did nothing); Delete in the list removes the chosen one,
    the next one is chosen so Delete goes on, and each removal is undone like any edit."""
    window.action(ActionId.NEW).trigger()
    header = window.header
    for state in ("Mexico", "Norway", "Chile"):
        qtbot.keyClicks(header.sponsor_search, state)
        qtbot.keyClick(header.sponsor_search, Qt.Key.Key_Return)
    added = list(window.res.header.sponsors)
    assert sorted(added) == ["Chile", "Mexico", "Norway"]
    assert header.sponsor_list.currentRow() < 0 and not header.remove_sponsor.isEnabled()
    header.sponsor_list.setFocus()
    qtbot.keyClick(header.sponsor_list, Qt.Key.Key_Down)  # the first sponsor chosen
    chosen = header.sponsor_list.currentItem().text()
    assert header.remove_sponsor.isEnabled()
    qtbot.keyClick(header.sponsor_list, Qt.Key.Key_Delete)
    assert window.res.header.sponsors == [s for s in added if s != chosen]
    assert header.sponsor_list.currentRow() >= 0  # the next one, for another Delete
    qtbot.keyClick(header.sponsor_list, Qt.Key.Key_Delete)
    assert len(window.res.header.sponsors) == 1
    window.action(ActionId.UNDO).trigger()
    window.action(ActionId.UNDO).trigger()
    assert window.res.header.sponsors == added
    assert [header.sponsor_list.item(i).text() for i in range(header.sponsor_list.count())] == added


def test_a_json_file_that_is_no_project_is_named_in_the_error(window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    """Every reader names the file it refuses ("x.pdf is a PDF file: …"); a .json that is no project said
    only "not a Resolute project file", leaving the delegate to guess which file was meant."""
    window.action(ActionId.NEW).trigger()
    before = repr(window.res)
    for name, data in (("settings.json", b'{"theme": "dark"}'), ("broken.json", b'{"format": "resolute", ')):
        path = tmp_path / name
        path.write_bytes(data)
        window.prompter.paths = [path]
        window.action(ActionId.OPEN).trigger()
        title, message = window.prompter.errors[-1]
        assert title == "Cannot open the file"
        assert message.startswith(f"{name}: ") and "\n" not in message
        assert repr(window.res) == before  # the draft on screen is left as it was


def test_ctrl_equals_zooms_in_as_ctrl_plus_does(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """ "+" is Shift+= on most keyboards: Ctrl+= zooms in as well (it did nothing), Ctrl+- out, Ctrl+0 back."""
    draft(qtbot, window)
    text = rows(window)[0].text
    text.setFocus()
    size = text.font().pointSizeF()
    qtbot.keyClick(text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 1 and text.font().pointSizeF() > size
    qtbot.keyClick(text, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 0
    assert "Ctrl+=" in [k.toString() for k in window.action(ActionId.ZOOM_IN).shortcuts()]
    assert text.toPlainText() == "its resolution 78/1"  # no key went into the text
