"""Bring a place's first proposed change into view in a short compilation box.

The merge dialog shows a place as the compilation prints it in a box 130 px tall; a table of a dozen rows, or a
long paragraph, is many times that, and a change to its last row (a level's discount, a total) was below the
box's edge with the header in view: the facilitator saw the table as it was and had to scroll to find what
was proposed. The changes are the compilation's marks: underlined (added) or struck through (deleted) words."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit


def first_change(edit: QTextEdit) -> int | None:
    """The document position of the first underlined or struck-through character, or None (no change shown)."""
    block = edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            form = fragment.charFormat()
            if fragment.isValid() and (form.fontUnderline() or form.fontStrikeOut()) and not form.isAnchor():
                return fragment.position()
            it += 1
        block = block.next()
    return None


def show_first_change(edit: QTextEdit) -> None:
    """Scroll `edit` so its first change is in view (the top of the text when it shows none); the cursor goes
    there, so a keyboard user who tabs into the box reads on from it. Done again once the event loop turns: a
    dialog that fills the box before it is shown has no layout yet to scroll by."""
    position = first_change(edit)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position or 0)
    edit.setTextCursor(cursor)
    _scroll(edit, position)
    QTimer.singleShot(0, edit, lambda: _scroll(edit, position))


def _scroll(edit: QTextEdit, position: int | None) -> None:
    bar = edit.verticalScrollBar()
    if position is None or edit.textCursor().position() != position:  # none, or the user moved on meanwhile
        if position is None:
            bar.setValue(0)
        return
    # the change a third of the way down, the lines before it above: read in its row or sentence, not at the edge
    bar.setValue(bar.value() + edit.cursorRect().top() - edit.viewport().height() // 3)
