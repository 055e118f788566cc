"""The findings in the issues list: where each one is ("OP 3 (a)", "Footnote 2", "Sponsors"), the error
and warning counts, one-click fixes beside the paragraphs, and going to a finding's place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from app import edits
from app.findings import Finding
from app.interface import counted, fill, marked, tr
from app.place_words import place_in
from app.render import place_names
from widgets.actions import ActionId
from widgets.fields import to_display

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

HEADER_NAMES = {
    "title": marked("Title"),
    "sponsors": marked("Sponsors"),
    "on_behalf_of": marked("Sponsors"),
    "symbol": marked("Symbol"),
    "session": marked("Session"),
    "year": marked("Year"),
    "date": marked("Date"),
    "distribution": marked("Distribution"),
    "original_language": marked("Original"),
    "template": marked("Organ"),
    "agenda_items": marked("Agenda"),
}


class FindingsView(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        win.issues.jump.connect(self.jump_to)
        win.issues.fix.connect(self.apply_fix)
        # the rows the list was last sorted by, and each paragraph's place among them (counted from the end)
        self._sorted_by: tuple[list[tuple[str, bool]] | None, dict[str, int], dict[str, int]] = (None, {}, {})

    def where(self, finding: Finding) -> str:
        """'OP 3 (a)' for a paragraph, 'Footnote 2' for a footnote's text, 'Sponsors' or 'Title' in the header."""
        if finding.field == "footnote" and finding.paragraph_id in self.win.numbers:
            return tr("Footnote {number}").format(number=self.win.numbers[finding.paragraph_id])
        if finding.paragraph_id and self.win.amending.active:
            name = place_names(self.win.rendered.blocks).get(finding.paragraph_id)
            return place_in(name) if name else tr("Amendment")
        if finding.paragraph_id:  # the rows' English names ("Annex II para. 4") in the interface's words
            name = self.win.paragraphs.where(finding.paragraph_id)
            return place_in(name) if name else ""
        name = finding.field.split("[")[0]
        return tr(HEADER_NAMES.get(name, marked("Header")))

    def header_field(self, field: str) -> QWidget | None:
        h = self.win.header
        widgets = {
            "title": h.title,
            "sponsors": h.sponsor_list,
            "on_behalf_of": h.on_behalf_of,
            "symbol": h.symbol,
            "session": h.session,
            "year": h.session,
            "date": h.date,
            "distribution": h.distribution,
            "original_language": h.original,
            "template": h.template,
            "agenda_items": h.agenda,
            "committee": h.committee,
            "kind": h.kind,
        }
        return widgets.get(field.split("[")[0])

    def show(self) -> None:
        findings = self.win.checks.findings()
        rows = self.win.paragraphs.order
        order = {key[0]: i for i, key in enumerate(reversed(rows))}
        self.win.issues.set_findings(findings, self.where, lambda pid: _place(order, rows, pid))
        self._sorted_by = (rows, order, dict(self.win.numbers))
        self._counts()
        fixes: dict[str, Finding] = {}
        for finding in findings:
            if finding.fix is not None and finding.paragraph_id and finding.paragraph_id not in fixes:
                fixes[finding.paragraph_id] = finding
        self.win.paragraphs.set_fixes(fixes)

    def show_paragraphs(self, paragraph_ids: set[str]) -> None:
        """After a paragraph check: the findings of those paragraphs replace theirs in the list, and their
        fixes beside the rows; the rest stays. The whole list is shown again when the rows or the footnotes'
        numbers changed since it was sorted, when a paragraph has no row, or while amending (its places are named
        otherwise)."""
        rows, order, numbers = self._sorted_by
        if rows is not self.win.paragraphs.order or self.win.amending.active or numbers != self.win.numbers:
            self.show()  # the rows or the footnotes' numbers moved: other places are named otherwise now
            return
        if not all(pid in order for pid in paragraph_ids):
            self.show()
            return
        fixes: dict[str, Finding | None] = {}
        for pid in paragraph_ids:
            found = self.win.checks.findings_of(pid)
            self.win.issues.set_findings_at(_place(order, rows, pid), found, self.where)
            fixes[pid] = next((f for f in found if f.fix is not None), None)
        self._counts()
        self.win.paragraphs.update_fixes(fixes)

    def _counts(self) -> None:
        """The error and warning counts in the status bar and the issues tab's title."""
        errors, warnings = self.win.issues.counts()
        counts = "  " + counted(errors, warnings, sep=" · ") + "  "
        if self.win.counts_label.text() != counts:
            self.win.counts_label.setText(counts)
        set_tab_text(self.win.bottom_tabs, 0, fill("Issues ({count})", count=len(self.win.issues.findings)))

    def handlers(self) -> dict[ActionId, object]:
        return {ActionId.NEXT_ISSUE: self.next_issue, ActionId.APPLY_FIX: self.apply_selected_fix}

    def apply_selected_fix(self) -> None:
        """View > Apply the Issue's Fix (Ctrl+.): the fix of the issue F8 went to, without leaving the text for
        the issues list (with no mouse, its Apply button was a long Tab walk away)."""
        finding = self.win.issues.current()
        if finding is None or finding.fix is None:
            self.win.statusBar().showMessage(
                tr("The selected issue has no automatic fix: press F8 for the next"), 5000
            )
            return
        self.apply_fix(finding)

    def apply_fix(self, finding: Finding) -> None:
        self.win.doc.history.seal()
        change = self.win.apply(edits.apply_fix, finding=finding)
        if change is not None:
            self.win.doc.history.seal()
            self.win.checks.fixed(finding)

    def jump_to(self, finding: Finding) -> None:
        if self.win.amending.jump(finding):
            return
        if finding.field == "footnote" and finding.paragraph_id in self.win.res.footnotes:
            self.win.bottom_tabs.setCurrentWidget(self.win.footnotes)
            self.win.footnotes.focus_footnote(finding.paragraph_id)
            field = self.win.footnotes.fields.get(finding.paragraph_id)
            if field is not None and finding.span != (0, 0):
                field.setSelection(finding.span[0], finding.span[1] - finding.span[0])
            return
        if not finding.paragraph_id and (row := self.win.paragraphs.unplaced.focus_text(finding.message)):
            self.win.paragraphs.ensureWidgetVisible(
                row
            )  # a header line kept as unplaced text: where it is now
            return
        if not finding.paragraph_id:
            self.win.details_dock.show()
            self.win.details_dock.raise_()  # on a small screen the details are a tab behind the preview
            widget = self.header_field(finding.field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                scroll = self.win.details_dock.widget()
                if isinstance(scroll, QScrollArea):
                    scroll.ensureWidgetVisible(widget)
            return
        span = None
        if finding.span != (0, 0):
            span = finding.span
            if finding.field in ("text", "tail"):
                para = self.win.res.find(finding.paragraph_id)
                markup = getattr(para, finding.field) if para else ""
                span = (
                    len(to_display(markup[: span[0]], self.win.numbers)),
                    len(to_display(markup[: span[1]], self.win.numbers)),
                )
        self.win.paragraphs.focus_paragraph(finding.paragraph_id, finding.field, span)

    def next_issue(self) -> None:
        finding = self.win.issues.select_next()
        if finding is not None:
            self.jump_to(finding)


def _place(order: dict[str, int], rows: list, paragraph_id: str) -> int:
    """A paragraph's place in the issues list: its first row's, counted from the end of all the rows (a
    paragraph with a tail has two), so that every paragraph is at 1 or more and everything without a row (the
    header, the footnotes, the reader's notes on them) is at -1, before them all."""
    return len(rows) - order.get(paragraph_id, len(rows) + 1)


def set_tab_text(tabs: QTabWidget, index: int, text: str) -> None:
    if tabs.tabText(index) != text:  # a change re-lays out the tab bar
        tabs.setTabText(index, text)
