"""The negotiation view as a facilitator uses it on a real draft (A/C.3/80/L.20): start, add a tracked Word
proposal and an edited copy, accept and reject paragraph by paragraph, mark a paragraph agreed ad ref, issue
Rev.1, export the compilation; every step undoable; the L export refuses a text with brackets."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from conftest import open_as_project
from PySide6.QtCore import QUrl

from app.compare.tracked import build_tracked_docx
from app.io.text_writer import to_text
from app.model import Paragraph
from app.negotiation import commands
from app.negotiation.status import Alternative
from widgets.main_window import MainWindow


def _setup(window: MainWindow, prompter, corpus: Path, tmp_path: Path):  # noqa: ANN001
    open_as_project(window, corpus / "A_C.3_80_L.20.txt", tmp_path)
    res = window.res
    target = next(p for p in res.operative[2:] if len(p.text.split()) > 12 and "[^" not in p.text)
    words = target.text.split()
    eu = copy.deepcopy(res)
    eu.find(target.id).text = " ".join(words[:2] + ["urgently"] + words[2:])
    tracked = tmp_path / "eu.docx"
    tracked.write_bytes(build_tracked_docx(res, eu, author="European Union"))
    g77 = copy.deepcopy(res)
    g77.operative.insert(6, Paragraph("Decides", "to remain seized of the matter"))
    copy_path = tmp_path / "g77.txt"
    copy_path.write_text(to_text(g77), encoding="utf-8")
    return target, tracked, copy_path


def test_the_facilitators_round(window: MainWindow, prompter, corpus, tmp_path: Path) -> None:  # noqa: ANN001
    target, tracked, copy_path = _setup(window, prompter, corpus, tmp_path)
    words = target.text.split()
    panel = window.negotiation
    panel.show()
    assert panel.view.start_button.isVisible() and not panel.view.add_button.isEnabled()
    panel.view.start_button.click()
    neg = window.res.negotiation
    assert neg is not None and neg.version == "zero draft"
    prompter.paths = [tracked]
    panel.view.add_button.click()
    prompter.paths, prompter.texts = [copy_path], ["G77"]
    panel.view.add_button.click()
    shown = panel.view.browser.toPlainText()
    assert "[European Union]" in shown and "[G77]" in shown
    label = neg.labels[target.id]
    seventh = neg.labels[window.res.operative[5].id]
    assert f"{seventh} bis" in shown  # the G77's new paragraph, after the one it follows
    assert "European Union, G77" in panel.view.summary.text()
    # accept the EU's words on the paragraph
    panel._clicked(QUrl(f"entry:{target.id}"))
    assert label in panel.view.where.text()
    assert [panel.view.proposer.itemText(i) for i in range(panel.view.proposer.count())] == ["European Union"]
    prompter.texts = [f'CANZ: after "{words[-1]}" insert "at all levels"']
    panel.view.type_button.click()  # a proposal read out in the room
    assert (
        "at all levels" in panel.view.browser.toPlainText() and "[CANZ]" in panel.view.browser.toPlainText()
    )
    assert [panel.view.proposer.itemText(i) for i in range(panel.view.proposer.count())] == [
        "European Union",
        "CANZ",
    ]
    panel.view.accept_button.click()
    assert "urgently" in window.res.find(target.id).text
    panel.view.agree_button.click()
    assert "agreed ad ref" in panel.view.browser.toPlainText()
    # reject the G77's new paragraph
    new_id = next(p.edits[0].paragraph.id for p in window.res.negotiation.proposals if p.proposer == "G77")
    panel._clicked(QUrl(f"entry:{new_id}"))
    panel.view.reject_button.click()
    assert window.res.find(new_id) is None
    prompter.choices = ["Issue Rev.1 all the same"]  # CANZ's proposal is still open: asked, and left behind
    panel.view.revision_button.click()
    assert window.res.negotiation.version == "Rev.1"
    assert panel.view.summary.text().startswith("<b>Rev.1</b>")
    # undo takes back each step, the revision first
    window.doc.history.undo()
    assert window.res.negotiation.version == "zero draft"
    window.doc.history.redo()
    out = tmp_path / "compilation.docx"
    prompter.paths = [out]
    window.doc.history.undo()  # back on the zero draft: the compilation shows the decisions' status
    panel.refresh()
    assert panel.export()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "agreed ad ref" in text


def test_the_l_export_refuses_brackets(window: MainWindow, prompter, corpus, tmp_path: Path) -> None:  # noqa: ANN001
    target, _, _ = _setup(window, prompter, corpus, tmp_path)
    window.apply(commands.start_negotiation)
    word = target.text.split()[3]
    window.apply(
        commands.add_bracket,
        paragraph_id=target.id,
        words=word,
        alternatives=[Alternative(word, ["US"]), Alternative("", ["G77"])],
    )
    assert not window.files.export_docx(tmp_path / "L.docx")
    assert prompter.errors and "bracket" in prompter.errors[-1][1]
    assert not (tmp_path / "L.docx").exists()
    window.negotiation.show()
    assert "1 bracket" in window.negotiation.view.summary.text()
    assert "(delete) – G77]" in window.negotiation.view.browser.toPlainText()


def test_on_a_small_screen_the_panel_folds_its_buttons_and_the_paragraphs_keep_their_room(
    qtbot,
    window: MainWindow,
    prompter,
    corpus,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    _setup(window, prompter, corpus, tmp_path)
    window.resize(1024, 640)
    panel = window.negotiation
    panel.show()
    panel.view.start_button.click()
    qtbot.wait(50)
    # the panel's buttons never make the column wider than what is left beside the paragraphs
    assert panel.view.minimumSizeHint().width() < 0.4 * window.width()
    # what does not fit is a click away in the toolbar's » menu, and in the Negotiate menu in any case
    folded = [b for b, action in panel.view._shown.items() if action.isVisible() and not b.isVisible()]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Negotiate")
    names = {a.text().replace("&", "").rstrip("…") for a in menu.actions()}
    for button in folded:
        assert button.text().rstrip("…").lower() in {n.lower() for n in names}, button.text()


def test_a_revision_damaged_in_the_file_is_named_and_a_new_revision_goes_on(
    window: MainWindow, corpus: Path, tmp_path: Path
) -> None:
    """A project whose Rev.1 text was damaged outside Resolute: it opens, the issues list and the panel name the
    revision, and the facilitator's Issue Revision, made from the working text, lets the negotiation go on."""
    import json

    from app import storage
    from app.io.reading import read_document
    from app.negotiation import rounds

    res = read_document(corpus / "A_C.1_80_L.43.txt").resolution
    rounds.start(res)
    rounds.issue_revision(res.negotiation, res)
    project = tmp_path / "draft.json"
    storage.save_project(res, project)
    data = json.loads(project.read_text(encoding="utf-8"))
    data["negotiation"]["revisions"][1]["text"] = {"preamble": 5}
    project.write_text(json.dumps(data), encoding="utf-8")

    assert window.files.open_path(project)
    assert any(f.rule == "import.negotiation" and "Rev.1" in f.message for f in window.checks.import_findings)
    panel = window.negotiation
    panel.show()
    assert "Rev.1" in panel.view.summary.text() and "damaged" in panel.view.summary.text()
    panel.view.revision_button.click()
    assert window.res.negotiation.version == "Rev.2"
    assert panel.view.summary.text().startswith("<b>Rev.2</b>")
