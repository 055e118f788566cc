"""A right-click on a misspelt word in a table's cell offers what a paragraph's text offers: the speller's
suggestions, Ignore and Add to dictionary (the same entries, `widgets.spelling_menu`), above the row and column
entries; in a cell being edited, the paragraphs' own text menu. A suggestion replaces the word in the cell's
markup (its italics stay) as one undoable edit. The table is A/RES/79/250's (tests/fixtures/akn); the
suggestions are asked of the window's own speller, not typed here."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QStyleOptionViewItem

from app import inline, storage
from app.io.reading import read_document
from widgets.actions import ActionId
from widgets.cell_editor import CellEditor
from widgets.main_window import MainWindow
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
MISSPELT = "assesment"
CELL = f"*Scale of {MISSPELT} for Member States*"  # all italic, as a header cell may be


@pytest.fixture
def shown() -> list[QMenu]:
    """The menus right-clicks showed, closed as soon as they were up (`_right_click` records them)."""
    return []


def _open(qtbot, window: MainWindow, tmp_path: Path) -> tuple[TableRow, int, int]:  # noqa: ANN001
    """The draft opened with a misspelt word in a body cell of its table; the row and the cell's place."""
    res = read_document(FIXTURE).resolution
    para = next(p for p in res.operative if p.is_table)
    row, column = para.header_rows + 1, 1
    para.table[row][column] = CELL
    storage.save_project(res, tmp_path / "draft.json")
    assert window.files.open_path(tmp_path / "draft.json")
    window.paragraphs.finish()
    table = _table_row(window)
    qtbot.waitUntil(lambda: table.text.highlighter.spelling is not None, timeout=20000)  # spelling warmed up
    return table, row, column


def _table_row(window: MainWindow) -> TableRow:
    return next(r for r in window.paragraphs.rows.values() if isinstance(r, TableRow))


def _point_on(table: TableRow, row: int, column: int, offset: int) -> QPoint:
    """Where the character at `offset` of the cell is drawn in the grid's viewport (the painted layout)."""
    index = table.grid.model().index(row, column)
    option = QStyleOptionViewItem()
    option.font = table.grid.font()
    option.rect = table.grid.visualRect(index)
    document, _highlighter, origin = table.delegate._laid_out(option, index)
    line = document.firstBlock().layout().lineForTextPosition(offset)
    x = line.cursorToX(offset)
    x = x[0] if isinstance(x, tuple) else x  # PySide6 gives (x, position)
    return (origin + QPointF(x + 2, line.y() + line.height() / 2)).toPoint()


def _right_click(widget, pos: QPoint, shown: list[QMenu], choose: str = "") -> None:  # noqa: ANN001
    """A right-click at `pos`: the menu it opens is recorded in `shown`, its entry `choose` (if any) taken
    while it is up, and closed."""

    def grab() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append(menu)
            if choose:
                next(a for a in menu.actions() if a.text() == choose).trigger()
            menu.close()

    count = len(shown)
    QTimer.singleShot(0, grab)
    QApplication.sendEvent(
        widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    )
    assert len(shown) == count + 1  # one menu opened


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_a_misspelt_word_in_a_cell_offers_the_paragraphs_suggestions_and_a_choice_replaces_it(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    tmp_path: Path,
    shown: list[QMenu],
) -> None:
    table, row, column = _open(qtbot, window, tmp_path)
    suggestions = window.spelling.suggestions(MISSPELT)
    assert suggestions and window.spelling.misspelt(MISSPELT)
    text = table.grid.item(row, column).text()
    _right_click(table.grid.viewport(), _point_on(table, row, column, text.index(MISSPELT) + 2), shown)
    (menu,) = shown
    texts = _texts(menu)
    expected = [*suggestions, f"Ignore '{MISSPELT}'", f"Add '{MISSPELT}' to dictionary"]
    assert texts[: len(expected)] == expected
    assert table.add_row.text() in texts[len(expected) :]  # the row and column entries follow
    assert (table.grid.currentRow(), table.grid.currentColumn()) == (row, column)
    # the first suggestion replaces the word in the cell's markup: still all italic
    next(a for a in menu.actions() if a.text() == suggestions[0]).trigger()
    para = window.res.find(table.paragraph_id)
    assert para.table[row][column] == CELL.replace(MISSPELT, inline.escape(suggestions[0]))
    window.action(ActionId.UNDO).trigger()  # Edit > Undo
    assert para.table[row][column] == CELL  # one undoable edit

    # a right-click on a known word of the same cell: no spelling entries, the row's menu only
    table = _table_row(window)
    _right_click(table.grid.viewport(), _point_on(table, row, column, text.index("Member") + 2), shown)
    assert _texts(shown[-1])[0] == table.add_row.text()


def test_add_to_dictionary_from_a_cell_is_kept_and_the_word_no_longer_misspelt(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    tmp_path: Path,
    shown: list[QMenu],
) -> None:
    table, row, column = _open(qtbot, window, tmp_path)
    text = table.grid.item(row, column).text()
    _right_click(table.grid.viewport(), _point_on(table, row, column, text.index(MISSPELT)), shown)
    add = next(a for a in shown[-1].actions() if a.text() == f"Add '{MISSPELT}' to dictionary")
    add.trigger()
    assert not window.spelling.misspelt(MISSPELT)
    assert MISSPELT in (tmp_path / "personal.txt").read_text(encoding="utf-8")
    assert window.res.find(table.paragraph_id).table[row][column] == CELL  # the cell itself untouched


def test_a_cell_being_edited_has_the_paragraphs_text_menu(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    tmp_path: Path,
    shown: list[QMenu],
) -> None:
    table, row, column = _open(qtbot, window, tmp_path)
    table.grid.setFocus()
    table.grid.setCurrentCell(row, column)
    qtbot.keyClick(table.grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, CellEditor)
    at = editor.toPlainText().index(MISSPELT) + 2
    cursor = editor.textCursor()
    cursor.setPosition(at)
    suggestions = window.spelling.suggestions(MISSPELT)
    seen: list[str] = []
    editor.textChanged.connect(lambda: seen.append(editor.toPlainText()))
    # the first suggestion taken while the menu is up: the word replaced in the editor
    _right_click(editor.viewport(), editor.cursorRect(cursor).center(), shown, choose=suggestions[0])
    assert _texts(shown[-1])[: len(suggestions) + 2] == [
        *suggestions,
        f"Ignore '{MISSPELT}'",
        f"Add '{MISSPELT}' to dictionary",
    ]
    typed = inline.plain(CELL).replace(MISSPELT, suggestions[0])
    assert seen[-1] == typed
    if table.grid.state() == table.grid.State.EditingState:  # still editing (a platform whose menus take no
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # focus from the window): Enter commits it
    qtbot.waitUntil(lambda: _table_row(window).grid.state() != table.grid.State.EditingState)
    assert inline.plain(window.res.find(table.paragraph_id).table[row][column]) == typed
