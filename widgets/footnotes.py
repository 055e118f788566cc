"""The footnote pane: each footnote of the draft by its printed number, editable in place.

A model and a view, not a line edit per note: 8,000 notes made 8,000 widgets and took 6.9 s to open. The view
draws the rows it shows; one editor (a `FootnoteField`) stands open on the current row, made when a row becomes
current or a note is asked for by id (`fields[fid]`), so opening costs the notes' count, not their widgets."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.interface import tr
from widgets.fields import OpenerField

Index = QModelIndex | QPersistentModelIndex


class FootnoteField(OpenerField):
    """A footnote's text: one line, no italics, undo through the document. Enter or Esc when the note is
    written is `done`: back to the text it was added to (Ctrl+Alt+F)."""

    done = Signal(QKeyEvent)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = self.font()
        font.setItalic(False)
        self.setFont(font)
        self.setFrame(True)
        self.setPlaceholderText(tr("Text of the footnote"))
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().verticalPolicy())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.done.emit(event)
            if event.isAccepted():
                return
        super().keyPressEvent(event)

    def _fit(self) -> None:  # footnotes take the full width
        self.setMinimumWidth(200)
        self.setMaximumWidth(16777215)


class _Notes(QAbstractTableModel):
    """(number, id, text) rows: the printed number in column 0, the text in column 1."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[int, str, str]] = []
        self.row_of: dict[str, int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        number, _fid, text = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(number) if index.column() == 0 else text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return tr("Footnote {number}").format(number=number)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def replace(self, rows: list[tuple[int, str, str]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.row_of = {fid: i for i, (_n, fid, _t) in enumerate(self.rows)}
        self.endResetModel()

    def set_texts(self, rows: list[tuple[int, str, str]]) -> list[int]:
        """The same notes with new texts; the rows whose text changed."""
        changed = [i for i, (old, new) in enumerate(zip(self.rows, rows, strict=True)) if old[2] != new[2]]
        self.rows = list(rows)
        for i in changed:
            self.dataChanged.emit(self.index(i, 1), self.index(i, 1))
        return changed


class _Editors(QStyledItemDelegate):
    """Makes the one open editor a FootnoteField whose every keystroke goes to the document."""

    def __init__(self, pane: FootnotesPane) -> None:
        super().__init__(pane)
        self.pane = pane

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        number, fid, text = self.pane.model.rows[index.row()]
        field = FootnoteField(parent)
        field.set_text_quietly(text)
        field.setAccessibleName(tr("Footnote {number}").format(number=number))
        field.edited.connect(lambda value, f=fid: self.pane.edited.emit(f, value))
        field.done.connect(self.pane.go_back)
        self.pane.open_field = (fid, field)
        return field

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter and Esc in a note just added reach the field (back to the text), not the view's own
        handling (close the editor, the cursor left on the list)."""
        if (
            self.pane.returns()
            and isinstance(obj, FootnoteField)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            return False
        return super().eventFilter(obj, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, FootnoteField):
            editor.set_text_quietly(self.pane.model.rows[index.row()][2])

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:  # noqa: N802
        pass  # each keystroke already went to the document through `edited`


class _Fields:
    """`fields[fid]`: the editor of that note, opened (and scrolled to) when asked for; `get` gives None for
    an id that is no note."""

    def __init__(self, pane: FootnotesPane) -> None:
        self.pane = pane

    def __getitem__(self, fid: str) -> FootnoteField:
        field = self.get(fid)
        if field is None:
            raise KeyError(fid)
        return field

    def get(self, fid: str) -> FootnoteField | None:
        return self.pane.open_editor(fid)

    def __contains__(self, fid: object) -> bool:
        return fid in self.pane.model.row_of

    def __iter__(self) -> Iterator[str]:
        return iter(self.pane.model.row_of)

    def __len__(self) -> int:
        return len(self.pane.model.rows)


class FootnotesPane(QWidget):
    edited = Signal(str, str)  # footnote id, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(
            tr("No footnotes. Put the cursor in a paragraph and press Ctrl+Alt+F to add one.")
        )
        self.empty.setContentsMargins(8, 6, 8, 6)
        self.empty.setWordWrap(True)
        self.model = _Notes()
        self.view = QTableView()
        self.view.setAccessibleName(tr("Footnotes"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(_Editors(self))
        self.view.setShowGrid(False)
        self.view.setFrameShape(QTableView.Shape.NoFrame)
        self.view.horizontalHeader().hide()
        self.view.verticalHeader().hide()
        # rows of one height, columns of fixed sizes: the view never measures the notes' texts
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, self.fontMetrics().horizontalAdvance("00000") + 12)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _old: self._open(current.row()))
        outer.addWidget(self.empty)
        outer.addWidget(self.view, 1)
        self.fields = _Fields(self)
        self.open_field: tuple[str, FootnoteField] | None = None
        self._open_row: QPersistentModelIndex | None = None
        self._back: QWidget | None = None  # the text a note was just added to, where Enter or Esc returns

    def show_footnotes(self, footnotes: list[tuple[int, str, str]]) -> None:
        """(number, id, text) in printed order; keeps the field being typed in."""
        if [(n, fid) for n, fid, _ in footnotes] == [(n, fid) for n, fid, _ in self.model.rows]:
            self.model.set_texts(footnotes)  # the open editor takes its note's new text (setEditorData)
        else:
            self._close()
            self.model.replace(footnotes)
        self.empty.setVisible(not footnotes)

    def open_editor(self, fid: str) -> FootnoteField | None:
        """The editor of note `fid`, opened on its row (the row made current and scrolled to)."""
        row = self.model.row_of.get(fid)
        if row is None:
            return None
        if self.open_field is None or self.open_field[0] != fid:
            self.view.setCurrentIndex(self.model.index(row, 1))  # opens it (currentRowChanged)
            self._open(row)
        self.view.scrollTo(self.model.index(row, 1))
        return self.open_field[1] if self.open_field and self.open_field[0] == fid else None

    def _open(self, row: int) -> None:
        if row < 0 or row >= len(self.model.rows):
            return
        fid = self.model.rows[row][1]
        if self.open_field is not None and self.open_field[0] == fid:
            return
        self._close()
        index = self.model.index(row, 1)
        self._open_row = QPersistentModelIndex(index)
        self.view.openPersistentEditor(index)

    def _close(self) -> None:
        if self._open_row is not None and self._open_row.isValid():
            self.view.closePersistentEditor(QModelIndex(self._open_row))
        self._open_row, self.open_field = None, None

    def focus_footnote(self, footnote_id: str, back: QWidget | None = None) -> None:
        """The cursor in note `footnote_id`; `back`: the text it was added to, where Enter or Esc returns
        (the cursor stays after the reference), so a keyboard user goes on writing the paragraph."""
        self._back = back
        field = self.open_editor(footnote_id)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def returns(self) -> bool:
        """Whether Enter or Esc in the open note goes back to a text."""
        return self._back is not None and isValid(self._back) and self._back.isVisible()

    def go_back(self, event: QKeyEvent) -> None:
        """Enter or Esc in a note: to the text the note was added to, if any and still shown; else Enter goes
        on as before and Esc to the list."""
        back, self._back = self._back, None
        if back is not None and isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)  # its cursor is still after the reference
            event.accept()
        else:
            event.ignore()
