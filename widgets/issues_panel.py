"""The engine's findings as a list: where, what, and the automatic fix.

A click on a finding goes to its paragraph; a click on its fix (or the Apply button, for the keyboard) applies
it. The list is plain items, no widget per row, so a long draft with many findings refreshes quickly; messages wrap.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.findings import Finding, Severity
from app.interface import counted, marked, rule_title, tr
from app.messages import localize

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_MARK = {
    Severity.ERROR: marked("● Error"),
    Severity.WARNING: marked("▲ Warning"),
    Severity.INFO: marked("○ Note"),
}
_COLOUR = {Severity.ERROR: "#c01c28", Severity.WARNING: "#b5835a", Severity.INFO: "#5e5c64"}
_LINK = "#1a5fb4"
FIX_COLUMN = 3
MESSAGE_COLUMN = 2
FITTED_COLUMNS = (0, 1, FIX_COLUMN)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their message wrapped to the column's width (the tree's own hint ignores the width); also
    the notes of Paragraph History…"""

    def __init__(self, tree: QTreeWidget, column: int = MESSAGE_COLUMN) -> None:
        super().__init__(tree)
        self.tree = tree
        self.column = column

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == self.column:
            width = max(40, self.tree.columnWidth(self.column) - 8)
            text = str(index.data() or "")
            wrapped = option.fontMetrics.boundingRect(
                QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, text
            )
            padding = size.height() - option.fontMetrics.height()  # one line keeps the usual row height
            size.setHeight(max(size.height(), wrapped.height() + padding))
        return size


def _item(finding: Finding, place_name: str) -> QTreeWidgetItem:
    fix = f"✎ {localize(finding.fix.label)}" if finding.fix else ""
    message = localize(finding.message)
    item = QTreeWidgetItem([tr(_MARK[finding.severity]), place_name, message, fix])
    item.setForeground(0, QColor(_COLOUR[finding.severity]))
    item.setToolTip(2, f"{message}\n[{finding.rule}] {rule_title(finding.rule)}".rstrip())
    if finding.fix:
        item.setForeground(FIX_COLUMN, QColor(_LINK))
        item.setToolTip(FIX_COLUMN, tr("Click to apply: {fix}").format(fix=localize(finding.fix.label)))
    item.setData(0, Qt.ItemDataRole.UserRole, finding)
    return item


class IssuesPanel(QWidget):
    jump = Signal(object)  # Finding
    fix = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setContentsMargins(6, 4, 6, 2)
        self.apply_button = QPushButton(tr("Apply fix"))
        self.apply_button.setToolTip(tr("Apply the automatic fix of the selected issue"))
        self.apply_button.clicked.connect(self._apply_current)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 6, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.apply_button)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Issues"))
        self.tree.setRootIsDecorated(False)
        # a narrow window wraps a long message onto more lines instead of cutting it off with "…"
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.setHeaderLabels([tr("Kind"), tr("Where"), tr("Issue"), tr("Fix")])
        header = self.tree.header()
        # kind, place and fix as wide as their widest entry, kept by `_fit_columns`: Qt's own ResizeToContents
        # measured a thousand rows again at each change, 70 ms a keystroke with 7,000 findings listed
        for column in FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.sectionResized.connect(
            lambda *_: self.tree.scheduleDelayedItemsLayout()
        )  # re-wrap to the width
        self.tree.itemActivated.connect(self._activated)  # Enter or double-click: go there
        self.tree.itemClicked.connect(self._clicked)  # a click on the fix applies it
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self.findings: list[Finding] = []
        self._shown: list[tuple[Finding, str]] | None = None
        self._places: list[int] = []  # the place of each finding shown, in their order
        self._severities: Counter[Severity] = Counter()
        self._widths: list[tuple[int, ...]] = []  # each shown row's widths in the fitted columns
        self._widest: list[Counter[int]] = [Counter() for _ in FITTED_COLUMNS]  # how many rows have each
        self._measured: dict[tuple[int, str], int] = {}  # (column, text) → width, for the texts shown
        self.set_findings([], lambda _finding: "")

    def set_findings(
        self,
        findings: list[Finding],
        where: Callable[[Finding], str],
        order: Callable[[str], int] | None = None,
    ) -> None:
        """Show findings sorted by place in the document, then severity. Unchanged findings cost nothing."""
        place = order or (lambda _pid: 0)
        ordered = sorted(findings, key=lambda f: (place(f.paragraph_id), _ORDER[f.severity], f.span))
        rows = [(f, where(f) or tr("Header")) for f in ordered]
        if rows == self._shown:
            return
        keep = self.current()
        self._shown = rows
        self.findings = ordered
        self._places = [place(f.paragraph_id) for f in ordered]
        self._severities = Counter(f.severity for f in ordered)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        items = [_item(finding, place_name) for finding, place_name in rows]
        self.tree.addTopLevelItems(items)
        self._measured = {}
        self._widths = self._measure(items)
        self._widest = [Counter(row[column] for row in self._widths) for column in range(len(FITTED_COLUMNS))]
        self._fit_columns()
        if keep is not None and keep in ordered:
            self.tree.setCurrentItem(self.tree.topLevelItem(ordered.index(keep)))
        self.tree.setUpdatesEnabled(True)
        self._summarize()

    def set_findings_at(self, place: int, findings: list[Finding], where: Callable[[Finding], str]) -> None:
        """Replace the findings of one place (a paragraph's, as `order` gave it to `set_findings`) and leave the
        rest of the list as it is: what a paragraph's check costs depends on the paragraph, not the draft. The
        list is then what `set_findings` gives for all the findings with these in place of the old ones."""
        assert self._shown is not None  # set_findings ran first (the constructor's empty list)
        start, stop = bisect.bisect_left(self._places, place), bisect.bisect_right(self._places, place)
        ordered = sorted(findings, key=lambda f: (_ORDER[f.severity], f.span))
        rows = [(f, where(f) or tr("Header")) for f in ordered]
        if rows == self._shown[start:stop]:
            return
        keep = self.current()
        self._severities.subtract(f.severity for f in self.findings[start:stop])
        self._severities.update(f.severity for f in ordered)
        self._shown[start:stop] = rows
        self.findings[start:stop] = ordered
        self._places[start:stop] = [place] * len(ordered)
        self.tree.setUpdatesEnabled(False)
        for _ in range(start, stop):
            self.tree.takeTopLevelItem(start)
        items = [_item(finding, place_name) for finding, place_name in rows]
        self.tree.insertTopLevelItems(start, items)
        widths = self._measure(items)
        for column, counter in enumerate(self._widest):
            counter.subtract(row[column] for row in self._widths[start:stop])
            counter.update(row[column] for row in widths)
        self._widths[start:stop] = widths
        self._fit_columns()
        if keep is not None and keep in ordered:
            self.tree.setCurrentItem(self.tree.topLevelItem(start + ordered.index(keep)))
        self.tree.setUpdatesEnabled(True)
        self._summarize()

    def _measure(self, items: list[QTreeWidgetItem]) -> list[tuple[int, ...]]:
        """Each item's width in the fitted columns, as the list's delegate gives it (a text measured once)."""
        widths = []
        for item in items:
            row = []
            for column in FITTED_COLUMNS:
                key = (column, item.text(column))
                width = self._measured.get(key)
                if width is None:
                    index = self.tree.indexFromItem(item, column)
                    width = self._measured[key] = self.tree.sizeHintForIndex(index).width()
                row.append(width)
            widths.append(tuple(row))
        return widths

    def _fit_columns(self) -> None:
        """Kind, place and fix as wide as their widest entry or their heading, as ResizeToContents made them."""
        header = self.tree.header()
        for column, counter in zip(FITTED_COLUMNS, self._widest, strict=True):
            widest = max((width for width, count in counter.items() if count > 0), default=0)
            width = max(widest, header.sectionSizeHint(column))
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _summarize(self) -> None:
        errors, warnings = self.counts()
        notes = len(self.findings) - errors - warnings
        self.summary.setText(
            tr("No issues found.") if not self.findings else counted(errors, warnings, notes)
        )
        self._selection_changed()

    def counts(self) -> tuple[int, int]:
        return self._severities[Severity.ERROR], self._severities[Severity.WARNING]

    def current(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _selection_changed(self) -> None:
        finding = self.current()
        has_fix = finding is not None and finding.fix is not None
        self.apply_button.setEnabled(has_fix)
        self.apply_button.setText(
            tr("Apply: {fix}").format(fix=localize(finding.fix.label)) if has_fix else tr("Apply fix")
        )

    def _apply_current(self) -> None:
        finding = self.current()
        if finding is not None and finding.fix is not None:
            self.fix.emit(finding)

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if finding is None:
            return
        if column == FIX_COLUMN and finding.fix is not None:
            self.fix.emit(finding)
        else:
            self.jump.emit(finding)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.jump.emit(finding)

    def select_next(self) -> Finding | None:
        if not self.findings:
            return None
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        row = (row + 1) % len(self.findings)
        self.tree.setCurrentItem(self.tree.topLevelItem(row))
        return self.findings[row]
