"""The questions the editor asks the user (save?, restore?, which file?). Tests pass one that answers without
dialogs (tests/gui/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from app import recovery
from app.interface import tr
from app.templates import all_templates, template_name
from widgets import draft_language


class Prompter:
    def ask_save(self, parent: QWidget, name: str) -> str:
        """`name`: the project file's; "" for a draft never saved (a whole sentence of its own: "de le projet
        sans titre" is no French)."""
        question = (
            tr("Save the changes to {name}?").format(name=name)
            if name
            else tr("Save the changes to the untitled draft?")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Unsaved changes"),
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setInformativeText(tr("If you don't save, your changes since the last save are lost."))
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(answer), "cancel"
        )

    def ask_restore(self, parent: QWidget, item: recovery.Recoverable) -> bool:
        name = item.source.name if item.source else tr("an unsaved draft")
        answer = QMessageBox.question(
            parent,
            tr("Recover your work?"),
            tr(
                "Resolute closed without saving {name}.\nRestore the copy saved automatically before it closed?"
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_long(self, parent: QWidget, name: str, paragraphs: int) -> bool:
        answer = QMessageBox.question(
            parent,
            tr("A very long file"),
            tr(
                "{name} holds {count} paragraphs, far more than a resolution (the longest issued have about 550).\n"
                "Opening it in the editor takes a long time and much memory. Open it anyway?"
            ).format(name=name, count=f"{paragraphs:,}"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    def open_path(self, parent: QWidget, caption: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, caption, "", tr(filters))
        return Path(path) if path else None

    def save_path(self, parent: QWidget, caption: str, filters: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, tr(filters))
        return Path(path) if path else None

    def choose_template(self, parent: QWidget, default: str) -> str | None:
        templates = list(all_templates().values())
        names = [template_name(t.id, t.name) for t in templates]
        current = next((i for i, t in enumerate(templates) if t.id == default), 0)
        name, ok = QInputDialog.getItem(parent, tr("New draft"), tr("Organ:"), names, current, False)
        return templates[names.index(name)].id if ok else None

    def ask_choice(self, parent: QWidget, title: str, label: str, choices: list[str]) -> int | None:
        """The index of the chosen item, or None when cancelled."""
        dialog = _asking(parent, title, label)
        dialog.setComboBoxItems(choices)
        dialog.setComboBoxEditable(False)
        name = _answer(dialog)
        return choices.index(name) if name in choices else None

    def choose_language(self, parent: QWidget) -> str | None:
        return draft_language.choose_language(parent)

    def ask_text(self, parent: QWidget, title: str, label: str, text: str) -> str | None:
        """Several lines (a section heading over its title): the label wraps, as in a one-line question; Tab
        leaves the text for the buttons (a tab typed into a heading is never wanted, and with no mouse OK was out
        of reach) and Ctrl+Enter accepts from the text."""
        dialog = _asking(parent, title, label)
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(text)
        for edit in dialog.findChildren(QPlainTextEdit):
            edit.setTabChangesFocus(True)
            edit.installEventFilter(_CtrlEnterAccepts(dialog))
        return _answer(dialog)

    def ask_line(self, parent: QWidget, title: str, label: str, text: str) -> str | None:
        """One line (a name, a proposal read out in the room): Enter accepts, as in any one-line dialog."""
        dialog = _asking(parent, title, label)
        dialog.setTextValue(text)
        return _answer(dialog)

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)


class _CtrlEnterAccepts(QObject):
    """Ctrl+Enter in a several-line answer accepts the dialog (Enter alone is a new line)."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.dialog.accept()
            return True
        return False


def _asking(parent: QWidget, title: str, label: str) -> QInputDialog:
    """A one-line question whose label wraps: Qt's own sized the dialog to the label on one line, and a question
    naming three delegations in French (Issue Revision over open proposals) stood wider than a 1024-pixel
    screen."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for shown in dialog.findChildren(QLabel):
        shown.setWordWrap(True)
    return dialog


def _answer(dialog: QInputDialog) -> str | None:
    """The dialog's value once accepted, None when cancelled; the dialog goes."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()
    return value if accepted else None
