"""Edit > Cut, Copy, Paste and Select All for the field with the cursor (a paragraph's text or opener, a footnote,
a header field, the find bar): the menu shows the keys and does the same for the mouse. The keys stay with the
fields, which handle them themselves (the paragraph's box through its paste limits), so no window shortcut can
take them from a list or a table. Each entry is greyed where it would do nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QTextEdit, QWidget

from widgets.actions import ActionId

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

Field = QLineEdit | QTextEdit
_ACTIONS = {
    ActionId.CUT: "cut",
    ActionId.COPY: "copy",
    ActionId.PASTE: "paste",
    ActionId.SELECT_ALL: "selectAll",
}


class ClipboardEdit(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self._watched: Field | None = None
        self._watching: QMetaObject.Connection | None = None
        app = QApplication.instance()
        app.focusChanged.connect(self._follow)  # type: ignore[attr-defined]
        QApplication.clipboard().dataChanged.connect(self.update_actions)

    def handlers(self) -> dict[ActionId, Callable[[], object]]:
        return {action_id: (lambda name=name: self._do(name)) for action_id, name in _ACTIONS.items()}

    def field(self) -> Field | None:
        """The text field of this window with the cursor, if any."""
        focused = QApplication.focusWidget()
        if isinstance(focused, (QLineEdit, QTextEdit)) and self.win.isAncestorOf(focused):
            return focused
        return None

    def _do(self, name: str) -> None:
        field = self.field()
        if field is not None:
            getattr(field, name)()
        self.update_actions()

    def _follow(self, _old: QWidget | None, _new: QWidget | None) -> None:
        """The cursor moved to another widget: watch its selection instead."""
        field = self.field()
        if field is self._watched:
            return
        if self._watching is not None:
            QObject.disconnect(self._watching)  # nothing to undo when the field went with its row
        self._watched, self._watching = field, None
        if field is not None:
            self._watching = field.selectionChanged.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        if not hasattr(self.win, "actions_"):  # focus moved while the window was being built
            return
        field = self.field()
        selected = field is not None and (
            field.hasSelectedText() if isinstance(field, QLineEdit) else field.textCursor().hasSelection()
        )
        editable = field is not None and not field.isReadOnly()
        data = QApplication.clipboard().mimeData()
        pasteable = data is not None and data.hasText()
        for action_id, on in (
            (ActionId.CUT, selected and editable),
            (ActionId.COPY, selected),
            (ActionId.PASTE, editable and pasteable),
            (ActionId.SELECT_ALL, field is not None),
        ):
            self.win.actions_[action_id].setEnabled(on)
