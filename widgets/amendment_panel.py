"""The instructions of an amendment, listed in their set wording and edited one at a time.

The panel edits a copy of `Resolution.instructions` and hands the whole new list to the window, which records
it as one undoable command (`app.edits.set_instructions`); typing in a field merges into one undo step.
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import inline
from app.amendments import items, quoted_paragraphs
from app.interface import marked, tr
from app.model import TITLE_UNIT, Action, Instruction, Paragraph, Part
from app.render import join_opener
from app.wording.units import is_annex_unit, is_title, titled, unit_title
from widgets.fields import show_number

_ACTIONS = [
    (Action.DELETE, marked("Delete")),
    (Action.INSERT, marked("Insert")),
    (Action.REPLACE, marked("Replace")),
]
_PARTS = [(Part.PREAMBLE, marked("Preambular paragraph")), (Part.OPERATIVE, marked("Operative paragraph"))]
# in an annex the two kinds are its unnumbered paragraphs (counted among themselves) and its numbered ones
_ANNEX_PARTS = [marked("Unnumbered paragraph"), marked("Numbered paragraph")]
_SCOPES = [marked("The whole paragraph"), marked("Words in the paragraph")]
# where the paragraph stands (`Instruction.unit`): the draft or its part A, the title, a later part, an annex
_ROMANS = ("I", "II", "III", "IV", "V", "VI")
_UNITS = [("", marked("The draft (its part A)")), (TITLE_UNIT, marked("The title"))]


def _unit_label(unit: str) -> str:
    for value, label in _UNITS:
        if value == unit:
            return tr(label)
    owner = titled(unit)
    if owner == "Annex":
        return tr("The title of the annex")
    if owner is not None and is_annex_unit(owner):
        return tr("The title of annex {number}").format(number=owner.removeprefix("Annex "))
    if owner is not None:
        return tr("The title of part {letter}").format(letter=owner)
    if unit == "Annex":
        return tr("The annex")
    if unit.startswith("Annex "):
        return tr("Annex {number}").format(number=unit.removeprefix("Annex "))
    return tr("Part {letter}").format(letter=unit)


def _unit_choices() -> list[str]:
    units = ["B", "C", "D", "Annex", *[f"Annex {r}" for r in _ROMANS]]
    # each part's and annex's title after the paragraphs ("title A": part A's own)
    return ["", TITLE_UNIT, *units, *[unit_title(u) for u in ["A", *units]]]


def describe(ins: Instruction, language: str = "") -> str:
    """One instruction as it reads in the draft's language, with the start of the paragraph it quotes."""
    (item,) = items([ins], language)
    text = inline.plain(item.sentence)
    if item.body is not None:  # a part or an annex added: its title, or its first paragraph
        first = next(iter(quoted_paragraphs(ins)), Paragraph())
        quoted = inline.plain(item.body.title or join_opener(first.opener, first.text))
        text += f": {quoted[:90]}{'…' if len(quoted) > 90 else ''}"
    elif item.quoted is not None:
        quoted = inline.plain(join_opener(item.quoted.opener, item.quoted.text))
        text += f": {quoted[:90]}{'…' if len(quoted) > 90 else ''}"
    return text


class AmendmentPanel(QWidget):
    edited = Signal(object, bool)  # the new list of instructions, and whether it was typing
    amended_requested = Signal()  # show the draft amended

    def __init__(self) -> None:
        super().__init__()
        self.instructions: list[Instruction] = []
        self.language = ""  # the draft's: the wording the list shows
        self._showing = False
        self._words: dict[str, bool] = {}  # the scope chosen where the fields do not say it yet
        # the content scrolls rather than hold the window wider or taller than a small screen allows
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        lay = QVBoxLayout(content)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.heading)
        lay.addWidget(self._instruction_list(), 2)
        lay.addLayout(self._list_buttons())
        more = QHBoxLayout()  # on a row of its own, so that the panel stays narrow on a small screen
        more.addStretch(1)
        more.addWidget(self.amended_button)
        lay.addLayout(more)
        lay.addWidget(self._instruction_form(), 3)

    def _instruction_list(self) -> QListWidget:
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(tr("Instructions"))
        self.list.currentRowChanged.connect(self._select)
        # on a small screen the list keeps five lines and the instruction's fields stay in view; a taller
        # panel gives it more (its preferred height would push the fields below the fold at 1024x640)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 5 + 8)
        return self.list

    def _list_buttons(self) -> QHBoxLayout:
        """Add, remove and move instructions; the amended draft's button goes on a row of its own."""
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("+ Instruction"))
        self.remove_button = QPushButton(tr("Remove"))
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        self.amended_button = QPushButton(tr("Amended draft"))
        self.amended_button.setToolTip(tr("The draft amended, with this amendment applied"))
        for button in (self.up_button, self.down_button):
            button.setMaximumWidth(36)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_button.clicked.connect(self.add_instruction)
        self.remove_button.clicked.connect(self.remove_instruction)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.amended_button.clicked.connect(self.amended_requested)
        return buttons

    def _choices(self) -> None:
        """The instruction's action, scope, place (the draft, its title, a later part, an annex) and part."""
        self.action = QComboBox()
        for _, label in _ACTIONS:
            self.action.addItem(tr(label))
        self.scope = QComboBox()
        self.scope.addItems([tr(s) for s in _SCOPES])
        self.unit = QComboBox()
        self.unit.setToolTip(tr("Where the paragraph stands: the draft, its title, a later part or an annex"))
        for unit in _unit_choices():
            self.unit.addItem(_unit_label(unit), unit)
        self.part = QComboBox()
        for _, label in _PARTS:
            self.part.addItem(tr(label))

    def _instruction_form(self) -> QGroupBox:
        """The fields of the instruction selected."""
        self.form_box = QGroupBox(tr("Instruction"))
        form = QFormLayout(self.form_box)
        self._choices()
        self.number = QSpinBox()
        self.number.setRange(0, 999)
        self.number.setToolTip(
            tr(
                "The paragraph's number in the draft as issued (0: before the first; to delete a part or an annex whole)"
            )
        )
        self.sub = QLineEdit()
        self.sub.setPlaceholderText(tr("(b) or (b) (ii): a subparagraph"))
        self.after = QLineEdit()
        self.after.setPlaceholderText(tr("the words the change follows"))
        self.old = QLineEdit()
        self.old.setPlaceholderText(
            tr("the words deleted or replaced (an insertion: the words it goes before)")
        )
        self.new = QLineEdit()
        self.new.setPlaceholderText(tr("the words inserted or put in their place"))
        self.opener = QLineEdit()
        self.opener.setPlaceholderText(tr("Recalling"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(tr("the paragraph quoted: deleted, inserted or replacing"))
        self.text.setTabChangesFocus(True)
        form.addRow(tr("Action:"), self.action)
        form.addRow(tr("Acts on:"), self.scope)
        form.addRow(tr("Where:"), self.unit)
        form.addRow(tr("Paragraph:"), self.part)
        form.addRow(tr("Number:"), self.number)
        form.addRow(tr("Subparagraph:"), self.sub)
        self.word_rows = [(tr("After:"), self.after), (tr("Words:"), self.old), (tr("New words:"), self.new)]
        for label, widget in self.word_rows:
            form.addRow(label, widget)
        form.addRow(tr("Opener:"), self.opener)
        form.addRow(tr("Quoted text:"), self.text)
        for combo in (self.action, self.scope, self.unit, self.part):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.form = form
        self.action.currentIndexChanged.connect(lambda _: self._field_changed(False))
        self.scope.currentIndexChanged.connect(lambda _: self._field_changed(False))
        self.part.currentIndexChanged.connect(lambda _: self._field_changed(False))
        self.unit.currentIndexChanged.connect(lambda _: self._field_changed(False))
        self.number.valueChanged.connect(lambda _: self._field_changed(True))
        for line in (self.sub, self.after, self.old, self.new, self.opener):
            line.textEdited.connect(lambda _: self._field_changed(True))
        self.text.textChanged.connect(lambda: self._field_changed(True))
        return self.form_box

    # --- showing ---------------------------------------------------------------------------------------------

    def show_instructions(self, instructions: list[Instruction], heading: str, language: str = "") -> None:
        """Show the amendment's instructions (after opening, undo or redo) in the draft's language, keeping the
        selected row."""
        self.language = language
        row = max(self.list.currentRow(), 0)
        self.instructions = copy.deepcopy(instructions)
        self.heading.setText(heading)
        self._showing = True
        self.list.clear()
        for ins in self.instructions:
            self.list.addItem(QListWidgetItem(describe(ins, self.language)))
        self._showing = False
        if self.instructions:
            self.list.setCurrentRow(min(row, len(self.instructions) - 1))
            self._select(self.list.currentRow())
        else:
            self._select(-1)

    def select_id(self, item_id: str) -> bool:
        """Select the instruction with this id, or the one quoting the paragraph with this id."""
        for row, ins in enumerate(self.instructions):
            quoted = any(p.id == item_id for p in quoted_paragraphs(ins))  # a part's or annex's added too
            if ins.id == item_id or quoted:
                self.list.setCurrentRow(row)
                return True
        return False

    def _select(self, row: int) -> None:
        # a part or an annex added whole, a table's row or cell, is made from the comparison; the fields name
        # paragraphs and their words
        made = 0 <= row < len(self.instructions) and self.instructions[row].body is not None
        in_table = 0 <= row < len(self.instructions) and self.instructions[row].cell is not None
        self.form_box.setEnabled(0 <= row < len(self.instructions) and not (made or in_table))
        tip = ""
        if made:
            tip = tr("A part or an annex added whole: change it in the draft and make the amendment again")
        elif in_table:
            tip = tr("A table's row or cell: change it in the draft and make the amendment again")
        self.form_box.setToolTip(tip)
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(0 <= row < len(self.instructions))
        if not 0 <= row < len(self.instructions):
            return
        ins = self.instructions[row]
        self._showing = True
        self.action.setCurrentIndex([a for a, _ in _ACTIONS].index(ins.action))
        whole = ins.paragraph is not None or not (ins.old or ins.new or ins.after or self._words.get(ins.id))
        self.scope.setCurrentIndex(0 if whole else 1)
        self._name_parts(ins.unit)
        self.part.setCurrentIndex([p for p, _ in _PARTS].index(ins.part))
        if (
            self.unit.findData(ins.unit) < 0
        ):  # a unit read from a file beyond the usual ones (part F, annex IX)
            self.unit.addItem(_unit_label(ins.unit), ins.unit)
        self.unit.setCurrentIndex(self.unit.findData(ins.unit))
        show_number(self.number, ins.number)
        for widget, value in (
            (self.sub, ins.sub),
            (self.after, ins.after),
            (self.old, ins.old),
            (self.new, ins.new),
        ):
            if widget.text() != value:
                widget.setText(value)
        para = ins.paragraph or Paragraph()
        if self.opener.text() != para.opener:
            self.opener.setText(para.opener)
        if self.text.toPlainText() != para.text:
            self.text.setPlainText(para.text)
        self._showing = False
        self._enable_fields(whole)

    def _name_parts(self, unit: str) -> None:
        """The paragraph kinds as the place counts them: an annex's unnumbered and numbered paragraphs."""
        names = _ANNEX_PARTS if is_annex_unit(unit) else [label for _, label in _PARTS]
        for index, label in enumerate(names):
            if self.part.itemText(index) != tr(label):
                self.part.setItemText(index, tr(label))

    def _enable_fields(self, whole: bool) -> None:
        for _, widget in self.word_rows:
            widget.setEnabled(not whole)
        self.opener.setEnabled(whole)
        self.text.setEnabled(whole)

    # --- editing ---------------------------------------------------------------------------------------------

    def _field_changed(self, typing: bool) -> None:
        row = self.list.currentRow()
        if self._showing or not 0 <= row < len(self.instructions):
            return
        whole = self.scope.currentIndex() == 0
        old = self.instructions[row]
        self._words[old.id] = not whole
        paragraph = None
        if whole and (self.opener.text().strip() or self.text.toPlainText().strip() or old.paragraph):
            paragraph = copy.deepcopy(old.paragraph) if old.paragraph is not None else Paragraph()
            paragraph.opener, paragraph.text = self.opener.text().strip(), self.text.toPlainText().strip()
        self.instructions[row] = dataclasses.replace(
            old,
            action=_ACTIONS[self.action.currentIndex()][0],
            part=_PARTS[self.part.currentIndex()][0],
            unit=self.unit.currentData() or "",
            number=self.number.value(),
            sub=self.sub.text().strip(),
            old="" if whole else self.old.text(),
            new="" if whole else self.new.text(),
            after="" if whole else self.after.text(),
            paragraph=paragraph,
        )
        self._enable_fields(whole)
        self._name_parts(self.instructions[row].unit)
        self.list.item(row).setText(describe(self.instructions[row], self.language))
        self.edited.emit(copy.deepcopy(self.instructions), typing)

    def add_instruction(self) -> None:
        row = self.list.currentRow()
        last = self.instructions[row] if 0 <= row < len(self.instructions) else None
        unit = last.unit if last and not is_title(last.unit) else ""  # a title takes no new paragraph
        ins = Instruction(
            Action.INSERT,
            last.part if last else Part.OPERATIVE,
            last.number if last else 1,
            paragraph=Paragraph(),
            unit=unit,
        )
        self.instructions.insert(row + 1, ins)
        self.edited.emit(copy.deepcopy(self.instructions), False)
        self.list.setCurrentRow(row + 1)

    def remove_instruction(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.instructions):
            del self.instructions[row]
            self.edited.emit(copy.deepcopy(self.instructions), False)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if 0 <= row < len(self.instructions) and 0 <= to < len(self.instructions):
            self.instructions[row], self.instructions[to] = self.instructions[to], self.instructions[row]
            self.list.setCurrentRow(to)
            self.edited.emit(copy.deepcopy(self.instructions), False)
