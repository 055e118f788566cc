"""The document details: organ, session, agenda items, symbol, date, sponsors and title.

Every change is reported as a signal; the window turns it into a core edit. `show_header` fills the fields
from the model without reporting anything (after undo, open, or a change elsewhere).
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import states
from app.interface import marked, tr
from app.languages import get_language, known_committees, stored_committee
from app.model import AgendaItem, DocumentKind, Header, Resolution
from app.render import one_line, sponsor_line
from app.templates import Template, all_templates, get_template, template_name
from widgets.cell_tips import tip_cut_cells
from widgets.draft_language import language_box
from widgets.fields import UndoGuard, show_number
from widgets.masthead_fields import NO_DATE, DraftDateEdit, WordBox
from widgets.one_line import fold_line_breaks

LANGUAGES = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
DISTRIBUTIONS = ("Limited", "General", "Restricted")
SUBMITTERS = (
    "",
    "the Chair of the Committee",
    "the Vice-Chair of the Committee",
    "the President of the General Assembly",
)
KIND_NAMES = {
    DocumentKind.DRAFT_RESOLUTION: marked("Draft resolution"),
    DocumentKind.REVISED_DRAFT_RESOLUTION: marked("Revised draft resolution"),
    DocumentKind.DRAFT_DECISION: marked("Draft decision"),
    DocumentKind.AMENDMENT: marked("Amendment"),
}
_L_NUMBER = re.compile(r"/L\.(\d+)")


class HeaderPanel(QWidget):
    header_edited = Signal(str, object)  # header field, value
    title_edited = Signal(str)
    sponsors_edited = Signal(list, str)  # names, on behalf of
    template_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._res: Resolution | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(10)
        for box in (self._document_box(), self._agenda_box(), self._sponsors_box(), self._title_box()):
            outer.addWidget(box)
        outer.addStretch(1)
        self._connect()
        self._fit_narrow()
        fold_line_breaks(self)  # a line break pasted into a one-line field is a space as it comes in
        self.undo_guard = UndoGuard(self)
        self.undo_guard.guard(self)  # one history: Ctrl+Z in a field undoes in the document

    def _document_box(self) -> QGroupBox:
        doc = QGroupBox(tr("Document"))
        form = QFormLayout(doc)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_organ(form)
        self._add_kind(form)
        self._add_session(form)
        # in the draft's language ("Commission de la condition de la femme"), the model keeping the English name
        self.committee = QLineEdit()
        self.committee.setAccessibleName(tr("Committee"))
        self._committee_names = QStringListModel(self)
        committees = QCompleter(self._committee_names, self)
        committees.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        committees.setFilterMode(Qt.MatchFlag.MatchContains)
        self.committee.setCompleter(committees)
        form.addRow(tr("Co&mmittee:"), self.committee)
        self.number_label = QLabel(tr("L number:"))
        form.addRow(self.number_label, self._symbol_row())
        self.symbol = QLineEdit()
        self.symbol.setAccessibleName(tr("Document symbol"))
        form.addRow(tr("S&ymbol:"), self.symbol)
        self._add_date(form)
        # in the draft's language ("limitée", "anglais"), the model keeping "Limited", "English"
        self.distribution = WordBox(DISTRIBUTIONS, editable=True)
        self.distribution.setAccessibleName(tr("Distribution"))
        form.addRow(tr("Dis&tribution:"), self.distribution)
        self.original = WordBox(LANGUAGES)
        self.original.setAccessibleName(tr("Original language"))
        form.addRow(tr("Ori&ginal:"), self.original)
        self.language = language_box()
        form.addRow(tr("&Written in:"), self.language)
        return doc

    def _add_organ(self, form: QFormLayout) -> None:
        """The organ template, on a row of its own."""
        self.template = QComboBox()
        for tpl in all_templates().values():
            name = template_name(tpl.id, tpl.name)
            self.template.addItem(name, tpl.id)
            self.template.setItemData(self.template.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        # a narrow details column cuts "Assemblée générale, Troisième Commission": the list opens wide enough
        # for every name whole, and the box shows the whole name as its tooltip
        self.template.view().setMinimumWidth(self.template.view().sizeHintForColumn(0) + 24)
        self.template.currentTextChanged.connect(self.template.setToolTip)
        self.template.setToolTip(self.template.currentText())
        self.template.setAccessibleName(tr("Organ template"))
        # the organ on a row of its own, the box the panel's whole width: "Assemblée générale, Troisième
        # Commission" fits whole where the field column beside a label would cut it
        form.addRow(QLabel(tr("&Organ:"), buddy=self.template))
        form.addRow(self.template)

    def _add_kind(self, form: QFormLayout) -> None:
        """The kind of document, and what an amendment amends."""
        self.kind = QComboBox()
        for kind in DocumentKind:
            self.kind.addItem(tr(KIND_NAMES[kind]), kind.value)
        form.addRow(tr("&Kind:"), self.kind)
        self.amends = QLineEdit()
        self.amends.setPlaceholderText("A/C.1/80/L.12")
        self.amends.setAccessibleName(tr("Symbol of the draft amended"))
        self.amends_label = QLabel(tr("Amends:"))
        form.addRow(self.amends_label, self.amends)

    def _add_session(self, form: QFormLayout) -> None:
        """The session (or year) number with its words."""
        session_box = QHBoxLayout()
        self.session = QSpinBox()
        self.session.setRange(0, 999)
        self.session.setSpecialValueText("—")
        self.session.setAccessibleName(tr("Session number"))
        self.session_words = QLabel()
        self.session_words.setStyleSheet("color: #5e5c64;")
        self.session_words.setWordWrap(True)  # "Octogésimo primer período de sesiones" in a narrow column
        session_box.addWidget(self.session)
        session_box.addWidget(self.session_words, 1)
        self.session_label = QLabel(tr("&Session:"))
        self.session_label.setBuddy(self.session)
        form.addRow(self.session_label, session_box)

    def _add_date(self, form: QFormLayout) -> None:
        self.date = DraftDateEdit()  # "4 décembre 2023" in a French draft
        self.date.setAccessibleName(tr("Date"))
        # a draft with no date (a rollover's, a file that gave none) prints none: the box says so, where it
        # kept showing the date of the draft before, or today's, that the export then left out
        self.date.setSpecialValueText(tr("No date"))
        form.addRow(tr("&Date:"), self.date)

    def _symbol_row(self) -> QHBoxLayout:
        """The L number and revision, from which the symbol is built."""
        symbol_box = QHBoxLayout()
        self.l_number = QLineEdit()
        self.l_number.setPlaceholderText("43")
        self.l_number.setMaximumWidth(60)
        self.l_number.setAccessibleName(tr("L number"))
        self.l_number.setToolTip(
            tr("The number of the L document; the symbol is built from the organ and session")
        )
        self.revision = QSpinBox()
        self.revision.setRange(0, 20)
        self.revision.setPrefix("Rev. ")
        self.revision.setSpecialValueText(tr("No Rev."))
        self.revision.setAccessibleName(tr("Revision"))
        self.l_prefix = QLabel("L.")
        symbol_box.addWidget(self.l_prefix)
        symbol_box.addWidget(self.l_number)
        symbol_box.addWidget(self.revision)
        symbol_box.addStretch(1)
        return symbol_box

    def _agenda_box(self) -> QGroupBox:
        agenda = QGroupBox(tr("Agenda items"))
        agenda_layout = QVBoxLayout(agenda)
        self.agenda = QTableWidget(0, 3)
        self.agenda.setHorizontalHeaderLabels([tr("Item"), tr("Sub"), tr("Title")])
        self.agenda.verticalHeader().hide()
        self.agenda.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header = self.agenda.horizontalHeader()
        for column, least in ((0, 48), (1, 40)):  # "Subtema", "Alinéa": each heading whole in any language
            self.agenda.setColumnWidth(column, max(least, header.sectionSizeHint(column)))
        self.agenda.setMaximumHeight(110)
        self.agenda.setAccessibleName(tr("Agenda items"))
        tip_cut_cells(self.agenda)  # a long title is cut short in its cell
        buttons = QHBoxLayout()
        self.add_item = QPushButton(tr("Add item"))
        self.remove_item = QPushButton(tr("Remove item"))
        buttons.addWidget(self.add_item)
        buttons.addWidget(self.remove_item)
        buttons.addStretch(1)
        agenda_layout.addWidget(self.agenda)
        agenda_layout.addLayout(buttons)
        return agenda

    def _sponsors_box(self) -> QGroupBox:
        sponsors = QGroupBox(tr("Sponsors"))
        sp = QVBoxLayout(sponsors)
        add_row = QHBoxLayout()
        self.sponsor_search = QLineEdit()
        self.sponsor_search.setPlaceholderText(tr("Type a State, e.g. Nether…"))
        self.sponsor_search.setAccessibleName(tr("Add a sponsor"))
        # the placeholder is cut short in a narrow column (1024x640, French, Spanish): the whole hint here
        self.sponsor_search.setToolTip(
            tr(
                "Type a State's name or part of it (e.g. Nether) and press Enter: it is added as the UN "
                "prints it"
            )
        )
        completer = QCompleter(self)
        self._state_names = QStringListModel(states.all_states(), completer)  # in the draft's language
        completer.setModel(self._state_names)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.sponsor_search.setCompleter(completer)
        self.add_sponsor = QPushButton(tr("Add"))
        add_row.addWidget(self.sponsor_search, 1)
        add_row.addWidget(self.add_sponsor)
        sp.addLayout(add_row)
        self.sponsor_list = QListWidget()
        self.sponsor_list.setAccessibleName(tr("Sponsors, in the order they print"))
        self.sponsor_list.setMaximumHeight(130)
        sp.addWidget(self.sponsor_list)
        remove_row = QHBoxLayout()
        self.remove_sponsor = QPushButton(tr("Remove"))
        remove_row.addWidget(self.remove_sponsor)
        remove_row.addStretch(1)
        sp.addLayout(remove_row)
        sp.addLayout(self._behalf_form())
        sp.addWidget(QLabel(tr("As printed:")))
        sp.addWidget(self._sponsor_line_label())
        return sponsors

    def _behalf_form(self) -> QFormLayout:
        """On behalf of a group, submitted by an officer, and the note on the sponsor line."""
        behalf = QFormLayout()
        self.on_behalf_of = QComboBox()
        self.on_behalf_of.setEditable(True)
        self.on_behalf_of.addItem("")
        self.on_behalf_of.addItems(self._groups())
        self.on_behalf_of.setAccessibleName(tr("On behalf of a group"))
        self.on_behalf_of.setToolTip(
            tr("For a draft submitted on behalf of a group, e.g. the Group of 77 and China")
        )
        behalf.addRow(tr("On &behalf of:"), self.on_behalf_of)
        self.submitted_by = QComboBox()  # a Chair's or Vice-Chair's draft has no sponsors but who submits it
        self.submitted_by.setEditable(True)
        self.submitted_by.addItems(SUBMITTERS)
        self.submitted_by.setAccessibleName(tr("Submitted by an officer"))
        self.submitted_by.setToolTip(tr('For a draft with no sponsors: "Draft resolution submitted by ..."'))
        behalf.addRow(tr("Submitted b&y:"), self.submitted_by)
        self.sponsor_note = QLineEdit()
        self.sponsor_note.setAccessibleName(tr("Note on the sponsor line"))
        self.sponsor_note.setPlaceholderText(tr("* Any changes to the list of sponsors will be reflected …"))
        self.sponsor_note.setToolTip(
            tr(
                "The note printed at the foot of page 1 for the sponsor line's asterisk, e.g. “* Any changes "
                "to the list of sponsors will be reflected …”"
            )
        )
        behalf.addRow(tr("Sponsor &note:"), self.sponsor_note)
        return behalf

    def _sponsor_line_label(self) -> QLabel:
        """The sponsor line as it prints, selectable."""
        self.sponsor_line = QLabel()
        self.sponsor_line.setWordWrap(True)
        self.sponsor_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sponsor_line.setStyleSheet(
            "background: white; border: 1px solid #c0bfbc; padding: 4px;"
            "font-family: 'Times New Roman', serif;"
        )
        self.sponsor_line.setAccessibleName(tr("Sponsor line as printed"))
        return self.sponsor_line

    def _title_box(self) -> QGroupBox:
        title_box = QGroupBox(tr("Title"))
        tl = QVBoxLayout(title_box)
        self.title = QLineEdit()
        self.title.setAccessibleName(tr("Title of the draft"))
        self.title.setPlaceholderText(tr("Comprehensive Nuclear-Test-Ban Treaty"))
        self.title.setToolTip(
            tr("The title printed in bold above the preamble, often the agenda item's title")
        )
        tl.addWidget(self.title)
        return title_box

    def _fit_narrow(self) -> None:
        """Let the panel be narrower than its longest entry: combos elide, the sponsor line wraps."""
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        for label in (self.sponsor_line, self.session_words):
            label.setMinimumWidth(1)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.sponsor_line.setMinimumHeight(self.sponsor_line.fontMetrics().lineSpacing() * 2)

    @staticmethod
    def _groups() -> list[str]:
        return list(states.groups())

    def _connect(self) -> None:
        self.template.currentIndexChanged.connect(
            lambda _i: self.template_changed.emit(self.template.currentData())
        )
        self.kind.currentIndexChanged.connect(
            lambda _i: self._emit("kind", DocumentKind(self.kind.currentData()))
        )
        self.amends.textEdited.connect(lambda v: self._emit("amends", v.strip()))
        self.session.valueChanged.connect(self._session_changed)
        self.committee.textEdited.connect(lambda v: self._emit("committee", stored_committee(v)))
        self.committee.completer().activated.connect(lambda v: self._emit("committee", stored_committee(v)))
        self.l_number.textEdited.connect(lambda _v: self._rebuild_symbol())
        self.revision.valueChanged.connect(lambda v: self._emit("revision", v))
        self.symbol.textEdited.connect(lambda v: self._emit("symbol", v.strip()))
        self.date.dateChanged.connect(
            lambda d: self._emit("date", None if d == NO_DATE else dt.date(d.year(), d.month(), d.day()))
        )
        self.distribution.value_changed.connect(lambda v: self._emit("distribution", v))
        self.original.value_changed.connect(lambda v: self._emit("original_language", v))
        self.language.currentIndexChanged.connect(
            lambda _i: self._emit("language", self.language.currentData())
        )
        self.title.textEdited.connect(self.title_edited)
        self.add_item.clicked.connect(self._add_agenda_item)
        self.remove_item.clicked.connect(self._remove_agenda_item)
        self.agenda.itemChanged.connect(lambda _item: self._emit("agenda_items", self._agenda_items()))
        self.add_sponsor.clicked.connect(self._add_sponsor)
        self.sponsor_search.returnPressed.connect(self._add_sponsor)
        self.remove_sponsor.clicked.connect(self._remove_sponsor)
        # Remove acts on the sponsor chosen in the list (greyed with none); Delete there does the same
        self.remove_sponsor.setEnabled(False)
        self.sponsor_list.currentRowChanged.connect(lambda row: self.remove_sponsor.setEnabled(row >= 0))
        for key in (QKeySequence.StandardKey.Delete, QKeySequence(Qt.Key.Key_Backspace)):
            shortcut = QShortcut(key, self.sponsor_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._remove_sponsor)
        self.on_behalf_of.currentTextChanged.connect(lambda v: self.sponsors_edited.emit(self._sponsors(), v))
        self.submitted_by.currentTextChanged.connect(lambda v: self._emit("submitted_by", v.strip()))
        self.sponsor_note.textEdited.connect(lambda v: self._emit("sponsor_note", v.strip()))

    def _emit(self, field: str, value: object) -> None:
        self.header_edited.emit(field, value)

    # --- from the user ---------------------------------------------------------------------------------------

    def _template(self) -> Template | None:
        try:
            return get_template(self.template.currentData())
        except Exception:
            return None

    def _session_changed(self, value: int) -> None:
        tpl = self._template()
        field = "year" if tpl is not None and tpl.uses_year else "session"
        self._emit(field, value or None)
        self._show_session_words(value, tpl, self.language.currentData() or "en")
        if self.l_number.text().strip():
            self._rebuild_symbol()

    def _show_session_words(self, value: int, tpl: Template | None, language: str) -> None:
        """The session as the draft prints it, in the draft's language ("Octogésimo primer período de
        sesiones" beside 81 in a Spanish draft, where it said "Eighty-first session")."""
        if tpl is not None and tpl.uses_year:
            self.session_words.setText("")  # a year needs no words
        else:
            self.session_words.setText(get_language(language).session_line(value) if value else "")
        self.session_words.setToolTip(self.session_words.text())

    def _rebuild_symbol(self) -> None:
        tpl = self._template()
        number = self.l_number.text().strip()
        if tpl is None or not number.isdigit():
            return
        value = self.session.value() or None
        symbol = tpl.symbol(session=value, year=value, number=number)
        self.symbol.setText(symbol)
        self._emit("symbol", symbol)

    def _agenda_items(self) -> list[AgendaItem]:
        items = []
        for row in range(self.agenda.rowCount()):
            cells = [self.agenda.item(row, col) for col in range(3)]
            number, sub, title = (one_line(c.text()).strip() if c else "" for c in cells)
            items.append(AgendaItem(number, sub, title))
        return items

    def _add_agenda_item(self) -> None:
        row = self.agenda.rowCount()
        with QSignalBlocker(self.agenda):
            self.agenda.insertRow(row)
            for col in range(3):
                self.agenda.setItem(row, col, QTableWidgetItem(""))
        self._emit("agenda_items", self._agenda_items())
        self.agenda.setCurrentCell(row, 0)
        self.agenda.editItem(self.agenda.item(row, 0))

    def _remove_agenda_item(self) -> None:
        row = self.agenda.currentRow()
        if row < 0:
            row = self.agenda.rowCount() - 1
        if row >= 0:
            self.agenda.removeRow(row)
            self._emit("agenda_items", self._agenda_items())

    def _sponsors(self) -> list[str]:
        return [self.sponsor_list.item(i).text() for i in range(self.sponsor_list.count())]

    def _add_sponsor(self) -> None:
        typed = self.sponsor_search.text().strip()
        if not typed:
            return
        name = states.completed_name(typed, self.language.currentData() or "en") or typed
        self.sponsor_search.clear()
        self.sponsors_edited.emit([*self._sponsors(), name], self.on_behalf_of.currentText())

    def _remove_sponsor(self) -> None:
        row = self.sponsor_list.currentRow()
        if row < 0:
            return
        names = self._sponsors()
        del names[row]
        self.sponsors_edited.emit(names, self.on_behalf_of.currentText())

    # --- from the model --------------------------------------------------------------------------------------

    def show_header(self, res: Resolution) -> None:
        self._res = res
        h = res.header
        blockers = [QSignalBlocker(w) for w in self._header_widgets()]
        try:
            tpl = self._show_template_and_kind(h)
            self._show_session(h, tpl)
            self._show_symbol(h, tpl)
            for box in (self.date, self.distribution, self.original):
                box.show_language(h.language)
            self.date.setDate(QDate(h.date.year, h.date.month, h.date.day) if h.date else NO_DATE)
            self.distribution.show_value(h.distribution)
            self.original.show_value(h.original_language)
            self.language.setCurrentIndex(max(self.language.findData(h.language), 0))
            self._show_title_and_agenda(res, tpl)
            if self.on_behalf_of.currentText() != h.on_behalf_of:
                self.on_behalf_of.setCurrentText(h.on_behalf_of)
            if self.submitted_by.currentText().strip() != h.submitted_by:
                self.submitted_by.setCurrentText(h.submitted_by)
            self._set_text(self.sponsor_note, h.sponsor_note)
        finally:
            del blockers
        if self._sponsors() != h.sponsors:
            current = self.sponsor_list.currentRow()
            self.sponsor_list.clear()
            self.sponsor_list.addItems(h.sponsors)
            self.sponsor_list.setCurrentRow(min(current, self.sponsor_list.count() - 1))
        line, note = sponsor_line(res)
        self.sponsor_line.setText(line + (f"\n* {note}" if note else ""))

    def _header_widgets(self) -> tuple[QWidget, ...]:
        """The fields whose signals are blocked while the header is shown."""
        return (
            self.template,
            self.kind,
            self.amends,
            self.session,
            self.committee,
            self.l_number,
            self.revision,
            self.symbol,
            self.date,
            self.distribution,
            self.original,
            self.title,
            self.agenda,
            self.on_behalf_of,
            self.submitted_by,
            self.sponsor_note,
            self.language,
        )

    def _show_template_and_kind(self, h: Header) -> Template | None:
        index = self.template.findData(h.template)
        self.template.setCurrentIndex(max(index, 0))
        self.template.setToolTip(self.template.currentText())  # its signals are blocked here
        tpl = self._template()
        self.kind.setCurrentIndex(max(self.kind.findData(h.kind.value), 0))
        self._set_text(self.amends, h.amends)
        is_amendment = h.kind is DocumentKind.AMENDMENT
        self.amends.setVisible(is_amendment)
        self.amends_label.setVisible(is_amendment)
        return tpl

    def _show_session(self, h: Header, tpl: Template | None) -> None:
        """The session (or year) with its words, and the committee."""
        uses_year = tpl is not None and tpl.uses_year
        self.session_label.setText(tr("&Year:") if uses_year else tr("&Session:"))
        self.session.setRange(0, 2999 if uses_year else 999)
        value = (h.year if uses_year else h.session) or 0
        show_number(self.session, value)
        self._show_session_words(value, tpl, h.language)
        language = get_language(h.language)
        names = sorted({language.committee(name) for name in known_committees()}, key=str.casefold)
        if self._committee_names.stringList() != names:
            self._committee_names.setStringList(names)
        self._set_text(self.committee, language.committee(h.committee))
        self.committee.setPlaceholderText(
            language.committee(tpl.committee) if tpl and tpl.committee else tr("(none)")
        )

    def _show_symbol(self, h: Header, tpl: Template | None) -> None:
        """The L number (or number) and revision, and the symbol."""
        limited = tpl is None or "L.{number}" in tpl.symbol_pattern
        self.number_label.setText(tr("L number:") if limited else tr("Number:"))
        self.l_prefix.setVisible(limited)
        m = _L_NUMBER.search(h.symbol) if limited else re.search(r"/(\d+)$", h.symbol)
        # changed only when it differs (typing in it is left alone), also while it has the focus: Ctrl+Z there
        # takes the number back in the document, and the box must say so
        self._set_text(self.l_number, m.group(1) if m else "")
        show_number(self.revision, h.revision)
        self._set_text(self.symbol, h.symbol)
        if tpl is not None:
            self.symbol.setPlaceholderText(
                tpl.symbol_pattern.replace("{session}", "…").replace("{year}", "…").replace("{number}", "…")
            )

    def _show_title_and_agenda(self, res: Resolution, tpl: Template | None) -> None:
        """The State names for the sponsor fields, the title and the agenda items."""
        h = res.header
        names = states.all_states(language=h.language)
        if self._state_names.stringList() != names:
            self._state_names.setStringList(names)
        self._set_text(self.title, res.title)
        self.title.setEnabled(tpl is None or tpl.has_title)
        if self._agenda_items() != h.agenda_items:
            self.agenda.setRowCount(0)
            for item in h.agenda_items:
                row = self.agenda.rowCount()
                self.agenda.insertRow(row)
                for col, value_ in enumerate((item.number, item.sub_item, item.title)):
                    self.agenda.setItem(row, col, QTableWidgetItem(value_))

    @staticmethod
    def _set_text(field: QLineEdit, text: str) -> None:
        if field.text() != text:
            field.setText(text)
