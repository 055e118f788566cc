"""Merge proposals into the next informal revision: the facilitator goes place by place (a paragraph, a proposed
paragraph, a title, a footnote, a bracket), sees the proposals there as the compilation shows them and what each
proposer's text would read, ticks what to accept (one of each set of alternatives: proposals on the same words),
and sees the result. Everything not ticked is rejected. OK issues the result as Rev.N through
`app.negotiation.commands.merge_revision`: one undo step. The choices and the result come from
`app.negotiation.merging`; the dialog only shows them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import ResoluteError
from app.inline import plain
from app.interface import tr
from app.messages import explain, localize
from app.model import Resolution
from app.negotiation import merging, numbering, rounds
from app.negotiation.compilation import Compilation, Entry
from app.negotiation.printed import printed
from app.negotiation.status import Bracket
from widgets.first_change import show_first_change
from widgets.negotiation_view import compilation_html
from widgets.wrapping import set_html

KEEP = ""  # the radio button that keeps the text (or the bracket) as it is
ERROR_STYLE = "color:#b3261e;"
PROPOSED_STYLE = "color:#444; margin-left:24px;"


def _rows_text(rows: list[tuple[str, str]]) -> str:
    """A table proposal's rows, one a line, each with what happens to it."""
    said = {
        merging.ADDED: tr("Row added: {row}"),
        merging.DELETED: tr("Row deleted: {row}"),
        merging.CHANGED: tr("Row changed: {row}"),
    }
    return "\n".join(said[kind].format(row=row) for kind, row in rows)


PLACE_HEIGHT = 130  # px: the place shown, when a paragraph
TABLE_HEIGHT = (
    260  # px at least, when a table: a dialog of 576 px (a 1024x640 screen) keeps its choices in view
)
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
OUTCOME_LINES = 5  # the result shows this many lines before it scrolls


class MergeDialog(QDialog):
    """`choices` holds what is ticked; `result` the merged text (None while the choices do not merge)."""

    def __init__(self, res: Resolution, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        neg = res.negotiation
        if neg is None:
            raise ValueError("the text is not under negotiation")
        self.res, self.neg = res, neg
        self.revision = f"Rev.{len(neg.revisions)}"
        self.setWindowTitle(tr("Merge proposals into {revision}").format(revision=self.revision))
        self.compilation: Compilation = rounds.compilation(neg, res)
        self.items = merging.items(neg, rounds.compile_open(neg))
        self._by_key = {item.key: item for item in self.items}
        self._rows: dict[str, QListWidgetItem] = {}  # each place's row in the list, by `MergeItem.key`
        self.brackets: list[Bracket] = list(neg.brackets)
        # a bracket's paragraph named as the compilation names it (OP 3 bis for one typed in since the last
        # revision, which the stored labels do not hold yet)
        self.labels = numbering.current(res)
        self.delete = printed(res.header.language)[
            "delete"
        ]  # "(supprimer)": as the draft's compilation prints it
        self.choices = merging.Choices()
        self.result: Resolution | None = None
        self.error = ""

        self._buttons: dict[str, QAbstractButton] = {}  # proposal id (or "<id>:keep", "<bracket id>:<n>")
        self._build()
        QApplication.instance().focusChanged.connect(self._focus_moved)  # type: ignore[union-attr]
        self._list_places()
        if parent is not None:
            self.resize(min(1100, int(parent.width() * 0.9)), min(760, int(parent.height() * 0.9)))
        else:
            self.resize(1000, 680)
        self._recompute()
        if self.places.count():
            self.places.setCurrentRow(0)
        else:
            self._show_place()

    def _build(self) -> None:
        """The places on the left; the place shown, its options and the result on the right."""
        self._build_fields()
        right = self._right_column()
        split = QSplitter()
        split.addWidget(self.places)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([240, 700])
        self._build_buttons()
        bottom = QHBoxLayout()
        bottom.addWidget(self.accept_all)
        bottom.addWidget(self.reject_all)
        bottom.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)
        self.accept_all.clicked.connect(self._accept_all)
        self.reject_all.clicked.connect(self._reject_all)

    def _build_fields(self) -> None:
        """The list of places, the place shown, its options, the result and the revision's note."""
        self.places = QListWidget()
        self.places.setAccessibleName(tr("Places with proposals"))
        self.places.setMinimumWidth(180)
        # a place's name wraps rather than run past the column: at 1024x640 a French or Spanish one ("Table 1,
        # lignes ajoutées après la ligne 3 · EU") lost its proposers to a sideways scroll
        self.places.setWordWrap(True)
        self.places.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.places.setResizeMode(QListView.ResizeMode.Adjust)
        self.heading = QLabel()
        self.shown = QTextBrowser()  # the place as the compilation shows it
        self.shown.setOpenLinks(False)
        # read with the arrow keys from the first change; the place's label is a link that leads nowhere here,
        # and was a second Tab stop before the choices
        self.shown.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.shown.setAccessibleName(tr("The place as the compilation shows it"))
        self.shown.setMaximumHeight(PLACE_HEIGHT)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its choices take the focus, and scroll it into view
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # the result in a box of its own, as tall as its lines up to OUTCOME_LINES, then scrolled: in the column
        # under a table (a 1024x640 screen) the label alone was squeezed to one line, a table's result cut off
        self.outcome_area = QScrollArea()
        self.outcome_area.setWidgetResizable(True)
        self.outcome_area.setFrameShape(QFrame.Shape.NoFrame)
        self.outcome_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.outcome_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outcome_area.setWidget(self.outcome)
        self.accept_all = QPushButton(tr("Accept all"))
        self.accept_all.setToolTip(
            tr("Accept every proposal that has no alternative; alternatives stay as chosen")
        )
        self.reject_all = QPushButton(tr("Reject all"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Note for the revision (optional): e.g. after the second informal"))
        self.note.setToolTip(self.note.placeholderText())  # cut off on a laptop window or with a large font
        self.note.setAccessibleName(tr("Revision note"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._new_options()
        self._put_options()

    def _right_column(self) -> QWidget:
        """The place shown, its options and the result."""
        right = QWidget()
        col = self.column = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.heading)
        col.addWidget(self.shown)
        col.addWidget(QLabel(tr("<b>Decide</b>")))
        col.addWidget(self.scroll, 1)
        col.addWidget(QLabel(tr("<b>Result</b>")))
        col.addWidget(self.outcome_area)
        return right

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Issue {revision}").format(revision=self.revision))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _list_places(self) -> None:
        """One row per place with proposals, then one per open bracket."""
        for item in self.items:
            names = ", ".join(dict.fromkeys(p.proposer for p in item.proposals))
            row = QListWidgetItem(f"{localize(item.label) or tr('New paragraph')} · {names}")
            row.setData(Qt.ItemDataRole.UserRole, ("place", item.key))
            self.places.addItem(row)
            self._rows[item.key] = row
        labels = self.labels
        for bracket in self.brackets:
            row = QListWidgetItem(
                tr("{place} · bracket {words}").format(
                    place=labels.get(bracket.paragraph_id, tr("Paragraph")),
                    words=bracket.shown_plain(self.delete),
                )
            )
            row.setData(Qt.ItemDataRole.UserRole, ("bracket", bracket.id))
            self.places.addItem(row)
        self.places.currentRowChanged.connect(lambda _: self._show_place())

    # --- what the user sees ------------------------------------------------------------------------------

    def place_rows(self) -> list[str]:
        return [self.places.item(i).text() for i in range(self.places.count())]

    def _current(self) -> tuple[str, str] | None:
        row = self.places.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row is not None else None

    def _entries(self, target: str) -> list[Entry]:
        return [e for e in self.compilation.entries if e.paragraph_id == target]

    def _new_options(self) -> None:
        """A fresh panel for the choices of one place (the scroll area deletes the previous one)."""
        self.options = QWidget()
        self.options_layout = QVBoxLayout(self.options)
        self.options_layout.setContentsMargins(4, 4, 4, 4)
        self._buttons.clear()

    def _put_options(self) -> None:
        """The panel built, in its place: shown at once (a widget put in a scroll area already on screen is
        not shown by itself, and children added to a shown one only on the next turn of the event loop)."""
        self.options_layout.addStretch(1)
        self.scroll.setWidget(self.options)
        self.options.show()
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes from the place shown to its choices, then on to Accept all: the choices are made anew for
        each place, and a widget made later joins the end of the chain (after Cancel, one Tab past the
        dialog's buttons from a keyboard user's eyes)."""
        if self.accept_all.window() is not self:  # the dialog being built: its first place orders them
            return
        previous: QWidget = self.shown
        for button in self._buttons.values():
            QWidget.setTabOrder(previous, button)
            previous = button
        QWidget.setTabOrder(previous, self.accept_all)

    def _show_place(self) -> None:
        self._new_options()
        current = self._current()
        if current is None:
            self.heading.setText(tr("No proposals are open: OK issues the text as it stands."))
            self.shown.setHtml("")
            self._put_options()
            self._show_outcome()
            return
        kind, key = current
        if kind == "place":
            item = self._by_key[key]
            self.heading.setText(f"<b>{html.escape(localize(item.label) or tr('New paragraph'))}</b>")
            entries = self._entries(item.target)
            comp = Compilation(self.compilation.title, self.compilation.base_version, [], entries)
            self._fit_shown(any(e.rows is not None for e in comp.entries))
            set_html(self.shown, compilation_html(comp))
            show_first_change(self.shown)
            self._place_options(item)
        else:
            bracket = next(b for b in self.brackets if b.id == key)
            self.heading.setText(
                "<b>"
                + tr("Bracket in {place}").format(
                    place=html.escape(self.labels.get(bracket.paragraph_id, ""))
                )
                + "</b>"
            )
            comp = Compilation(self.compilation.title, "", [], self._entries(bracket.paragraph_id)[:1])
            set_html(self.shown, compilation_html(comp))
            self._bracket_options(bracket)
        self._put_options()
        self._show_outcome()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A choice reached by the arrow keys (radio buttons of one group: Tab only reaches the checked one) is
        scrolled into view as a choice reached with Tab is: it could stand below the edge, checked unseen."""
        if new is not None and self.options.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new)

    def _fit_shown(self, table: bool) -> None:
        """A paragraph in a box 130 px tall; a table, rows of several lines each, in one twice that or more (the
        choices below, which list only the rows changed, scroll): at 130 px a scale's table showed two rows."""
        self.shown.setMinimumHeight(TABLE_HEIGHT if table else 0)
        self.shown.setMaximumHeight(QWIDGETSIZE_MAX if table else PLACE_HEIGHT)
        self.column.setStretchFactor(self.shown, 1 if table else 0)

    def _proposed(self, item: merging.MergeItem, proposal) -> str:  # noqa: ANN001
        try:
            version = merging.proposed_version(self.neg, item, proposal)
            rows = merging.table_changes(rounds.base_text(self.neg), version, item.target)
            text = merging.place_text(version, item.target) if rows is None else _rows_text(rows)
        except ResoluteError as exc:
            return explain(exc)
        return text or tr("(deleted)")

    def _place_options(self, item: merging.MergeItem) -> None:
        accepted = self.choices.accepted.get(item.key, [])
        by_id = {p.id: p for p in item.proposals}
        for group in item.alternatives:
            if len(group) == 1:
                proposal = by_id[group[0]]
                box = QCheckBox(tr("Accept {delegation}").format(delegation=proposal.proposer))
                box.setChecked(proposal.id in accepted)
                box.toggled.connect(
                    lambda on, pid=proposal.id: self._set(item.key, [pid], pid if on else KEEP)
                )
                self._add_option(box, self._proposed(item, proposal), proposal.id)
                continue
            self.options_layout.addWidget(QLabel(tr("Alternatives (on the same words): take one or none")))
            buttons = QButtonGroup(self.options)
            keep = QRadioButton(tr("Keep the text as it is"))
            keep.setChecked(not any(pid in accepted for pid in group))
            buttons.addButton(keep)
            self._add_option(keep, "", f"{group[0]}:keep")
            keep.toggled.connect(lambda on, g=tuple(group): on and self._set(item.key, list(g), KEEP))
            for pid in group:
                radio = QRadioButton(tr("Take {delegation}").format(delegation=by_id[pid].proposer))
                radio.setChecked(pid in accepted)
                buttons.addButton(radio)
                radio.toggled.connect(
                    lambda on, g=tuple(group), p=pid: on and self._set(item.key, list(g), p)
                )
                self._add_option(radio, self._proposed(item, by_id[pid]), pid)

    def _bracket_options(self, bracket: Bracket) -> None:
        chosen = self.choices.brackets.get(bracket.id)
        buttons = QButtonGroup(self.options)
        keep = QRadioButton(tr("Keep the words bracketed"))
        keep.setChecked(chosen is None)
        buttons.addButton(keep)
        keep.toggled.connect(lambda on: on and self._set_bracket(bracket.id, None))
        self._add_option(keep, "", f"{bracket.id}:keep")
        for n, alt in enumerate(bracket.alternatives):
            who = f" ({', '.join(alt.holders)})" if alt.holders else ""
            words = plain(alt.text) or tr("(delete the words)")
            radio = QRadioButton(tr("Take “{words}”").format(words=words) + who)
            radio.setChecked(chosen == alt.text)
            buttons.addButton(radio)
            radio.toggled.connect(lambda on, t=alt.text: on and self._set_bracket(bracket.id, t))
            self._add_option(radio, "", f"{bracket.id}:{n}")

    def _add_option(self, button: QAbstractButton, proposed: str, key: str) -> None:
        self._buttons[key] = button
        self.options_layout.addWidget(button)
        if proposed:
            text = QLabel(
                f'<span style="{PROPOSED_STYLE}">{html.escape(proposed).replace(chr(10), "<br>")}</span>'
            )
            text.setWordWrap(True)
            text.setContentsMargins(24, 0, 0, 6)
            self.options_layout.addWidget(text)

    def option(self, key: str) -> QAbstractButton:
        """The box or radio button of a proposal id ("<id>:keep" for keeping the text; "<bracket id>:<n>")."""
        return self._buttons[key]

    def _show_outcome(self) -> None:
        accepted = sum(len(v) for v in self.choices.accepted.values())
        total = sum(len(i.proposals) for i in self.items)
        resolved = len(self.choices.brackets)
        self.summary.setText(
            tr(
                "{accepted} of {total} proposals accepted, the others rejected · {resolved} of {brackets} brackets "
                "resolved · the result is issued as {revision}"
            ).format(
                accepted=accepted,
                total=total,
                resolved=resolved,
                brackets=len(self.brackets),
                revision=self.revision,
            )
        )
        self.ok_button.setEnabled(not self.error)
        if self.error:
            self._put_outcome(f'<span style="{ERROR_STYLE}">{html.escape(self.error)}</span>')
            return
        current = self._current()
        if current is None or self.result is None:
            self._put_outcome("")
            return
        kind, key = current
        if kind == "place":
            target = self._by_key[key].target
        else:
            target = next(b.paragraph_id for b in self.brackets if b.id == key)
        rows = merging.table_changes(self.res, self.result, target) if self.result.find(target) else None
        if rows is not None:
            text = _rows_text(rows) or tr("(the table as it is)")
        else:
            text = merging.place_text(self.result, target) or tr("(not in the text)")
        self._put_outcome(html.escape(text).replace("\n", "<br>"))

    def _put_outcome(self, text: str) -> None:
        self.outcome.setText(text)
        self._fit_outcome()

    def _fit_outcome(self) -> None:
        """The result's box as tall as its wrapped lines, at most OUTCOME_LINES of them (the rest scroll)."""
        width = self.outcome_area.viewport().width()
        needed = self.outcome.heightForWidth(width) if width > 0 else self.outcome.sizeHint().height()
        most = OUTCOME_LINES * self.outcome.fontMetrics().lineSpacing()
        self.outcome_area.setFixedHeight(max(min(needed, most), self.outcome.fontMetrics().lineSpacing()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_outcome()

    # --- choosing ------------------------------------------------------------------------------------------

    def _set(self, key: str, group: list[str], taken: str) -> None:
        """Within `group` at the place `key` (`MergeItem.key`), accept only `taken` (KEEP: none of them)."""
        ids = [pid for pid in self.choices.accepted.get(key, []) if pid not in group]
        if taken:
            ids.append(taken)
        if ids:
            self.choices.accepted[key] = ids
        else:
            self.choices.accepted.pop(key, None)
        self._recompute()
        self._mark_row(key)
        self._show_outcome()

    def _set_bracket(self, bracket_id: str, text: str | None) -> None:
        if text is None:
            self.choices.brackets.pop(bracket_id, None)
        else:
            self.choices.brackets[bracket_id] = text
        self._recompute()
        self._show_outcome()

    def _mark_row(self, key: str) -> None:
        """The place's row in bold while something is accepted there. Found by key, not searched: a table's
        rows and cells are places of their own, and Accept all marks every one of them."""
        row = self._rows.get(key)
        if row is not None:
            font = row.font()
            font.setBold(bool(self.choices.accepted.get(key)))
            row.setFont(font)

    def _accept_all(self) -> None:
        for item in self.items:
            singles = [g[0] for g in item.alternatives if len(g) == 1]
            kept = [pid for pid in self.choices.accepted.get(item.key, []) if pid not in singles]
            if singles or kept:
                self.choices.accepted[item.key] = kept + singles
            self._mark_row(item.key)
        self._recompute()
        self._show_place()

    def _reject_all(self) -> None:
        self.choices.accepted.clear()
        for item in self.items:
            self._mark_row(item.key)
        self._recompute()
        self._show_place()

    def _recompute(self) -> None:
        try:
            self.result = merging.merged(self.neg, self.res, self.choices)
            self.error = ""
        except ResoluteError as exc:
            self.result, self.error = None, explain(exc)
