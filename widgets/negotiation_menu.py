"""The Negotiate menu: every step of a round from the keyboard, also where the panel's toolbars fold buttons
into their » menu (at 1024x640, Reject, Agreed ad ref and Reopen), which no Tab reaches.

A paragraph step (type a proposal, accept, reject, bracket words, agreed ad ref, reopen, its history) acts on the
paragraph where the editor's cursor is when the paragraphs have the focus, else on the one selected in the
compilation. Accepting or rejecting where several delegations propose asks whose proposal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMenu, QMenuBar

from app.interface import tr
from app.negotiation import rounds
from app.negotiation.status import Status

if TYPE_CHECKING:
    from widgets.negotiation_view import NegotiationPanel


def add_menu(panel: NegotiationPanel, menubar: QMenuBar) -> QMenu:
    """The Negotiate menu, before Help."""
    menu = QMenu(tr("&Negotiate"), menubar)
    menu.addAction(tr("Negotiation &View"), panel.show)
    menu.addAction(tr("&Start Negotiation"), lambda: (panel.show(), panel.start()))
    menu.addSeparator()
    menu.addAction(tr("&Add Proposal…"), lambda: _negotiating(panel) and panel.add_proposal())
    menu.addAction(tr("&Type Proposal…"), lambda: _at_cursor(panel) and panel.type_proposal())
    menu.addAction(tr("A&ccept Proposal…"), lambda: _decide(panel, rounds.ACCEPT))
    menu.addAction(tr("&Reject Proposal…"), lambda: _decide(panel, rounds.REJECT))
    menu.addAction(tr("&Bracket Words…"), lambda: _bracket(panel))
    menu.addAction(tr("A&greed ad ref"), lambda: _at_cursor(panel) and panel.mark(Status.AGREED))
    menu.addAction(tr("Re&open Paragraph"), lambda: _at_cursor(panel) and panel.mark(Status.OPEN))
    menu.addAction(tr("Paragraph &History…"), lambda: _at_cursor(panel) and panel.show_history())
    menu.addSeparator()
    menu.addAction(tr("&Merge into Revision…"), lambda: (panel.show(), panel.open_merge()))
    menu.addAction(tr("&Issue Revision"), lambda: (panel.show(), panel.issue_revision()))
    menu.addAction(tr("Make &L Document…"), lambda: (panel.show(), panel.make_l_document()))
    menu.addAction(tr("&Export Compilation…"), lambda: _negotiating(panel) and panel.export())
    menu.addAction(tr("Revision as Tracked &Word File…"), lambda: _export_revision(panel))
    last = menubar.actions()[-1] if menubar.actions() else None
    if last is not None:
        menubar.insertMenu(last, menu)
    else:
        menubar.addMenu(menu)
    return menu


def _negotiating(panel: NegotiationPanel) -> bool:
    """Show the panel; False, with the way on in the status bar, when the draft is not under negotiation (a
    file asked for first would be dropped once chosen)."""
    panel.show()
    if panel.win.res.negotiation is None:
        panel.win.statusBar().showMessage(tr("Start the negotiation first"), 4000)
        return False
    return True


def _at_cursor(panel: NegotiationPanel) -> bool:
    """Select the paragraph the editor's cursor is in when the paragraphs have the focus."""
    editor = panel.win.paragraphs
    focus = QApplication.focusWidget()
    if not _negotiating(panel):
        return False
    if focus is not None and (focus is editor or editor.isAncestorOf(focus)) and editor.active_id:
        panel.select(editor.active_id)
    return True


def _decide(panel: NegotiationPanel, action: str) -> None:
    """Accept or reject a proposal on the paragraph; where several delegations propose, ask whose. In a table,
    the proposal on the row or cell at the cursor only, or on the cells selected (its other rows and cells stay
    proposals)."""
    if not _at_cursor(panel):
        return
    box = panel.view.proposer
    offered = [(box.itemText(i), i) for i in range(box.count())]
    parts = _parts_at_cursor(panel)
    if parts is not None:
        offered = [(name, i) for name, i in offered if parts.get(box.itemData(i))]
        if not offered:
            panel.win.statusBar().showMessage(tr("No proposal on this row or cell"), 4000)
            return
    if len(offered) > 1:
        title = tr("Accept a proposal") if action == rounds.ACCEPT else tr("Reject a proposal")
        chosen = panel.win.prompter.ask_choice(
            panel.win, title, tr("Whose proposal?"), [n for n, _ in offered]
        )
        if chosen is None:
            return
        offered = [offered[chosen]]
    if offered:
        box.setCurrentIndex(offered[0][1])
    mine = parts.get(box.currentData(), []) if parts else []
    panel.decide(action, target=mine[0] if len(mine) == 1 else mine)


def _parts_at_cursor(panel: NegotiationPanel) -> dict[str, list[str]] | None:
    """Where the cursor is in a table's cell: each proposal there -> its parts at the cells selected, or at the
    cursor's cell when one or none is (a row deleted, a cell's words, rows added after a row; none: []); None
    elsewhere."""
    from app.negotiation.table_parts import open_edits, parts_at

    editor, neg = panel.win.paragraphs, panel.win.res.negotiation
    row = editor.rows.get((editor.active_id, False))
    grid = getattr(row, "grid", None)
    focus = QApplication.focusWidget()
    if neg is None or grid is None or focus is None or not (focus is grid or grid.isAncestorOf(focus)):
        return None
    if grid.currentRow() < 0:
        return None
    cells = sorted({(i.row(), i.column()) for i in grid.selectedIndexes()})
    if len(cells) < 2:
        cells = [(grid.currentRow(), grid.currentColumn())]
    bases: dict[str, object] = {}
    decided = neg.decided()
    out = {}
    for i in range(panel.view.proposer.count()):
        proposal = neg.proposal(panel.view.proposer.itemData(i))
        version = proposal.base_version
        if version not in bases:
            bases[version] = rounds.base_text(neg, version)
        mine = open_edits(proposal, decided.get(proposal.id, set()))
        out[proposal.id] = parts_at(bases[version], panel.win.res, mine, editor.active_id, cells)
    return out


def _bracket(panel: NegotiationPanel) -> None:
    """Bracket words of the paragraph at the cursor; the words selected there are the first option."""
    focus = QApplication.focusWidget()
    cursor = getattr(focus, "textCursor", None)
    selected = " ".join(cursor().selectedText().split()) if callable(cursor) else ""
    if _at_cursor(panel):
        panel.bracket_words(selected)


def _export_revision(panel: NegotiationPanel) -> bool:
    """The latest informal revision as a Word file with real tracked changes against an earlier one (the
    previous by default), as facilitators circulate Rev.2 against Rev.1."""
    from app.atomic import write_atomic
    from app.errors import ResoluteError
    from app.export_names import named_for
    from app.messages import explain
    from widgets.negotiation_view import shown_version

    if not _negotiating(panel):
        return False
    win, neg = panel.win, panel.win.res.negotiation
    if len(neg.revisions) < 2:
        win.statusBar().showMessage(tr("Issue a revision first: the Word file shows its changes"), 5000)
        return False
    latest = neg.revisions[-1].name
    earlier = [r.name for r in reversed(neg.revisions[:-1])]  # the previous one first
    old = earlier[0]
    if len(earlier) > 1:
        chosen = win.prompter.ask_choice(
            win,
            tr("Revision as tracked changes"),
            tr("The changes of {version} since:").format(version=latest),
            [shown_version(name) for name in earlier],
        )
        if chosen is None:
            return False
        old = earlier[chosen]
    name = Path(win.files.suggested_name(".docx"))
    path = win.prompter.save_path(
        win,
        tr("Revision as tracked changes"),
        tr("Word document (*.docx)"),
        str(name.with_name(f"{name.stem}-{latest}.docx")),
    )
    if not path:
        return False
    try:
        path = named_for(path, ".docx")
        write_atomic(path, rounds.revision_docx(neg, old, latest))
    except (ResoluteError, OSError) as exc:
        win.prompter.error(win, tr("Could not export"), explain(exc))
        return False
    win.statusBar().showMessage(tr("Exported {name}").format(name=path.name), 3000)
    return True
