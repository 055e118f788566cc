"""Undo takes the cursor back to the paragraph a command was given in (`History.focus_before`), and redo to
where the command left it."""

from app import edits
from app.model import Paragraph, Part, Resolution


def _doc() -> tuple[edits.Document, str, str]:
    res = Resolution()
    res.operative += [
        Paragraph(opener="Decides", text="to act"),
        Paragraph(opener="Requests", text="a report"),
    ]
    return edits.Document(res), res.operative[0].id, res.operative[1].id


def test_undo_of_a_new_paragraph_goes_back_to_the_one_it_followed() -> None:
    doc, first, _ = _doc()
    change = edits.insert_paragraph(doc, part=Part.OPERATIVE, after_id=first)
    new_id = change.focus
    assert new_id not in ("", first)
    doc.history.focus_before(first)
    undone = doc.history.undo()
    assert undone is not None and undone.focus == first and doc.resolution.find(new_id) is None
    redone = doc.history.redo()
    assert redone is not None and redone.focus == new_id


def test_the_first_place_given_is_kept() -> None:
    doc, first, second = _doc()
    edits.delete_paragraph(doc, paragraph_id=second)
    doc.history.focus_before(second)
    doc.history.focus_before(first)  # a second call does not move it
    undone = doc.history.undo()
    assert undone is not None and undone.focus == second and doc.resolution.find(second) is not None


def test_without_a_place_undo_keeps_the_commands_own() -> None:
    doc, first, _ = _doc()
    change = edits.duplicate_paragraph(doc, paragraph_id=first)
    undone = doc.history.undo()
    assert undone is not None and undone.focus == change.focus
