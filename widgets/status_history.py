"""A paragraph's history in the negotiation: each change of its status (open, agreed ad ref, deleted by
agreement) with when it was made and its note, oldest first, as `rounds.set_status` keeps them. An agreed
paragraph can be reopened and agreed again; the history is what a facilitator checks before saying "this was
agreed on Tuesday"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.interface import marked, tr
from app.negotiation.status import Status, StatusChange
from widgets.issues_panel import WrappingDelegate

NOTE_COLUMN = 2
STATUS_NAMES = {
    Status.OPEN: marked("open"),
    Status.AGREED: marked("agreed ad ref"),
    Status.DELETED: marked("deleted by agreement"),
}


# "5 December 2026, 10:18": day before month, as UN texts date; a pattern of each interface language's own (Spanish
# "5 de diciembre de 2026": without its "de" the date read as no Spanish text writes one)
WHEN = marked("d MMMM yyyy, HH:mm")


def when(date: dt.datetime) -> str:
    """The date and time in the interface language, on this computer's clock (kept in UTC)."""
    moment = QDateTime.fromSecsSinceEpoch(int(date.timestamp()), QTimeZone.utc()).toLocalTime()
    return QLocale().toString(moment, tr(WHEN))


def history_rows(changes: list[StatusChange]) -> list[tuple[str, str, str]]:
    """(when, status, note) for each change, oldest first."""
    return [(when(c.date), tr(STATUS_NAMES[c.status]), c.note) for c in changes]


class StatusHistoryDialog(QDialog):
    """The changes of one paragraph's status; a paragraph never marked is open since the negotiation began."""

    def __init__(self, place: str, changes: list[StatusChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("History of {place}").format(place=place))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Status changes"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr("When"), tr("Status"), tr("Note")])
        # a note is a sentence or two: wrapped in its column, not cut off with "…" and no way to read the rest
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(WrappingDelegate(self.tree, NOTE_COLUMN))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        for row in history_rows(changes):
            item = QTreeWidgetItem(list(row))
            item.setToolTip(NOTE_COLUMN, row[2])
            for column in range(NOTE_COLUMN):  # the date and status by the note's first line
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.tree.addTopLevelItem(item)
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        # the rows' heights follow the note column's width, which the dialog's size sets
        self.tree.header().sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        layout = QVBoxLayout(self)
        if not changes:
            layout.addWidget(QLabel(tr("Open since the negotiation began: its status was never changed.")))
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)  # fits a 1024x640 screen with room to spare

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.tree.topLevelItem(i).text(c) for c in range(3))  # type: ignore[misc]
            for i in range(self.tree.topLevelItemCount())
        ]
