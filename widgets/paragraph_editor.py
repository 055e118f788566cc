"""The preamble and the operative part as lists of paragraph rows.

A row shows what will print: the derived number or label ("3.", "(a)"), the opener in italics, the text, and
the derived end punctuation. Rows are built from `app.render` blocks (so numbering matches the export) and are
reused by paragraph id when the structure changes, so moving a paragraph does not rebuild the document.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator

from PySide6.QtCore import QMimeData, QPoint, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.cells import cell_of
from app.findings import Finding
from app.interface import tr
from app.messages import localize
from app.model import Part
from app.render import Block, place_names
from widgets.fields import OpenerField, TextField
from widgets.row_box import RowBox
from widgets.units import Units
from widgets.unplaced_box import UnplacedBox

MIME = "application/x-resolute-paragraph"
INDENT_PX = 30

RowKey = tuple[str, bool]  # (paragraph id, is the tail row)
ROW_ROLES = ("preambular", "operative", "subparagraph", "annex_paragraph", "table")  # blocks shown as rows
GREY = QColor("#77767b")
BLUE = QColor("#1a5fb4")


def _number_label(parent: QWidget) -> QLabel:
    """The number column's label: the printed number, or the place named when unnumbered ("Annex I para. 3",
    "Annex II Table 1"), wrapped at its spaces: on one line the narrow column showed its end alone ("I Table 1")."""
    label = QLabel(parent)
    label.setFixedWidth(42)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 4, 0, 0)
    label.setWordWrap(True)
    return label


def _colour(
    widget: QWidget, colour: QColor, role: QPalette.ColorRole = QPalette.ColorRole.WindowText
) -> None:
    palette = widget.palette()
    palette.setColor(role, colour)
    widget.setPalette(palette)


def _bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font


class DragHandle(QLabel):
    """Grab here to drag the paragraph to another place."""

    def __init__(self, row: ParagraphRow) -> None:
        super().__init__("⠿", row)
        self.row = row
        self.setToolTip(tr("Drag to move the paragraph"))
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFixedWidth(14)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        _colour(self, GREY)
        self.setContentsMargins(0, 5, 0, 0)
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or (event.position().toPoint() - self._press).manhattanLength() < 6:
            return
        drag = QDrag(self)
        mime = QMimeData()
        mime.setData(MIME, self.row.paragraph_id.encode())
        drag.setMimeData(mime)
        drag.setPixmap(self.row.grab().scaledToWidth(min(420, self.row.width())))
        self._press = None
        drag.exec(Qt.DropAction.MoveAction)


class ParagraphRow(QFrame):
    """One printed paragraph, subparagraph, or the text after a subparagraph list."""

    edited = Signal(str, str, str)  # paragraph id, field, shown text
    activated = Signal(str)  # paragraph id, when a field gets focus
    opener_focused = Signal(object)  # the row: the list lends it the completer for its part
    fix_requested = Signal(object)  # the Finding whose fix was clicked

    def __init__(self, paragraph_id: str, is_tail: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paragraph_id = paragraph_id
        self.is_tail = is_tail
        # where the paragraph stands, as findings name it ("OP 3 (a)"; a tail's "…, after its subparagraphs"),
        # and the paragraph's own name the row was given
        self.place, self.where = "", ""
        self.block: Block | None = None
        self.completer_part: Part | None = None
        self.setObjectName("paragraphRow")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 3, 8, 3)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        self.handle = DragHandle(self)
        self.label = _number_label(self)
        # a section heading printed before the paragraph (omnibus resolutions): made when first needed, as the
        # fix button is; most rows never have one, and each row's widgets are its memory (bench_row_memory.py)
        self._heading: QLabel | None = None
        self.opener = OpenerField(self)
        self.text = TextField(self)
        self.end = QLabel(self)
        self.end.setFixedWidth(10)
        self.end.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.end.setToolTip(tr("Punctuation added when printed"))
        _colour(self.end, BLUE)
        self.end.setFont(_bold(self.end.font()))
        self.end.setContentsMargins(0, 0, 0, 4)
        self._fix: QToolButton | None = None  # made when a fix is first offered: most rows never need one
        self.fix_finding: Finding | None = None
        self._printed_label: bool | None = None
        # the opener on its own line above the text: distinct, and the text keeps the full width
        grid.addWidget(self.handle, 1, 0, 2, 1)
        grid.addWidget(self.label, 1, 1, 2, 1)
        grid.addWidget(self.opener, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.text, 2, 2)
        grid.addWidget(self.end, 2, 3)
        grid.setColumnStretch(2, 1)
        if is_tail:
            self.opener.hide()
            self.text.setPlaceholderText(tr("Text after the subparagraphs"))
        self.opener.edited.connect(lambda value: self.edited.emit(self.paragraph_id, "opener", value))
        self.text.edited.connect(lambda value: self.edited.emit(self.paragraph_id, self.text_field, value))
        self.opener.focused.connect(self._opener_focused)
        self.text.focused.connect(lambda: self.activated.emit(self.paragraph_id))
        self._active = False

    @property
    def text_field(self) -> str:
        return "tail" if self.is_tail else "text"

    def _opener_focused(self) -> None:
        self.opener_focused.emit(self)
        self.activated.emit(self.paragraph_id)

    def set_block(self, block: Block, where: str) -> None:
        """Number, label, depth and end punctuation from the rendered block."""
        self.block = block
        grid = self.layout()
        grid.setContentsMargins(4 + INDENT_PX * block.level, 3, 8, 3)
        printed = bool(block.label)
        self.label.setText(block.label if printed else where if not self.is_tail else "")
        if printed != self._printed_label:
            self._printed_label = printed
            font = QFont(self.text.font())
            font.setBold(printed)
            if not printed:
                font.setPointSizeF(font.pointSizeF() * 0.85)
            self.label.setFont(font)
            _colour(self.label, QColor("black") if printed else GREY)
        self.end.setText(block.end)
        sub = block.level > 0
        self.opener.setVisible(not self.is_tail and (not sub or bool(block.opener) or self.opener.hasFocus()))
        name = where if not self.is_tail else tr("{place}, after its subparagraphs").format(place=where)
        self.place, self.where = name, where
        self.opener.setAccessibleName(tr("{place}: opener").format(place=name))
        self.text.setAccessibleName(tr("{place}: text").format(place=name))
        self.handle.setAccessibleName(tr("Move {place}").format(place=where))

    @property
    def heading(self) -> QLabel:
        """The section heading over the row's fields, hidden while it has no text."""
        if self._heading is None:
            self._heading = QLabel(self)
            self._heading.setFont(_bold(self._heading.font()))
            self._heading.setWordWrap(True)  # a long section title wraps instead of widening the whole list
            self._heading.setMinimumWidth(1)
            self._heading.hide()
            self.layout().addWidget(self._heading, 0, 2)
        return self._heading

    def set_heading(self, heading: str) -> None:
        if self._heading is None and not heading:
            return
        if heading != self.heading.text():
            self.heading.setText(heading)
            self.heading.setVisible(bool(heading))

    def set_end(self, end: str) -> None:
        self.end.setText(end)

    def set_active(self, active: bool) -> None:
        if active == self._active:
            return
        self._active = active
        palette = self.palette()
        role = QPalette.ColorRole.Window
        palette.setColor(role, QColor("#eef4fc") if active else self.parentWidget().palette().color(role))
        self.setPalette(palette)

    @property
    def fix(self) -> QToolButton:
        """The one-click fix under the text ('✎ Use 'Recalling also'')."""
        if self._fix is None:
            self._fix = QToolButton(self)
            self._fix.setAutoRaise(True)
            _colour(self._fix, BLUE, QPalette.ColorRole.ButtonText)
            self._fix.hide()
            self._fix.clicked.connect(self._fix_clicked)
            self.layout().addWidget(self._fix, 3, 2, Qt.AlignmentFlag.AlignLeft)
        return self._fix

    def _fix_clicked(self) -> None:
        if self.fix_finding is not None:
            self.fix_requested.emit(self.fix_finding)

    def show_fix(self, finding: Finding | None) -> None:
        self.fix_finding = finding
        if finding is None or finding.fix is None:
            if self._fix is not None:
                self._fix.hide()
            return
        label = localize(finding.fix.label)
        self.fix.setText(f"✎ {label}")
        self.fix.setToolTip(localize(finding.message))
        self.fix.setAccessibleName(tr("Fix: {fix}").format(fix=label))
        self.fix.show()


@contextlib.contextmanager
def _layouts_waiting(layouts: list[QLayout]) -> Iterator[None]:
    """Layouts laid out once after the block, not at each widget it adds or shows: showing a widget lays out
    every row of its box again, so rows or fix buttons shown one by one cost the square of their number (5,000
    rows: minutes)."""
    paused = [layout for layout in dict.fromkeys(layouts) if layout is not None and layout.isEnabled()]
    for layout in paused:
        layout.setEnabled(False)
    try:
        yield
    finally:
        for layout in paused:
            layout.setEnabled(True)
            layout.activate()


class ParagraphList(QScrollArea):
    """Both parts of the body, as rows, with an 'add' button under each part."""

    edited = Signal(str, str, str)  # paragraph id, field, shown text
    activated = Signal(str)
    add_requested = Signal(object)  # Part
    indent_requested = Signal(str)
    outdent_requested = Signal(str)
    split_requested = Signal(str)
    fix_requested = Signal(object)  # Finding
    drop_requested = Signal(str, str, bool)  # dragged id, target id, before the target
    pasted_draft = Signal(object)
    paste_refused = Signal(str)
    unreadable_draft = Signal(str)
    erase_requested = Signal(str)  # Backspace in an empty paragraph
    context_requested = Signal(object, object)  # TextField, QPoint (global)
    table_edited = Signal(str, object)  # table paragraph id, its rows of cell texts
    table_change = Signal(str, str, int)  # table paragraph id, "add_row" ..., at (widgets.table_row)
    cells_merge = Signal(str, object)  # table paragraph id, (row, column, rows, columns) (widgets.table_row)
    cell_spelling_wanted = Signal(object, str, int, object)  # menu, cell text, offset, replace (table_row)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body.setObjectName("paragraphBody")
        self.body.setAcceptDrops(True)
        self.body.dragEnterEvent = self._drag_enter  # type: ignore[method-assign]
        self.body.dragMoveEvent = self._drag_enter  # type: ignore[method-assign]
        self.body.dropEvent = self._drop  # type: ignore[method-assign]
        self.setWidget(self.body)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(12, 10, 12, 24)
        self.layout_.setSpacing(1)
        self.boxes: dict[Part, RowBox] = {part: RowBox(self.body) for part in Part}
        self._backlog: deque[tuple[RowKey, Block, str]] = deque()
        self._names: dict[str, str] = {}  # each paragraph's place ("OP 3 (a)"), rows built or not
        self._headings: dict[str, str] = {}  # paragraph id → its section heading, from the rendered blocks
        self._content: Callable[[str, bool], tuple[str, str]] = lambda _pid, _tail: ("", "")
        self.title = QLabel()
        self.title.setObjectName("draftTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setContentsMargins(4, 4, 4, 2)
        self.title.setToolTip(tr("The title: edit it under Document details"))
        self.hint = QLabel(
            tr(
                "Enter: new paragraph  ·  Tab / Shift+Tab: subparagraph level  ·  Alt+Shift+↑/↓: move  ·  "
                "Ctrl+Alt+F: footnote  ·  numbers and end punctuation are added for you"
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(4, 0, 4, 4)
        hint_font = self.hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 0.85)
        self.hint.setFont(hint_font)
        _colour(self.hint, GREY)
        self.organ_line = QLabel()
        self.organ_line.setObjectName("organLine")
        organ_font = self.organ_line.font()
        organ_font.setItalic(True)
        self.organ_line.setFont(organ_font)
        self.organ_line.setContentsMargins(66, 2, 4, 2)
        self.organ_line.setToolTip(tr("The organ line: set by the organ template"))
        self.pre_heading = self._heading(
            tr("Preamble"), tr("Preambular paragraphs: unnumbered, each ends with a comma")
        )
        self.op_heading = self._heading(
            tr("Operative part"),
            tr("Operative paragraphs: numbered, each ends with a semicolon, the last with a full stop"),
        )
        self.add_pre = self._add_button(tr("+ Add preambular paragraph"), Part.PREAMBLE)
        self.add_op = self._add_button(tr("+ Add operative paragraph"), Part.OPERATIVE)
        self.unplaced = UnplacedBox()
        for widget in (
            self.title,
            self.hint,
            self.pre_heading,
            self.organ_line,
            self.boxes[Part.PREAMBLE],
            self.add_pre,
            self.op_heading,
            self.boxes[Part.OPERATIVE],
            self.add_op,
            self.unplaced,  # after the parts and annexes, which go in after `add_op`: where it prints
        ):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        # parts B, C ... and annexes: their own headers and boxes after the operative part
        self.units = Units(
            self.layout_, self.layout_.indexOf(self.pre_heading), self.layout_.indexOf(self.add_op)
        )
        self.rows: dict[RowKey, ParagraphRow] = {}
        self.order: list[RowKey] = []
        self.active_id = ""
        self.completers: dict[Part, QCompleter] = {}
        self.spelling: Callable[[str], list[tuple[int, int, str]]] | None = None
        self._fixes: dict[str, Finding] = {}
        self._zoom = 0
        self._spell_on = False
        self._spell_queue: deque[RowKey] = deque()
        self._highlighted: list[ParagraphRow] = []

    def _heading(self, text: str, tip: str) -> QLabel:
        label = QLabel(text)
        label.setToolTip(tip)
        label.setStyleSheet("font-weight: bold; color: #3d3846; padding: 10px 0 4px 4px;")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        return label

    def _add_button(self, text: str, part: Part) -> QPushButton:
        button = QPushButton(text)
        button.setFlat(True)
        button.setStyleSheet("QPushButton { color: #1a5fb4; text-align: left; padding: 4px 62px; }")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.add_requested.emit(part))
        return button

    def set_completer_words(self, part: Part, words: tuple[str, ...]) -> None:
        completer = QCompleter(self)
        completer.setModel(
            QStringListModel(list(words), completer)
        )  # parented: the completer does not own it
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completers[part] = completer

    # --- building --------------------------------------------------------------------------------------------

    def _make_row(self, key: RowKey, block: Block | None = None) -> ParagraphRow:
        if block is not None and block.role == "table":
            from widgets.table_row import TableRow  # it builds on ParagraphRow, defined here

            row: ParagraphRow = TableRow(key[0])
            row.table_edited.connect(self.table_edited)  # type: ignore[attr-defined]
            row.row_change.connect(self.table_change)  # type: ignore[attr-defined]
            row.cells_merge.connect(self.cells_merge)  # type: ignore[attr-defined]
            row.spelling_wanted.connect(self.cell_spelling_wanted)  # type: ignore[attr-defined]
            row.editor_menu.connect(self.context_requested)  # type: ignore[attr-defined]
        else:
            row = ParagraphRow(key[0], key[1])
        row.edited.connect(self.edited)
        row.activated.connect(self._on_activated)
        row.opener_focused.connect(self._lend_completer)
        pid = key[0]
        row.text.indent.connect(lambda: self.indent_requested.emit(pid))
        row.text.outdent.connect(lambda: self.outdent_requested.emit(pid))
        row.text.split.connect(lambda: self.split_requested.emit(pid))
        row.text.navigate.connect(lambda step, r=row: self.focus_neighbour(r, step))
        row.opener.navigate.connect(lambda step, r=row: self.focus_neighbour(r, step))
        row.text.pasted_draft.connect(self.pasted_draft)
        row.text.paste_refused.connect(self.paste_refused)
        row.text.unreadable_draft.connect(self.unreadable_draft)
        row.text.erase_empty.connect(lambda: self.erase_requested.emit(pid))
        row.fix_requested.connect(self.fix_requested)
        row.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        row.text.customContextMenuRequested.connect(
            lambda pos, r=row: self.context_requested.emit(r.text, r.text.mapToGlobal(pos))
        )
        if self.spelling is not None and self._spell_on:
            row.text.highlighter.spelling = self.spelling
        if self._zoom:
            self._apply_zoom(row)
        return row

    def set_title(self, title: str) -> None:
        self.title.setText(title or tr("Untitled draft"))
        self.title.setEnabled(bool(title))

    def rebuild(
        self,
        blocks: list[Block],
        content: Callable[[str, bool], tuple[str, str]],
        organ_line: str = "",
        names: dict[str, str] | None = None,
        *,
        fresh: bool = False,
    ) -> None:
        """Lay out rows for the rendered blocks; `content(id, is_tail)` gives (opener, shown text).

        `fresh`: another document is shown (opened, rolled over, recovered). Its paragraphs may keep the ids of
        the one before (a rollover copies them, a file opened again has its own), so a row kept by id takes the
        new document's words instead of showing, and then saving, the old ones.

        `names`: `place_names(blocks)`, worked out already. Rows are reused by paragraph id. For a long draft the first screenful is built at once and the rest in
        idle time, in reading order, so a 400-paragraph draft opens without waiting for every row.
        """
        self.organ_line.setText(
            organ_line + ("," if any(b.part is Part.PREAMBLE for b in blocks) else "") if organ_line else ""
        )
        self._show_sections(blocks)
        self._content = content
        if fresh:
            self._refill()
        self._backlog = deque()
        self._headings = _headings(blocks)
        wanted: list[tuple[RowKey, Block]] = [
            ((b.paragraph_id, b.is_tail), b) for b in blocks if b.role in ROW_ROLES
        ]
        if [key for key, _ in wanted] == self.order and all(key in self.rows for key in self.order):
            self._relabel(
                wanted, blocks
            )  # same rows in the same order: only numbers, labels and ends can differ
            return
        keys = {key for key, _ in wanted}
        gone = [k for k in self.rows if k not in keys]
        focus = self.body.focusWidget()
        if focus is not None and any(focus.parentWidget() is self.rows[k] for k in gone):
            self.setFocus()  # not from one doomed row to the next as each is hidden
            focus = None
        for key in gone:
            row = self.rows.pop(key)
            row.hide()
            box = row.parentWidget()
            if box is not None and box.layout() is not None:
                box.layout().removeWidget(row)
            row.deleteLater()
        self.order = [key for key, _ in wanted]
        names = self._names = place_names(blocks) if names is None else names  # a heading names its rows
        placed = [(key, block, names.get(key[0], "")) for key, block in wanted]
        fresh = 0
        self.setUpdatesEnabled(False)
        try:
            boxes = self._all_boxes()
            ready: dict[RowBox, list[ParagraphRow]] = {box: [] for box in boxes}
            for index, (key, block, where) in enumerate(placed):
                if key not in self.rows:
                    fresh += 1
                    if fresh > self.EAGER_ROWS:
                        self._backlog = deque(placed[index:])
                        break
                ready[self._box(block)].append(self._prepare(key, block, where))
            for box, rows in ready.items():
                box.arrange(rows)
        finally:
            self.setUpdatesEnabled(True)
        if self._backlog:
            QTimer.singleShot(0, self, self._build_backlog)
        if focus is not None and focus.isVisible():
            focus.setFocus()
        self._mark_active()

    def _refill(self) -> None:
        """Each existing row's opener and text from the current content (rows gone from the new document are
        dropped by the rebuild; new ones are filled as they are made)."""
        for key, row in self.rows.items():
            opener, text = self._content(*key)
            row.opener.set_text_quietly(opener)
            row.text.set_text_quietly(text)

    EAGER_ROWS = 60  # about two screens: the rest of a long draft is built in idle time
    BACKLOG_CHUNK = 10  # rows per idle slice: small enough not to stall typing
    PAGES_PER_ROW = 32  # a slice builds at least a row for this many pages of its part

    def _show_sections(self, blocks: list[Block]) -> None:
        """The parts' and annexes' headers, and the unplaced text after them, as these blocks print."""
        self.units.update(blocks)
        self.unplaced.show_blocks(blocks)

    def _place(self, key: RowKey, block: Block, where: str) -> ParagraphRow:
        row = self._prepare(key, block, where)
        self._box(block).append(row)
        return row

    def _box(self, block: Block) -> RowBox:
        """Where a block's row goes: part A's preamble or operative box, or a later part's or an annex's."""
        return self.units.box(block) or self.boxes[block.part or Part.OPERATIVE]

    def _prepare(self, key: RowKey, block: Block, where: str) -> ParagraphRow:
        """The row for a block, made if need be, with its number, label, punctuation and fix."""
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = self._make_row(key, block)
            row.hide()  # shown once it is in its place
            opener, text = self._content(*key)
            row.opener.set_text_quietly(opener)
            row.text.set_text_quietly(text)
        row.completer_part = block.part if block.level == 0 and not block.is_tail else None
        row.set_block(block, where)
        row.set_heading("" if key[1] else self._headings.get(key[0], ""))
        row.show_fix(self._fixes.get(key[0]) if not key[1] else None)
        return row

    def _build_backlog(self, count: int | None = None) -> None:
        if not self._backlog:  # a slice asked for before a rebuild that needed none
            return
        if count is None:
            # each slice lays out its box's list of pages once: a slice of at least a 32nd of them lays out at
            # most 32 pages per row built, however long the part grows (20,000 paragraphs: 20 rows a slice)
            pages = self._box(self._backlog[0][1]).layout().count()
            count = max(self.BACKLOG_CHUNK, pages // self.PAGES_PER_ROW)
        chunk = [self._backlog.popleft() for _ in range(min(count, len(self._backlog)))]
        with _layouts_waiting([lay for _, block, _ in chunk for lay in self._box(block).tail_layouts()]):
            for key, block, where in chunk:
                self._place(key, block, where)
        if self._backlog:
            QTimer.singleShot(0, self, self._build_backlog)
        elif self._spell_on:
            self.enable_spelling()

    def finish(self) -> None:
        """Build every row now (tests, find, jumping to a far paragraph), with one layout at the end."""
        while self._backlog:
            self._build_backlog(len(self._backlog))

    def _relabel(self, wanted: list[tuple[RowKey, Block]], blocks: list[Block]) -> None:
        names = self._names = place_names(blocks)
        for key, block in wanted:
            row = self.rows.get(key)
            if row is not None and (row.block != block or row.where != names.get(key[0], "")):
                row.set_block(block, names.get(key[0], ""))
            if row is not None and not key[1]:
                row.set_heading(self._headings.get(key[0], ""))

    def where(self, paragraph_id: str) -> str:
        """Where the paragraph stands, as findings name it; a row idle time has not built yet has its place too
        (the issues list of a long draft named such rows "Header")."""
        row = self.rows.get((paragraph_id, False))
        return row.place if row is not None else self._names.get(paragraph_id, "")

    # --- updates ---------------------------------------------------------------------------------------------

    def set_content(self, paragraph_id: str, field: str, text: str) -> None:
        key = (paragraph_id, field == "tail")
        row = self.rows.get(key)
        if row is None:
            return
        if field == "opener":
            row.opener.set_text_quietly(text)
        else:
            row.text.set_text_quietly(text)

    def set_end(self, paragraph_id: str, end: str) -> None:
        row = self.rows.get((paragraph_id, False))
        if row is not None:
            row.set_end(end)

    def set_fixes(self, fixes: dict[str, Finding]) -> None:
        """The one-click fix offered on each paragraph (e.g. 'Recalling also' for a repeated opener)."""
        changed = set(self._fixes) | set(fixes)
        self._fixes = dict(fixes)
        with _layouts_waiting([lay for box in self._all_boxes() for lay in box.layouts()]):
            for pid in changed:
                self._show_fix(pid)

    def _all_boxes(self) -> list[RowBox]:
        """Every box of rows: part A's preamble and operative, then each later part's and annex's."""
        return [*self.boxes.values(), *(b for s in self.units.sections.values() for b in s.boxes.values())]

    def update_fixes(self, fixes: dict[str, Finding | None]) -> None:
        """The fixes of some paragraphs (None: no fix any more); the others keep theirs."""
        for pid, fix in fixes.items():
            if self._fixes.get(pid) == fix:
                continue
            if fix is None:
                del self._fixes[pid]
            else:
                self._fixes[pid] = fix
            self._show_fix(pid)

    def _show_fix(self, paragraph_id: str) -> None:
        row = self.rows.get((paragraph_id, False))
        if row is not None:
            row.show_fix(self._fixes.get(paragraph_id))

    def rehighlight(self) -> None:
        for row in self.rows.values():
            row.text.highlighter.spelling = self.spelling if self._spell_on else None
            row.text.highlighter.rehighlight()
            row.update()  # a table's grid paints its cells' underlines again

    def disable_spelling(self) -> None:
        self._spell_on = False
        self._spell_queue = deque()

    def enable_spelling(self, chunk: int = 25) -> None:
        """Underline misspellings row by row in idle time, so opening a long draft does not wait for it."""
        if self.spelling is None:
            return
        self._spell_on = True
        self._spell_queue = deque(self.order)
        QTimer.singleShot(0, self, lambda: self._spell_some(chunk))

    def _spell_some(self, chunk: int) -> None:
        done = 0
        while self._spell_queue and done < chunk:
            row = self.rows.get(self._spell_queue.popleft())
            if row is not None and row.text.highlighter.spelling is None:
                row.text.highlighter.spelling = self.spelling
                if row.text.toPlainText():
                    row.text.highlighter.rehighlight()
                row.update()  # a table's grid paints its cells' underlines again
                done += 1
        if self._spell_queue:
            QTimer.singleShot(0, self, lambda: self._spell_some(chunk))

    # --- focus and navigation --------------------------------------------------------------------------------

    def _lend_completer(self, row: ParagraphRow) -> None:
        """A completer serves one field at a time: the opener being edited gets its part's openers."""
        completer = self.completers.get(row.completer_part) if row.completer_part else None
        if row.opener.completer() is completer:
            return
        if completer is not None:
            holder = completer.widget()
            if isinstance(holder, OpenerField) and holder is not row.opener:
                holder.setCompleter(None)
        row.opener.setCompleter(completer)

    def _on_activated(self, paragraph_id: str) -> None:
        self.active_id = paragraph_id
        self._mark_active()
        self.activated.emit(paragraph_id)

    def _mark_active(self) -> None:
        """Tint the rows of the paragraph being edited (its text and, if any, its tail)."""
        for row in self._highlighted:
            if row.paragraph_id != self.active_id and self.rows.get((row.paragraph_id, row.is_tail)) is row:
                row.set_active(False)
        active = (self.rows.get((self.active_id, False)), self.rows.get((self.active_id, True)))
        self._highlighted = [row for row in active if row is not None]
        for row in self._highlighted:
            row.set_active(True)

    def row_for(self, paragraph_id: str, tail: bool = False) -> ParagraphRow | None:
        return self.rows.get((paragraph_id, tail))

    def focus_paragraph(
        self, paragraph_id: str, field: str = "text", span: tuple[int, int] | None = None
    ) -> None:
        row = self.rows.get((paragraph_id, field == "tail"))
        if row is None:
            return
        self.active_id = paragraph_id
        self._mark_active()
        cell = cell_of(field)
        grid = getattr(row, "grid", None)  # a table row (widgets.table_row): the finding's or match's cell
        if cell is not None and grid is not None:
            grid.setFocus(Qt.FocusReason.OtherFocusReason)
            grid.setCurrentCell(*cell)
            self.ensureWidgetVisible(row, 40, self.viewport().height() // 4)
            return
        widget = row.opener if field == "opener" and row.opener.isVisible() else row.text
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if span is not None:
            if widget is row.opener:
                row.opener.setSelection(span[0], span[1] - span[0])
            else:
                row.text.select_span(*span)
        self.ensureWidgetVisible(row, 40, self.viewport().height() // 4)

    def focus_neighbour(self, row: ParagraphRow, step: int) -> None:
        key = (row.paragraph_id, row.is_tail)
        if key not in self.order:
            return
        at = self.order.index(key) + step
        if 0 <= at < len(self.order):
            if self.order[at] not in self.rows:
                self.finish()
            target = self.rows[self.order[at]]
            field = target.text if step < 0 or target.opener.isHidden() else target.opener
            field.setFocus(Qt.FocusReason.TabFocusReason)
            self.ensureWidgetVisible(target, 40, 60)

    # --- zoom ------------------------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self._zoom = steps
        for row in self.rows.values():
            self._apply_zoom(row)

    def _apply_zoom(self, row: ParagraphRow) -> None:
        base = QFont(self.font())
        size = max(6.0, base.pointSizeF() * (1.1**self._zoom))
        for widget in (row.text, row.opener, row.label):
            font = QFont(widget.font())
            font.setPointSizeF(size)
            widget.setFont(font)
        row.opener._fit()

    # --- drag and drop ---------------------------------------------------------------------------------------

    def _drag_enter(self, event) -> None:  # noqa: ANN001
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def _drop(self, event) -> None:  # noqa: ANN001
        if not event.mimeData().hasFormat(MIME):
            return
        dragged = bytes(event.mimeData().data(MIME)).decode("utf-8", "replace")  # from any app: may be junk
        y = event.position().toPoint().y()
        target = self.row_at(y)
        if target is None:
            return
        before = y < target.mapTo(self.body, QPoint(0, 0)).y() + target.height() / 2
        event.acceptProposedAction()
        if target.paragraph_id != dragged:
            self.drop_requested.emit(dragged, target.paragraph_id, before)

    def row_at(self, y: int) -> ParagraphRow | None:
        best = None
        for key in self.order:
            row = self.rows.get(key)
            if row is not None and row.mapTo(self.body, QPoint(0, 0)).y() <= y:
                best = row
        return best


def _headings(blocks: list[Block]) -> dict[str, str]:
    """Each paragraph's section heading lines ("I" over its title), as printed before it."""
    headings: dict[str, str] = {}
    for b in blocks:
        if b.role == "heading":
            line = "".join(s.text for s in b.spans)
            headings[b.paragraph_id] = "\n".join(filter(None, [headings.get(b.paragraph_id), line]))
    return headings
