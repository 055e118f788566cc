"""The unplaced-text commands (app.unplaced_edits): delete a block, or make it the operative part's last
paragraph, each one undo step; a block that is not there is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import edits, unplaced_edits
from app.io.text_reader import read_text
from app.model import Part

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "cli" / "clean.txt"
LINE = "Text as at 14 October 2026, 18:00 (silence procedure until Friday)"


def _doc() -> edits.Document:
    text = CLEAN.read_text(encoding="utf-8").replace("Second Committee\n", f"Second Committee\n{LINE}\n", 1)
    res = read_text(text).resolution
    assert res.unplaced == [LINE]
    return edits.Document(res)


def test_delete_and_undo() -> None:
    doc = _doc()
    unplaced_edits.delete_unplaced(doc, index=0)
    assert doc.resolution.unplaced == []
    doc.history.undo()
    assert doc.resolution.unplaced == [LINE]


@pytest.mark.parametrize("part", [Part.OPERATIVE, Part.PREAMBLE])
def test_made_a_paragraph_and_undone(part: Part) -> None:
    doc = _doc()
    before = [p.text for p in doc.resolution.part(part)]
    change = unplaced_edits.unplaced_to_paragraph(doc, index=0, part=part)
    made = doc.resolution.part(part)[-1]
    assert doc.resolution.unplaced == [] and made.text == LINE and change.focus == made.id
    assert [p.text for p in doc.resolution.part(part)] == [*before, LINE]
    doc.history.undo()
    assert doc.resolution.unplaced == [LINE] and [p.text for p in doc.resolution.part(part)] == before


@pytest.mark.parametrize("index", [-1, 1, 10**6])
def test_a_block_not_there_is_refused(index: int) -> None:
    doc = _doc()
    with pytest.raises(edits.EditError, match="no unplaced text"):
        unplaced_edits.delete_unplaced(doc, index=index)
    assert doc.resolution.unplaced == [LINE] and not doc.history.can_undo()
