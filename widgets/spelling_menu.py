"""The right-click menu of a text field: suggestions, Ignore and Add to dictionary for the word under the
mouse, above the usual edit entries (undo and redo are the document's, in the Edit menu)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QMenu, QWidget

from app import inline
from app.interface import tr
from app.spelling.session import SpellingSession
from widgets.fields import TextField


def spelling_menu(
    parent: QWidget,
    spelling: SpellingSession,
    field: TextField,
    pos: QPoint,
    on_word_change: Callable[[], None],
    seal: Callable[[], None],
) -> QMenu:
    """`seal` closes the undo step around a replacement; `on_word_change` re-underlines after Ignore/Add."""
    menu = QMenu(parent)
    word = _misspelt_at(spelling, field, field.cursorForPosition(pos).position())
    if word is not None:
        start, end, text = word
        suggestions = spelling.suggestions(text)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            font = QFont(action.font())
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _=False, s=suggestion: _replace_word(field, start, end, s, seal))
        if not suggestions:
            menu.addAction(tr("(no suggestions)")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(
            tr("Ignore '{word}'").format(word=text), lambda: (spelling.ignore(text), on_word_change())
        )
        menu.addAction(
            tr("Add '{word}' to dictionary").format(word=text),
            lambda: (spelling.add(text), on_word_change()),
        )
        menu.addSeparator()
    standard = field.createStandardContextMenu()
    for action in standard.actions():
        if action.objectName() in ("edit-undo", "edit-redo"):  # by name: the text is translated
            continue
        menu.addAction(action)
    standard.setParent(menu)
    return menu


def _misspelt_at(spelling: SpellingSession, field: TextField, position: int) -> tuple[int, int, str] | None:
    masked = inline.blank_refs(field.toPlainText())
    for start, end, word in spelling.misspelt(masked):
        if start <= position <= end:
            return start, end, word
    return None


def _replace_word(field: TextField, start: int, end: int, word: str, seal: Callable[[], None]) -> None:
    seal()
    cursor = field.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(word)
    seal()
