"""Commands on a draft's unplaced text: what a reader kept but could not place (a header line no role fits, a
Fifth Committee table set a cell to a line). It prints after the last paragraph, so it goes into the Word file
and the L document as it is; the delegate removes it, or makes it a paragraph of the operative part or the
preamble where it can be edited and checked.

Each is one undo step in the document's history, like the paragraph commands of `app.edits`.
"""

from __future__ import annotations

from app.edits import Document, EditError, _record, _structure
from app.history import Change
from app.messages import say
from app.model import Paragraph, Part


def _block(doc: Document, index: int) -> str:
    blocks = doc.resolution.unplaced
    if not 0 <= index < len(blocks):
        raise EditError(say("no unplaced text {number}", number=index + 1))
    return blocks[index]


def delete_unplaced(doc: Document, *, index: int) -> Change:
    """Remove the `index`th block of unplaced text."""
    blocks = doc.resolution.unplaced
    text = _block(doc, index)
    label = say("Delete unplaced text")
    return _record(
        doc,
        label,
        lambda: blocks.pop(index),
        lambda: blocks.insert(index, text),
        _structure(label, ""),
    )


def unplaced_to_paragraph(doc: Document, *, index: int, part: Part = Part.OPERATIVE) -> Change:
    """The `index`th block of unplaced text as a new paragraph at the end of `part` (of part A), its words the
    paragraph's text; the cursor goes there."""
    res = doc.resolution
    blocks, items = res.unplaced, res.part(part)
    text = _block(doc, index)
    para = Paragraph(text=text)
    label = say("Make unplaced text a paragraph")

    def apply() -> None:
        blocks.pop(index)
        items.append(para)

    def revert() -> None:
        items.remove(para)
        blocks.insert(index, text)

    return _record(doc, label, apply, revert, _structure(label, para.id, para.id))
