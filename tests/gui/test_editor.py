"""The editor driven as a user drives it: keys, clicks and actions on the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app import storage
from app.model import Part
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.paragraph_editor import ParagraphRow


def rows(win: MainWindow) -> list[ParagraphRow]:
    return [win.paragraphs.rows[key] for key in win.paragraphs.order]


def labels(win: MainWindow) -> list[str]:
    return [r.label.text() for r in rows(win)]


def type_paragraph(qtbot, row: ParagraphRow, opener: str, text: str) -> None:  # noqa: ANN001
    if opener:
        row.opener.setFocus()
        qtbot.keyClicks(row.opener, opener)
    row.text.setFocus()
    qtbot.keyClicks(row.text, text)


def draft(qtbot, win: MainWindow) -> None:  # noqa: ANN001
    """Two preambular and three operative paragraphs, typed."""
    win.files.new_document("ga-c1")
    pre, op = rows(win)
    type_paragraph(qtbot, pre, "Recalling", "its resolution 78/1")
    qtbot.keyClick(pre.text, Qt.Key.Key_Return)  # Enter: a new paragraph after this one
    type_paragraph(qtbot, rows(win)[1], "Noting", "the report of the Secretary-General")
    type_paragraph(qtbot, op, "Requests", "the Secretary-General to report")
    for opener, text in (("Invites", "Member States to cooperate"), ("Decides", "to remain seized")):
        qtbot.keyClick(rows(win)[-1].text, Qt.Key.Key_Return)
        type_paragraph(qtbot, rows(win)[-1], opener, text)


def test_create_from_template_and_type(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.action(ActionId.NEW).trigger()
    assert window.res.header.template == "ga-c1"
    draft(qtbot, window)
    res = window.res
    assert [(p.opener, p.text) for p in res.preamble] == [
        ("Recalling", "its resolution 78/1"),
        ("Noting", "the report of the Secretary-General"),
    ]
    assert labels(window) == ["PP 1", "PP 2", "1.", "2.", "3."]
    assert [r.end.text() for r in rows(window)] == [",", ",", ";", ";", "."]
    window.flush()
    html = window.preview.toPlainText()
    assert "Recalling its resolution 78/1," in html
    assert "3.    Decides to remain seized." in html.replace("\xa0", " ")
    assert window.isWindowModified()
    assert window.windowTitle().startswith("Untitled draft")


def test_opener_from_the_completer(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    row = rows(window)[0]
    row.opener.setFocus()
    qtbot.keyClicks(row.opener, "Reaffirmi")
    popup = row.opener.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() >= 1
    first = popup.model().index(0, 0).data()
    assert first.lower().startswith("reaffirmi")
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert row.opener.text() == first
    assert window.res.preamble[0].opener == first  # the choice is an edit of the model
    operative = rows(window)[1].opener.completer()
    assert operative is not row.opener.completer()  # operative openers come from the other lexicon


def test_reorder_renumbers_and_undo(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    last = rows(window)[-1]
    last.text.setFocus()
    window.action(ActionId.MOVE_UP).trigger()
    ops = [p.opener for p in window.res.operative]
    assert ops == ["Requests", "Decides", "Invites"]
    assert [r.opener.text() for r in rows(window)][2:] == ops
    assert [r.end.text() for r in rows(window)][2:] == [";", ";", "."]  # the last paragraph ends with a stop
    assert window.action(ActionId.UNDO).text() == "&Undo Move paragraph"
    window.action(ActionId.UNDO).trigger()
    assert [p.opener for p in window.res.operative] == ["Requests", "Invites", "Decides"]
    window.action(ActionId.REDO).trigger()
    assert [p.opener for p in window.res.operative] == ["Requests", "Decides", "Invites"]


def test_drag_to_reorder(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    res = window.res
    first_op, last_op = res.operative[0].id, res.operative[-1].id
    window.drop_paragraph(last_op, first_op, True)
    assert [p.opener for p in res.operative] == ["Decides", "Requests", "Invites"]
    window.drop_paragraph(res.preamble[0].id, res.operative[1].id, False)  # across parts: converted
    assert [p.opener for p in res.operative] == ["Decides", "Requests", "Recalls", "Invites"]
    assert labels(window) == ["PP 1", "1.", "2.", "3.", "4."]


def test_move_between_parts_converts_the_opener(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    rows(window)[1].text.setFocus()  # "Noting", the last preambular paragraph
    window.action(ActionId.MOVE_DOWN).trigger()
    assert window.res.operative[0].opener == "Notes"
    assert labels(window) == ["PP 1", "1.", "2.", "3.", "4."]
    assert rows(window)[1].opener.text() == "Notes"
    window.action(ActionId.MOVE_TO_OTHER_PART).trigger()
    assert window.res.preamble[-1].opener == "Noting"


def test_tab_past_the_depth_limit_says_so_and_changes_nothing(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    from app.model import MAX_DEPTH

    draft(qtbot, window)
    for level in range(MAX_DEPTH + 1):  # Enter after the deepest, then Tab: one level further each time
        qtbot.keyClick(rows(window)[-1].text, Qt.Key.Key_Return)
        last = rows(window)[-1]
        last.text.setFocus()
        qtbot.keyClicks(last.text, f"level {level + 1}")
        undo = window.action(ActionId.UNDO).text()
        qtbot.keyClick(last.text, Qt.Key.Key_Tab)
    assert window.action(ActionId.UNDO).text() == undo  # the refused Tab left the undo stack as it was
    assert "levels deep" in window.statusBar().currentMessage()
    depth, node = 0, window.res.operative[-1]
    while node.subparagraphs:
        depth, node = depth + 1, node.subparagraphs[-1]
    assert depth == MAX_DEPTH and node.text == f"level {MAX_DEPTH + 1}"  # stayed beside the deepest


def test_tab_indents_a_subparagraph(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    third = rows(window)[3]  # "2. Invites"
    third.text.setFocus()
    qtbot.keyClick(third.text, Qt.Key.Key_Tab)
    assert labels(window) == ["PP 1", "PP 2", "1.", "(a)", "2."]
    assert [s.opener for s in window.res.operative[0].subparagraphs] == ["Invites"]
    assert rows(window)[2].end.text() == ":"  # a paragraph introducing a list ends with a colon
    fourth = rows(window)[4]
    fourth.text.setFocus()
    qtbot.keyClick(fourth.text, Qt.Key.Key_Tab)
    qtbot.keyClick(rows(window)[4].text, Qt.Key.Key_Tab)
    # one operative paragraph left: it is not numbered
    assert labels(window) == ["PP 1", "PP 2", "OP 1", "(a)", "(i)"]
    qtbot.keyClick(rows(window)[4].text, Qt.Key.Key_Backtab)
    assert labels(window) == ["PP 1", "PP 2", "OP 1", "(a)", "(b)"]
    assert window.action(ActionId.UNDO).text() == "&Undo Outdent"


def test_footnote_at_the_cursor(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    row = rows(window)[0]
    row.text.setFocus()
    cursor = row.text.textCursor()
    cursor.setPosition(len("its resolution 78/1"))
    row.text.setTextCursor(cursor)
    qtbot.keyClick(
        row.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    [fid] = window.res.footnotes
    assert window.res.preamble[0].text == f"its resolution 78/1[^{fid}]"
    assert row.text.toPlainText() == "its resolution 78/1[^1]"  # shown by its number
    field = window.footnotes.fields[fid]
    assert field.hasFocus()
    qtbot.keyClicks(field, "A/78/PV.1.")
    assert window.res.footnotes[fid].text == "A/78/PV.1."
    window.flush()
    text = window.preview.toPlainText()
    assert "A/78/PV.1." in text
    # a second footnote earlier in the text takes number 1 and the first becomes 2
    cursor.setPosition(3)
    row.text.setTextCursor(cursor)
    row.text.setFocus()
    window.action(ActionId.INSERT_FOOTNOTE).trigger()
    assert row.text.toPlainText() == "its[^1] resolution 78/1[^2]"
    assert window.bottom_tabs.tabText(1) == "Footnotes (2)"


def test_undo_and_redo_every_edit_with_the_standard_keys(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = storage.dumps(window.res)
    row = rows(window)[2]
    row.text.setFocus()
    qtbot.keyClicks(row.text, " annually")
    rows(window)[0].opener.setFocus()
    qtbot.keyClicks(rows(window)[0].opener, " also")
    window.action(ActionId.DELETE_PARAGRAPH).trigger()
    assert len(window.res.preamble) == 1
    assert window.action(ActionId.UNDO).text() == "&Undo Delete paragraph"
    focus = rows(window)[0].text
    focus.setFocus()
    for _ in range(3):  # Ctrl+Z in a text box undoes in the document, not just the box
        qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        focus = QApplication.focusWidget() or focus
    assert storage.dumps(window.res) == before
    assert rows(window)[2].text.toPlainText() == "the Secretary-General to report"
    assert window.action(ActionId.REDO).isEnabled()
    window.action(ActionId.REDO).trigger()
    assert window.res.operative[0].text == "the Secretary-General to report annually"
    assert rows(window)[2].text.toPlainText() == "the Secretary-General to report annually"
    assert not row.text.isUndoRedoEnabled()


def test_save_reopen_and_export(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    draft(qtbot, window)
    window.header.session.setValue(79)
    path = tmp_path / "draft.json"
    prompter.paths = [path]
    window.action(ActionId.SAVE).trigger()
    assert path.exists() and not window.isWindowModified()
    assert window.windowTitle().startswith("draft.json")
    assert not list((tmp_path / "recovery").glob("*.json"))  # saved: nothing to recover
    saved = storage.dumps(window.res)
    window.files.new_document("ga-c3")
    assert window.files.open_path(path)
    assert storage.dumps(window.res) == saved
    assert labels(window) == ["PP 1", "PP 2", "1.", "2.", "3."]
    assert window.header.session_words.text() == "Seventy-ninth session"
    assert [a.text() for a in window.files.recent_menu.actions()] == ["draft.json"]
    out = tmp_path / "draft.docx"
    assert window.action(ActionId.EXPORT_DOCX).isEnabled()
    prompter.paths = [out]
    window.action(ActionId.EXPORT_DOCX).trigger()
    import docx

    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Recalling its resolution 78/1," in body
    assert "Decides to remain seized." in body
    assert docx.Document(str(out)).sections[0].page_height.pt == 792  # the template's Letter paper
    window.settings.set(paper="a4")  # the paper setting wins over the template
    prompter.paths = [out]
    window.action(ActionId.EXPORT_DOCX).trigger()
    assert round(docx.Document(str(out)).sections[0].page_height.pt, 1) == 841.9


def test_failed_save_says_why_and_keeps_the_old_file(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    draft(qtbot, window)
    path = tmp_path / "draft.json"
    assert window.files.save_to(path)
    old = path.read_bytes()
    qtbot.keyClicks(rows(window)[0].text, " and 78/2")
    assert not window.files.save_to(tmp_path / "no-such-folder" / "draft.json")
    assert prompter.errors and "cannot" in prompter.errors[-1][1].lower()
    assert window.isWindowModified()
    assert path.read_bytes() == old


def test_closing_with_unsaved_changes_asks(qtbot, window: MainWindow, prompter) -> None:  # noqa: ANN001
    draft(qtbot, window)
    prompter.save_answer = "cancel"
    assert not window.close()
    assert window.isVisible() and prompter.asked_save == 1
    prompter.save_answer = "discard"
    assert window.close()


def test_header_fields_and_sponsors(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    header = window.header
    header.session.clear()
    qtbot.keyClicks(header.session, "79")
    assert header.session_words.text() == "Seventy-ninth session"
    qtbot.keyClicks(header.l_number, "43")
    assert window.res.header.symbol == "A/C.1/79/L.43"
    assert header.date.displayFormat() == "d MMMM yyyy"
    for name in ("Norway", "Brazil", "Argentina"):
        qtbot.keyClicks(header.sponsor_search, name)
        qtbot.keyClick(header.sponsor_search, Qt.Key.Key_Return)
    assert window.res.header.sponsors == ["Argentina", "Brazil", "Norway"]
    assert [header.sponsor_list.item(i).text() for i in range(3)] == ["Argentina", "Brazil", "Norway"]
    assert header.sponsor_line.text() == "Argentina, Brazil and Norway: draft resolution"
    header.on_behalf_of.setCurrentText("the Group of 77 and China")
    assert window.res.header.on_behalf_of == "the Group of 77 and China"
    assert header.sponsor_line.text().startswith("Argentina, Brazil and Norway*: draft resolution")
    window.action(ActionId.UNDO).trigger()
    assert window.res.header.on_behalf_of == ""
    window.flush()
    assert "Seventy-ninth session" in window.preview.toPlainText()


def test_find_and_replace(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    window.action(ActionId.FIND).trigger()
    bar = window.find_bar
    assert bar.isVisible() and bar.find.hasFocus()
    qtbot.keyClicks(bar.find, "Secretary-General")
    qtbot.keyClick(bar.find, Qt.Key.Key_Return)
    assert bar.status.text() == "1 of 2"
    focused = QApplication.focusWidget()
    assert focused is rows(window)[1].text and focused.textCursor().selectedText() == "Secretary-General"
    qtbot.keyClicks(bar.replace, "SG")
    bar.replace_all_button.click()
    assert bar.status.text() == "Replaced 2"
    assert window.res.operative[0].text == "the SG to report"
    assert rows(window)[2].text.toPlainText() == "the SG to report"
    window.action(ActionId.UNDO).trigger()
    assert window.res.operative[0].text == "the Secretary-General to report"


def test_hidden_preview_is_drawn_when_shown_again(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    window.flush()
    window.action(ActionId.SHOW_PREVIEW).trigger()  # hide
    assert not window.preview_dock.isVisible()
    qtbot.keyClicks(rows(window)[0].text, " and 78/2")
    window.flush()
    assert "78/2" not in window.preview.toPlainText()  # no work for a hidden view
    window.action(ActionId.SHOW_PREVIEW).trigger()
    qtbot.waitUntil(lambda: "its resolution 78/1 and 78/2," in window.preview.toPlainText())


def test_zoom_changes_the_text_size(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = rows(window)[0].text.font().pointSizeF()
    window.action(ActionId.ZOOM_IN).trigger()
    assert rows(window)[0].text.font().pointSizeF() > before
    window.action(ActionId.ZOOM_RESET).trigger()
    assert rows(window)[0].text.font().pointSizeF() == pytest.approx(before)


def test_fields_have_accessible_names(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    assert rows(window)[3].text.accessibleName() == "OP 2: text"
    assert rows(window)[0].opener.accessibleName() == "PP 1: opener"
    assert window.header.session.accessibleName() == "Session number"


def test_open_a_real_draft(qtbot, window: MainWindow, corpus: Path) -> None:  # noqa: ANN001
    assert window.files.open_path(corpus / "A_C.1_80_L.43.txt")
    res = window.res
    assert len(res.preamble) > 10 and len(res.operative) > 5
    assert window.header.symbol.text() == "A/C.1/80/L.43"
    assert window.header.session_words.text() == "Eightieth session"
    assert window.header.sponsor_line.text().startswith("Albania, Australia, Austria")
    assert labels(window)[len(res.preamble)] == "1."
    window.flush()
    text = window.preview.toPlainText()
    assert "Comprehensive Nuclear-Test-Ban Treaty" in text and "The General Assembly," in text
    assert window.windowTitle().startswith("Untitled draft")  # an import saves as a new project


def test_paste_a_whole_draft_into_an_empty_one(qtbot, window: MainWindow, corpus: Path) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    text = (corpus / "A_C.1_80_L.43.txt").read_text(encoding="utf-8")
    body = rows(window)[0].text
    body.setFocus()
    QApplication.clipboard().setText(text)
    body.paste()
    assert window.res.header.symbol == "A/C.1/80/L.43"
    assert len(window.res.operative) > 5
    window.action(ActionId.UNDO).trigger()
    assert window.res.header.symbol == "" and len(window.res.operative) == 1


def test_quick_fix_for_a_repeated_opener(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    pre = rows(window)[0]
    type_paragraph(qtbot, pre, "Recalling", "its resolution 78/1")
    qtbot.keyClick(pre.text, Qt.Key.Key_Return)
    type_paragraph(qtbot, rows(window)[1], "Recalling", "its resolution 79/2")
    window.flush()
    second = window.res.preamble[1].id
    fixes = [f for f in window.issues.findings if f.paragraph_id == second and f.fix]
    assert fixes, window.issues.findings
    item = window.issues.tree.topLevelItem(window.issues.findings.index(fixes[0]))
    assert item.text(3) == "✎ Use 'Recalling also'"
    window.issues.tree.scrollToItem(item)  # a note sorts below the warnings: bring it into view first
    rect = window.issues.tree.visualItemRect(item)
    fix_x = window.issues.tree.header().sectionViewportPosition(3) + 10
    qtbot.mouseClick(
        window.issues.tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(fix_x, rect.center().y())
    )
    assert window.res.preamble[1].opener == "Recalling also"
    assert rows(window)[1].opener.text() == "Recalling also"
    window.action(ActionId.UNDO).trigger()
    assert window.res.preamble[1].opener == "Recalling"
    window.flush()
    # from the keyboard: select the issue, then the Apply button
    index = next(i for i, f in enumerate(window.issues.findings) if f.paragraph_id == second and f.fix)
    window.issues.tree.setCurrentItem(window.issues.tree.topLevelItem(index))
    assert window.issues.apply_button.text() == "Apply: Use 'Recalling also'"
    window.issues.apply_button.click()
    assert window.res.preamble[1].opener == "Recalling also"


def test_spelling_underline_and_personal_dictionary(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    row = rows(window)[0]
    row.text.setFocus()
    qtbot.keyClicks(row.text, "the commitee report")

    def underlined() -> list[str]:
        block = row.text.document().firstBlock()
        text = block.text()
        return [
            text[r.start : r.start + r.length]
            for r in block.layout().formats()
            if r.format.underlineStyle() != r.format.underlineStyle().NoUnderline
        ]

    qtbot.waitUntil(lambda: underlined() == ["commitee"])  # spelling is switched on row by row after opening
    start = row.text.toPlainText().index("commitee") + 2
    rect = row.text.cursorRect(_cursor_at(row.text, start))
    menu = window.spelling_menu(row.text, rect.center())
    texts = [a.text() for a in menu.actions()]
    assert "Add 'commitee' to dictionary" in texts
    assert not any(t.replace("&", "").startswith("Undo") for t in texts)
    next(a for a in menu.actions() if a.text() == "Add 'commitee' to dictionary").trigger()
    assert underlined() == []
    assert "commitee" in (tmp_path / "personal.txt").read_text(encoding="utf-8")


def _cursor_at(field, position: int):  # noqa: ANN001, ANN202
    cursor = field.textCursor()
    cursor.setPosition(position)
    return cursor


def test_paragraph_actions_need_a_paragraph(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    window.paragraphs.active_id = ""
    window.update_actions()
    assert not window.action(ActionId.DELETE_PARAGRAPH).isEnabled()
    rows(window)[0].text.setFocus()
    assert window.action(ActionId.DELETE_PARAGRAPH).isEnabled()
    window.action(ActionId.DUPLICATE_PARAGRAPH).trigger()
    assert len(window.res.preamble) == 2
    window.add_paragraph_after()
    assert len(window.res.preamble) == 3
    assert window.res.part(Part.OPERATIVE)


def test_the_one_click_fix_under_a_paragraph(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    third = rows(window)[3]  # "2. Invites"
    third.opener.setFocus()
    third.opener.selectAll()
    qtbot.keyClicks(third.opener, "Requests")  # the same opener as the paragraph before it
    window.flush()
    assert third.fix.isVisibleTo(window)
    assert "Also requests" in third.fix.text()
    qtbot.mouseClick(third.fix, Qt.MouseButton.LeftButton)
    assert window.res.operative[1].opener == "Also requests"
    window.flush()
    assert not third.fix.isVisibleTo(window)


def test_arrow_keys_move_between_paragraphs(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    first = rows(window)[0]
    first.text.setFocus()
    qtbot.keyClick(first.text, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is rows(window)[1].opener
    qtbot.keyClick(rows(window)[1].opener, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is first.text
    assert window.where_label.text() == "PP 1"


def test_live_checks_on_the_worker_thread_drop_stale_results(qtbot, settings, prompter, tmp_path) -> None:  # noqa: ANN001
    win = MainWindow(settings=settings, prompter=prompter, check_delay_ms=10, recovery_folder=tmp_path / "r")
    qtbot.addWidget(win)
    win.show()
    win.files.new_document("ga-c1")
    pre = rows(win)[0]
    type_paragraph(qtbot, pre, "Recalling", "its resolution 78/1")
    qtbot.keyClick(pre.text, Qt.Key.Key_Return)
    type_paragraph(qtbot, rows(win)[1], "Recalling", "its resolution 79/2")
    second = win.res.preamble[1].id
    qtbot.waitUntil(
        lambda: any(f.paragraph_id == second and f.fix for f in win.issues.findings), timeout=10000
    )
    # a result computed for an older revision is dropped
    win.checks.document_checked(win.doc, win.doc.revision - 1, [])
    assert any(f.paragraph_id == second for f in win.issues.findings)
    win.doc.history.mark_saved()
    win.close()


def test_clicking_an_issue_jumps_to_its_paragraph(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    target = rows(window)[4]  # "3. Decides"
    target.opener.setFocus()
    target.opener.selectAll()
    qtbot.keyClicks(target.opener, "Invites")  # repeats "2. Invites"
    rows(window)[0].text.setFocus()
    window.flush()
    index = next(i for i, f in enumerate(window.issues.findings) if f.paragraph_id == target.paragraph_id)
    item = window.issues.tree.topLevelItem(index)
    assert item.text(1) == "OP 3"
    rect = window.issues.tree.visualItemRect(item)
    qtbot.mouseClick(window.issues.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.focusWidget() in (target.opener, target.text)
    assert window.where_label.text() == "OP 3"
    assert window.counts_label.text().strip().endswith("warnings")


def test_settings_name_the_first_sponsor_of_a_new_draft(qtbot, window: MainWindow, settings) -> None:  # noqa: ANN001
    from widgets.settings import SettingsDialog

    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("A. Delegate")
    dialog.delegation.setCurrentText("Norway")
    dialog.accept()
    assert settings.user_name == "A. Delegate" and settings.delegation == "Norway"
    window.action(ActionId.NEW).trigger()
    assert window.res.header.sponsors == ["Norway"]
    assert window.header.sponsor_line.text() == "Norway: draft resolution"


def test_undo_in_a_details_field_goes_through_the_document(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    title = window.header.title
    title.setFocus()
    qtbot.keyClicks(title, "Oceans")
    qtbot.keyClick(rows(window)[0].text, Qt.Key.Key_A)  # another edit elsewhere, after the title
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.res.preamble[0].text == ""  # the document's last edit was undone, not the field's
    assert window.res.title == "Oceans"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.res.title == "" and title.text() == ""
    assert window.paragraphs.title.text() == "Untitled draft"


def test_a_file_that_cannot_be_read_leaves_the_draft_open(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = storage.dumps(window.res)
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    prompter.save_answer = "discard"
    assert not window.files.open_path(bad)
    assert prompter.errors and "broken.docx" in prompter.errors[-1][1]
    assert storage.dumps(window.res) == before


def test_dropping_a_dragged_paragraph_on_another(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    from widgets.paragraph_editor import MIME

    draft(qtbot, window)
    window.flush()
    QApplication.processEvents()
    dragged = window.res.operative[2]  # "Decides"
    target = rows(window)[2]  # "1. Requests": drop on its upper half
    body = window.paragraphs.body
    top = target.mapTo(body, QPoint(0, 0))
    mime = QMimeData()
    mime.setData(MIME, dragged.id.encode())
    event = QDropEvent(
        QPointF(top.x() + 50, top.y() + 3),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    body.dropEvent(event)
    assert [p.opener for p in window.res.operative] == ["Decides", "Requests", "Invites"]
    assert [r.label.text() for r in rows(window)][2:] == ["1.", "2.", "3."]


def test_a_subparagraph_typed_with_its_own_and_keeps_it(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    third = rows(window)[3]  # "2. Invites"
    third.text.setFocus()
    qtbot.keyClick(third.text, Qt.Key.Key_Tab)  # now (a) under "1. Requests"
    qtbot.keyClick(rows(window)[3].text, Qt.Key.Key_Return)
    sub_b = rows(window)[4]
    qtbot.keyClicks(sub_b.text, "to consult regional groups")
    assert [r.label.text() for r in rows(window)[3:5]] == ["(a)", "(b)"]
    sub_a = rows(window)[3]
    assert sub_a.end.text() == ";"
    sub_a.text.setFocus()
    cursor = sub_a.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    sub_a.text.setTextCursor(cursor)
    qtbot.keyClicks(sub_a.text, "; and")
    assert sub_a.end.text() == ""  # typed "; and": printed as typed, nothing added
    for _ in range(5):
        qtbot.keyClick(sub_a.text, Qt.Key.Key_Backspace)
    assert sub_a.end.text() == ";"


def test_agenda_item_date_and_kind(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    import datetime as dt

    from PySide6.QtCore import QDate

    window.files.new_document("ga-c1")
    header = window.header
    header.session.setValue(79)
    header.add_item.click()
    table = header.agenda
    table.item(0, 0).setText("98")
    table.item(0, 1).setText("l")
    table.item(0, 2).setText("General and complete disarmament")
    assert [(a.number, a.sub_item, a.title) for a in window.res.header.agenda_items] == [
        ("98", "l", "General and complete disarmament")
    ]
    header.date.setDate(QDate(2024, 10, 11))
    assert window.res.header.date == dt.date(2024, 10, 11)
    assert header.date.text() == "11 October 2024"
    header.kind.setCurrentIndex(header.kind.findData("revised draft resolution"))
    qtbot.keyClicks(header.sponsor_search, "Mexico")
    qtbot.keyClick(header.sponsor_search, Qt.Key.Key_Return)
    assert header.sponsor_line.text() == "Mexico: revised draft resolution"
    window.flush()
    page = window.preview.toPlainText()
    for line in (
        "Seventy-ninth session",
        "Agenda item 98 (l)",
        "General and complete disarmament",
        "11 October 2024",
        "Mexico: revised draft resolution",
    ):
        assert line in page
    window.action(ActionId.UNDO).trigger()  # the sponsor
    window.action(ActionId.UNDO).trigger()  # the kind
    assert header.kind.currentData() == "draft resolution"


def test_a_finding_in_a_footnote_is_shown_and_fixed_there(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    row = rows(window)[0]
    row.text.setFocus()
    window.action(ActionId.INSERT_FOOTNOTE).trigger()
    [fid] = window.res.footnotes
    qtbot.keyClicks(window.footnotes.fields[fid], "See resolution 77/1 of 7 december 2022.")
    rows(window)[1].text.setFocus()
    window.flush()
    found = [f for f in window.issues.findings if f.paragraph_id == fid and f.fix]
    assert found, "the lower-case month in the footnote's date has a fix"
    before = window.res.footnotes[fid].text
    fix = found[0].fix
    expected = before[: fix.span[0]] + fix.replacement + before[fix.span[1] :]
    index = window.issues.findings.index(found[0])
    assert window.issues.tree.topLevelItem(index).text(1) == "Footnote 1"
    window.issues.tree.setCurrentItem(window.issues.tree.topLevelItem(index))
    window.issues.apply_button.click()
    assert window.res.footnotes[fid].text == expected
    assert window.footnotes.fields[fid].text() == expected
    window.action(ActionId.UNDO).trigger()
    assert window.res.footnotes[fid].text == before


def test_a_header_finding_names_its_field_and_jumps_there(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    window.flush()
    titles = [f for f in window.issues.findings if f.field == "title"]
    assert titles, "a draft without a title is reported"
    item = window.issues.tree.topLevelItem(window.issues.findings.index(titles[0]))
    assert item.text(1) == "Title"
    window.findings_view.jump_to(titles[0])
    assert QApplication.focusWidget() is window.header.title


def test_ctrl_tab_leaves_the_text_box(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    first = rows(window)[0]
    first.text.setFocus()
    qtbot.keyClick(first.text, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is not first.text
    assert labels(window)[0] == "PP 1"  # nothing was indented


def test_enter_and_backspace_make_and_unmake_a_paragraph(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    first = rows(window)[0]
    first.opener.setFocus()
    qtbot.keyClicks(first.opener, "Recalling")
    popup = first.opener.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Return)  # the first Enter takes the completion
    qtbot.keyClick(first.opener, Qt.Key.Key_Return)  # the next one goes on to the text
    assert QApplication.focusWidget() is first.text
    qtbot.keyClicks(first.text, "its resolution 78/1")
    qtbot.keyClick(first.text, Qt.Key.Key_Return)
    assert len(window.res.preamble) == 2
    new = QApplication.focusWidget()
    assert new in (rows(window)[1].opener, rows(window)[1].text)
    rows(window)[1].text.setFocus()
    qtbot.keyClick(rows(window)[1].text, Qt.Key.Key_Backspace)
    assert len(window.res.preamble) == 1
    assert QApplication.focusWidget() is first.text
    assert first.text.textCursor().position() == len("its resolution 78/1")


def test_ctrl_i_italicizes_the_selection(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.files.new_document("ga-c1")
    row = rows(window)[0]
    type_paragraph(qtbot, row, "Recalling", "the United Nations Treaty Series")
    row.text.select_span(len("the United Nations "), len("the United Nations Treaty Series"))
    qtbot.keyClick(row.text, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.res.preamble[0].text == "the United Nations *Treaty Series*"
    window.flush()
    html = window.preview.toHtml()
    assert "italic" in html and "Treaty Series" in window.preview.toPlainText()
    assert "*" not in window.preview.toPlainText()
    window.action(ActionId.UNDO).trigger()
    assert window.res.preamble[0].text == "the United Nations Treaty Series"


def test_section_heading_before_a_paragraph(qtbot, window: MainWindow, prompter) -> None:  # noqa: ANN001
    draft(qtbot, window)
    first_op = window.res.operative[0]
    window.paragraphs.focus_paragraph(first_op.id)
    prompter.texts = ["I\n  Financing  \n"]
    window.action(ActionId.SECTION_HEADING).trigger()
    assert first_op.heading == "I\nFinancing"
    row = window.paragraphs.row_for(first_op.id)
    assert row.heading.isVisible() and row.heading.text() == "I\nFinancing"
    assert labels(window)[2] == "1."  # numbering runs on across sections
    window.flush()
    assert "Financing" in window.preview.toPlainText()
    window.action(ActionId.UNDO).trigger()
    assert first_op.heading == "" and not row.heading.isVisible()
    window.paragraphs.focus_paragraph(window.res.preamble[0].id)
    prompter.texts = ["A"]
    window.action(ActionId.SECTION_HEADING).trigger()
    assert window.res.preamble[0].heading == "A"


def test_tab_past_the_deepest_level_is_refused_and_the_draft_saves_and_reopens(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Pressing Tab again and again on each new subparagraph: the editor stops at the limit with a message,
    and what it saved opens again."""
    from app.model import MAX_DEPTH, height

    window.files.new_document("ga-c1")
    op = rows(window)[1]
    type_paragraph(qtbot, op, "Requests", "the Secretary-General")
    for level in range(1, MAX_DEPTH + 3):
        last = rows(window)[-1]
        qtbot.keyClick(last.text, Qt.Key.Key_Return)
        new = rows(window)[-1]
        qtbot.keyClicks(new.text, f"to act at level {level}")
        for _ in range(level + 2):  # more Tabs than the level needs
            qtbot.keyClick(rows(window)[-1].text, Qt.Key.Key_Tab)
    deepest = max(height(p) for p in window.res.operative)
    assert deepest == MAX_DEPTH
    assert f"{MAX_DEPTH} levels" in window.statusBar().currentMessage()
    path = tmp_path / "deep.json"
    assert window.files.save_to(path)
    assert window.files.open_path(path)
    assert max(height(p) for p in window.res.operative) == MAX_DEPTH


def test_a_chairs_draft_shows_and_edits_who_submits_it(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """A/C.5/80/L.19 as issued: "Draft resolution submitted by the Chair of the Committee following informal
    consultations" instead of a sponsor line; the delegate can change it, and undo."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "text" / "chair-draft-resolution.txt"
    lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Draft resolution submitted by"))
    issued = " ".join(lines[start : lines.index("", start)])
    assert window.files.open_path(path, as_import=True)
    header = window.header
    assert header.sponsor_line.text() == issued
    assert issued.endswith(header.submitted_by.currentText())
    header.submitted_by.setCurrentText("the Vice-Chair of the Committee")
    assert window.res.header.submitted_by == "the Vice-Chair of the Committee"
    assert header.sponsor_line.text() == "Draft resolution submitted by the Vice-Chair of the Committee"
    qtbot.keyClicks(header.sponsor_note, "In its capacity as Chair")
    assert window.res.header.sponsor_note == "In its capacity as Chair"
    window.action(ActionId.UNDO).trigger()
    window.action(ActionId.UNDO).trigger()
    assert window.res.header.sponsor_note == ""
    assert header.sponsor_line.text() == issued
