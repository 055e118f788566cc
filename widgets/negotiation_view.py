"""The negotiation view: the compilation of delegations' proposals on the latest revision, beside the draft.

Each paragraph under its negotiation label (OP 7, OP 7 bis), proposals marked as in Word (insertions underlined
in blue, deletions struck through in red) with the proposer in brackets after each, brackets highlighted with
their alternatives, and the paragraph's status. Clicking a paragraph selects it; the buttons accept or reject a
proposer's edits there, mark it agreed ad ref or open again, and issue the next informal revision. Everything
goes through `app.negotiation.commands`, so Ctrl+Z takes back any step.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMenuBar,
    QPushButton,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import ResoluteError
from app.export_names import named_for
from app.interface import fill, marked, plural, singular, tr
from app.messages import explain
from app.negotiation import commands, rounds
from app.negotiation.compilation import BRACKET, DELETE, INSERT, TAG, Compilation, Entry, Piece, TableRow
from app.negotiation.status import Status
from widgets.compilation_keys import CompilationKeys
from widgets.table_cap import capped
from widgets.wrapping import set_html

if TYPE_CHECKING:
    from app.model import Resolution
    from app.negotiation.proposals import Proposal
    from widgets.main_window import MainWindow
    from widgets.merge_dialog import MergeDialog

INSERT_STYLE = "color:#0b57d0; background-color:#e3edfd; text-decoration:underline;"
DELETE_STYLE = "color:#b3261e; background-color:#fbe9e7; text-decoration:line-through;"
BRACKET_STYLE = "background-color:#fff3b0; font-weight:bold;"
STATUS_STYLE = "background-color:#d7f5dd; color:#1e6b2f; font-weight:bold;"
SELECTED_STYLE = "background-color:#eef2f8;"
LEFT_OPEN = (  # asked before a revision is issued over open proposals: one, several
    marked(
        "{count} proposal is still open ({names}): {version} leaves it behind, and its delegation proposes again on {version}."
    ),
    marked(
        "{count} proposals are still open ({names}): {version} leaves them behind, and their delegations propose again on {version}."
    ),
)
PROPOSAL_FILTER = marked("Proposals (*.docx *.txt *.json);;All files (*)")


def shown_version(name: str) -> str:
    """A revision's name in the editor's language: "Zero draft" is a word ("Avant-projet"), "Rev.1" a symbol."""
    return tr("Zero draft") if name == rounds.ZERO_DRAFT else name


def pieces_html(pieces: list[Piece]) -> str:
    parts = []
    for piece in pieces:
        text = html.escape(piece.text).replace("\n", "<br>")
        if piece.note:
            text = f"<sup>{text}</sup>"
        elif piece.italic:
            text = f"<i>{text}</i>"
        style = {INSERT: INSERT_STYLE, DELETE: DELETE_STYLE, BRACKET: BRACKET_STYLE}.get(piece.op)
        if piece.op == TAG:
            text = f"<b>{text}</b>"
        parts.append(f'<span style="{style}">{text}</span>' if style else text)
    return "".join(parts)


def rows_html(rows: list[TableRow]) -> str:
    """A table's rows with their proposals, a cell to a cell."""
    shown, left_out = capped(rows)
    body = "".join(
        "<tr>" + "".join(f'<td valign="top">{pieces_html(cell)}</td>' for cell in row.cells) + "</tr>"
        for row in shown
    )
    return f'<table border="1" cellspacing="0" cellpadding="3" style="border-color:#999;">{body}</table>{left_out}'


def entry_html(entry: Entry, selected: bool = False) -> str:
    parts = [rows_html(entry.rows)] if entry.rows is not None else []
    parts.append(pieces_html(entry.pieces))
    status = (
        f' <span style="{STATUS_STYLE}">&nbsp;{html.escape(entry.status)}&nbsp;</span>'
        if entry.status
        else ""
    )
    label = html.escape(entry.label) + ("." if entry.kind == "footnote" else "")
    indent = 18 * entry.level
    row = SELECTED_STYLE if selected else ""
    return (
        f'<tr style="{row}"><td width="92" valign="top"><a name="p-{entry.paragraph_id}"></a>'
        f'<a href="entry:{entry.paragraph_id}" style="color:#1f1f1f; text-decoration:none;"><b>{label}</b></a>'
        f'</td><td style="padding-left:{indent}px">{"".join(parts)}{status}</td></tr>'
    )


def compilation_html(comp: Compilation, selected: str = "") -> str:
    rows = []
    notes = False
    for entry in comp.entries:
        if entry.kind == "footnote" and not notes:
            rows.append(f'<tr><td colspan="2"><br><b>{tr("Footnotes")}</b></td></tr>')
            notes = True
        rows.append(entry_html(entry, entry.paragraph_id == selected))
    return f'<table cellspacing="0" cellpadding="3" width="100%">{"".join(rows)}</table>'


class NegotiationView(QWidget):
    """Counts, the compilation, and the buttons for the facilitator's decisions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(tr("Compilation of the proposals"))
        self.start_button = QPushButton(tr("Start negotiation"))
        self.add_button = QPushButton(tr("Add proposal…"))
        self.proposer = QComboBox()
        self.proposer.setMinimumWidth(140)
        self.proposer.setAccessibleName(tr("Whose proposal"))
        self.type_button = QPushButton(tr("Type proposal…"))
        self.accept_button = QPushButton(tr("Accept"))
        self.reject_button = QPushButton(tr("Reject"))
        self.agree_button = QPushButton(tr("Agreed ad ref"))
        self.reopen_button = QPushButton(tr("Reopen"))
        self.revision_button = QPushButton(tr("Issue revision"))
        self.merge_button = QPushButton(tr("Merge into revision…"))
        self.merge_button.setToolTip(
            tr("Accept or reject every proposal, place by place, and issue the next revision")
        )
        self.export_button = QPushButton(tr("Export compilation…"))
        self.l_button = QPushButton(tr("Make L document…"))
        self.l_button.setToolTip(
            tr("The text numbered afresh for tabling, with the table of old to new numbers")
        )
        # toolbars, not rows of buttons: in a narrow column what does not fit folds into the » menu (every
        # action of the top row is in the Negotiate menu too), so the panel never widens past the paragraphs
        top = _strip()
        self._shown = {
            w: top.addWidget(w)
            for w in (
                self.start_button,
                self.add_button,
                self.merge_button,
                self.revision_button,
                self.export_button,
                self.l_button,
            )
        }
        decide = _strip()
        self.where = QLabel(tr("Select a paragraph"))
        for w in (
            self.where,
            self.type_button,
            self.proposer,
            self.accept_button,
            self.reject_button,
            self.agree_button,
            self.reopen_button,
        ):
            decide.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(top)
        layout.addWidget(self.browser, 1)
        layout.addWidget(decide)

    def show_button(self, button: QPushButton, on: bool) -> None:
        """Show or hide a button of the top toolbar (a toolbar shows its widgets through their actions)."""
        self._shown[button].setVisible(on)


def _strip() -> QToolBar:
    bar = QToolBar()
    bar.setMovable(False)
    bar.setFloatable(False)
    return bar


class NegotiationPanel(QObject):
    """The view in a dock beside the preview, and what its buttons do to the open document."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.view = NegotiationView()
        self.dock = win.docks.add_beside_preview(marked("Negotiation"), self.view)
        self.selected = ""
        self.compilation: Compilation | None = None
        v = self.view
        v.browser.anchorClicked.connect(self._clicked)
        CompilationKeys(v.browser, self.step)
        v.start_button.clicked.connect(self.start)
        v.add_button.clicked.connect(self.add_proposal)
        v.type_button.clicked.connect(self.type_proposal)
        v.accept_button.clicked.connect(lambda: self.decide(rounds.ACCEPT))
        v.reject_button.clicked.connect(lambda: self.decide(rounds.REJECT))
        v.agree_button.clicked.connect(lambda: self.mark(Status.AGREED))
        v.reopen_button.clicked.connect(lambda: self.mark(Status.OPEN))
        v.revision_button.clicked.connect(self.issue_revision)
        v.merge_button.clicked.connect(self.open_merge)
        v.l_button.clicked.connect(self.make_l_document)
        self.merge_dialog: MergeDialog | None = None
        self.history_dialog: QDialog | None = None
        v.export_button.clicked.connect(self.export)
        win.document_changed.connect(lambda *_: self.dock.isVisible() and self.refresh())

    def add_menu(self, menubar: QMenuBar) -> None:
        """The Negotiate menu, before Help (widgets.negotiation_menu)."""
        from widgets.negotiation_menu import add_menu

        add_menu(self, menubar)

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.refresh()
        QTimer.singleShot(0, self, self._widen)  # once the dock is laid out: before, Qt does not size it

    def _widen(self) -> None:
        """Wide enough for every button where the window has room; at most half of it, for the paragraphs."""
        want = min(self.view.sizeHint().width() + 24, self.win.width() // 2)
        if self.dock.isVisible() and self.dock.width() < want:
            self.win.resizeDocks([self.dock], [want], Qt.Orientation.Horizontal)

    # --- showing ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        v, res = self.view, self.win.res
        neg = res.negotiation
        under = neg is not None
        v.show_button(v.start_button, not under)
        for w in (
            v.add_button,
            v.revision_button,
            v.merge_button,
            v.l_button,
            v.export_button,
            v.accept_button,
            v.reject_button,
            v.agree_button,
            v.reopen_button,
            v.proposer,
            v.type_button,
        ):
            w.setEnabled(under)
        if neg is None:
            self.compilation = None
            self._select("")  # not the place of a text no longer open ("OP 1" over an amendment's panel)
            v.summary.setText(
                tr(
                    "This draft is not under negotiation. Start the negotiation to take it as the zero "
                    "draft: its paragraphs keep their numbers from then on."
                )
            )
            v.browser.setHtml("")
            return
        try:
            self.compilation = rounds.compilation(neg, res)
        except ResoluteError as exc:
            v.summary.setText(explain(exc))
            return
        open_, brackets = rounds.counts(neg, res)
        pending = len(self.compilation.proposers)
        v.summary.setText(
            f"<b>{html.escape(shown_version(neg.version))}</b> · "
            + tr("proposals by {delegations}: {names}").format(
                delegations=plural(pending, "{count} delegation", "{count} delegations"),
                names=html.escape(", ".join(self.compilation.proposers) or tr("none")),
            )
            + " · "
            + plural(open_, "{count} open paragraph", "{count} open paragraphs")
            + " · "
            + plural(brackets, "{count} bracket", "{count} brackets")
        )
        scroll = v.browser.verticalScrollBar().value()
        set_html(v.browser, compilation_html(self.compilation, self.selected))
        v.browser.verticalScrollBar().setValue(scroll)
        self._select(self.selected)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "entry":
            self._select(url.path())
            self.refresh()

    def select(self, paragraph_id: str) -> None:
        """Select a paragraph of the compilation and bring it into view (the paragraph at the editor's cursor)."""
        self._select(paragraph_id)
        self.refresh()
        self.scroll_to(paragraph_id)

    def step(self, delta: int) -> None:
        """Select the place before (-1) or after (+1) the one selected, from the keyboard, and show it; the first
        place when none is selected. The compilation is drawn again, not compiled again."""
        places = [e.paragraph_id for e in self.compilation.entries if e.label] if self.compilation else []
        if not places:
            return
        at = places.index(self.selected) + delta if self.selected in places else 0
        self._select(places[max(0, min(at, len(places) - 1))])
        scroll = self.view.browser.verticalScrollBar().value()
        set_html(self.view.browser, compilation_html(self.compilation, self.selected))
        self.view.browser.verticalScrollBar().setValue(scroll)
        self.scroll_to(self.selected)

    def scroll_to(self, paragraph_id: str) -> None:
        self.view.browser.scrollToAnchor(f"p-{paragraph_id}")

    def _select(self, paragraph_id: str) -> None:
        self.selected = paragraph_id
        entry = self._entry()
        v = self.view
        v.proposer.clear()
        if entry is None:
            v.where.setText(tr("Select a paragraph"))
            return
        v.where.setText(f"<b>{html.escape(entry.label)}</b>")
        neg = self.win.res.negotiation
        for p in neg.proposals if neg else []:
            if entry.paragraph_id in p.targets() and p.proposer in entry.proposers:
                v.proposer.addItem(p.proposer, p.id)

    def _entry(self) -> Entry | None:
        if self.compilation is None or not self.selected:
            return None
        return next(
            (e for e in self.compilation.entries if e.paragraph_id == self.selected and e.label), None
        )

    # --- doing ---------------------------------------------------------------------------------------------

    def _run(self, command, **kwargs) -> bool:  # noqa: ANN001
        self.win.doc.history.seal()
        try:
            change = self.win.apply(command, **kwargs)
        except ResoluteError as exc:
            self.win.statusBar().showMessage(explain(exc), 6000)
            return False
        self.win.doc.history.seal()
        if change is not None:
            self.win.header.show_header(self.win.res)
        self.refresh()
        return change is not None

    def start(self) -> None:
        self._run(commands.start_negotiation, facilitator=self.win.settings.user_name or "")

    def add_proposal(self) -> None:
        neg = self.win.res.negotiation
        if neg is None:
            self.win.statusBar().showMessage(tr("Start the negotiation first"), 4000)
            return
        if self.win.reader.refused():
            return
        path = self.win.prompter.open_path(self.win, tr("Add a delegation's proposal"), PROPOSAL_FILTER)
        if not path:
            return
        try:
            base = rounds.base_text(neg)
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Cannot read the proposal"), explain(exc))
            return
        version = neg.version
        self.win.reader.read(
            Path(path),
            lambda read: self._proposals_read(read, base, version),
            title=tr("Cannot read the proposal"),
            work=lambda path: read_proposals(path, base, version),
        )

    def _proposals_read(self, read: list[Proposal] | Resolution, base: Resolution, version: str) -> None:
        """The proposals of a tracked Word file, or a plain draft whose author the user names."""
        from app.negotiation.outside import refuse_outside_only
        from app.negotiation.proposals import derive

        if isinstance(read, list):
            self._run(commands.add_proposals, proposals=read)
            return
        name = self.win.prompter.ask_line(
            self.win,
            tr("Who proposes this text?"),
            tr("Delegation or group (EU, G77 and China …):"),
            "",
        )
        if not name:
            return
        proposal = derive(base, read, name.strip(), version)
        try:
            refuse_outside_only(base, read, proposal)
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Cannot read the proposal"), explain(exc))
            return
        self._run(commands.add_proposals, proposals=[proposal])

    def type_proposal(self) -> None:
        """A proposal read out in the room, on the selected paragraph (see `app.negotiation.typed`)."""
        from app.negotiation.typed import typed_proposal

        neg, entry = self.win.res.negotiation, self._entry()
        if neg is None or entry is None or entry.kind not in ("paragraph", "title"):
            self.win.statusBar().showMessage(tr("Select a paragraph of the text first"), 4000)
            return
        line = self.win.prompter.ask_line(
            self.win,
            tr("Proposal on {place}").format(place=entry.label),
            tr('e.g. EU: after "States" insert "and regional organizations"'),
            "",
        )
        if not line:
            return
        try:
            proposal = typed_proposal(rounds.base_text(neg), entry.paragraph_id, line, neg.version)
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Cannot read the proposal"), explain(exc))
            return
        self._run(commands.add_proposals, proposals=[proposal])

    def bracket_words(self, words: str = "") -> None:
        """Bracket disputed words of the selected paragraph, typed as the compilation prints a bracket."""
        from app.negotiation.typed import typed_bracket

        entry = self._entry()
        if self.win.res.negotiation is None or entry is None or entry.kind != "paragraph":
            self.win.statusBar().showMessage(tr("Select a paragraph of the text first"), 4000)
            return
        line = self.win.prompter.ask_line(
            self.win,
            tr("Brackets in {place}").format(place=entry.label),
            tr(
                "The words in the text, then each other option and who holds it, e.g. extreme – US / (delete) – G77"
            ),
            f"{words} – " if words else "",
        )
        if not line:
            return
        try:
            words, alternatives = typed_bracket(line)
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Cannot bracket the words"), explain(exc))
            return
        self._run(
            commands.add_bracket, paragraph_id=entry.paragraph_id, words=words, alternatives=alternatives
        )

    def decide(self, action: str, target: str | list[str] = "") -> None:
        """Accept or reject the chosen proposal on the selected paragraph, or on `target`: a table's row or
        cell, or the parts at the cells selected (app.negotiation.table_parts)."""
        proposal_id = self.view.proposer.currentData()
        if not self.selected or not proposal_id:
            self.win.statusBar().showMessage(tr("Select a paragraph with a proposal first"), 4000)
            return
        command = commands.accept if action == rounds.ACCEPT else commands.reject
        self._run(command, proposal_id=proposal_id, target=target or self.selected)

    def mark(self, status: Status) -> None:
        if not self.selected:
            self.win.statusBar().showMessage(tr("Select a paragraph first"), 4000)
            return
        self._run(commands.set_status, paragraph_id=self.selected, status=status)

    def show_history(self) -> None:
        """The selected paragraph's changes of status (widgets.status_history)."""
        from widgets.status_history import StatusHistoryDialog

        entry, neg = self._entry(), self.win.res.negotiation
        if entry is None or neg is None:
            self.win.statusBar().showMessage(tr("Select a paragraph first"), 4000)
            return
        self.history_dialog = StatusHistoryDialog(
            entry.label, neg.statuses.get(entry.paragraph_id, []), self.win
        )
        self.history_dialog.open()

    def issue_revision(self) -> None:
        neg = self.win.res.negotiation
        if neg is not None and not self._leave_open(neg):
            return
        if self._run(commands.issue_revision):
            neg = self.win.res.negotiation
            self.win.statusBar().showMessage(
                tr("{version} issued; proposals are now made against it").format(version=neg.version), 5000
            )

    def _leave_open(self, neg: rounds.Negotiation) -> bool:
        """Where proposals are still open, whether to issue the revision all the same: it leaves them behind
        unseen (the compilation shows the proposals on the latest revision), so the delegate says so, or decides
        them first in the merge."""
        pending = rounds.open_proposals(neg)
        if not pending:
            return True
        version = f"Rev.{len(neg.revisions)}"
        question = fill(
            LEFT_OPEN[0] if singular(len(pending)) else LEFT_OPEN[1],
            count=len(pending),
            names=", ".join(dict.fromkeys(p.proposer for p in pending)),
            version=version,
        )
        choices = [
            tr("Decide them first (Merge into Revision…)"),
            fill("Issue {version} all the same", version=version),
        ]
        chosen = self.win.prompter.ask_choice(self.win, tr("Issue revision"), question, choices)
        if chosen == 0:
            self.open_merge()
        return chosen == 1

    def open_merge(self) -> None:
        """The merge dialog (widgets.merge_dialog); OK merges and issues the revision as one undo step."""
        from widgets.merge_dialog import MergeDialog

        if self.win.res.negotiation is None:
            self.win.statusBar().showMessage(tr("Start the negotiation first"), 4000)
            return
        if self.merge_dialog is not None:
            self.merge_dialog.close()
        dialog = MergeDialog(self.win.res, self.win)
        dialog.accepted.connect(lambda: self._merge(dialog))
        self.merge_dialog = dialog
        dialog.open()

    def _merge(self, dialog: MergeDialog) -> None:
        if self._run(commands.merge_revision, choices=dialog.choices, note=dialog.note.text().strip()):
            neg = self.win.res.negotiation
            self.win.statusBar().showMessage(
                tr("{version} issued; proposals are now made against it").format(version=neg.version), 5000
            )

    def make_l_document(self) -> bool:
        """The L document (.docx) numbered afresh, and beside it the table of negotiation labels to new numbers
        (`…-renumbering.txt`). Refused, with the places, while brackets remain."""
        from app.atomic import write_text
        from app.io.docx_writer import write_docx
        from app.negotiation.numbering import table_text

        try:
            clean, table = rounds.l_document(self.win.res)
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Cannot make the L document"), explain(exc))
            return False
        name = Path(self.win.files.suggested_name(".docx"))
        path = self.win.prompter.save_path(
            self.win,
            tr("Make the L document"),
            tr("Word document (*.docx)"),
            str(name.with_name(name.stem + "-L.docx")),
        )
        if not path:
            return False
        try:
            path = named_for(path, ".docx")
            write_docx(clean, path, paper=self.win.settings.paper or None)
            write_text(path.with_name(path.stem + "-renumbering.txt"), table_text(table))
        except (ResoluteError, OSError) as exc:
            self.win.prompter.error(self.win, tr("Could not export"), explain(exc))
            return False
        moved = sum(1 for old, new in table if old != new)
        self.win.statusBar().showMessage(
            fill(
                "Exported {name}; {count} paragraphs renumbered (see {table})",
                name=path.name,
                count=moved,
                table=f"{path.stem}-renumbering.txt",
            ),
            6000,
        )
        return True

    def export(self) -> bool:
        if self.compilation is None:
            self.win.statusBar().showMessage(tr("Start the negotiation first"), 4000)
            return False
        name = Path(self.win.files.suggested_name(".docx"))
        suggested = str(name.with_name(name.stem + "-compilation.docx"))
        path = self.win.prompter.save_path(
            self.win, tr("Export the compilation"), tr("Word document (*.docx);;Text (*.txt)"), suggested
        )
        if not path:
            return False
        try:
            path = Path(path) if Path(path).suffix.lower() == ".txt" else named_for(path, ".docx")
            if path.suffix.lower() == ".txt":
                from app.atomic import write_text
                from app.negotiation.compilation_text import compilation_text

                write_text(path, compilation_text(self.compilation))
            else:
                from app.negotiation.compilation_docx import write_compilation_docx

                write_compilation_docx(self.compilation, path)
        except (ResoluteError, OSError) as exc:
            self.win.prompter.error(self.win, tr("Could not export"), explain(exc))
            return False
        self.win.statusBar().showMessage(tr("Exported {name}").format(name=path.name), 3000)
        return True


def read_proposals(path: Path, base: Resolution, version: str) -> list[Proposal] | Resolution:
    """A proposal file as read on the reading thread: one proposal per author of a Word file's tracked changes,
    else the draft as a whole (its author is asked for once it is read)."""
    from app.files import read_file
    from app.io.reading import MAX_INPUT_BYTES, read_document
    from app.negotiation.tracked_reading import authors, proposals_from_tracked

    data = read_file(path, MAX_INPUT_BYTES) if path.suffix.lower() == ".docx" else b""
    if data and authors(data, name=path.name):
        return proposals_from_tracked(data, base, name=path.name, base_version=version)
    return read_document(path).resolution
