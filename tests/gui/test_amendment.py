"""Amendments in the editor: open an issued one, edit its instructions (undoably), make one from a base file or
from a comparison, show the amended draft, check and export."""

from __future__ import annotations

import shutil
from pathlib import Path

from app import edits, table_edits
from app.amendments import derive, texts
from app.io.reading import read_document
from app.model import Action, DocumentKind, Part
from app.storage import load_project
from widgets.actions import ActionId

GUI = Path(__file__).resolve().parent.parent / "fixtures" / "gui"
CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def test_an_issued_amendment_opens_in_the_amendment_panel(window, tmp_path: Path) -> None:
    source = shutil.copy(CORPUS / "A_80_L.19.txt", tmp_path / "A_80_L.19.txt")
    assert window.files.open_path(Path(source), as_import=True)
    window.flush()
    panel = window.amendment_panel
    assert panel.isVisible() and not window.paragraphs.isVisible()
    assert panel.list.count() == 1
    assert (
        panel.list.item(0)
        .text()
        .startswith("Delete the thirty-eighth preambular paragraph reading: Recalling")
    )
    assert panel.opener.text() == "Recalling" and panel.number.value() == 38
    # the preview prints it as issued: no organ line, the instruction, the quoted paragraph
    assert window.rendered.organ_line == ""
    assert [b.role for b in window.rendered.blocks] == ["instruction", "quoted"]


def test_editing_an_instruction_is_one_undo_step(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    source = shutil.copy(CORPUS / "A_80_L.19.txt", tmp_path / "A_80_L.19.txt")
    window.files.open_path(Path(source), as_import=True)
    panel = window.amendment_panel
    panel.number.setValue(37)
    assert window.res.instructions[0].number == 37
    assert "thirty-seventh" in panel.list.item(0).text()
    window.undo()
    assert window.res.instructions[0].number == 38 and panel.number.value() == 38
    panel.add_instruction()
    assert len(window.res.instructions) == 2 and panel.list.count() == 2
    panel.scope.setCurrentIndex(1)  # words in the paragraph
    panel.action.setCurrentIndex(0)  # delete
    panel.old.setText("annually")
    panel.old.textEdited.emit("annually")
    added = window.res.instructions[1]
    assert (added.action, added.old, added.paragraph) == (Action.DELETE, "annually", None)
    assert "delete “annually”" in panel.list.item(1).text()


def test_new_amendment_from_a_base_file_then_amended_draft(window, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    base_path = tmp_path / "base.json"
    shutil.copy(GUI / "A_C.3_80_L.20.json", base_path)
    base = load_project(base_path)
    prompter.paths = [base_path]
    window.action(ActionId.NEW_AMENDMENT).trigger()
    res = window.res
    assert res.header.kind is DocumentKind.AMENDMENT and res.header.amends == base.header.full_symbol
    assert res.title == base.title and not res.instructions and window.amendment_panel.isVisible()
    panel = window.amendment_panel
    panel.add_instruction()  # a new operative paragraph after paragraph 1
    panel.number.setValue(1)
    panel.opener.setText("Welcomes")
    panel.opener.textEdited.emit("Welcomes")
    panel.text.setPlainText("the contributions received")
    instruction = window.res.instructions[0]
    assert (instruction.action, instruction.part, instruction.number) == (Action.INSERT, Part.OPERATIVE, 1)
    window.action(ActionId.SHOW_AMENDED).trigger()
    amended = window.res
    assert amended.header.kind is base.header.kind and not window.amendment_panel.isVisible()
    assert [p.opener for p in amended.operative] == [base.operative[0].opener, "Welcomes"] + [
        p.opener for p in base.operative[1:]
    ]


def test_amendment_from_comparison_checks_and_exports(window, tmp_path: Path) -> None:
    base_path = tmp_path / "base.json"
    shutil.copy(GUI / "A_C.3_80_L.20.json", base_path)
    window.files.open_path(base_path)
    first = window.res.operative[0]
    window.apply(edits.set_text, paragraph_id=first.id, value=first.text + " and regional organizations")
    window.apply(edits.delete_paragraph, paragraph_id=window.res.preamble[1].id)
    proposed = window.res
    base = load_project(base_path)
    expected = derive(base, proposed)
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    res = window.res
    assert res.header.kind is DocumentKind.AMENDMENT
    assert [(i.action, i.part, i.number, i.new) for i in res.instructions] == [
        (i.action, i.part, i.number, i.new) for i in expected
    ]
    assert window.amendment_panel.list.count() == len(expected)
    assert not [f for f in window.checks.findings() if f.rule.startswith("amendment.")]
    out = tmp_path / "amendment.docx"
    assert window.files.export_docx(out)
    read = read_document(out).resolution
    assert [(i.action, i.number) for i in read.instructions] == [(i.action, i.number) for i in expected]
    window.action(ActionId.SHOW_AMENDED).trigger()
    assert texts(window.res.operative) == texts(proposed.operative)
    assert texts(window.res.preamble) == texts(proposed.preamble)


def test_a_finding_on_an_instruction_selects_it(window, tmp_path: Path) -> None:
    source = shutil.copy(CORPUS / "A_80_L.19.txt", tmp_path / "A_80_L.19.txt")
    window.files.open_path(Path(source), as_import=True)
    panel = window.amendment_panel
    panel.add_instruction()
    panel.number.setValue(0)
    panel.action.setCurrentIndex(2)  # replace operative paragraph 0, with no text: two errors
    window.flush()
    bad = window.res.instructions[1]
    found = [f for f in window.checks.findings() if f.paragraph_id == bad.id]
    assert {f.rule for f in found} >= {"amendment.place", "amendment.quoted-text"}
    panel.list.setCurrentRow(0)
    window.findings_view.jump_to(found[0])
    assert panel.list.currentRow() == 1
    assert window.findings_view.where(found[0]) == "instruction 2"


def test_the_panel_lists_instructions_in_the_draft_language() -> None:
    from app.model import Action, Instruction, Part
    from app.wording.reading import sentence_language
    from widgets.amendment_panel import describe

    for code in ("en", "fr", "es"):
        for ins in (
            Instruction(Action.DELETE, Part.PREAMBLE, 3),
            Instruction(Action.INSERT, Part.OPERATIVE, 2),
        ):
            assert sentence_language(describe(ins, code)) == code


def test_a_table_the_amendment_cannot_say_is_refused_with_a_message(window, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    """A table added to the draft: the amendment derived had no instruction for it (read as if the table were
    not there); now the editor says why and the draft stays open as it was."""
    base_path = tmp_path / "base.json"
    shutil.copy(GUI / "A_C.3_80_L.20.json", base_path)
    window.files.open_path(base_path)
    window.apply(table_edits.insert_table, after_id=window.res.operative[0].id, part=Part.OPERATIVE)
    draft = window.res
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    assert window.res is draft and window.res.header.kind is not DocumentKind.AMENDMENT
    assert len(prompter.errors) == 1 and "table" in prompter.errors[0][1]
