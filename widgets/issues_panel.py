"""The engine's findings as a list: where, what, and a button for the automatic fix."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.findings import Finding, Severity

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_MARK = {Severity.ERROR: "● Error", Severity.WARNING: "▲ Warning", Severity.INFO: "○ Note"}
_COLOUR = {Severity.ERROR: "#c01c28", Severity.WARNING: "#b5835a", Severity.INFO: "#5e5c64"}


class IssuesPanel(QWidget):
    jump = Signal(object)  # Finding
    fix = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setContentsMargins(6, 4, 6, 2)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Issues")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(["Kind", "Where", "Issue", "Fix"])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.findings: list[Finding] = []
        self.set_findings([], lambda _pid: "")

    def set_unavailable(self, reason: str) -> None:
        self.summary.setText(reason)

    def set_findings(self, findings: list[Finding], where: Callable[[str], str],
                     order: Callable[[str], int] | None = None) -> None:  # fmt: skip
        """Show findings sorted by place in the document, then severity."""
        place = order or (lambda _pid: 0)
        self.findings = sorted(findings, key=lambda f: (place(f.paragraph_id), _ORDER[f.severity], f.span))
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        for finding in self.findings:
            item = QTreeWidgetItem(
                [_MARK[finding.severity], where(finding.paragraph_id) or "Header", finding.message, ""]
            )
            item.setForeground(0, Qt.GlobalColor.black)
            from PySide6.QtGui import QColor

            item.setForeground(0, QColor(_COLOUR[finding.severity]))
            item.setToolTip(2, f"{finding.message}\n[{finding.rule}]")
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            self.tree.addTopLevelItem(item)
            if finding.fix is not None:
                button = QPushButton(finding.fix.label)
                button.setAccessibleName(f"Fix: {finding.fix.label}")
                button.setToolTip(f"Apply: {finding.fix.label}")
                button.setFlat(True)
                button.setStyleSheet("QPushButton { color: #1a5fb4; text-align: left; padding: 0 6px; }")
                button.clicked.connect(lambda _=False, f=finding: self.fix.emit(f))
                self.tree.setItemWidget(item, 3, self._wrap(button))
        self.tree.setUpdatesEnabled(True)
        errors, warnings = self.counts()
        notes = len(self.findings) - errors - warnings
        self.summary.setText(
            "No issues found."
            if not self.findings
            else f"{errors} errors, {warnings} warnings, {notes} notes"
        )

    @staticmethod
    def _wrap(button: QPushButton) -> QWidget:
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(button)
        return box

    def counts(self) -> tuple[int, int]:
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warnings = sum(f.severity is Severity.WARNING for f in self.findings)
        return errors, warnings

    def fix_button(self, row: int) -> QPushButton | None:
        item = self.tree.topLevelItem(row)
        box = self.tree.itemWidget(item, 3) if item else None
        return box.findChild(QPushButton) if box else None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.jump.emit(finding)

    def select_next(self) -> Finding | None:
        if not self.findings:
            return None
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        row = (row + 1) % len(self.findings)
        item = self.tree.topLevelItem(row)
        self.tree.setCurrentItem(item)
        return self.findings[row]
