"""One-line fields that fold a pasted line break into a space as it comes in (paste, drop, typed controls).

The header's fields (committee, symbol, title, sponsor note, an amended symbol, the group and the officer) are
one line each; a line break pasted into one stayed in the field (and in the project file) though every output
prints the line as one (`app.render.one_line`). A validator sees every insertion, however it is made, and
gives the line edit the folded text, so `textEdited` carries it too."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

from app.render import one_line


class OneLine(QValidator):
    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:  # type: ignore[override]
        folded = one_line(text)
        if folded != text:
            # a break of several characters ("\r\n") is one space: the cursor moves back by what went
            pos = max(0, pos - (len(text[:pos]) - len(one_line(text[:pos]))))
        return QValidator.State.Acceptable, folded, pos


def fold_line_breaks(panel: QWidget, parent: QObject | None = None) -> None:
    """Every free-text one-line field under `panel` (not the number and date boxes, which validate their own)."""
    validator = OneLine(parent or panel)
    for combo in panel.findChildren(QComboBox):
        if combo.isEditable():
            combo.setValidator(validator)
    for field in panel.findChildren(QLineEdit):
        if not isinstance(field.parent(), (QAbstractSpinBox, QComboBox)) and field.validator() is None:
            field.setValidator(validator)
