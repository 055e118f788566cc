"""A sponsor's negotiator runs a round from the keyboard on a laptop (1024x640), where the negotiation panel's
toolbars fold Reject, Agreed ad ref and Reopen into a » menu that Tab never reaches: every step is in the
Negotiate menu, on the paragraph the cursor is in; a step that needs a negotiation says so before asking for a
file; a proposal read out in the room is one line that Enter accepts; the panel's controls have names."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from app import interface
from app.io.text_writer import to_text
from app.negotiation.status import Status
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.prompter import Prompter

SMALL = (1024, 640)


def _entry(window: MainWindow, letter: str) -> QAction:
    """The Negotiate menu's entry that Alt+N, `letter` runs (its underlined letter)."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "&N" in a.text())
    return next(
        a for a in menu.actions() if re.search(rf"&{letter}", a.text().replace("&&", ""), re.IGNORECASE)
    )


def _cursor_in(window: MainWindow, paragraph_id: str) -> None:
    window.paragraphs.focus_paragraph(paragraph_id)
    QApplication.processEvents()
    assert window.paragraphs.isAncestorOf(QApplication.focusWidget())


def _window(qtbot, settings, prompter, tmp_path: Path, corpus: Path) -> MainWindow:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    open_as_project(win, corpus / "A_C.3_80_L.20.txt", tmp_path)
    return win


def test_a_round_from_the_negotiate_menu_on_the_paragraph_at_the_cursor(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = _window(qtbot, settings, prompter, tmp_path, corpus)
    panel = win.negotiation
    _entry(win, "s").trigger()  # Start Negotiation
    assert win.res.negotiation is not None and panel.dock.isVisible()
    target = next(p for p in win.res.operative[1:] if len(p.text.split()) > 8 and "[^" not in p.text)
    words = target.text.split()
    edited = copy.deepcopy(win.res)
    edited.find(target.id).text = " ".join(words[:2] + ["urgently"] + words[2:])
    eu = tmp_path / "eu.txt"
    eu.write_text(to_text(edited), encoding="utf-8")
    prompter.paths, prompter.texts = [eu], ["EU"]
    _entry(win, "a").trigger()  # Add Proposal…: an edited copy, whose delegation is asked
    # the cursor in the paragraph, Negotiate › Type Proposal… takes a proposal read out in the room there
    _cursor_in(win, target.id)
    prompter.texts = [f'CANZ: after "{words[-1]}" insert "at all levels"']
    _entry(win, "t").trigger()
    label = win.res.negotiation.labels[target.id]
    assert label in panel.view.where.text()
    assert "[CANZ]" in panel.view.browser.toPlainText()
    # two delegations propose there: Accept asks whose, and takes that one
    _cursor_in(win, target.id)
    prompter.choices = ["CANZ"]
    _entry(win, "c").trigger()
    assert prompter.offered == ["EU", "CANZ"]
    assert "at all levels" in win.res.find(target.id).text and "urgently" not in win.res.find(target.id).text
    _cursor_in(win, target.id)
    _entry(win, "r").trigger()  # Reject: one proposal left there, no question
    assert "urgently" not in win.res.find(target.id).text
    assert "[EU]" not in panel.view.browser.toPlainText()
    _cursor_in(win, target.id)
    _entry(win, "g").trigger()  # Agreed ad ref
    assert win.res.negotiation.status(target.id) == Status.AGREED
    _cursor_in(win, target.id)
    _entry(win, "o").trigger()  # Reopen
    assert win.res.negotiation.status(target.id) == Status.OPEN
    win.doc.history.mark_saved()


def test_steps_that_need_a_negotiation_say_so_before_asking_for_a_file(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    win = _window(qtbot, settings, prompter, tmp_path, corpus)
    before = to_text(win.res)
    for letter in ("a", "e", "t", "c", "g"):  # Add Proposal, Export Compilation, Type, Accept, Agreed
        prompter.paths = [tmp_path / "eu.txt"]
        prompter.texts = ['EU: delete "States"']
        win.statusBar().clearMessage()
        _entry(win, letter).trigger()
        assert win.statusBar().currentMessage() == "Start the negotiation first", letter
        assert prompter.paths == [tmp_path / "eu.txt"], letter  # no file asked for, then dropped
        assert not prompter.errors
    assert to_text(win.res) == before and win.res.negotiation is None


def test_enter_accepts_a_proposal_read_out_in_the_room(qtbot, settings, tmp_path: Path, corpus: Path) -> None:  # noqa: ANN001
    """The proposal is typed in the real dialog: Enter takes it, as in every one-line dialog (a text box of
    several lines took Enter as a line break, and the delegate had to find the OK button)."""
    win = _window(qtbot, settings, Prompter(), tmp_path, corpus)
    _entry(win, "s").trigger()
    target = win.res.operative[0]
    last = target.text.split()[-1]
    _cursor_in(win, target.id)
    seen: list[bool] = []

    def type_and_press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        field = dialog.findChild(QLineEdit)
        seen.append(field is not None and field.isVisible())
        editor = field if field is not None and field.isVisible() else QApplication.focusWidget()
        qtbot.keyClicks(editor, f'EU: after "{last}" insert "at all levels"')
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        if dialog.isVisible():  # Enter did not accept: close it so the test ends
            dialog.reject()

    QTimer.singleShot(100, type_and_press_enter)
    _entry(win, "t").trigger()
    assert seen == [True]
    assert "[EU]" in win.negotiation.view.browser.toPlainText()
    win.doc.history.mark_saved()


def test_the_panels_controls_have_names(qtbot, settings, prompter, tmp_path: Path, corpus: Path) -> None:  # noqa: ANN001
    """A screen reader names the compilation and the box of proposers, not just "text browser", "combo box"."""
    win = _window(qtbot, settings, prompter, tmp_path, corpus)
    view = win.negotiation.view
    _entry(win, "s").trigger()
    for widget in (view.browser, view.proposer):
        assert widget.accessibleName(), type(widget).__name__
    win.doc.history.mark_saved()


@pytest.fixture
def french(qapp) -> Iterator[None]:  # noqa: ANN001
    interface_language.apply("fr")
    yield
    interface_language.apply(interface.ENGLISH)


def test_a_french_delegate_types_a_proposal_in_french_and_reads_refusals_in_french(
    french, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The room speaks French: « » and "après … insérer"; what cannot be done is said in French (the refusals
    of the negotiation were English sentences in a French editor)."""
    win = _window(qtbot, settings, prompter, tmp_path, corpus)
    _entry(win, "p").trigger()  # Publier la révision, before any negotiation: refused in the status bar
    assert win.statusBar().currentMessage() == (
        "Ce texte n'est pas en négociation : commencez d'abord la négociation"
    )
    _entry(win, "c").trigger()  # Commencer la négociation
    assert win.negotiation.view.summary.text().startswith("<b>Avant-projet</b> · propositions de")
    target = win.res.operative[0]
    last = target.text.split()[-1]
    _cursor_in(win, target.id)
    prompter.texts = ["UE : insérer quelque chose"]
    _entry(win, "s").trigger()  # Saisir une proposition…
    assert prompter.errors and prompter.errors[-1][0] == "Impossible de lire la proposition"
    assert "après « … » insérer « … »" in prompter.errors[-1][1]
    _cursor_in(win, target.id)
    prompter.texts = [f"UE : après «\u00a0{last}\u00a0» insérer «\u00a0à tous les niveaux\u00a0»"]
    _entry(win, "s").trigger()
    shown = win.negotiation.view.browser.toPlainText()
    assert "[UE]" in shown and "à tous les niveaux" in shown and "\u00a0à tous" not in shown
    _entry(win, "f").trigger()  # Fusionner dans la révision…: "1 propositions sur 1" read as a slip
    dialog = win.negotiation.merge_dialog
    qtbot.mouseClick(dialog.accept_all, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith("Propositions acceptées : 1 sur 1, les autres rejetées")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and win.res.negotiation.version == "zero draft"
    win.doc.history.mark_saved()


def test_an_unchanged_copy_is_refused_and_undo_names_the_step_in_french(
    french, qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """A delegation sends the draft back unchanged (or the wrong file is picked): it was added as a proposal
    that showed nowhere. And the Edit menu's Undo named a round's steps in English ("Accept EU")."""
    win = _window(qtbot, settings, prompter, tmp_path, corpus)
    _entry(win, "c").trigger()
    same = tmp_path / "same.txt"
    same.write_text(to_text(win.res), encoding="utf-8")
    prompter.paths, prompter.texts = [same], ["UE"]
    _entry(win, "a").trigger()
    assert win.statusBar().currentMessage() == (
        "Le texte de UE est identique à l'avant-projet : il n'y a pas de proposition à ajouter"
    )
    assert win.res.negotiation.proposals == []
    target = win.res.operative[0]
    _cursor_in(win, target.id)
    prompter.texts = [f"UE : supprimer « {target.text.split()[-1]} »"]
    _entry(win, "s").trigger()
    assert "ajout des propositions (UE)" in win.action(ActionId.UNDO).text()
    _cursor_in(win, target.id)
    _entry(win, "t").trigger()  # Accepter une proposition…
    assert "acceptation de la proposition de UE" in win.action(ActionId.UNDO).text()
    win.doc.history.mark_saved()


def test_disputed_words_are_bracketed_from_the_keyboard(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The view showed brackets but nothing in the editor made one: select the words, Negotiate › Bracket
    Words…, type the other options as the compilation prints them; the L document is then refused."""
    win = _window(qtbot, settings, prompter, tmp_path, corpus)
    _entry(win, "s").trigger()
    target = next(p for p in win.res.operative if "[^" not in p.text and len(p.text.split()) > 6)
    word = next(w for w in target.text.split() if w.isalpha() and len(w) > 6)
    row = win.paragraphs.row_for(target.id)
    _cursor_in(win, target.id)
    shown = row.text.toPlainText()
    cursor = row.text.textCursor()
    cursor.setPosition(shown.index(word))
    cursor.setPosition(shown.index(word) + len(word), QTextCursor.MoveMode.KeepAnchor)
    row.text.setTextCursor(cursor)
    prompter.texts = [f"{word} – US, EU / (delete) – G77 and China"]
    _entry(win, "b").trigger()
    assert prompter.asked_text == f"{word} – "  # the selected words come first
    compilation = win.negotiation.view.browser.toPlainText()
    assert f"[{word} – US, EU / (delete) – G77 and China]" in compilation
    assert "1 bracket" in win.negotiation.view.summary.text()
    prompter.paths = [tmp_path / "L.docx"]
    _entry(win, "l").trigger()
    assert prompter.errors and "bracket" in prompter.errors[-1][1]
    assert not (tmp_path / "L.docx").exists()
    # words the paragraph does not have: one line, nothing bracketed
    _cursor_in(win, target.id)
    prompter.texts = ["nowhere-to-be-found – US / (delete) – G77"]
    _entry(win, "b").trigger()
    assert "nowhere-to-be-found" in win.statusBar().currentMessage()
    assert len(win.res.negotiation.brackets) == 1
    win.doc.history.mark_saved()


def _tracked(path: Path, tag: str) -> str:
    """The words of a .docx inside its tracked insertions (tag "ins") or deletions ("del")."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return " ".join(
        "".join(t.text or "" for t in el.iter(f"{w}t", f"{w}delText")) for el in root.iter(f"{w}{tag}")
    )


def test_rev_2_goes_back_as_word_with_tracked_changes_against_rev_1(
    qtbot, settings, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """The app could write an informal revision with real tracked changes, but no menu did: Negotiate › Revision
    as Tracked Word File… writes the latest against the one chosen, Rev.1 by default over the zero draft."""
    win = _window(qtbot, settings, prompter, tmp_path, corpus)
    prompter.paths = [tmp_path / "early.docx"]
    _entry(win, "w").trigger()  # before any negotiation
    assert win.statusBar().currentMessage() == "Start the negotiation first"
    _entry(win, "s").trigger()
    _entry(win, "w").trigger()  # only the zero draft: nothing to show
    assert win.statusBar().currentMessage().startswith("Issue a revision first")
    first, second = win.res.operative[0], win.res.operative[1]
    for target, words in ((first, "in all its forms"), (second, "without delay")):
        last = target.text.split()[-1]
        _cursor_in(win, target.id)
        prompter.texts = [f'EU: after "{last}" insert "{words}"']
        _entry(win, "t").trigger()
        _cursor_in(win, target.id)
        _entry(win, "c").trigger()
        _entry(win, "i").trigger()  # Issue Revision: Rev.1, then Rev.2
    assert win.res.negotiation.version == "Rev.2"
    prompter.choices, prompter.paths = ["Rev.1"], [tmp_path / "rev2.docx"]
    _entry(win, "w").trigger()
    assert prompter.offered == ["Rev.1", "Zero draft"]
    inserted = _tracked(tmp_path / "rev2.docx", "ins")
    assert "without delay" in inserted and "in all its forms" not in inserted  # Rev.2 against Rev.1 only
    assert not prompter.errors
    win.doc.history.mark_saved()


def test_counts_of_one_are_singular(french, qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    """The issues list and the status bar said "1 remarques" (and "1 errors" in English): one template served
    every count."""
    from app.findings import Finding, Severity

    win = shown_window(qtbot, settings, prompter, tmp_path, SMALL)
    found = [Finding("x.error", Severity.ERROR, "an error"), Finding("x.note", Severity.INFO, "a note")]
    found += [Finding("x.warning", Severity.WARNING, f"warning {i}") for i in range(2)]
    win.issues.set_findings(found, lambda _f: "")
    assert win.issues.summary.text() == "1 erreur, 2 avertissements, 1 remarque"
