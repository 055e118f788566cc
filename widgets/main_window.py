"""The editor window: one open draft, its views, and the actions that edit it.

Every edit goes through a core command (app.edits), which records it in the document's one history. The window
then refreshes its views from the returned `Change` (`document_changed(change, initiator)`): the paragraph list,
the details panel, the footnotes, the preview (debounced) and the live checks.

The window wires its parts: `files` (widgets/document_controller.py: open, save, export, recovery, title),
`checks` (widgets/live_checks.py: live checking), `docks` (widgets/dock_layout.py: docks and their
arrangement per screen size), and the views. Editing commands run here, through `apply`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import edits, inline, lexicon
from app.documents import new_resolution
from app.errors import ResoluteError
from app.history import Change
from app.interface import fill, marked, tr
from app.io.imported import ImportResult
from app.messages import explain, localize
from app.model import DocumentKind, Part, Resolution
from app.punctuation import keeps_own_end
from app.render import Rendered, render
from app.spelling.session import SpellingSession
from app.templates import get_template
from widgets import draft_language, interface_language, table_row, units, unplaced_box
from widgets.actions import ActionId, build_actions, build_menus, build_toolbar
from widgets.amending import Amending
from widgets.amendment_panel import AmendmentPanel
from widgets.background import Debouncer, Runner
from widgets.clipboard_edit import ClipboardEdit
from widgets.dock_layout import DockLayout
from widgets.document_controller import DocumentController
from widgets.fields import TextField, one_line, to_display, to_markup
from widgets.file_reading import FileReader
from widgets.find_replace import FindBar, Finder
from widgets.findings_view import FindingsView, set_tab_text
from widgets.footnotes import FootnoteField, FootnotesPane
from widgets.header_panel import HeaderPanel
from widgets.issues_panel import IssuesPanel
from widgets.live_checks import LiveChecks
from widgets.negotiation_view import NegotiationPanel
from widgets.paragraph_editor import ParagraphList
from widgets.preview import PreviewPane
from widgets.prompter import Prompter
from widgets.settings import Settings, SettingsDialog
from widgets.shown import Shown, nothing_typed, refs_in, shown, text_of
from widgets.spelling_menu import spelling_menu
from widgets.status_bar import fitting_status_bar
from widgets.versions import Versions
from widgets.welcome import KeyCardDialog, StartChoice, WelcomeDialog, sample_path


class MainWindow(QMainWindow):
    document_changed = Signal(object, object)  # Change, initiator (or None)

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        runner: Any = None,
        prompter: Prompter | None = None,
        autosave_ms: int = 4000,
        check_delay_ms: int = 120,
        recovery_folder: Path | None = None,
        read_inline: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.runner = runner if runner is not None else Runner(self)
        self.prompter = prompter or Prompter()
        self.doc = edits.Document(new_resolution(self.settings.default_template))
        self.rendered: Rendered = render(self.doc.resolution)
        self._rendered_at: tuple[edits.Document, int] = (self.doc, self.doc.revision)  # what `rendered` shows
        self.numbers: dict[str, int] = {}
        self._keeps_own: dict[str, bool] = {}
        self._blank: set[str] = set()
        self._refs: dict[str, tuple[str, ...]] = {}
        self._place_names: dict[str, str] = {}
        self.spelling = SpellingSession(self.settings.personal_dictionary())
        self._preview_zoom = 0
        self._action_state: tuple[object, ...] = ()

        self.setWindowTitle("Resolute")
        self.resize(1500, 950)
        self.docks = DockLayout(self, self.settings.store)
        self.files = DocumentController(self, autosave_ms=autosave_ms, recovery_folder=recovery_folder)
        self.checks = LiveChecks(self, check_delay_ms)
        self._build_views()
        self.reader = FileReader(self, inline=read_inline)  # every read of a user's file, off the UI thread
        self.actions_ = build_actions(self, self._handlers())
        menus = build_menus(self.menuBar(), self.actions_, self.files.recent_menu)
        interface_language.add_menu(self, menus["&View"])
        self.negotiation.add_menu(self.menuBar())
        toolbar = QToolBar(tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        build_toolbar(toolbar, self.actions_)
        self.addToolBar(toolbar)
        self.docks.wire_view_actions()
        self.files.refresh_recent()

        self.preview_timer = Debouncer(250, self._update_preview, self)
        self.document_changed.connect(self._on_document_changed)
        self._set_zoom(self.settings.zoom)
        self.docks.restore_geometry()  # the arrangement of the docks follows on the first resize
        self.paragraphs.spelling = self.spelling.misspelt
        self.versions.update_actions()
        self.clipboard_edit.update_actions()
        self.load_document(self.doc)

    # --- building ------------------------------------------------------------------------------------------

    def _build_views(self) -> None:
        self._build_central()
        self._build_docks()

        self.versions = Versions(self)  # the base to compare with, and the compare view beside the preview
        self.amending = Amending(self, self.amendment_panel)
        self.negotiation = NegotiationPanel(self)  # the compilation of proposals, decisions and revisions

        self._build_status_bar()
        self._connect_paragraphs()
        units.connect(self)  # parts B, C ... and annexes: add buttons and titles
        table_row.connect(self)  # tables: cells edited in place, rows and columns added and removed
        self._connect_header_and_notes()
        self.finder = Finder(self, self.find_bar)
        self.clipboard_edit = ClipboardEdit(self)  # Edit > Cut, Copy, Paste, Select All
        self.findings_view = FindingsView(self)
        self.checks.changed.connect(self.findings_view.show)
        self.checks.paragraphs_checked.connect(self.findings_view.show_paragraphs)

    def _build_central(self) -> None:
        """The paragraphs (or the amendment panel in their place) over the find bar."""
        self.paragraphs = ParagraphList()
        self.paragraphs.setAccessibleName(tr("Paragraphs"))
        for part in Part:
            self.paragraphs.set_completer_words(part, lexicon.phrases(part))
        self.find_bar = FindBar()
        self.find_bar.hide()
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.paragraphs, 1)
        self.amendment_panel = AmendmentPanel()  # shown in place of the paragraphs for an amendment
        self.amendment_panel.hide()
        lay.addWidget(self.amendment_panel, 1)
        lay.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        """The document details, the preview, the issues and footnotes."""
        self.header = HeaderPanel()
        details = QScrollArea()
        details.setWidgetResizable(True)
        details.setWidget(self.header)
        details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # scroll, never cut
        self.details_scroll = details
        self.details_dock = self.docks.add(
            marked("Document details"), details, Qt.DockWidgetArea.LeftDockWidgetArea
        )

        self.preview = PreviewPane()
        self.preview_dock = self.docks.add(
            marked("Preview (as printed)"), self.preview, Qt.DockWidgetArea.RightDockWidgetArea
        )

        self.issues = IssuesPanel()
        self.footnotes = FootnotesPane()
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.addTab(self.issues, tr("Issues"))
        self.bottom_tabs.addTab(self.footnotes, tr("Footnotes"))
        self._preview_stale = False
        self.preview_dock.visibilityChanged.connect(self._preview_shown)
        self.issues_dock = self.docks.add(
            marked("Issues and footnotes"), self.bottom_tabs, Qt.DockWidgetArea.BottomDockWidgetArea
        )

    def _build_status_bar(self) -> None:
        self.counts_label, self.where_label = QLabel(), QLabel()
        fitting_status_bar(self, self.where_label, self.counts_label)

    def _connect_paragraphs(self) -> None:
        p = self.paragraphs
        p.edited.connect(self._on_field_edited)
        p.activated.connect(self._on_activated)
        p.add_requested.connect(self._add_to_part)
        p.indent_requested.connect(lambda pid: self.apply_structure(edits.indent_paragraph, paragraph_id=pid))
        p.outdent_requested.connect(lambda i: self.apply_structure(edits.outdent_paragraph, paragraph_id=i))
        unplaced_box.wire(p.unplaced, self)
        p.split_requested.connect(self._split)
        p.fix_requested.connect(lambda finding: self.findings_view.apply_fix(finding))
        p.drop_requested.connect(self.drop_paragraph)
        p.pasted_draft.connect(self.paste_draft)
        p.paste_refused.connect(lambda why: self.statusBar().showMessage(why, 6000))
        p.unreadable_draft.connect(
            lambda why: self.prompter.error(self, tr("Cannot read the pasted text"), why)
        )
        p.erase_requested.connect(self._erase_empty)
        p.context_requested.connect(self._text_context_menu)

    def _connect_header_and_notes(self) -> None:
        self.header.header_edited.connect(self._on_header_edited)
        self.header.title_edited.connect(
            lambda v: self.apply(edits.set_title, value=v, initiator=self.header)
        )
        self.header.sponsors_edited.connect(
            lambda names, behalf: self.apply(edits.set_sponsors, names=names, on_behalf_of=behalf)
        )
        self.header.template_changed.connect(self._on_template_changed)
        self.footnotes.edited.connect(
            lambda fid, text: self.apply(
                edits.set_footnote_text, footnote_id=fid, text=text, initiator=self.footnotes
            )
        )

    def _handlers(self) -> dict[ActionId, Callable[..., None]]:
        A, f = ActionId, self.files
        return {
            A.NEW: f.new_from_template,
            A.OPEN: f.open_dialog,
            A.SAVE: f.save,
            A.SAVE_AS: f.save_as_dialog,
            A.IMPORT: f.import_dialog,
            A.SETTINGS: self.settings_dialog,
            A.QUIT: self.close,
            A.UNDO: self.undo,
            A.REDO: self.redo,
            A.ADD_PARAGRAPH: self.add_paragraph_after,
            A.INSERT_PARAGRAPH: self.insert_paragraph_before,
            A.DELETE_PARAGRAPH: self.delete_paragraph,
            A.DUPLICATE_PARAGRAPH: self.duplicate_paragraph,
            A.MOVE_UP: self.move_up,
            A.MOVE_DOWN: self.move_down,
            A.MOVE_TO_OTHER_PART: self.move_to_other_part,
            A.INDENT: self.indent,
            A.OUTDENT: self.outdent,
            A.INSERT_FOOTNOTE: self.insert_footnote,
            A.SECTION_HEADING: self.edit_section_heading,
            A.INSERT_TABLE: lambda: table_row.insert_table(self),
            A.ITALIC: self.toggle_italic,
            **self.findings_view.handlers(),
            A.ZOOM_IN: lambda: self._set_zoom(self.settings.zoom + 1),
            A.ZOOM_OUT: lambda: self._set_zoom(self.settings.zoom - 1),
            A.ZOOM_RESET: lambda: self._set_zoom(0),
            A.ABOUT: self._about,
            A.START_PAGE: self.show_start_page,
            A.KEY_CARD: self.show_key_card,
            **self.finder.handlers(),
            **self.clipboard_edit.handlers(),
            **f.export_handlers(),
            **self.versions.handlers(),
            **self.amending.handlers(),
            **units.handlers(self),
        }

    def action(self, action_id: ActionId):  # noqa: ANN201
        return self.actions_[action_id]

    # --- the document ----------------------------------------------------------------------------------------

    @property
    def res(self) -> Resolution:
        return self.doc.resolution

    def load_document(self, doc: edits.Document, ready: Shown | None = None) -> None:
        """Show a document from scratch (new, open, import, recovery); `ready`: its rendering, worked out already."""
        self.doc = doc
        self.checks.reset()
        self._render(ready)
        self.paragraphs.active_id = ""
        self.paragraphs.disable_spelling()  # switched on again row by row once the rows are there
        self.paragraphs.rebuild(
            self.rendered.blocks, self._content, self.rendered.organ_line, self._place_names, fresh=True
        )
        self.header.show_header(self.res)
        self.paragraphs.set_title(self.rendered.title)
        self.amending.refresh()
        self._show_footnotes()
        self.preview_timer.poke()  # the page follows once the editor is up
        self.findings_view.show()
        self.update_actions()
        # load the dictionary off the main thread, then underline row by row
        self.runner.run(self.spelling.warm_up, lambda _: self._spelling_ready())
        first = next(iter(self.paragraphs.order), None)
        if first:
            self.paragraphs.active_id = first[0]

    def _spelling_ready(self) -> None:
        self.paragraphs.enable_spelling()
        if self.spelling.note:  # the personal dictionary read in part, or not at all: said once
            self.statusBar().showMessage(localize(self.spelling.note), 15000)
            self.spelling.note = ""

    def _render(self, ready: Shown | None = None) -> None:
        """`ready`: worked out already, off the UI thread, for this document as it stands (a restored autosave)."""
        fresh = (
            ready
            if ready is not None and ready.doc is self.doc and ready.revision == self.doc.revision
            else None
        )
        now = fresh or shown(self.doc)
        self.rendered = now.rendered
        self._rendered_at = (self.doc, self.doc.revision)
        draft_language.follow_language(self.paragraphs, self.res.header.language)  # after undo too
        self.spelling.language = self.res.header.language
        self.numbers = dict(self.rendered.footnote_numbers)
        # what render decided for each paragraph's own end: False where it keeps its own ("...; and")
        self._keeps_own = now.keeps_own
        self._refs = now.refs
        # paragraphs with nothing typed print no end punctuation: the first letter typed brings it
        self._blank = now.blank
        self._place_names = now.names

    def _nothing_typed(self, paragraph_id: str) -> bool:
        return nothing_typed(self.doc, paragraph_id)

    def _refs_in(self, paragraph_id: str) -> tuple[str, ...]:
        return refs_in(self.doc, paragraph_id)

    def _text_of(self, paragraph_id: str, tail: bool) -> str:
        return text_of(self.doc, paragraph_id, tail)

    def _content(self, paragraph_id: str, tail: bool) -> tuple[str, str]:
        para = self.doc.find(paragraph_id)
        if para is None:
            return "", ""
        return para.opener, to_display(para.tail if tail else para.text, self.numbers)

    def apply(
        self, command: Callable[..., Any], *args: Any, initiator: object = None, **kwargs: Any
    ) -> Change | None:
        """Run a core command and refresh the views. A command that cannot apply here says why in the status bar."""
        try:
            result = command(self.doc, *args, **kwargs)
        except edits.EditError as exc:
            said = explain(exc)  # an edit's refusals open with their own words
            self.statusBar().showMessage(said[:1].upper() + said[1:], 4000)
            return None
        change = result[0] if isinstance(result, tuple) else result
        if change.revision and (change.label or change.structure):
            self.document_changed.emit(change, initiator)
        return change

    def _on_document_changed(self, change: Change, initiator: object) -> None:
        res = self.res
        typed_refs = any(self._refs.get(pid, ()) != self._refs_in(pid) for pid in change.paragraph_ids)
        ends_flip = any(
            pid in self._keeps_own and self._keeps_own[pid] != keeps_own_end(self._text_of(pid, False))
            for pid in change.paragraph_ids
        )
        blank_flip = any((pid in self._blank) != self._nothing_typed(pid) for pid in change.paragraph_ids)
        if change.structure or change.footnotes or typed_refs or ends_flip or blank_flip or change.header:
            old_numbers = self.numbers
            self._render()
            self.paragraphs.rebuild(
                self.rendered.blocks, self._content, self.rendered.organ_line, self._place_names
            )
            if self.numbers != old_numbers:
                for key in self.paragraphs.order:
                    para = self.doc.find(key[0])
                    if para is not None and "[^" in (para.tail if key[1] else para.text):
                        self.paragraphs.set_content(
                            key[0], "tail" if key[1] else "text", self._content(*key)[1]
                        )
            if change.footnotes or self.numbers != old_numbers:
                self._show_footnotes()
        for pid in change.paragraph_ids:
            para = self.doc.find(pid)
            if para is None:
                continue
            for field in ("opener", "text", "tail"):
                if initiator == (pid, field):
                    continue
                value = para.opener if field == "opener" else to_display(getattr(para, field), self.numbers)
                self.paragraphs.set_content(pid, field, value)
        if (change.structure or change.header) and initiator is not self.amendment_panel:
            self.amending.refresh()  # undo, redo or a change of kind
        if change.title or change.header:
            self.paragraphs.set_title(self._title_now())
        if (change.header or change.title) and initiator is not self.header:
            self.header.show_header(res)
        elif change.header:
            self.header.show_header(res)  # the sponsor line and session words follow every edit
        if change.focus and initiator is None and change.structure:
            self.paragraphs.focus_paragraph(change.focus)
        self.checks.edited(change, initiator)
        self.preview_timer.poke()
        self.files.autosave_timer.poke()
        self.update_actions()

    def _title_now(self) -> str:
        """The title as the editor shows it above the paragraphs ("" for organs whose drafts have none)."""
        try:
            has_title = get_template(self.res.header.template).has_title
        except ResoluteError:
            has_title = True
        return inline.plain(self.res.title) if has_title else ""

    def _show_footnotes(self) -> None:
        self.footnotes.show_footnotes(self.rendered.footnotes)
        set_tab_text(self.bottom_tabs, 1, fill("Footnotes ({count})", count=len(self.rendered.footnotes)))

    def _preview_shown(self, visible: bool) -> None:
        if visible and self._preview_stale:
            self.preview_timer.poke()

    def _update_preview(self) -> None:
        if not self.preview_dock.isVisible():
            self._preview_stale = True  # drawn when the preview is shown again
            return
        start = time.perf_counter()
        doc, revision = self._rendered_at
        current = doc is self.doc and revision == self.doc.revision  # typing does not render the whole draft
        self.preview.show_rendered(self.rendered if current else render(self.res))
        self._preview_stale = False
        # a long draft takes longer to lay out: wait for a longer pause before drawing it again
        spent_ms = int((time.perf_counter() - start) * 1000)
        self.preview_timer.set_delay(max(250, 3 * spent_ms))

    # --- typing ----------------------------------------------------------------------------------------------

    def _on_field_edited(self, paragraph_id: str, field: str, shown: str) -> None:
        value = shown if field == "opener" else to_markup(shown, self.numbers)
        if field != "opener":
            value = one_line(value)
        self.apply(
            edits.set_field,
            paragraph_id=paragraph_id,
            field=field,
            value=value,
            initiator=(paragraph_id, field),
        )

    def _on_header_edited(self, field: str, value: object) -> None:
        self.apply(edits.set_header, field=field, value=value, initiator=self.header)

    def _on_template_changed(self, template_id: str) -> None:
        self.apply(edits.set_header, field="template", value=template_id, label=marked("Change organ"))
        self.header.show_header(self.res)

    def _on_activated(self, paragraph_id: str) -> None:
        self.doc.history.seal()
        self.where_label.setText(self.paragraphs.where(paragraph_id))
        if self.preview_dock.isVisible():
            self.preview.follow(paragraph_id)
        self.update_actions()

    # --- paragraphs ------------------------------------------------------------------------------------------

    def _active(self) -> str:
        pid = self.paragraphs.active_id
        return pid if pid and self.doc.find(pid) is not None else ""

    def apply_structure(self, command: Callable[..., Any], **kwargs: Any) -> Change | None:
        """A command that changes the structure: an undo step of its own, whose undo puts the cursor back in
        the paragraph it was in."""
        history = self.doc.history
        history.seal()
        before, revision = self._active(), history.revision
        change = self.apply(command, **kwargs)
        if change is not None and history.revision != revision and before:  # recorded, not a no-op
            history.focus_before(before)
        return change

    def _add_to_part(self, part: Part) -> None:
        self.apply_structure(edits.insert_paragraph, part=part)

    def _split(self, paragraph_id: str) -> None:
        located = self.res.locate(paragraph_id)
        if located:
            self.apply_structure(edits.insert_paragraph, part=located[0], after_id=paragraph_id)

    def _erase_empty(self, paragraph_id: str) -> None:
        """Backspace in an empty paragraph: remove it and go to the end of the one before."""
        para = self.doc.find(paragraph_id)
        if para is None or para.opener or para.text or para.subparagraphs or para.tail:
            return
        keys = self.paragraphs.order
        at = keys.index((paragraph_id, False)) if (paragraph_id, False) in keys else -1
        previous = keys[at - 1] if at > 0 else None
        if (
            self.apply_structure(edits.delete_paragraph, paragraph_id=paragraph_id) is None
            or previous is None
        ):
            return
        row = self.paragraphs.row_for(*previous)
        if row is not None:
            row.text.setFocus()
            row.text.moveCursor(QTextCursor.MoveOperation.End)

    def add_paragraph_after(self) -> None:
        pid = self._active()
        if pid:
            self._split(pid)
        else:
            self._add_to_part(Part.OPERATIVE)

    def insert_paragraph_before(self) -> None:
        pid = self._active()
        if not pid:
            self._add_to_part(Part.PREAMBLE)
            return
        part, _, _ = self.res.locate(pid)  # type: ignore[misc]
        self.apply_structure(edits.insert_paragraph, part=part, before_id=pid)  # any part, annex or list

    def delete_paragraph(self) -> None:
        if pid := self._active():
            self.apply_structure(edits.delete_paragraph, paragraph_id=pid)

    def duplicate_paragraph(self) -> None:
        if pid := self._active():
            self.apply_structure(edits.duplicate_paragraph, paragraph_id=pid)

    def move_up(self) -> None:
        if pid := self._active():
            self.apply_structure(edits.move_up, paragraph_id=pid)

    def move_down(self) -> None:
        if pid := self._active():
            self.apply_structure(edits.move_down, paragraph_id=pid)

    def move_to_other_part(self) -> None:
        pid = self._active()
        located = self.res.locate(pid) if pid else None
        if located and located[0] is None:
            self.statusBar().showMessage(tr("An annex has no other part: use Move to Part or Annex…"), 4000)
        elif located:
            other = Part.OPERATIVE if located[0] is Part.PREAMBLE else Part.PREAMBLE
            self.apply_structure(edits.move_to_part, paragraph_id=pid, part=other)

    def indent(self) -> None:
        if pid := self._active():
            self.apply_structure(edits.indent_paragraph, paragraph_id=pid)

    def outdent(self) -> None:
        if pid := self._active():
            self.apply_structure(edits.outdent_paragraph, paragraph_id=pid)

    def drop_paragraph(self, dragged: str, target: str, before: bool) -> None:
        """A paragraph dragged onto another: same list → move there; other part → move across."""
        res = self.res
        src, tgt = res.locate(dragged), res.locate(target)
        if src is None or tgt is None:
            return
        (_, s_items, s_at), (_, t_items, t_at) = src, tgt
        if s_items is t_items:
            to = t_at if before else t_at + 1
            if to > s_at:
                to -= 1
            self.apply_structure(edits.move_paragraph, paragraph_id=dragged, to_index=to)
        elif (place := next((d for d in units.destinations(res) if d[3] is t_items), None)) and any(
            s_items is items for _, items in res.lists()
        ):  # a whole paragraph dropped into another part or annex
            _, unit, part, _ = place
            self.apply_structure(
                edits.move_to, paragraph_id=dragged, unit=unit, part=part, index=t_at if before else t_at + 1
            )
        else:
            self.statusBar().showMessage(
                tr("Subparagraphs move among their own list; use Tab/Shift+Tab to re-nest"), 4000
            )

    # --- footnotes -------------------------------------------------------------------------------------------

    def edit_section_heading(self) -> None:
        """Type the heading of the section the current paragraph opens: one line each, e.g. "I" and its title."""
        pid = self._active()
        located = self.res.locate(pid) if pid else None
        if located is None:
            self.statusBar().showMessage(tr("Put the cursor in a paragraph first"), 4000)
            return
        para = located[1][located[2]]
        value = self.prompter.ask_text(
            self,
            tr("Section heading"),
            tr(
                "Printed before this paragraph, one line each (e.g. “I” and the section title); empty for none:"
            ),
            para.heading,
        )
        if value is not None:
            self.apply_structure(edits.set_heading, paragraph_id=para.id, value=value)

    def insert_footnote(self) -> None:
        """A footnote at the cursor in the paragraph's text (Ctrl+Alt+F); its text is typed in the footnote pane."""
        pid = self._active()
        if not pid:
            self.statusBar().showMessage(tr("Put the cursor in a paragraph first"), 4000)
            return
        focus = self.focusWidget()
        row = self.paragraphs.row_for(pid)
        field, position = "text", None
        if isinstance(focus, TextField):
            for candidate in self.paragraphs.rows.values():
                if candidate.text is focus:
                    row, field = candidate, candidate.text_field
            shown = focus.toPlainText()[: focus.textCursor().position()]
            position = len(to_markup(shown, self.numbers))
        self.doc.history.seal()
        change = self.apply(edits.insert_footnote, paragraph_id=pid, field=field, position=position)
        if change is None:
            return
        note_id = inline.footnote_ids(getattr(self.res.find(pid), field))
        fid = next((f for f in note_id if f in self.res.footnotes and not self.res.footnotes[f].text), "")
        if row is not None and isinstance(focus, TextField):
            cursor = row.text.textCursor()
            display_prefix = to_display(
                getattr(self.res.find(pid), field)[: (position or 0) + len(f"[^{fid}]")], self.numbers
            )
            cursor.setPosition(min(len(display_prefix), len(row.text.toPlainText())))
            row.text.setTextCursor(cursor)
        self.issues_dock.show()
        self.bottom_tabs.setCurrentWidget(self.footnotes)
        self.footnotes.focus_footnote(fid, row.text if row is not None else None)

    def toggle_italic(self) -> None:
        """Mark the selected words *italic* (or unmark them) in a paragraph's text or a footnote (a treaty
        series' title); the preview and the export print them italic."""
        field = self.focusWidget()
        if isinstance(field, FootnoteField) and field.hasSelectedText():
            start = field.selectionStart()
            start, end, replacement = inline.toggle_italic(
                field.text(), start, start + len(field.selectedText())
            )
            self.doc.history.seal()
            field.setSelection(start, end - start)
            field.insert(replacement)  # an edit of the note, as typed
            self.doc.history.seal()
            marked_now = replacement.startswith("*") and len(replacement) > end - start
            field.setSelection(start + marked_now, len(replacement) - 2 * marked_now)  # Ctrl+I again undoes
            return
        cursor = field.textCursor() if isinstance(field, TextField) else None
        if cursor is None or not cursor.hasSelection():
            self.statusBar().showMessage(tr("Select the words to italicize first"), 4000)
            return
        start, end, replacement = inline.toggle_italic(
            field.toPlainText(), cursor.selectionStart(), cursor.selectionEnd()
        )
        self.doc.history.seal()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        self.doc.history.seal()

    # --- undo ------------------------------------------------------------------------------------------------

    def undo(self) -> None:
        change = self.doc.history.undo()
        if change is not None:
            self.document_changed.emit(change, None)
            if change.focus and not change.structure:
                self.paragraphs.focus_paragraph(change.focus)

    def redo(self) -> None:
        change = self.doc.history.redo()
        if change is not None:
            self.document_changed.emit(change, None)
            if change.focus and not change.structure:
                self.paragraphs.focus_paragraph(change.focus)

    def update_actions(self) -> None:
        """Undo/redo text and state, paragraph actions, the title bar; only what changed is touched."""
        status = self.doc.history.undo_status()
        state = (status, bool(self._active()), *self.files.title())
        if state == self._action_state:
            return
        self._action_state = state
        undo, redo = self.actions_[ActionId.UNDO], self.actions_[ActionId.REDO]
        undo.setText(
            tr("&Undo {action}").format(action=localize(status.undo)) if status.undo else tr("&Undo")
        )
        redo.setText(
            tr("&Redo {action}").format(action=localize(status.redo)) if status.redo else tr("&Redo")
        )
        undo.setEnabled(bool(status.undo))
        redo.setEnabled(bool(status.redo))
        for action_id in (
            ActionId.DELETE_PARAGRAPH,
            ActionId.DUPLICATE_PARAGRAPH,
            ActionId.MOVE_UP,
            ActionId.MOVE_DOWN,
            ActionId.MOVE_TO_OTHER_PART,
            ActionId.MOVE_TO_UNIT,
            ActionId.INDENT,
            ActionId.OUTDENT,
            ActionId.INSERT_FOOTNOTE,
            ActionId.INSERT_PARAGRAPH,
            ActionId.SECTION_HEADING,
        ):
            self.actions_[action_id].setEnabled(state[1])
        self.setWindowTitle(state[2])
        self.setWindowModified(state[3])

    # --- spelling --------------------------------------------------------------------------------------------

    def _text_context_menu(self, field: TextField, global_pos) -> None:  # noqa: ANN001
        self.spelling_menu(field, field.mapFromGlobal(global_pos)).exec(global_pos)

    def spelling_menu(self, field: TextField, pos) -> QMenu:  # noqa: ANN001
        return spelling_menu(
            self, self.spelling, field, pos, self.paragraphs.rehighlight, self.doc.history.seal
        )

    # --- paste a whole draft ---------------------------------------------------------------------------------

    def paste_draft(self, result: ImportResult) -> None:
        pasted = result.resolution
        self.doc.history.seal()
        if self._is_blank():
            self.apply(edits.replace_document, resolution=pasted, label=marked("Paste draft"))
            self.header.show_header(self.res)
        else:
            self.apply(edits.insert_paragraphs, source=pasted, after_id=self._active())
        self.checks.import_findings = list(result.findings)
        self.findings_view.show()

    def _is_blank(self) -> bool:
        res = self.res
        return not res.title and all(
            not p.opener and not p.text and not p.subparagraphs for _, p in res.paragraphs()
        )

    def settings_dialog(self) -> None:
        before = self.settings.interface_language
        SettingsDialog(self.settings, self).exec()
        interface_language.chosen(self, before)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.docks.fit(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.docks.shown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.closing():
            event.ignore()
            return
        self.reader.shutdown()
        self.docks.save()
        self.preview_timer.stop()
        self.checks.stop()
        self.runner.shutdown()
        event.accept()

    # --- view ------------------------------------------------------------------------------------------------

    def _set_zoom(self, steps: int) -> None:
        steps = max(-4, min(8, steps))
        self.settings.zoom = steps
        self.paragraphs.set_zoom(steps)
        self.preview.zoomIn(steps - self._preview_zoom)
        self._preview_zoom = steps

    def show_start_page(self) -> None:
        """The template gallery, the sample draft and the key card (shown by itself on the first run)."""
        self.settings.mark_started()
        dialog = WelcomeDialog(self.settings.default_template, self)
        self.start_page = dialog
        dialog.accepted.connect(lambda: self._start(dialog.choice))
        dialog.open()

    def _start(self, choice: StartChoice | None) -> None:
        if choice is None:
            return
        if choice.action == "sample":
            self.files.open_path(sample_path(), as_import=True)  # a copy: saving asks where
        elif choice.action == "open":
            self.files.open_dialog()
        elif choice.kind is DocumentKind.AMENDMENT:
            self.amending.new_amendment()
        elif language := self.prompter.choose_language(self):  # English, French or Spanish
            self.files.new_document(choice.template, choice.kind, language)

    def show_key_card(self) -> None:
        KeyCardDialog(self).open()

    def focus_first_opener(self) -> None:
        """The cursor in the first paragraph's opener, ready to type."""
        first = next(iter(self.paragraphs.order), None)
        if first:
            self.paragraphs.focus_paragraph(first[0], "opener")

    def _about(self) -> None:
        QMessageBox.about(
            self, tr("About Resolute"), tr("Resolute: draft UN resolutions that follow UN conventions.")
        )

    def flush(self) -> None:
        """Run pending debounced work now (tests, screenshots, before saving a snapshot)."""
        self.paragraphs.finish()
        self.checks.flush()
        self.preview_timer.flush()
