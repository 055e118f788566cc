"""A sponsor delegate's round on a laptop (1024x640), driven through the Negotiate menu as a delegate drives it:
proposals from three delegations (a Word file with tracked changes, a plain Word copy, a plain text copy), some
decided, the compilation read, a revision issued, the file saved and opened again. What an audit of the walk
found: a proposal rejected at one place still shown there (and offered again) while its other places were open;
Issue Revision leaving open proposals behind unsaid."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog

from app import interface
from app.compare.tracked import build_tracked_docx
from app.io.docx_writer import build_docx
from app.io.text_writer import to_text
from app.model import Paragraph, Resolution
from app.negotiation.proposals import InsertParagraph
from tests.gui.shown import shown_window
from tests.gui.test_negotiator_keyboard import _cursor_in, _entry
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.prompter import Prompter

SMALL = (1024, 640)
NEW_TEXT = "States to provide adequate resources to early childhood development programmes"


@pytest.fixture
def english() -> Iterator[None]:
    interface_language.apply(interface.ENGLISH)
    yield
    interface_language.apply(interface.ENGLISH)


def _three_delegations(
    win: MainWindow,
    prompter,  # noqa: ANN001
    tmp_path: Path,
    names: tuple[str, str] = ("G77", "CANZ"),
) -> Resolution:
    """The EU's tracked Word file on OP 1; the G77's plain Word copy rewording OP 2 and adding a paragraph after
    OP 3; CANZ's text copy rewording OP 2 too and deleting OP 6; each added through Negotiate > Add Proposal."""
    base = copy.deepcopy(win.res)
    ops = base.operative
    eu, g77, canz = (copy.deepcopy(base) for _ in range(3))
    words = ops[0].text.split()
    eu.find(ops[0].id).text = " ".join(words[:-2] + ["at all levels"] + words[-2:])
    g77.operative.insert(3, Paragraph("Calls upon", NEW_TEXT))
    g77.find(ops[1].id).text = ops[1].text.replace(" ", " effectively ", 1)
    words = ops[1].text.split()
    canz.find(ops[1].id).text = " ".join(words[:-1] + ["and girls"] + words[-1:])
    canz.operative.remove(canz.find(ops[5].id))
    (tmp_path / "eu.docx").write_bytes(build_tracked_docx(base, eu, author="European Union"))
    (tmp_path / "g77.docx").write_bytes(build_docx(g77))
    (tmp_path / "canz.txt").write_text(to_text(canz), encoding="utf-8")
    for name, who in (("eu.docx", None), ("g77.docx", names[0]), ("canz.txt", names[1])):
        prompter.paths, prompter.texts = [tmp_path / name], [who] if who else []
        _entry(win, "a").trigger()  # Add Proposal…
    assert not prompter.errors
    assert win.negotiation.compilation.proposers == ["European Union", *names]
    return base


def _proposers_at(win: MainWindow, paragraph_id: str) -> list[str]:
    entry = next(e for e in win.negotiation.compilation.entries if e.paragraph_id == paragraph_id)
    return entry.proposers


def _shown_at(win: MainWindow, label: str) -> str:
    """The compilation's line for a place, as the delegate reads it in the panel."""
    lines = win.negotiation.view.browser.toPlainText().split("\n")
    return lines[lines.index(label) + 1]


def test_a_proposal_rejected_at_one_place_leaves_it_there_and_stays_open_at_its_others(
    english, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    _entry(win, "s").trigger()  # Start Negotiation
    base = _three_delegations(win, prompter, tmp_path)
    op2 = base.operative[1]
    label = win.res.negotiation.labels[op2.id]
    assert "[G77]" in _shown_at(win, label) and "[CANZ]" in _shown_at(win, label)
    _cursor_in(win, op2.id)
    prompter.choices = ["G77"]
    _entry(win, "r").trigger()  # Reject Proposal…: the G77's words in OP 2
    assert prompter.offered == ["G77", "CANZ"]
    # OP 2 shows what is still to decide there: CANZ's words, not the G77's rejected ones
    assert "[G77]" not in _shown_at(win, label) and "effectively" not in _shown_at(win, label)
    assert "[CANZ]" in _shown_at(win, label)
    assert _proposers_at(win, op2.id) == ["CANZ"]
    # the G77's new paragraph is still its proposal, open, after OP 3
    neg = win.res.negotiation
    g77 = next(p for p in neg.proposals if p.proposer == "G77")
    new_id = next(e.paragraph.id for e in g77.edits if isinstance(e, InsertParagraph))
    bis = neg.labels[new_id]
    assert bis == neg.labels[base.operative[2].id] + " bis"
    assert NEW_TEXT in _shown_at(win, bis) and "[G77]" in _shown_at(win, bis)
    # Accept there takes CANZ's without asking whose: the G77 is no longer proposing in OP 2
    prompter.offered = []
    _cursor_in(win, op2.id)
    _entry(win, "c").trigger()
    assert prompter.offered == []
    assert "and girls" in win.res.find(op2.id).text and "effectively" not in win.res.find(op2.id).text
    win.doc.history.mark_saved()


def test_issue_revision_over_open_proposals_asks_first_and_the_day_survives_saving(
    english, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    _entry(win, "s").trigger()
    base = _three_delegations(win, prompter, tmp_path)
    op1 = base.operative[0]
    _cursor_in(win, op1.id)
    _entry(win, "c").trigger()  # the EU's words in OP 1 accepted: the G77's and CANZ's are still open
    word = base.operative[2].text.split()[1]
    _cursor_in(win, base.operative[2].id)
    prompter.texts = [f"{word} – US / (delete) – G77"]
    _entry(win, "b").trigger()  # Bracket Words…
    neg = win.res.negotiation
    assert neg.version == "zero draft" and len(neg.brackets) == 1
    _entry(win, "i").trigger()  # Issue Revision, cancelled: nothing issued
    assert prompter.offered == ["Decide them first (Merge into Revision…)", "Issue Rev.1 all the same"]
    assert win.res.negotiation.version == "zero draft"
    prompter.choices = [prompter.offered[0]]  # decide them first: the merge opens, nothing issued yet
    _entry(win, "i").trigger()
    dialog = win.negotiation.merge_dialog
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.items) >= 3 and win.res.negotiation.version == "zero draft"
    dialog.reject()
    win.activateWindow()
    prompter.choices = ["Issue Rev.1 all the same"]
    _entry(win, "i").trigger()
    assert win.res.negotiation.version == "Rev.1"
    decided, kept = copy.deepcopy(win.res.negotiation), to_text(win.res)
    win.action(ActionId.SAVE).trigger()
    win.close()
    again = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    assert again.files.open_path(tmp_path / "draft.json")
    assert to_text(again.res) == kept and again.res.negotiation == decided  # proposals, brackets, decisions
    assert "at all levels" in again.res.find(op1.id).text
    again.negotiation.show()
    assert "Rev.1" in again.negotiation.view.summary.text()


def _shown_text(win: MainWindow, paragraph_id: str) -> str:
    return win.paragraphs.rows[(paragraph_id, False)].text.toPlainText()


def test_the_paragraph_shows_the_accepted_words_and_moving_on_keeps_them(
    english, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """Accepting a proposal swaps the whole text in: the editor kept each row and the words shown before, so the
    paragraph at the cursor still read as before, and the next highlighting of the row (the cursor moved on)
    wrote the old words back over the accepted ones; undo and redo the same."""
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    _entry(win, "s").trigger()
    base = _three_delegations(win, prompter, tmp_path)
    op1, op3 = base.operative[0], base.operative[2]
    _cursor_in(win, op1.id)
    _entry(win, "c").trigger()  # Accept Proposal…: the EU's words at the cursor
    accepted = win.res.find(op1.id).text
    assert accepted != op1.text and "at all levels" in accepted
    assert _shown_text(win, op1.id) == accepted
    _cursor_in(win, op3.id)  # the delegate moves on
    qtbot.wait(50)
    assert win.res.find(op1.id).text == accepted and _shown_text(win, op1.id) == accepted
    win.action(ActionId.UNDO).trigger()  # the acceptance taken back: the words before, in the row too
    _cursor_in(win, op3.id)
    qtbot.wait(50)
    assert win.res.find(op1.id).text == op1.text and _shown_text(win, op1.id) == op1.text
    win.action(ActionId.REDO).trigger()
    _cursor_in(win, op1.id)
    qtbot.wait(50)
    assert win.res.find(op1.id).text == accepted and _shown_text(win, op1.id) == accepted
    win.doc.history.mark_saved()


def test_the_compilation_walks_by_place_with_arrows_and_tab_goes_on_to_the_buttons(
    english, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """Tab in the compilation walked its links, one per paragraph label (157 presses on A/C.3/80/L.20 to reach
    the Accept button); Up and Down now select the place before or after, which the buttons below decide on."""
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    _entry(win, "s").trigger()
    base = _three_delegations(win, prompter, tmp_path)
    view = win.negotiation.view
    places = [e for e in win.negotiation.compilation.entries if e.label]
    view.browser.setFocus()
    QApplication.processEvents()
    for entry in places[:3]:
        qtbot.keyClick(view.browser, Qt.Key.Key_Down)
        assert win.negotiation.selected == entry.paragraph_id
        assert entry.label in view.where.text()
    qtbot.keyClick(view.browser, Qt.Key.Key_Up)
    assert win.negotiation.selected == places[1].paragraph_id
    # down to OP 2, where the G77 and CANZ propose: its proposers are offered below
    op2 = base.operative[1].id
    while win.negotiation.selected != op2:
        qtbot.keyClick(view.browser, Qt.Key.Key_Down)
    assert [view.proposer.itemText(i) for i in range(view.proposer.count())] == ["G77", "CANZ"]
    assert not view.browser.visibleRegion().isEmpty()
    qtbot.keyClick(view.browser, Qt.Key.Key_Tab)  # one Tab: on to the buttons that decide on it
    focus = QApplication.focusWidget()
    assert focus is not view.browser and view.isAncestorOf(focus)
    assert focus.mapTo(view, QPoint(0, 0)).y() > view.browser.geometry().bottom()  # the strip below
    win.doc.history.mark_saved()


def test_a_new_document_leaves_no_place_of_the_last_one_in_the_panel(
    english, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    _entry(win, "s").trigger()
    op1 = win.res.operative[0]
    _cursor_in(win, op1.id)
    _entry(win, "g").trigger()  # Agreed ad ref: OP 1 is the panel's place
    label = win.res.negotiation.labels[op1.id]
    assert label in win.negotiation.view.where.text()
    win.doc.history.mark_saved()
    win.action(ActionId.NEW).trigger()  # a new draft, not under negotiation
    assert win.res.negotiation is None
    where = win.negotiation.view.where.text()
    assert label not in where and where == "Select a paragraph"
    win.doc.history.mark_saved()


def test_the_question_before_issuing_fits_a_laptop_screen_in_french(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The real dialog: Qt sized it to its question on one line, wider than the screen once three delegations
    were named in French; the question wraps, and the keyboard picks the answer."""
    interface_language.apply("fr")
    try:
        win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
        open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
        win.negotiation.start()
        names = ("Groupe des 77 et la Chine", "Canada, Australie et Nouvelle-Zélande")
        _three_delegations(win, prompter, tmp_path, names)
        win.prompter = Prompter()
        seen: list[tuple[int, str]] = []

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is not None:  # never left hanging, whatever it is: the asserts below then fail
                QTimer.singleShot(200, lambda: dialog.isVisible() and dialog.reject())
            if not isinstance(dialog, QInputDialog):
                return
            seen.append((dialog.frameGeometry().width(), dialog.labelText()))
            combo = dialog.findChild(QComboBox)
            qtbot.keyClick(combo, Qt.Key.Key_Down)  # the second answer: issue all the same
            qtbot.keyClick(combo, Qt.Key.Key_Return)

        QTimer.singleShot(0, answer)
        win.negotiation.view.revision_button.click()
        [(width, question)] = seen
        assert all(name in question for name in names)
        assert width <= SMALL[0] * 3 // 4  # on a laptop screen, beside the window's middle
        assert win.res.negotiation.version == "Rev.1"
        win.doc.history.mark_saved()
    finally:
        interface_language.apply(interface.ENGLISH)
