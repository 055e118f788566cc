"""The whole round as a facilitator goes through it in the editor, on a real draft (A/C.3/80/L.20): the zero
draft, two delegations' tracked Word files and a proposal typed in the room on a paragraph clicked in the
compilation; the compilation exported to Word (and read by LibreOffice under the draft's masthead); the merge
dialog driven by mouse: alternatives on the same words, a new paragraph accepted, a deletion rejected; Rev.1
issued in one undo step; the L document with its table of old to new numbers."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import docx
from conftest import open_as_project
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from app import storage
from app.compare.tracked import build_tracked_docx
from app.io.reading import read_document
from app.model import Paragraph
from app.negotiation.numbering import printed_labels
from app.negotiation.proposals import apply
from tests.libreoffice import convert, soffice
from widgets.actions import ActionId
from widgets.main_window import MainWindow


def click_entry(qtbot, browser, paragraph_id: str) -> None:  # noqa: ANN001
    """Click a paragraph's label in the compilation, where it is drawn."""
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().anchorHref() == f"entry:{paragraph_id}":
                cursor = QTextCursor(doc)
                cursor.setPosition(frag.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                qtbot.mouseClick(
                    browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect().center()
                )
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no entry for {paragraph_id} in the compilation")


def click_place(qtbot, dialog, words: str) -> None:  # noqa: ANN001
    row = next(i for i, text in enumerate(dialog.place_rows()) if words in text)
    rect = dialog.places.visualItemRect(dialog.places.item(row))
    qtbot.mouseClick(dialog.places.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.places.currentRow() == row


def click(qtbot, button) -> None:  # noqa: ANN001
    """Click a button near its left end: on a radio button or check box that is the box itself (a click past
    the words of a wide one does nothing, as for a user). Pending layout runs first: a user sees the window
    as it is after the last action before clicking."""
    qtbot.wait(1)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(
        button, Qt.MouseButton.LeftButton, pos=QPoint(min(8, button.width() // 2), button.height() // 2)
    )


def test_zero_draft_to_rev_1_to_l_document(
    qtbot, window: MainWindow, prompter, corpus, tmp_path: Path
) -> None:  # noqa: ANN001
    base = open_as_project(window, corpus / "A_C.3_80_L.20.txt", tmp_path)
    res = window.res
    target = next(p for p in res.operative[2:] if len(p.text.split()) > 12 and "[^" not in p.text)
    words = target.text.split()
    eu = copy.deepcopy(res)
    eu.find(target.id).text = " ".join(words[:3] + ["as a matter of priority"] + words[5:])
    (tmp_path / "eu.docx").write_bytes(build_tracked_docx(res, eu, author="European Union"))
    ag = copy.deepcopy(res)
    anchor = res.operative[5]
    ag.operative.insert(6, Paragraph("Requests", "the Secretary-General to report on the matter"))
    victim = res.preamble[3]
    ag.preamble.remove(ag.find(victim.id))
    (tmp_path / "ag.docx").write_bytes(build_tracked_docx(res, ag, author="African Group"))

    window.resize(1600, 1000)  # a facilitator's screen: every button of the panel in view
    qtbot.wait(50)
    panel = window.negotiation
    view = panel.view
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Negotiate")
    next(a for a in menu.actions() if a.text() == "Negotiation &View").trigger()
    assert panel.dock.isVisible()
    click(qtbot, view.start_button)
    for name in ("eu.docx", "ag.docx"):
        prompter.paths = [tmp_path / name]
        click(qtbot, view.add_button)
    assert not prompter.errors
    neg = window.res.negotiation
    new_label = f"{neg.labels[anchor.id]} bis"
    shown = view.browser.toPlainText()
    assert "[European Union]" in shown and "[African Group]" in shown and new_label in shown
    # Mexico reads out its wording for the same words in the room
    click_entry(qtbot, view.browser, target.id)
    assert neg.labels[target.id] in view.where.text()
    disputed = " ".join(words[3:5])
    prompter.texts = [f'Mexico: replace "{disputed}" with "without delay"']
    click(qtbot, view.type_button)
    assert "[Mexico]" in view.browser.toPlainText()
    # and Norway a word of the title
    title_word = base.title.split()[0]
    click_entry(qtbot, view.browser, "title")
    prompter.texts = [f'Norway: replace "{title_word}" with "Promoting the {title_word.lower()}"']
    click(qtbot, view.type_button)
    assert "[Norway]" in view.browser.toPlainText()

    # the compilation in Word, read by LibreOffice: the masthead of the draft, every proposer
    out = tmp_path / "compilation.docx"
    prompter.paths = [out]
    click(qtbot, view.export_button)
    header = docx.Document(str(out)).sections[0].first_page_header
    masthead = " ".join(c.text for t in header.tables for row in t.rows for c in row.cells)
    assert "United Nations" in masthead and base.header.full_symbol in masthead
    if soffice() and shutil.which("pdftotext"):  # as printed (the CI installs LibreOffice where it can)
        convert(tmp_path, out)
        text = subprocess.run(
            ["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        first = text.split("\f")[0]
        assert "United Nations" in first and base.header.full_symbol in first
        for name in ("[European Union]", "[African Group]", "[Mexico]", new_label):
            assert name in text

    # the merge dialog: Mexico's alternative over the EU's, the new paragraph yes, the deletion no
    click(qtbot, view.merge_button)
    dialog = panel.merge_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.ok_button.text() == "Issue Rev.1"
    proposals = {p.proposer: p for p in window.res.negotiation.proposals}
    click_place(qtbot, dialog, "European Union, Mexico")
    click(qtbot, dialog.option(proposals["European Union"].id))
    click(qtbot, dialog.option(proposals["Mexico"].id))  # one of the alternatives only: the EU's is let go
    assert dialog.option(proposals["European Union"].id).isChecked() is False
    wanted = apply(base, proposals["Mexico"]).find(target.id)
    assert "without delay" in dialog.outcome.text() and dialog.ok_button.isEnabled()
    ag_new = next(e.paragraph.id for e in proposals["African Group"].edits if hasattr(e, "paragraph"))
    click_place(qtbot, dialog, f"{new_label} · African Group")
    click(qtbot, dialog.option(proposals["African Group"].id))
    assert "report on the matter" in dialog.outcome.text()
    click_place(qtbot, dialog, f"{neg.labels[victim.id]} · African Group")
    assert not dialog.option(proposals["African Group"].id).isChecked()  # left unticked: rejected
    click_place(qtbot, dialog, "Title · Norway")
    click(qtbot, dialog.option(proposals["Norway"].id))
    qtbot.keyClicks(dialog.note, "after the first informal")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()

    res = window.res
    assert (
        res.negotiation.version == "Rev.1"
        and res.negotiation.revisions[-1].note == "after the first informal"
    )
    assert res.find(target.id).text == wanted.text
    assert res.find(ag_new) is not None and res.find(victim.id) is not None
    assert res.title == base.title.replace(title_word, f"Promoting the {title_word.lower()}", 1)
    assert view.summary.text().startswith("<b>Rev.1</b>")
    assert window.doc.history.undo_status().undo == "Merge into Rev.1"
    window.action(ActionId.UNDO).trigger()
    assert window.res.negotiation.version == "zero draft" and window.res.find(ag_new) is None
    window.action(ActionId.REDO).trigger()
    assert window.res.negotiation.version == "Rev.1"

    # the L document: numbered afresh, with the table of old to new numbers beside it
    l_doc = tmp_path / "draft-L.docx"
    prompter.paths = [l_doc]
    click(qtbot, view.l_button)
    assert not prompter.errors
    tabled = read_document(l_doc).resolution
    number = next(i for i, p in enumerate(tabled.operative, 1) if "report on the matter" in p.text)
    rows = dict(
        line.split("\t")[:2] for line in (tmp_path / "draft-L-renumbering.txt").read_text().splitlines()[1:]
    )
    assert rows[new_label] == f"OP {number}" == printed_labels(tabled)[tabled.operative[number - 1].id]
    assert rows[neg.labels[res.operative[-1].id]] == f"OP {len(tabled.operative)}"


def test_merge_dialog_refuses_two_alternatives_and_cancel_changes_nothing(
    qtbot, window: MainWindow, prompter, corpus, tmp_path: Path
) -> None:  # noqa: ANN001
    from app.negotiation import commands
    from app.negotiation.proposals import derive

    open_as_project(window, corpus / "A_C.3_80_L.20.txt", tmp_path)
    res = window.res
    para = res.operative[0]
    a, b = copy.deepcopy(res), copy.deepcopy(res)
    first = para.text.split()[0]
    a.find(para.id).text = para.text.replace(first, "Strongly " + first, 1)
    b.find(para.id).text = para.text.replace(first, "Also " + first, 1)
    window.apply(commands.start_negotiation)
    window.apply(commands.add_proposals, proposals=[derive(res, a, "EU"), derive(res, b, "G77")])
    before = storage.to_dict(window.res)
    window.resize(1600, 1000)
    qtbot.wait(50)
    panel = window.negotiation
    panel.show()
    click(qtbot, panel.view.merge_button)
    dialog = panel.merge_dialog
    click_place(qtbot, dialog, "EU, G77")
    ids = [p.id for p in window.res.negotiation.proposals]
    click(qtbot, dialog.option(ids[0]))
    assert dialog.ok_button.isEnabled()
    dialog.choices.accepted[para.id] = ids  # what no click can do: the core refuses it with the place named
    dialog._recompute()
    dialog._show_outcome()
    assert not dialog.ok_button.isEnabled() and "same words" in dialog.outcome.text()
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    assert storage.to_dict(window.res) == before
