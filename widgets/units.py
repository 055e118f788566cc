"""Parts B, C ... and annexes in the paragraph list: each with its own header (letter or "Annex II", an
editable title, a part's organ line) and its own lists of rows, with an add button under each list.

`Units` keeps the sections in step with the rendered blocks; `ParagraphList` asks it which box a row goes in.
Part A (a resolution's own preamble and operative part) keeps the list's first boxes; in a resolution in parts
it gets a header too, above them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import edits, inline, unit_edits
from app.interface import marked, tr
from app.model import Annex, Paragraph, Part, Resolution
from app.render import Block, annex_units, part_letter
from widgets.actions import ActionId
from widgets.row_box import RowBox

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

_PART_LINES = ("part_heading", "part_title", "organ_line")
_ANNEX_LINES = ("annex_heading", "annex_title")
_ADD_TEXT = {
    "preambular": marked("+ Add preambular paragraph"),
    "operative": marked("+ Add operative paragraph"),
    "": marked("+ Add paragraph"),
}
UNIT_LINES = _PART_LINES + _ANNEX_LINES


class UnitHeader(QWidget):
    """ "B" or "Annex II" in bold, the title to edit, and for a part its organ line."""

    title_edited = Signal(str, str)  # unit id, title (plain text, escaped into markup by the receiver)

    def __init__(self, unit_id: str, is_part: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit_id = unit_id
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 14, 4, 2)
        lay.setSpacing(2)
        self.label = QLabel()
        font = self.label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.label.setFont(font)
        self.title = QLineEdit()
        self.title.setAccessibleName(tr("Part title") if is_part else tr("Annex title"))
        self.title.setStyleSheet("QLineEdit { font-weight: bold; }")
        self.title.textEdited.connect(lambda text: self.title_edited.emit(self.unit_id, text))
        self.organ = QLabel()
        organ_font = self.organ.font()
        organ_font.setItalic(True)
        self.organ.setFont(organ_font)
        self.organ.setContentsMargins(62, 2, 4, 2)
        lay.addWidget(self.label)
        lay.addWidget(self.title)
        lay.addWidget(self.organ)
        self.organ.setVisible(is_part)

    def show_lines(self, label: str, title: str, organ: str) -> None:
        self.label.setText(label if label.startswith("Annex") else tr("Part {letter}").format(letter=label))
        if label == "Annex":
            placeholder = tr("Title of the annex")
        elif label.startswith("Annex"):
            placeholder = tr("Title of {annex}").format(annex=label)
        else:
            placeholder = tr("Title of part {letter}").format(letter=label)
        self.title.setPlaceholderText(placeholder)
        if self.title.text() != title and not self.title.hasFocus():
            self.title.setText(title)
            self.title.setCursorPosition(0)  # a long title shows its start, and all of it on hover
            self.title.setToolTip(title)
        self.organ.setText(organ)


class UnitSection(QWidget):
    """A later part (header, preamble and operative boxes, an add button under each) or an annex."""

    def __init__(self, units: Units, unit_id: str, is_part: bool) -> None:
        super().__init__()
        self.unit_id = unit_id
        self.is_part = is_part
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        self.header = UnitHeader(unit_id, is_part)
        self.header.title_edited.connect(units.title_edited)
        lay.addWidget(self.header)
        self.boxes: dict[Part | None, RowBox] = {}
        lists = [(Part.PREAMBLE, "preambular"), (Part.OPERATIVE, "operative")] if is_part else [(None, "")]
        for part, kind in lists:
            box = RowBox()
            self.boxes[part] = box
            lay.addWidget(box)
            button = QPushButton(tr(_ADD_TEXT[kind]))
            button.setFlat(True)
            button.setStyleSheet("QPushButton { color: #1a5fb4; text-align: left; padding: 4px 62px; }")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, p=part: units.add_requested.emit(self.unit_id, p))
            lay.addWidget(button)


class Units(QObject):
    """The part and annex sections of one paragraph list, kept in step with the rendered blocks."""

    add_requested = Signal(str, object)  # unit id ("" is part A), Part (None in an annex)
    title_edited = Signal(str, str)  # unit id, title

    def __init__(self, holder: QVBoxLayout, part_a_at: int, after: int) -> None:
        """`holder` is the list's layout: part A's header goes at `part_a_at`, the sections from `after` on."""
        super().__init__()
        self.holder = holder
        self.part_a = UnitHeader("", True)
        self.part_a.title_edited.connect(self.title_edited)
        self.part_a.hide()
        holder.insertWidget(part_a_at, self.part_a)
        self.after = after + 2  # sections go after the widget at `after`, moved down one by part A's header
        self.sections: dict[str, UnitSection] = {}
        self.ids: dict[str, str] = {}  # printed unit ("B", "Annex II") → part or annex id

    def update(self, blocks: list[Block]) -> None:
        """Headers and sections for the parts and annexes these blocks print, in their order."""
        lines: dict[str, dict[str, Block]] = {}
        order: list[tuple[str, bool]] = []
        self.ids = {}
        for block in blocks:
            if block.role not in UNIT_LINES:
                continue
            if block.role in ("part_heading", "annex_heading"):
                self.ids[block.unit] = block.paragraph_id
                order.append((block.paragraph_id, block.role == "part_heading"))
            lines.setdefault(block.paragraph_id, {})[block.role] = block
        in_parts = any(is_part for _, is_part in order)
        self.part_a.setVisible(in_parts)
        for unit_id in [u for u in self.sections if (u, self.sections[u].is_part) not in order]:
            section = self.sections.pop(unit_id)
            self.holder.removeWidget(section)
            section.deleteLater()
        for index, (unit_id, is_part) in enumerate((u, p) for u, p in order if u):
            section = self.sections.get(unit_id)
            if section is None:
                section = self.sections[unit_id] = UnitSection(self, unit_id, is_part)
            if self.holder.indexOf(section) != self.after + index:
                self.holder.removeWidget(section)
                self.holder.insertWidget(self.after + index, section)
            section.show()
        for unit_id, found in lines.items():
            header = (
                self.part_a
                if not unit_id
                else self.sections[unit_id].header
                if unit_id in self.sections
                else None
            )
            if header is not None:
                head = found.get("part_heading") or found.get("annex_heading")
                title = found.get("part_title") or found.get("annex_title")
                organ = found.get("organ_line")
                header.show_lines(
                    head.unit if head else "",
                    inline.plain(inline.unparse(list(title.spans))) if title else "",
                    organ.opener + organ.end if organ else "",
                )

    def box(self, block: Block) -> RowBox | None:
        """The box of a later part or an annex for this block; None for part A (the list's own boxes)."""
        unit_id = self.ids.get(block.unit, "")
        section = self.sections.get(unit_id) if unit_id else None
        return section.boxes.get(block.part) if section is not None else None


def connect(window: MainWindow) -> None:
    """Connect the list's part and annex sections (add buttons, titles) to the window's commands."""
    units = window.paragraphs.units
    units.add_requested.connect(
        lambda unit, part: window.apply_structure(edits.insert_paragraph, part=part, unit=unit)
    )
    units.title_edited.connect(
        lambda unit, text: window.apply(
            unit_edits.set_unit_title, unit=unit, value=inline.escape(text), initiator=units
        )
    )


def handlers(window: MainWindow) -> dict[ActionId, Callable[[], None]]:
    """The menu handlers: add a part, add an annex, remove the part or annex the cursor is in."""

    def remove() -> None:
        pid = window.paragraphs.active_id
        res = window.res
        owner = next(
            (
                u
                for u in [*res.later_parts, *res.annexes]
                if any(
                    p.id == pid
                    for top in (u.paragraphs if isinstance(u, Annex) else u.preamble + u.operative)
                    for p in top.walk()
                )
            ),
            None,
        )
        if owner is None:
            window.statusBar().showMessage(
                tr("Put the cursor in a paragraph of part B, C … or of an annex"), 4000
            )
            return
        window.apply_structure(unit_edits.remove_unit, unit=owner.id)

    def move_to_unit() -> None:
        pid = window.paragraphs.active_id
        located = window.res.locate(pid) if pid else None
        places = [p for p in destinations(window.res) if located is None or p[3] is not located[1]]
        if located is None or not any(located[1] is items for _, items in window.res.lists()):
            window.statusBar().showMessage(
                tr("Put the cursor in a paragraph (not a subparagraph) to move it"), 4000
            )
            return
        choice = window.prompter.ask_choice(
            window, tr("Move paragraph"), tr("Move to:"), [p[0] for p in places]
        )
        if choice is not None:
            _, unit, part, _ = places[choice]
            window.apply_structure(edits.move_to, paragraph_id=pid, unit=unit, part=part)

    return {
        ActionId.MOVE_TO_UNIT: move_to_unit,
        ActionId.ADD_PART: lambda: window.apply_structure(unit_edits.add_part),
        ActionId.ADD_ANNEX: lambda: window.apply_structure(unit_edits.add_annex),
        ActionId.REMOVE_UNIT: remove,
        ActionId.TOGGLE_NUMBERED: lambda: window.apply_structure(
            unit_edits.toggle_numbered, paragraph_id=window.paragraphs.active_id
        ),
    }


def destinations(res: Resolution) -> list[tuple[str, str, Part | None, list[Paragraph]]]:
    """Where a paragraph can go: (name, unit id for edits.unit_list, part, the list), in reading order."""
    parts = res.parts()
    out: list[tuple[str, str, Part | None, list[Paragraph]]] = []
    for index, body in enumerate(parts):
        unit = "" if index == 0 else body.id
        prefix = tr("Part {letter}: ").format(letter=part_letter(index)) if len(parts) > 1 else ""
        out.append((prefix + tr("preamble"), unit, Part.PREAMBLE, body.preamble))
        out.append((prefix + tr("operative part"), unit, Part.OPERATIVE, body.operative))
    for annex, label in zip(res.annexes, annex_units(res.annexes), strict=True):
        name = f"{label}: {inline.plain(annex.title)}" if annex.title else label
        out.append((name, annex.id, None, annex.paragraphs))
    return [(name[:1].upper() + name[1:], *rest) for name, *rest in out]
