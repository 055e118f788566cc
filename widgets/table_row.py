"""A table paragraph as a row of the paragraph list: its cells in a grid, edited in place.

The row is a `ParagraphRow` (drag handle, place label, section heading, active tint) whose opener, text and end
are hidden; a `QTableWidget` shows the cells, header rows in bold, and buttons add or remove a row or a column
at the current cell. Merged cells span the grid as they print (`setSpan`); the grid's menu merges the cells
selected and splits a merged cell. A right-click on a misspelt word of a cell offers the paragraphs' spelling entries
(suggestions, Ignore, Add to dictionary), above the row and column entries; in a cell being edited, the
paragraphs' own text menu. Every change is sent as the whole table (`table_edited`) and made by one undoable command
(app.table_edits); the grid follows the model on undo and redo through `set_block`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QActionGroup, QContextMenuEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from app import inline, table_edits
from app.interface import tr
from app.io.docx_tables import ColumnNeeds, column_needs, column_widths
from app.model import Part
from app.render import Block
from widgets.cell_editor import SpellingDelegate
from widgets.flow import FlowLayout
from widgets.paragraph_editor import ParagraphRow
from widgets.spelling_menu import spelling_entries
from widgets.table_fit import Cell, fit_rows

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

ROW_PX = 24  # a grid row's height: the grid shows every row, the list scrolls
MAX_HEADER_CHOICES = 9  # the header-row menu offers 0 to this many (or all the rows of a smaller table)


class TableRow(ParagraphRow):
    """One table: cells as a grid, with row and column buttons."""

    table_edited = Signal(str, object)  # paragraph id, rows of cell texts
    row_change = Signal(
        str, str, int
    )  # paragraph id, "add_row" / "remove_row" / "add_column" / "remove_column" / "header_rows", at (count)

    # a cell's menu asks for the spelling entries of the word under the mouse (widgets.spelling_menu): the
    # menu, the cell's text, the offset of the word, and how to replace text[start:end] by a suggestion
    spelling_wanted = Signal(object, str, int, object)
    # paragraph id, (row, column, rows, columns): merge those cells; one cell (rows and columns 1): split the
    # merged cell over it
    cells_merge = Signal(str, object)
    editor_menu = Signal(object, object)  # the cell's editor, QPoint (global): the paragraphs' text menu

    def __init__(self, paragraph_id: str, parent: QWidget | None = None) -> None:
        super().__init__(paragraph_id, False, parent)
        for widget in (self.opener, self.text, self.end):
            widget.hide()
        self.grid = QTableWidget(self)
        for field in (self.opener, self.text):  # going to the row (arrows, find, a finding) goes to the grid
            field.setFocusProxy(self.grid)
        self.grid.setObjectName("tableGrid")
        self.grid.horizontalHeader().hide()
        self.grid.verticalHeader().setDefaultSectionSize(ROW_PX)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.setWordWrap(True)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid.setAccessibleName(tr("Table"))
        self.grid.setAccessibleDescription(
            tr(
                "Shift+F10 or the menu key: the cell's menu (merge the cells selected, split, rows and columns)"
            )
        )
        self.grid.installEventFilter(self)  # the cell's menu from the keyboard, at the current cell
        # cells underline misspelt words with the paragraphs' highlighter, while the list's spelling is on
        self.delegate = SpellingDelegate(lambda: self.text.highlighter.spelling, self.grid)
        self.delegate.editor_menu.connect(self.editor_menu)
        self.grid.setItemDelegate(self.delegate)
        self.grid.itemChanged.connect(self._changed)
        self.grid.currentCellChanged.connect(lambda *_: self.activated.emit(self.paragraph_id))
        self.grid.cellClicked.connect(lambda *_: self.activated.emit(self.paragraph_id))
        self.buttons = QWidget(self)
        # the buttons wrap onto a second line rather than widen the row: in French or Spanish, beside a dock at
        # 1024 px, one line of them made the whole paragraph list scroll sideways, every end punctuation hidden
        bar = FlowLayout(self.buttons)
        bar.setContentsMargins(0, 2, 0, 0)
        self.add_row = self._button(tr("+ Row"), tr("Add a row under the current one"), "add_row")
        self.remove_row = self._button(tr("− Row"), tr("Remove the current row"), "remove_row")
        self.add_column = self._button(tr("+ Column"), tr("Add a column after the current one"), "add_column")
        self.remove_column = self._button(tr("− Column"), tr("Remove the current column"), "remove_column")
        self.header_button, self.header_menu = self._header_rows_button()
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        for button in (
            self.add_row,
            self.remove_row,
            self.add_column,
            self.remove_column,
            self.header_button,
        ):
            bar.addWidget(button)
        grid = self.layout()
        grid.addWidget(self.grid, 1, 2, 2, 2)
        grid.addWidget(self.buttons, 3, 2, 1, 2)
        self._shown: tuple[tuple[str, ...], ...] = ()
        self._heads = -1
        self._merges: tuple[tuple[int, int, int, int], ...] = ()
        self._version = 0  # counts the cells shown and typed: a fit is redone when they or the room change
        self._fitted: tuple[int, str, int] | None = None  # (room, font, version) of the last fit
        self._needs: tuple[int, ColumnNeeds] | None = None  # the columns' needs of the cells of that version
        self._measured: tuple[int, list[tuple[Cell, ...]]] | None = (
            None  # and their widths (widgets.table_fit)
        )

    def _header_rows_button(self) -> tuple[QToolButton, QMenu]:
        """The Header rows button and its menu of counts."""
        button = QToolButton(self.buttons)
        button.setText(tr("Header rows"))
        button.setToolTip(
            tr("How many rows head the table: bold, repeated on each page, above the thick rule")
        )
        button.setAutoRaise(True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self._fill_header_menu(menu))
        button.setMenu(menu)
        return button, menu

    def _button(self, text: str, tip: str, what: str) -> QToolButton:
        button = QToolButton(self.buttons)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.row_change.emit(self.paragraph_id, what, self._at(what)))
        return button

    def _fill_header_menu(self, menu: QMenu) -> None:
        """0 to all of the rows, the current count checked."""
        menu.clear()
        group = QActionGroup(menu)
        for count in range(min(self.grid.rowCount(), MAX_HEADER_CHOICES) + 1):
            action = menu.addAction(tr("None") if count == 0 else str(count))
            action.setCheckable(True)
            action.setChecked(count == self._heads)
            group.addAction(action)
            action.triggered.connect(lambda _=False, n=count: self.set_header_rows(n))

    def set_header_rows(self, count: int) -> None:
        if count != self._heads:
            self.row_change.emit(self.paragraph_id, "header_rows", count)

    def context_menu(self, row: int, column: int = -1, position: int = -1) -> QMenu:
        """The grid's menu at a cell: the spelling entries of the word at `position` in its text (when that
        word is misspelt), rows and columns, and the header down to that row or none."""
        menu = QMenu(self.grid)
        item = self.grid.item(row, column) if row >= 0 and column >= 0 else None
        if item is not None and position >= 0:
            self.spelling_wanted.emit(
                menu,
                item.text(),
                position,
                lambda a, b, s, r=row, c=column: self.replace_in_cell(r, c, a, b, s),
            )
        for button in (self.add_row, self.remove_row, self.add_column, self.remove_column):
            action = menu.addAction(button.text())
            action.setToolTip(button.toolTip())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        self._merge_entries(menu, row, column)
        menu.addSeparator()
        if row >= 0:
            down = menu.addAction(tr("Repeat as header row") if row == 0 else tr("Header down to this row"))
            down.setCheckable(True)
            down.setChecked(row < self._heads)
            # checked: the header ends above this row; unchecked: it reaches down to it
            down.triggered.connect(lambda checked, r=row: self.set_header_rows(r + 1 if checked else r))
        self._fill_header_menu(menu.addMenu(tr("Header rows")))
        return menu

    def _merge_entries(self, menu: QMenu, row: int, column: int) -> None:
        """Merge Cells over the one rectangle selected (two cells or more), Split Cell on a merged cell."""
        menu.addSeparator()
        ranges = self.grid.selectedRanges()
        area = None
        if len(ranges) == 1 and ranges[0].rowCount() * ranges[0].columnCount() > 1:
            one = ranges[0]
            area = (one.topRow(), one.leftColumn(), one.rowCount(), one.columnCount())
        join = menu.addAction(tr("Merge Cells"))
        join.setToolTip(tr("One cell over the cells selected, their words in it"))
        join.setEnabled(area is not None and area not in self._merges)
        join.triggered.connect(lambda: self.cells_merge.emit(self.paragraph_id, area))
        spanned = any(r <= row < r + h and c <= column < c + w for r, c, h, w in self._merges)
        split = menu.addAction(tr("Split Cell"))
        split.setToolTip(tr("The merged cell back to its cells, its words in the first"))
        split.setEnabled(spanned)
        split.triggered.connect(lambda: self.cells_merge.emit(self.paragraph_id, (row, column, 1, 1)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shift+F10, and the menu key's context menu (sent to the grid, not to its cells' viewport), open the
        cell's menu at the current cell: the keyboard's way to merge the cells selected with Shift+arrows."""
        if watched is self.grid:
            keyboard = event.type() == QEvent.Type.ContextMenu and (
                isinstance(event, QContextMenuEvent) and event.reason() != QContextMenuEvent.Reason.Mouse
            )
            shift_f10 = (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_F10
                and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
            )
            if keyboard or shift_f10:
                self._menu_at_current()
                return True
        return super().eventFilter(watched, event)

    def _menu_at_current(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid() and self.grid.rowCount():
            self.grid.setCurrentCell(0, 0)
            index = self.grid.currentIndex()
        self._context_menu(self.grid.visualRect(index).center() if index.isValid() else QPoint(4, 4))

    def _context_menu(self, pos: QPoint) -> None:
        """The menu at `pos` (the viewport's): the cell there becomes the current one; a selection holding it is
        kept, so Merge Cells works on the cells selected (setting the current cell would select it alone)."""
        row, column = self.grid.rowAt(pos.y()), self.grid.columnAt(pos.x())
        position = -1
        if row >= 0:
            index = self.grid.model().index(row, max(column, 0))
            selection = self.grid.selectionModel()
            keep = selection.isSelected(index)
            flag = QItemSelectionModel.SelectionFlag
            selection.setCurrentIndex(index, flag.NoUpdate if keep else flag.ClearAndSelect)
        if row >= 0 and column >= 0:
            option = QStyleOptionViewItem()
            option.font = self.grid.font()
            option.rect = self.grid.visualRect(self.grid.model().index(row, column))
            position = self.delegate.position_at(option, self.grid.model().index(row, column), QPointF(pos))
        self.context_menu(row, column, position).exec(self.grid.viewport().mapToGlobal(pos))

    def replace_in_cell(self, row: int, column: int, start: int, end: int, word: str) -> None:
        """Replace the cell's shown text[start:end] by `word` in its markup, so its italics and footnote
        references stay; sent as the whole table, one undoable edit."""
        item = self.grid.item(row, column)
        if item is None:
            return
        markup = item.data(Qt.ItemDataRole.UserRole) or ""
        shown = inline.plain_text(markup)
        if shown.text != item.text():  # the words were typed over: the grid's text is the cell's
            markup, shown = inline.escape(item.text()), inline.plain_text(inline.escape(item.text()))
        a, b = shown.span(start, end)
        new = markup[:a] + inline.escape(word) + markup[b:]
        self.grid.blockSignals(True)
        try:
            item.setData(Qt.ItemDataRole.UserRole, new)
            item.setText(inline.plain(new))
        finally:
            self.grid.blockSignals(False)
        self._changed(item)

    def _at(self, what: str) -> int:
        """Where the change goes: under the current row, after the current column (the end without one)."""
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        if what == "add_row":
            return row + 1 if row >= 0 else self.grid.rowCount()
        if what == "add_column":
            return column + 1 if column >= 0 else self.grid.columnCount()
        return max(row, 0) if what == "remove_row" else max(column, 0)

    def set_block(self, block: Block, where: str) -> None:
        super().set_block(block, where)
        for widget in (self.opener, self.text, self.end):
            widget.hide()
        self.label.setText(where or tr("Table"))
        if (block.cells, block.header_rows, block.merges) != (self._shown, self._heads, self._merges):
            self.show_cells(block.cells, block.header_rows, block.merges)

    def show_cells(
        self,
        cells: tuple[tuple[str, ...], ...],
        header_rows: int,
        merges: tuple[tuple[int, int, int, int], ...] = (),
    ) -> None:
        """Fill the grid from the model, quietly (no edit is sent back). A cell shows its plain words, in
        italics when all of it is; its markup (italics, footnote references) is kept unless its words change.
        A merged cell spans the cells it covers."""
        self._shown, self._heads, self._merges = cells, header_rows, merges
        self._version += 1
        self.grid.blockSignals(True)
        try:
            self.grid.clearSpans()
            self.grid.setRowCount(len(cells))
            self.grid.setColumnCount(max((len(r) for r in cells), default=0))
            for r, row in enumerate(cells):
                for c, markup in enumerate(row):
                    self.grid.setItem(r, c, _item(markup, r < header_rows))
            for r, c, h, w in merges:
                self.grid.setSpan(r, c, h, w)
        finally:
            self.grid.blockSignals(False)
        if self.isVisible():  # else when it is shown, at its width (a hidden row's room is a guess)
            self._fit()
        self.remove_row.setEnabled(len(cells) > 1)
        self.remove_column.setEnabled(self.grid.columnCount() > 1)

    def _fit(self) -> None:
        """Columns as wide as their words need (the export's proportions), rows as tall as their wrapped
        text; the grid as tall as its rows: the list scrolls, not the table. Done again only when the room,
        the font or the cells changed: the grid's own new height resizes the row, and a table at the bound
        (20,000 cells) was measured 22 times while a draft opened (35 s on a loaded machine)."""
        room = max(self.grid.viewport().width(), 200)
        key = (room, self.grid.font().key(), self._version)
        if key == self._fitted:
            return
        self._fitted = key
        if self._shown:
            block = Block(
                "table",
                "",
                None,
                0,
                "",
                "",
                (),
                "",
                cells=self._shown,
                header_rows=self._heads,
                merges=self._merges,
            )
            if self._needs is None or self._needs[0] != self._version:
                self._needs = (self._version, column_needs(block))
            for k, width in enumerate(column_widths(block, room, self._needs[1])):
                self.grid.setColumnWidth(k, width)
        measured = self._measured[1] if self._measured and self._measured[0] == self._version else None
        self._measured = (self._version, fit_rows(self.grid, self._merges, measured))
        rows = sum(self.grid.rowHeight(r) for r in range(self.grid.rowCount()))
        self.grid.setFixedHeight(rows + 2 * self.grid.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():  # a row being placed is resized before it is shown, at a width it will not keep
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def cells(self) -> list[list[str]]:
        """The grid's cells as markup: a cell whose words did not change keeps its markup."""
        grid = self.grid
        return [[_markup(grid.item(r, c)) for c in range(grid.columnCount())] for r in range(grid.rowCount())]

    def _changed(self, _item: QTableWidgetItem) -> None:
        rows = self.cells()
        self._shown = tuple(tuple(row) for row in rows)
        self._version += 1
        self.table_edited.emit(self.paragraph_id, rows)


def connect(win: MainWindow) -> None:
    """The paragraph list's table edits, as undoable commands of the window's document."""
    win.paragraphs.table_edited.connect(
        lambda pid, rows: win.apply_structure(table_edits.set_table, paragraph_id=pid, rows=rows)
    )
    win.paragraphs.table_change.connect(lambda pid, what, at: _change(win, pid, what, at))
    win.paragraphs.cells_merge.connect(lambda pid, area: _merge(win, pid, area))
    win.paragraphs.cell_spelling_wanted.connect(
        lambda menu, text, position, replace: spelling_entries(
            menu,
            win.spelling,
            text,
            position,
            lambda a, b, s: (win.doc.history.seal(), replace(a, b, s)),
            win.paragraphs.rehighlight,
        )
    )


_CHANGES = {
    "add_row": table_edits.add_row,
    "remove_row": table_edits.remove_row,
    "add_column": table_edits.add_column,
    "remove_column": table_edits.remove_column,
}


def _change(win: MainWindow, paragraph_id: str, what: str, at: int) -> None:
    if what == "header_rows":
        win.apply_structure(table_edits.set_header_rows, paragraph_id=paragraph_id, count=at)
        return
    win.apply_structure(_CHANGES[what], paragraph_id=paragraph_id, at=at)


def _merge(win: MainWindow, paragraph_id: str, area: tuple[int, int, int, int]) -> None:
    row, column, rows, columns = area
    if rows * columns == 1:
        win.apply_structure(table_edits.split_cell, paragraph_id=paragraph_id, row=row, column=column)
    else:
        win.apply_structure(
            table_edits.merge_cells,
            paragraph_id=paragraph_id,
            row=row,
            column=column,
            rows=rows,
            columns=columns,
        )


def insert_table(win: MainWindow) -> None:
    """Insert > Table: a new table after the paragraph being edited (at the end of the operative part when
    none is)."""
    pid = win._active()
    change = win.apply_structure(table_edits.insert_table, after_id=pid, part=Part.OPERATIVE)
    row = win.paragraphs.row_for(change.focus) if change is not None else None
    if isinstance(row, TableRow):
        row.grid.setFocus()
        row.grid.setCurrentCell(0, 0)


def _item(markup: str, header: bool) -> QTableWidgetItem:
    spans = inline.parse(markup)  # once: a table at the bound has 20,000 cells
    words = [s for s in spans if not s.footnote and s.text.strip()]
    text = "".join(s.text for s in spans)  # inline.plain(markup)
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, markup)
    item.setToolTip(text)
    font = item.font()
    font.setBold(header)
    font.setItalic(bool(words) and all(s.italic for s in words))
    item.setFont(font)
    return item


def _markup(item: QTableWidgetItem | None) -> str:
    """A cell's markup: as it was while its words stay the same, else the words typed (in italics when the
    cell was all italic)."""
    if item is None:
        return ""
    old = item.data(Qt.ItemDataRole.UserRole) or ""
    text = item.text()
    if text == inline.plain(old):
        return old
    italic = item.font().italic() and text.strip()
    return f"*{inline.escape(text)}*" if italic else inline.escape(text)
