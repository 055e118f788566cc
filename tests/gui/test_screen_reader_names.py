"""Every field, list, table and text view a keyboard user can reach has a name a screen reader says: its own
accessible name or a label that is its buddy (a screen reader said "table", "text browser" or "edit" for the
footnotes, the compilation, the merge dialog's place and the amended symbol). Walked over the main window with a
negotiation under way, the merge dialog, the rollover dialog and the amendment panel."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import open_as_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from widgets.actions import ActionId
from widgets.main_window import MainWindow

INPUTS = (QLineEdit, QComboBox, QTextEdit, QPlainTextEdit, QAbstractItemView, QAbstractSpinBox)


def _unnamed(root: QWidget) -> list[str]:
    buddies = {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}
    out = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.window() is not root.window():  # a combo box's popup list, a spin box's line edit
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        if not widget.accessibleName() and widget not in buddies:
            out.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return out


def test_every_control_of_a_negotiators_day_has_a_name(
    window: MainWindow, prompter, corpus: Path, tmp_path: Path
) -> None:  # noqa: ANN001
    open_as_project(window, corpus / "A_C.3_80_L.20.txt", tmp_path)
    panel = window.negotiation
    panel.show()
    panel.start()
    QApplication.processEvents()
    assert _unnamed(window) == []
    panel.open_merge()
    assert _unnamed(panel.merge_dialog) == []
    panel.merge_dialog.close()
    window.action(ActionId.ROLLOVER).trigger()
    assert _unnamed(window.versions.rollover_dialog) == []
    window.versions.rollover_dialog.close()
    source = shutil.copy(corpus / "A_80_L.19.txt", tmp_path / "A_80_L.19.txt")
    window.doc.history.mark_saved()
    assert window.files.open_path(Path(source), as_import=True)
    QApplication.processEvents()
    assert _unnamed(window) == []
    window.doc.history.mark_saved()
