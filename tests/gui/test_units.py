"""Parts B, C ... and annexes in the editor, driven as a user drives them: menu actions, add buttons, typing
in the title boxes and the rows, Tab, moving, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_editor import draft, labels, type_paragraph

from app.model import Part
from app.render import place_names, render
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.paragraph_editor import ParagraphRow
from widgets.row_box import RowBox


def _rows_in(box: RowBox) -> list[ParagraphRow]:
    return box.rows()


def test_add_an_annex_title_it_and_number_its_paragraphs(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = len(window.paragraphs.order)
    window.actions_[ActionId.ADD_ANNEX].trigger()
    res = window.res
    assert len(res.annexes) == 1 and len(window.paragraphs.order) == before + 1
    section = window.paragraphs.units.sections[res.annexes[0].id]
    assert section.header.label.text() == "Annex" and section.isVisible()
    qtbot.keyClicks(section.header.title, "Terms of reference")
    assert res.annexes[0].title == "Terms of reference"
    first = _rows_in(section.boxes[None])[0]
    type_paragraph(qtbot, first, "", "The Group shall meet in New York.")
    qtbot.keyClick(first.text, Qt.Key.Key_Return)  # Enter: the next annex paragraph
    second = _rows_in(section.boxes[None])[1]
    type_paragraph(qtbot, second, "", "The Group shall report:")
    qtbot.keyClick(second.text, Qt.Key.Key_Return)
    third = _rows_in(section.boxes[None])[2]
    type_paragraph(qtbot, third, "", "to the Assembly.")
    qtbot.keyClick(third.text, Qt.Key.Key_Tab)  # a subparagraph of paragraph 2
    annex = res.annexes[0]
    assert [p.text for p in annex.paragraphs] == [
        "The Group shall meet in New York.",
        "The Group shall report:",
    ]
    assert [s.text for s in annex.paragraphs[1].subparagraphs] == ["to the Assembly."]
    shown = [r.label.text() for r in _rows_in(section.boxes[None])]
    assert shown == ["1.", "2.", "(a)"]  # numbering live, as printed
    first.text.setFocus()  # the first paragraph as an unnumbered chapeau: the next one becomes 1.
    window.actions_[ActionId.TOGGLE_NUMBERED].trigger()
    assert not annex.paragraphs[0].numbered
    assert [r.label.text() for r in _rows_in(section.boxes[None])] == [
        "Annex para. 1",
        "1.",
        "(a)",
    ]  # named by place
    window.actions_[ActionId.UNDO].trigger()
    assert [r.label.text() for r in _rows_in(section.boxes[None])] == ["1.", "2.", "(a)"]
    # a second annex: the first becomes "Annex I", the new one "Annex II"
    window.actions_[ActionId.ADD_ANNEX].trigger()
    assert section.header.label.text() == "Annex I"
    assert window.paragraphs.units.sections[res.annexes[1].id].header.label.text() == "Annex II"
    # the preview draws the annex from app.render
    window.flush()
    printed = window.preview.toPlainText()
    assert "Annex I" in printed and "Terms of reference" in printed and "The Group shall report:" in printed
    # every step is one undo step: the second annex, then the indent, then typing ...
    window.actions_[ActionId.UNDO].trigger()
    assert len(res.annexes) == 1 and section.header.label.text() == "Annex"
    window.actions_[ActionId.UNDO].trigger()
    assert not annex.paragraphs[1].subparagraphs and len(annex.paragraphs) == 3


def test_a_two_part_resolution(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    window.actions_[ActionId.ADD_PART].trigger()
    res = window.res
    assert len(res.parts()) == 2
    units = window.paragraphs.units
    assert units.part_a.isVisible() and units.part_a.label.text() == "Part A"
    qtbot.keyClicks(units.part_a.title, "Information in the service of humanity")
    assert res.part_title == "Information in the service of humanity"
    section = units.sections[res.later_parts[0].id]
    assert section.header.label.text() == "Part B" and "General Assembly" in section.header.organ.text()
    qtbot.keyClicks(section.header.title, "Communications policies")
    assert res.later_parts[0].title == "Communications policies"
    op = _rows_in(section.boxes[Part.OPERATIVE])[0]
    type_paragraph(qtbot, op, "Requests", "the Department to report")
    qtbot.keyClick(op.text, Qt.Key.Key_Return)
    type_paragraph(qtbot, _rows_in(section.boxes[Part.OPERATIVE])[1], "Decides", "to continue")
    # the add button under part B's preamble
    add_pre = next(
        b for b in section.findChildren(type(window.paragraphs.add_pre)) if "preambular" in b.text()
    )
    qtbot.mouseClick(add_pre, Qt.MouseButton.LeftButton)
    pre = _rows_in(section.boxes[Part.PREAMBLE])[0]
    type_paragraph(qtbot, pre, "Emphasizing", "the role of the Department")
    body = res.later_parts[0]
    assert [p.opener for p in body.preamble] == ["Emphasizing"]
    assert [p.opener for p in body.operative] == ["Requests", "Decides"]
    # part B numbers from 1; move the second paragraph up: the numbers follow
    assert [r.label.text() for r in _rows_in(section.boxes[Part.OPERATIVE])] == ["1.", "2."]
    second = _rows_in(section.boxes[Part.OPERATIVE])[1]
    second.text.setFocus()
    window.actions_[ActionId.MOVE_UP].trigger()
    assert [p.opener for p in body.operative] == ["Decides", "Requests"]
    assert [r.label.text() for r in _rows_in(section.boxes[Part.OPERATIVE])] == ["1.", "2."]
    assert labels(window)[2:5] == ["1.", "2.", "3."]  # part A's numbers unchanged
    blocks = render(res).blocks
    assert [b.role for b in blocks if b.unit == "B"][:3] == ["part_heading", "part_title", "organ_line"]
    # remove part B (cursor in it), and undo it
    window.actions_[ActionId.REMOVE_UNIT].trigger()
    assert not res.later_parts and not units.part_a.isVisible()
    window.actions_[ActionId.UNDO].trigger()
    assert res.later_parts == [body] and units.part_a.isVisible()


def test_move_a_paragraph_into_part_b_and_into_an_annex(qtbot, window: MainWindow, prompter) -> None:  # noqa: ANN001
    """Paragraph > Move to Part or Annex…: the choices name each list; the opener follows the part it joins;
    Insert Paragraph Before works inside part B; every step undoes."""
    draft(qtbot, window)
    res = window.res
    window.actions_[ActionId.ADD_PART].trigger()
    window.actions_[ActionId.ADD_ANNEX].trigger()
    body, annex = res.later_parts[0], res.annexes[0]
    rows = window.paragraphs
    noting = res.preamble[-1]
    rows.row_for(noting.id, False).text.setFocus()
    prompter.choices = ["Part B: operative part"]
    window.actions_[ActionId.MOVE_TO_UNIT].trigger()
    assert "Part A: preamble" not in prompter.offered  # not where it already is
    assert prompter.offered[-1] == "Annex"
    assert body.operative[-1] is noting and noting.opener == "Notes"
    section = rows.units.sections[body.id]
    assert [r.opener.text() for r in _rows_in(section.boxes[Part.OPERATIVE])][-1] == "Notes"
    rows.row_for(noting.id, False).text.setFocus()
    window.actions_[ActionId.INSERT_PARAGRAPH].trigger()  # before "Notes", inside part B
    assert body.operative[-2].opener == "" and body.operative[-1] is noting
    window.actions_[ActionId.UNDO].trigger()
    rows.row_for(noting.id, False).text.setFocus()
    prompter.choices = ["Annex"]
    window.actions_[ActionId.MOVE_TO_UNIT].trigger()
    assert annex.paragraphs[-1] is noting and noting.opener == "Notes"
    assert noting not in body.operative
    window.actions_[ActionId.UNDO].trigger()
    window.actions_[ActionId.UNDO].trigger()
    assert res.preamble[-1] is noting and noting.opener == "Noting"


def test_a_sections_preambular_paragraph_unnumbered_in_the_operative_part(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Paragraph > Number or Unnumber Paragraph on an operative paragraph: it prints unnumbered as a preambular
    paragraph of its section, the numbers after it close up, and one undo brings it back."""
    draft(qtbot, window)
    res = window.res
    second = res.operative[1]
    window.paragraphs.row_for(second.id, False).text.setFocus()
    window.actions_[ActionId.TOGGLE_NUMBERED].trigger()
    assert not second.numbered
    blocks = render(res).blocks
    assert labels(window)[2:] == [
        "1.",
        place_names(blocks)[second.id],
        "2.",
    ]  # unnumbered rows show their place
    block = next(b for b in blocks if b.paragraph_id == second.id)
    assert (block.role, block.label, block.end) == ("preambular", "", ",")
    window.actions_[ActionId.UNDO].trigger()
    assert second.numbered and labels(window)[2:] == ["1.", "2.", "3."]
    window.paragraphs.row_for(res.preamble[0].id, False).text.setFocus()
    window.actions_[ActionId.TOGGLE_NUMBERED].trigger()  # a preambular paragraph has no number to give up
    assert res.preamble[0].numbered
