"""The right-click menu of a text field: suggestions, Ignore and Add to dictionary for the word under the
mouse, above the usual edit entries (undo and redo are the document's, in the Edit menu). A table's cell
puts the same entries (`spelling_entries`) above its row and column entries."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from app import inline
from app.interface import tr
from app.spelling.session import SpellingSession

Replace = Callable[[int, int, str], None]  # (start, end, suggestion): the word at start:end replaced


def spelling_menu(
    parent: QWidget,
    spelling: SpellingSession,
    field: QTextEdit,
    pos: QPoint,
    on_word_change: Callable[[], None],
    seal: Callable[[], None],
) -> QMenu:
    """`seal` closes the undo step around a replacement; `on_word_change` re-underlines after Ignore/Add."""
    menu = QMenu(parent)
    text = inline.blank_refs(field.toPlainText())
    position = field.cursorForPosition(pos).position()
    spelling_entries(
        menu, spelling, text, position, lambda a, b, s: _replace_word(field, a, b, s, seal), on_word_change
    )
    standard = field.createStandardContextMenu()
    for action in standard.actions():
        if action.objectName() in ("edit-undo", "edit-redo"):  # by name: the text is translated
            continue
        menu.addAction(action)
    standard.setParent(menu)
    return menu


def spelling_entries(
    menu: QMenu,
    spelling: SpellingSession,
    text: str,
    position: int,
    replace: Replace,
    on_word_change: Callable[[], None],
) -> bool:
    """The suggestions for the misspelt word of `text` at `position`, Ignore and Add to dictionary, then a
    separator, added to `menu` (a paragraph's field and a table's cell build their menus with them). False,
    and nothing added, when no misspelt word stands there."""
    word = _misspelt_at(spelling, text, position)
    if word is None:
        return False
    start, end, found = word
    suggestions = spelling.suggestions(found)
    for suggestion in suggestions:
        action = menu.addAction(suggestion)
        font = QFont(action.font())
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(lambda _=False, s=suggestion: replace(start, end, s))
    if not suggestions:
        menu.addAction(tr("(no suggestions)")).setEnabled(False)
    menu.addSeparator()
    menu.addAction(
        tr("Ignore '{word}'").format(word=found), lambda: (spelling.ignore(found), on_word_change())
    )
    menu.addAction(
        tr("Add '{word}' to dictionary").format(word=found),
        lambda: (spelling.add(found), on_word_change()),
    )
    menu.addSeparator()
    return True


def _misspelt_at(spelling: SpellingSession, text: str, position: int) -> tuple[int, int, str] | None:
    for start, end, word in spelling.misspelt(text):
        if start <= position <= end:
            return start, end, word
    return None


def _replace_word(field: QTextEdit, start: int, end: int, word: str, seal: Callable[[], None]) -> None:
    seal()
    cursor = field.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(word)
    seal()
