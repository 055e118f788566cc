"""The editing fields of a paragraph: an italic opener line and an auto-growing text box.

Neither field keeps an undo stack of its own: the document's history (app.history) is the only one, so the
standard undo and redo keys are left to the window's actions. In the text box a footnote reference shows as
its printed number, `[^2]`, instead of its stored id; `to_display` and `to_markup` convert between the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QLineEdit, QSizePolicy, QSpinBox, QTextEdit, QWidget

from app import inline
from app.errors import ResoluteError
from app.interface import fill, tr
from app.io.text_blocks import printed_characters
from app.io.text_reader import read_text
from app.messages import explain
from widgets.wrapping import fit_wrap

# characters one paste puts into a paragraph: the longest issued paragraphs hold a few thousand
MAX_PASTED_CHARS = 200_000

# keys the window's actions own even while a field has the focus (one history; italics as markup)
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.Italic)


def show_number(box: QSpinBox, value: int) -> None:
    """Show a number of the model in a spin box, within the box's range: a project's session or revision past
    it shows as the nearest value the box holds (Qt raised OverflowError past a C int, and the window could not
    open the project); the model keeps its own value until the user changes the box."""
    box.setValue(min(max(value, box.minimum()), box.maximum()))


def to_display(markup: str, numbers: dict[str, int]) -> str:
    """Stored markup as the editor shows it: footnote ids replaced by their numbers."""
    return inline.replace_refs(markup, lambda fid: str(numbers[fid]) if fid in numbers else fid)


def to_markup(display: str, numbers: dict[str, int]) -> str:
    """What the editor shows back as stored markup: `[^2]` is the id of footnote 2."""
    ids = {str(n): fid for fid, n in numbers.items()}
    return inline.replace_refs(display, lambda shown: ids.get(shown, shown))


def _is_undo_key(event: QKeyEvent) -> bool:
    return any(event.matches(key) for key in _UNDO_KEYS)


class UndoGuard(QObject):
    """Installed on plain Qt fields (line edits, spin boxes): their undo keys go to the document's history, and
    files dropped from a file manager are not taken as their names' text (see `only_files`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _DROPS and only_files(event.mimeData()):  # type: ignore[attr-defined]
            event.ignore()
            return True
        if kind == QEvent.Type.ShortcutOverride and _is_undo_key(event):  # type: ignore[arg-type]
            event.ignore()  # not taken by the field: the window's Undo/Redo action fires
            return True
        if kind == QEvent.Type.ContextMenu and isinstance(watched, QLineEdit):
            menu = watched.createStandardContextMenu()
            for action in menu.actions():  # the field's own undo would bypass the document history
                if action.objectName() in ("edit-undo", "edit-redo"):  # by name: the text is translated
                    menu.removeAction(action)
            menu.exec(event.globalPos())  # type: ignore[attr-defined]
            menu.deleteLater()
            return True
        return False

    def guard(self, root: QWidget) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            widget.installEventFilter(self)


_DROPS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


@cache
def _shared_guard() -> UndoGuard:
    """One guard for every paragraph field (made once a QApplication exists)."""
    return UndoGuard()


class OpenerField(QLineEdit):
    """The italic opening phrase ("Recalling", "Also requests")."""

    edited = Signal(str)
    navigate = Signal(int)  # -1 up, +1 down
    focused = Signal()

    def focusInEvent(self, event) -> None:  # noqa: ANN001
        super().focusInEvent(event)
        self.focused.emit()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = self.font()
        font.setItalic(True)
        self.setFont(font)
        self.setFrame(False)
        self.setPlaceholderText(tr("Opener"))
        self.installEventFilter(
            _shared_guard()
        )  # undo keys and menu entries go to the document's one history
        self.column = 120  # the narrowest an opener field gets
        self._quiet = False
        # textChanged, not textEdited: a choice from the completer is an edit too
        self.textChanged.connect(self._changed)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._fit)
        self._fit()

    def _changed(self, text: str) -> None:
        if not self._quiet:
            self.edited.emit(text)

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        text = self.text() or self.placeholderText()
        self.setFixedWidth(max(self.column, min(330, metrics.horizontalAdvance(text) + 24)))

    def set_text_quietly(self, text: str) -> None:
        if text != self.text():
            pos = self.cursorPosition()
            self._quiet = True
            try:
                self.setText(text)
            finally:
                self._quiet = False
            self.setCursorPosition(min(pos, len(text)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer().popup() if self.completer() else None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (popup and popup.isVisible()):
            self.focusNextChild()  # on to the text
            return
        if event.key() == Qt.Key.Key_Up:
            self.navigate.emit(-1)
            return
        if event.key() == Qt.Key.Key_Down:
            self.navigate.emit(1)
            return
        if _is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)


class MarkupHighlighter(QSyntaxHighlighter):
    """Footnote references small and raised, *italic* spans italic, misspelt words underlined."""

    def __init__(self, field: QTextEdit | QTextDocument) -> None:  # a field, or a table cell's words to paint
        super().__init__(field if isinstance(field, QTextDocument) else field.document())
        self.spelling: Callable[[str], list[tuple[int, int, str]]] | None = None
        self.ref_format = QTextCharFormat()
        self.ref_format.setForeground(QColor("#1a5fb4"))
        self.ref_format.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        self.ref_format.setFontWeight(QFont.Weight.Bold)
        self.hidden_format = QTextCharFormat()
        self.hidden_format.setForeground(QColor(0, 0, 0, 0))
        self.hidden_format.setFontPointSize(1)
        self.italic_format = QTextCharFormat()
        self.italic_format.setFontItalic(True)
        self.spell_format = QTextCharFormat()
        self.spell_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.spell_format.setUnderlineColor(QColor("#c01c28"))

    def highlightBlock(self, text: str) -> None:
        for kind, start, end in inline.marks(text):
            if kind == "italic":
                self.setFormat(start, end - start, self.italic_format)
                continue
            # show only the raised number: the brackets and caret of the markup all but vanish
            self.setFormat(start, 2, self.hidden_format)
            self.setFormat(start + 2, end - start - 3, self.ref_format)
            self.setFormat(end - 1, 1, self.hidden_format)
        if self.spelling is not None:
            masked = inline.blank_refs(text)
            for start, end, _word in self.spelling(masked):
                fmt = QTextCharFormat(self.format(start))
                fmt.merge(self.spell_format)
                self.setFormat(start, end - start, fmt)


class TextField(QTextEdit):
    """A paragraph's text: plain text that grows with its content, no own undo, keys for structure."""

    edited = Signal(str)
    indent = Signal()
    outdent = Signal()
    split = Signal()  # Enter: a new paragraph after this one
    navigate = Signal(int)  # -1 up, +1 down
    pasted_draft = Signal(object)  # the ImportResult of a whole draft pasted: the window takes it in
    paste_refused = Signal(str)  # why a paste into the field was refused
    unreadable_draft = Signal(str)  # why a pasted draft cannot be read
    focused = Signal()
    erase_empty = Signal()

    def focusInEvent(self, event) -> None:  # noqa: ANN001
        super().focusInEvent(event)
        self.focused.emit()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setPlaceholderText(tr("Text of the paragraph"))
        self.installEventFilter(_shared_guard())  # undo keys go to the document's one history
        self.document().setDocumentMargin(2)
        self.highlighter = MarkupHighlighter(self)
        self._quiet = False
        self.textChanged.connect(self._changed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _changed(self) -> None:
        text = self.toPlainText()
        fit_wrap(self, text)  # typed into a run past any word's length: wrap it anywhere
        if not self._quiet:
            self.edited.emit(text)

    def _fit(self, *_: object) -> None:
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 2
        if height != self.height():
            self.setFixedHeight(max(height, self.fontMetrics().lineSpacing() + 8))

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self._fit()

    def set_text_quietly(self, text: str) -> None:
        """Show model text without reporting it as an edit; the cursor stays where it was when it can."""
        if text == self.toPlainText():
            return
        pos = self.textCursor().position()
        self._quiet = True
        fit_wrap(self, text)  # before Qt lays the text out
        try:
            self.setPlainText(text)
        finally:
            self._quiet = False
        cursor = self.textCursor()
        cursor.setPosition(min(pos, len(text)))
        self.setTextCursor(cursor)

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        length = len(self.toPlainText())
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & Qt.KeyboardModifier.ControlModifier:
            # Tab shapes the list here, so Ctrl+Tab / Ctrl+Shift+Tab leave the box, as in Qt's text editors
            forward = not (key == Qt.Key.Key_Backtab or mods & Qt.KeyboardModifier.ShiftModifier)
            QWidget.focusNextPrevChild(self, forward)  # QTextEdit's own refuses while editable
            return
        if key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ShiftModifier):
            self.outdent.emit()
            return
        if key == Qt.Key.Key_Tab and plain:
            self.indent.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.split.emit()
            return
        cursor = self.textCursor()
        if key == Qt.Key.Key_Backspace and plain and not self.toPlainText() and not cursor.hasSelection():
            self.erase_empty.emit()  # Backspace in an empty paragraph removes it, as in a word processor
            return
        if key == Qt.Key.Key_Up and plain and self._on_first_line(cursor):
            self.navigate.emit(-1)
            return
        if key == Qt.Key.Key_Down and plain and self._on_last_line(cursor):
            self.navigate.emit(1)
            return
        if _is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def _on_first_line(self, cursor: QTextCursor) -> bool:
        probe = QTextCursor(cursor)
        return not probe.movePosition(QTextCursor.MoveOperation.Up)

    def _on_last_line(self, cursor: QTextCursor) -> bool:
        probe = QTextCursor(cursor)
        return not probe.movePosition(QTextCursor.MoveOperation.Down)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if only_files(source):
            self.paste_refused.emit(
                tr("A file is opened with File > Open; its name is not put into the text")
            )
            return
        text = source.text()  # never the HTML: its scripts and styles stay out
        blocks = len([b for b in re.split(r"\n\s*\n", text) if b.strip()])
        if blocks >= 3 or (text.count("\n") >= 2 and len(text) <= MAX_PASTED_CHARS):
            # blank lines between three blocks (a typed or saved draft), or lines that may read as several
            # paragraphs (text copied from a PDF viewer has no blank lines): read once, as a draft
            try:
                draft = read_text(text)
            except ResoluteError as exc:
                if blocks >= 3:
                    self.unreadable_draft.emit(explain(exc))
                    return
            else:
                if blocks >= 3 or sum(1 for _ in draft.resolution.paragraphs()) >= 2:
                    self.pasted_draft.emit(draft)
                    return
        if len(text) > MAX_PASTED_CHARS:  # the editor would grind on it for a minute
            self.paste_refused.emit(
                fill(
                    "The pasted text is {count} characters long, more than a paragraph holds", count=len(text)
                )
            )
            return
        # one paragraph: line breaks inside it are only wrapping
        text = one_line(printed_characters(text))
        fit_wrap(self, self.toPlainText() + text)  # before Qt lays the pasted text out
        self.insertPlainText(text)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() and not only_files(source)


def only_files(source: QMimeData) -> bool:
    """Files dragged or copied from a file manager with no text of their own: Qt reads their URLs as the text
    ("file:///…/draft.docx" glued into a paragraph, a name that is not UTF-8 mangled)."""
    return (
        source.hasUrls()
        and not source.hasFormat("text/plain")
        and all(u.isLocalFile() for u in source.urls())
    )


_LINE_BREAK = re.compile(r"(?<!\s)\s*\n\s*")  # from a run's first space only: a long run is read once


def one_line(text: str) -> str:
    """Line breaks inside a paragraph's text, with the spaces about them, as one space (typed or pasted)."""
    return _LINE_BREAK.sub(" ", text) if "\n" in text else text
