"""The editor window: one open draft, its views, and the actions that edit it.

Every edit goes through a core command (app.edits), which records it in the document's one history. The window
then refreshes its views from the returned `Change` (`document_changed(change, initiator)`): the paragraph list,
the details panel, the footnotes, the preview (debounced) and the live checks (debounced, stale results
dropped by revision). A recovery file is written a few seconds after the user stops typing.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
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

from app import edits, inline, recovery, storage
from app.amendments import instruction_ids
from app.documents import new_resolution
from app.errors import ResoluteError
from app.findings import Finding
from app.history import Change
from app.io.docx_writer import write_docx
from app.io.text_reader import read_text
from app.model import Part, Resolution
from app.negotiation.status import refuse_brackets
from app.render import Rendered, keeps_own_end, place_names, render
from app.templates import all_templates, get_template
from widgets import draft_language, services, units
from widgets.actions import ActionId, build_actions, build_menus, build_toolbar
from widgets.amending import Amending
from widgets.amendment_panel import AmendmentPanel
from widgets.background import Debouncer, Runner
from widgets.fields import TextField, to_display, to_markup
from widgets.find_replace import FindBar
from widgets.footnotes import FootnotesPane
from widgets.header_panel import HeaderPanel
from widgets.issues_panel import IssuesPanel
from widgets.negotiation_view import NegotiationPanel
from widgets.paragraph_editor import ParagraphList
from widgets.preview import PreviewPane
from widgets.settings import Settings, SettingsDialog
from widgets.versions import Versions

PROJECT_FILTER = "Resolute project (*.json)"
OPEN_FILTER = "Drafts (*.json *.docx *.txt *.xml *.akn);;All files (*)"
IMPORT_FILTER = "Text, Word or UN XML (*.txt *.docx *.xml *.akn);;All files (*)"


class Prompter:
    """The questions the window asks. Tests pass one that answers without dialogs."""

    def ask_save(self, parent: QWidget, name: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes", f"Save the changes to {name}?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)  # fmt: skip
        box.setInformativeText("If you don't save, your changes since the last save are lost.")
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(answer), "cancel"
        )

    def ask_restore(self, parent: QWidget, item: recovery.Recoverable) -> bool:
        name = item.source.name if item.source else "an unsaved draft"
        answer = QMessageBox.question(
            parent, "Recover your work?",
            f"Resolute closed without saving {name}.\nRestore the copy saved automatically before it closed?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def open_path(self, parent: QWidget, caption: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
        return Path(path) if path else None

    def save_path(self, parent: QWidget, caption: str, filters: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return Path(path) if path else None

    def choose_template(self, parent: QWidget, default: str) -> str | None:
        templates = list(all_templates().values())
        names = [t.name for t in templates]
        current = next((i for i, t in enumerate(templates) if t.id == default), 0)
        name, ok = QInputDialog.getItem(parent, "New draft", "Organ:", names, current, False)
        return templates[names.index(name)].id if ok else None

    def choose_language(self, parent: QWidget) -> str | None:
        return draft_language.choose_language(parent)

    def ask_text(self, parent: QWidget, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
        return value if ok else None

    def error(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)


class MainWindow(QMainWindow):
    document_changed = Signal(object, object)  # Change, initiator (or None)

    def __init__(self, *, settings: Settings | None = None, runner: Any = None, prompter: Prompter | None = None,
                 autosave_ms: int = 4000, check_delay_ms: int = 120, recovery_folder: Path | None = None) -> None:  # fmt: skip
        super().__init__()
        self.settings = settings or Settings()
        self.runner = runner if runner is not None else Runner(self)
        self.prompter = prompter or Prompter()
        self.autosaver = recovery.Autosaver(recovery_folder)
        self.doc = edits.Document(new_resolution(self.settings.default_template))
        self.rendered: Rendered = render(self.doc.resolution)
        self.numbers: dict[str, int] = {}
        self._keeps_own: dict[str, bool] = {}
        self._refs: dict[str, tuple[str, ...]] = {}
        self.import_findings: list[Finding] = []
        self.doc_findings: list[Finding] = []
        self.para_findings: dict[str, list[Finding]] = {}
        self._pending_checks: set[str] = set()
        self._context: object | None = None  # the engine's view of the document for paragraph checks
        self._last_match: edits.Match | None = None
        self.spelling = services.Spelling(self.settings.personal_dictionary())
        self._preview_zoom = 0
        self._action_state: tuple[object, ...] = ()

        self.setWindowTitle("Resolute")
        self.resize(1500, 950)
        self._build_views()
        self.actions_ = build_actions(self, self._handlers())
        self.recent_menu = QMenu("Open &Recent", self)
        build_menus(self.menuBar(), self.actions_, self.recent_menu)
        self.negotiation.add_menu(self.menuBar())
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        build_toolbar(toolbar, self.actions_)
        self.addToolBar(toolbar)
        self._wire_view_actions()
        self._refresh_recent()

        self.preview_timer = Debouncer(250, self._update_preview, self)
        self.check_timer = Debouncer(check_delay_ms, self._check_paragraphs, self)
        self._full_check_floor = max(check_delay_ms * 4, 300)
        self.full_check_timer = Debouncer(self._full_check_floor, self._check_document, self)
        self.autosave_timer = Debouncer(autosave_ms, self._autosave, self)
        self.document_changed.connect(self._on_document_changed)
        self._set_zoom(self.settings.zoom)
        geometry, state = self.settings.store.value("view/geometry"), self.settings.store.value("view/state")
        if geometry is not None:
            self.restoreGeometry(geometry)  # where the user left the window and its panels
        if state is not None:
            self.restoreState(state)
        self.paragraphs.spelling = self.spelling.misspelt
        self.versions.update_actions()
        self.load_document(self.doc)

    # --- building ------------------------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.paragraphs = ParagraphList()
        self.paragraphs.setAccessibleName("Paragraphs")
        for part in Part:
            self.paragraphs.set_completer_words(part, services.opener_phrases(part))
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

        self.header = HeaderPanel()
        details = QScrollArea()
        details.setWidgetResizable(True)
        details.setWidget(self.header)
        details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details.setMinimumWidth(330)
        self.details_dock = self._dock("Document details", details, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.preview = PreviewPane()
        self.preview_dock = self._dock(
            "Preview (as printed)", self.preview, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.preview.setMinimumWidth(420)

        self.issues = IssuesPanel()
        self.footnotes = FootnotesPane()
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.addTab(self.issues, "Issues")
        self.bottom_tabs.addTab(self.footnotes, "Footnotes")
        self._preview_stale = False
        self.preview_dock.visibilityChanged.connect(self._preview_shown)
        self.issues_dock = self._dock(
            "Issues and footnotes", self.bottom_tabs, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self._fitted_width = 0
        self.resizeDocks([self.issues_dock], [150], Qt.Orientation.Vertical)

        self.versions = Versions(self)  # the base to compare with, and the compare view beside the preview
        self.amending = Amending(self, self.amendment_panel)
        self.negotiation = NegotiationPanel(self)  # the compilation of proposals, decisions and revisions

        self.counts_label = QLabel()
        self.where_label = QLabel()
        self.statusBar().addPermanentWidget(self.where_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        p = self.paragraphs
        p.edited.connect(self._on_field_edited)
        p.activated.connect(self._on_activated)
        p.add_requested.connect(self._add_to_part)
        p.indent_requested.connect(lambda pid: self._structure(edits.indent_paragraph, paragraph_id=pid))
        p.outdent_requested.connect(lambda pid: self._structure(edits.outdent_paragraph, paragraph_id=pid))
        p.split_requested.connect(self._split)
        p.fix_requested.connect(self.apply_fix)
        p.drop_requested.connect(self.drop_paragraph)
        p.pasted_draft.connect(self.paste_draft)
        p.erase_requested.connect(self._erase_empty)
        p.context_requested.connect(self._text_context_menu)
        units.connect(self)  # parts B, C ... and annexes: add buttons and titles
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
        self.issues.jump.connect(self.jump_to)
        self.issues.fix.connect(self.apply_fix)
        self.find_bar.find_next.connect(self.find_next)
        self.find_bar.replace_one.connect(self.replace_one)
        self.find_bar.replace_all.connect(self.replace_all)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)  # fmt: skip
        self.addDockWidget(area, dock)
        return dock

    def _handlers(self) -> dict[ActionId, Callable[..., None]]:
        A = ActionId
        return {
            A.NEW: self.new_from_template, A.OPEN: self.open_dialog, A.SAVE: self.save,
            A.SAVE_AS: self.save_as_dialog, A.EXPORT_DOCX: self.export_dialog, A.EXPORT_PDF: self.export_pdf_dialog, A.IMPORT: self.import_dialog,
            A.SETTINGS: self.settings_dialog, A.QUIT: self.close, A.UNDO: self.undo, A.REDO: self.redo,
            A.FIND: self.open_find, A.ADD_PARAGRAPH: self.add_paragraph_after,
            A.INSERT_PARAGRAPH: self.insert_paragraph_before, A.DELETE_PARAGRAPH: self.delete_paragraph,
            A.DUPLICATE_PARAGRAPH: self.duplicate_paragraph, A.MOVE_UP: self.move_up, A.MOVE_DOWN: self.move_down,
            A.MOVE_TO_OTHER_PART: self.move_to_other_part, A.INDENT: self.indent, A.OUTDENT: self.outdent,
            A.INSERT_FOOTNOTE: self.insert_footnote, A.SECTION_HEADING: self.edit_section_heading, A.ITALIC: self.toggle_italic, A.NEXT_ISSUE: self.next_issue,
            A.ZOOM_IN: lambda: self._set_zoom(self.settings.zoom + 1),
            A.ZOOM_OUT: lambda: self._set_zoom(self.settings.zoom - 1), A.ZOOM_RESET: lambda: self._set_zoom(0),
            A.ABOUT: self._about, **self.versions.handlers(), **self.amending.handlers(), **units.handlers(self),
        }  # fmt: skip

    def _wire_view_actions(self) -> None:
        for action_id, dock in ((ActionId.SHOW_PREVIEW, self.preview_dock), (ActionId.SHOW_ISSUES, self.issues_dock),
                                (ActionId.SHOW_DETAILS, self.details_dock)):  # fmt: skip
            action = self.actions_[action_id]
            action.setChecked(True)
            action.toggled.connect(dock.setVisible)
            dock.visibilityChanged.connect(lambda visible, a=action: _check_quietly(a, visible))

    def action(self, action_id: ActionId):  # noqa: ANN201
        return self.actions_[action_id]

    # --- the document ----------------------------------------------------------------------------------------

    @property
    def res(self) -> Resolution:
        return self.doc.resolution

    def load_document(self, doc: edits.Document) -> None:
        """Show a document from scratch (new, open, import, recovery)."""
        self.doc = doc
        self._context = None
        self.import_findings = getattr(self, "import_findings", [])
        self.doc_findings = []
        self.para_findings = {}
        self._render()
        self.paragraphs.active_id = ""
        self.paragraphs.disable_spelling()  # switched on again row by row once the rows are there
        self.paragraphs.rebuild(self.rendered.blocks, self._content, self.rendered.organ_line)
        self.header.show_header(self.res)
        self.paragraphs.set_title(self.rendered.title)
        self.amending.refresh()
        self._show_footnotes()
        self.preview_timer.poke()  # the page follows once the editor is up
        self._show_findings()
        self._update_actions()
        self.full_check_timer.poke()
        # load the dictionary off the main thread, then underline row by row
        self.runner.run(self.spelling.warm_up, lambda _: self.paragraphs.enable_spelling())
        first = next(iter(self.paragraphs.order), None)
        if first:
            self.paragraphs.active_id = first[0]

    def _render(self) -> None:
        self.rendered = render(self.res)
        draft_language.follow_language(self.paragraphs, self.res.header.language)  # after undo too
        self.numbers = dict(self.rendered.footnote_numbers)
        # what render decided for each paragraph's own end: "" means it keeps its own ("...; and")
        self._keeps_own = {b.paragraph_id: not b.end and bool(b.spans) for b in self.rendered.blocks
                           if b.paragraph_id and not b.is_tail and b.role != "heading"}  # fmt: skip
        self._refs = {pid: refs for pid in self._keeps_own if (refs := self._refs_in(pid))}

    def _refs_in(self, paragraph_id: str) -> tuple[str, ...]:
        """The footnote references of a paragraph (text and tail): when they change, numbers move."""
        text = self._text_of(paragraph_id, False) + self._text_of(paragraph_id, True)
        return tuple(inline.footnote_ids(text)) if "[^" in text else ()

    def _text_of(self, paragraph_id: str, tail: bool) -> str:
        para = self.doc.find(paragraph_id)
        if para is None:
            return ""
        return para.tail if tail else para.text

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
            self.statusBar().showMessage(str(exc).capitalize(), 4000)
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
        if change.structure or change.footnotes or typed_refs or ends_flip or change.header:
            old_numbers = self.numbers
            self._render()
            self.paragraphs.rebuild(self.rendered.blocks, self._content, self.rendered.organ_line)
            if self.numbers != old_numbers:
                for key in self.paragraphs.order:
                    para = self.doc.find(key[0])
                    if para is not None and "[^" in (para.tail if key[1] else para.text):
                        self.paragraphs.set_content(key[0], "tail" if key[1] else "text",
                                                    self._content(*key)[1])  # fmt: skip
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
        if not isinstance(initiator, tuple) or initiator[1] == "opener" or change.structure or change.header:
            self._context = None  # typing in a text keeps the document context; anything else renews it
        self._pending_checks |= set(change.paragraph_ids)
        if change.structure or change.header or change.title or change.footnotes:
            self.full_check_timer.poke()
        else:
            self.check_timer.poke()
            self.full_check_timer.poke()
        self.preview_timer.poke()
        self.autosave_timer.poke()
        self._update_actions()

    def _title_now(self) -> str:
        """The title as the editor shows it above the paragraphs ("" for organs whose drafts have none)."""
        try:
            has_title = get_template(self.res.header.template).has_title
        except ResoluteError:
            has_title = True
        return inline.plain(self.res.title) if has_title else ""

    def _show_footnotes(self) -> None:
        self.footnotes.show_footnotes(self.rendered.footnotes)
        _set_tab_text(self.bottom_tabs, 1, f"Footnotes ({len(self.rendered.footnotes)})")

    def _preview_shown(self, visible: bool) -> None:
        if visible and self._preview_stale:
            self.preview_timer.poke()

    def _update_preview(self) -> None:
        if not self.preview_dock.isVisible():
            self._preview_stale = True  # drawn when the preview is shown again
            return
        start = time.perf_counter()
        self.preview.show_rendered(render(self.res))
        self._preview_stale = False
        # a long draft takes longer to lay out: wait for a longer pause before drawing it again
        spent_ms = int((time.perf_counter() - start) * 1000)
        self.preview_timer.set_delay(max(250, 3 * spent_ms))

    # --- typing ----------------------------------------------------------------------------------------------

    def _on_field_edited(self, paragraph_id: str, field: str, shown: str) -> None:
        value = shown if field == "opener" else to_markup(shown, self.numbers)
        if field != "opener":
            value = re.sub(r"\s*\n\s*", " ", value)
        self.apply(edits.set_field, paragraph_id=paragraph_id, field=field, value=value,
                   initiator=(paragraph_id, field))  # fmt: skip

    def _on_header_edited(self, field: str, value: object) -> None:
        self.apply(edits.set_header, field=field, value=value, initiator=self.header)

    def _on_template_changed(self, template_id: str) -> None:
        self.apply(edits.set_header, field="template", value=template_id, label="Change organ")
        self.header.show_header(self.res)

    def _on_activated(self, paragraph_id: str) -> None:
        self.doc.history.seal()
        self.where_label.setText(self.paragraphs.where(paragraph_id))
        if self.preview_dock.isVisible():
            self.preview.follow(paragraph_id)
        self._update_actions()

    # --- paragraphs ------------------------------------------------------------------------------------------

    def _active(self) -> str:
        pid = self.paragraphs.active_id
        return pid if pid and self.doc.find(pid) is not None else ""

    def _structure(self, command: Callable[..., Any], **kwargs: Any) -> Change | None:
        self.doc.history.seal()
        return self.apply(command, **kwargs)

    def _add_to_part(self, part: Part) -> None:
        self._structure(edits.insert_paragraph, part=part)

    def _split(self, paragraph_id: str) -> None:
        located = self.res.locate(paragraph_id)
        if located:
            self._structure(edits.insert_paragraph, part=located[0], after_id=paragraph_id)

    def _erase_empty(self, paragraph_id: str) -> None:
        """Backspace in an empty paragraph: remove it and go to the end of the one before."""
        para = self.doc.find(paragraph_id)
        if para is None or para.opener or para.text or para.subparagraphs or para.tail:
            return
        keys = self.paragraphs.order
        at = keys.index((paragraph_id, False)) if (paragraph_id, False) in keys else -1
        previous = keys[at - 1] if at > 0 else None
        if self._structure(edits.delete_paragraph, paragraph_id=paragraph_id) is None or previous is None:
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
        part, items, at = self.res.locate(pid)  # type: ignore[misc]
        if items is self.res.part(part):
            self._structure(edits.insert_paragraph, part=part, index=at)
        else:
            self.statusBar().showMessage(
                "Put the cursor in a paragraph (not a subparagraph) to insert before it", 4000
            )

    def delete_paragraph(self) -> None:
        if pid := self._active():
            self._structure(edits.delete_paragraph, paragraph_id=pid)

    def duplicate_paragraph(self) -> None:
        if pid := self._active():
            self._structure(edits.duplicate_paragraph, paragraph_id=pid)

    def move_up(self) -> None:
        if pid := self._active():
            self._structure(edits.move_up, paragraph_id=pid)

    def move_down(self) -> None:
        if pid := self._active():
            self._structure(edits.move_down, paragraph_id=pid)

    def move_to_other_part(self) -> None:
        pid = self._active()
        located = self.res.locate(pid) if pid else None
        if located:
            other = Part.OPERATIVE if located[0] is Part.PREAMBLE else Part.PREAMBLE
            self._structure(edits.move_to_part, paragraph_id=pid, part=other)

    def indent(self) -> None:
        if pid := self._active():
            self._structure(edits.indent_paragraph, paragraph_id=pid)

    def outdent(self) -> None:
        if pid := self._active():
            self._structure(edits.outdent_paragraph, paragraph_id=pid)

    def drop_paragraph(self, dragged: str, target: str, before: bool) -> None:
        """A paragraph dragged onto another: same list → move there; other part → move across."""
        res = self.res
        src, tgt = res.locate(dragged), res.locate(target)
        if src is None or tgt is None:
            return
        (s_part, s_items, s_at), (t_part, t_items, t_at) = src, tgt
        if s_items is t_items:
            to = t_at if before else t_at + 1
            if to > s_at:
                to -= 1
            self._structure(edits.move_paragraph, paragraph_id=dragged, to_index=to)
        elif s_items is res.part(s_part) and t_items is res.part(t_part):
            self._structure(
                edits.move_to_part, paragraph_id=dragged, part=t_part, index=t_at if before else t_at + 1
            )
        else:
            self.statusBar().showMessage(
                "Subparagraphs move among their own list; use Tab/Shift+Tab to re-nest", 4000
            )

    # --- footnotes -------------------------------------------------------------------------------------------

    def edit_section_heading(self) -> None:
        """Type the heading of the section the current paragraph opens: one line each, e.g. "I" and its title."""
        pid = self._active()
        located = self.res.locate(pid) if pid else None
        if located is None:
            self.statusBar().showMessage("Put the cursor in a paragraph first", 4000)
            return
        para = located[1][located[2]]
        value = self.prompter.ask_text(self, "Section heading", "Printed before this paragraph, one line each "
                                       "(e.g. “I” and the section title); empty for none:", para.heading)  # fmt: skip
        if value is not None:
            self._structure(edits.set_heading, paragraph_id=para.id, value=value)

    def insert_footnote(self) -> None:
        """A footnote at the cursor in the paragraph's text (Ctrl+Alt+F); its text is typed in the footnote pane."""
        pid = self._active()
        if not pid:
            self.statusBar().showMessage("Put the cursor in a paragraph first", 4000)
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
            display_prefix = to_display(getattr(self.res.find(pid), field)[: (position or 0) + len(f"[^{fid}]")],
                                        self.numbers)  # fmt: skip
            cursor.setPosition(min(len(display_prefix), len(row.text.toPlainText())))
            row.text.setTextCursor(cursor)
        self.issues_dock.show()
        self.bottom_tabs.setCurrentWidget(self.footnotes)
        self.footnotes.focus_footnote(fid)

    def toggle_italic(self) -> None:
        """Mark the selected words *italic* (or unmark them); the preview and the export print them italic."""
        field = self.focusWidget()
        if not isinstance(field, TextField):
            return
        cursor = field.textCursor()
        if not cursor.hasSelection():
            self.statusBar().showMessage("Select the words to italicize first", 4000)
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = field.toPlainText()
        chosen = text[start:end]
        if chosen.startswith("*") and chosen.endswith("*") and len(chosen) > 1:
            replacement = chosen[1:-1]
        elif text[start - 1 : start] == "*" and text[end : end + 1] == "*":
            start, end, replacement = start - 1, end + 1, chosen
        else:
            replacement = f"*{chosen}*"
        self.doc.history.seal()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        self.doc.history.seal()

    # --- checks ----------------------------------------------------------------------------------------------

    def _check_paragraphs(self) -> None:
        """The paragraphs just edited, on the main thread: quick, and typing never waits for the document."""
        pending, self._pending_checks = self._pending_checks, set()
        changed = False
        for pid in pending:
            if self.doc.find(pid) is None:
                continue
            try:
                if self._context is None:
                    self._context = services.document_context(self.res)
                found = services.check_paragraph(self.res, pid, self._context)
            except Exception:  # a failing rule must not interrupt typing; the full check will say more
                logging.getLogger(__name__).exception("paragraph check failed")
                continue
            if found is None:
                return
            self.para_findings[pid] = found
            changed = True
        if changed:
            self._show_findings()

    def _check_document(self) -> None:
        """The whole document on the worker, on a snapshot; a result for an older revision is dropped."""
        revision = self.doc.revision
        snapshot = storage.from_dict(storage.to_dict(self.res))  # the worker never sees the live model
        doc = self.doc
        started = time.perf_counter()

        def done(found: list[Finding] | None) -> None:
            # the whole-document check waits for a pause at least twice as long as it takes
            spent_ms = int((time.perf_counter() - started) * 1000)
            self.full_check_timer.set_delay(max(self._full_check_floor, 2 * spent_ms))
            self._document_checked(doc, revision, found)

        self.runner.run(lambda: services.check_document(snapshot), done)

    def _document_checked(self, doc: edits.Document, revision: int, found: list[Finding] | None) -> None:
        if found is None or doc is not self.doc or revision != self.doc.revision:
            return  # stale: a newer check is on its way
        self.doc_findings = found
        self.para_findings = {}
        self._show_findings()

    def findings(self) -> list[Finding]:
        live = [f for f in self.doc_findings if f.paragraph_id not in self.para_findings]
        for found in self.para_findings.values():
            live += found
        exists = (
            {p.id for _, p in self.res.paragraphs()} | set(self.res.footnotes) | instruction_ids(self.res)
        )
        return self.import_findings + [f for f in live if not f.paragraph_id or f.paragraph_id in exists]

    def _where(self, finding: Finding) -> str:
        """'OP 3 (a)' for a paragraph, 'Footnote 2' for a footnote's text, 'Sponsors' or 'Title' in the header."""
        if finding.field == "footnote" and finding.paragraph_id in self.numbers:
            return f"Footnote {self.numbers[finding.paragraph_id]}"
        if finding.paragraph_id and self.amending.active:
            return place_names(self.rendered.blocks).get(finding.paragraph_id, "Amendment")
        if finding.paragraph_id:
            return self.paragraphs.where(finding.paragraph_id)
        name = finding.field.split("[")[0]
        return _HEADER_NAMES.get(name, "Header")

    def _header_field(self, field: str) -> QWidget | None:
        h = self.header
        widgets = {"title": h.title, "sponsors": h.sponsor_list, "on_behalf_of": h.on_behalf_of,
                   "symbol": h.symbol, "session": h.session, "year": h.session, "date": h.date,
                   "distribution": h.distribution, "original_language": h.original, "template": h.template,
                   "agenda_items": h.agenda, "committee": h.committee, "kind": h.kind}  # fmt: skip
        return widgets.get(field.split("[")[0])

    def _show_findings(self) -> None:
        findings = self.findings()
        order = {key[0]: i for i, key in enumerate(reversed(self.paragraphs.order))}
        n = len(order)
        self.issues.set_findings(findings, self._where, lambda pid: n - order.get(pid, n + 1))
        errors, warnings = self.issues.counts()
        counts = f"  {errors} errors · {warnings} warnings  "
        if self.counts_label.text() != counts:
            self.counts_label.setText(counts)
        _set_tab_text(self.bottom_tabs, 0, f"Issues ({len(findings)})")
        fixes: dict[str, Finding] = {}
        for finding in findings:
            if finding.fix is not None and finding.paragraph_id and finding.paragraph_id not in fixes:
                fixes[finding.paragraph_id] = finding
        self.paragraphs.set_fixes(fixes)

    def apply_fix(self, finding: Finding) -> None:
        self.doc.history.seal()
        change = self.apply(edits.apply_fix, finding=finding)
        if change is not None:
            self.doc.history.seal()
            if finding.paragraph_id:
                self.para_findings.pop(finding.paragraph_id, None)
                self.doc_findings = [f for f in self.doc_findings if f != finding]
                self._pending_checks.add(finding.paragraph_id)
                self._show_findings()
                self.check_timer.poke()

    def jump_to(self, finding: Finding) -> None:
        if self.amending.jump(finding):
            return
        if finding.field == "footnote" and finding.paragraph_id in self.res.footnotes:
            self.bottom_tabs.setCurrentWidget(self.footnotes)
            self.footnotes.focus_footnote(finding.paragraph_id)
            field = self.footnotes.fields.get(finding.paragraph_id)
            if field is not None and finding.span != (0, 0):
                field.setSelection(finding.span[0], finding.span[1] - finding.span[0])
            return
        if not finding.paragraph_id:
            self.details_dock.show()
            widget = self._header_field(finding.field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                scroll = self.details_dock.widget()
                if isinstance(scroll, QScrollArea):
                    scroll.ensureWidgetVisible(widget)
            return
        span = None
        if finding.span != (0, 0):
            span = finding.span
            if finding.field in ("text", "tail"):
                para = self.res.find(finding.paragraph_id)
                markup = getattr(para, finding.field) if para else ""
                span = (len(to_display(markup[: span[0]], self.numbers)),
                        len(to_display(markup[: span[1]], self.numbers)))  # fmt: skip
        self.paragraphs.focus_paragraph(finding.paragraph_id, finding.field, span)

    def next_issue(self) -> None:
        finding = self.issues.select_next()
        if finding is not None:
            self.jump_to(finding)

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

    def _update_actions(self) -> None:
        """Undo/redo text and state, paragraph actions, the title bar; only what changed is touched."""
        status = self.doc.history.undo_status()
        name = self.doc.path.name if self.doc.path else "Untitled draft"
        symbol = self.res.header.full_symbol
        state = (status, bool(self._active()), f"{name}[*] — {symbol + ' — ' if symbol else ''}Resolute",
                 self.doc.history.modified)  # fmt: skip
        if state == self._action_state:
            return
        self._action_state = state
        undo, redo = self.actions_[ActionId.UNDO], self.actions_[ActionId.REDO]
        undo.setText(f"&Undo {status.undo}" if status.undo else "&Undo")
        redo.setText(f"&Redo {status.redo}" if status.redo else "&Redo")
        undo.setEnabled(bool(status.undo))
        redo.setEnabled(bool(status.redo))
        for action_id in (ActionId.DELETE_PARAGRAPH, ActionId.DUPLICATE_PARAGRAPH, ActionId.MOVE_UP,
                          ActionId.MOVE_DOWN, ActionId.MOVE_TO_OTHER_PART, ActionId.INDENT, ActionId.OUTDENT,
                          ActionId.INSERT_FOOTNOTE, ActionId.INSERT_PARAGRAPH, ActionId.SECTION_HEADING):  # fmt: skip
            self.actions_[action_id].setEnabled(state[1])
        self.setWindowTitle(state[2])
        self.setWindowModified(state[3])

    # --- find and replace ------------------------------------------------------------------------------------

    def open_find(self) -> None:
        focus = self.focusWidget()
        selected = focus.textCursor().selectedText() if isinstance(focus, TextField) else ""
        self.find_bar.open_bar(selected)

    def find_next(self, needle: str, case: bool) -> edits.Match | None:
        matches = edits.find_all(self.res, needle, case=case)
        if not matches:
            self.find_bar.status.setText("Not found")
            self._last_match = None
            return None
        self.paragraphs.finish()
        order = {key[0]: i for i, key in enumerate(self.paragraphs.order)}
        matches.sort(key=lambda m: (order.get(m.paragraph_id, -1), ("title", "opener", "text", "tail").index(m.field),
                                    m.start))  # fmt: skip
        last = self._last_match
        index = 0
        if last is not None and last in matches:
            index = (matches.index(last) + 1) % len(matches)
        match = matches[index]
        self._last_match = match
        self.find_bar.status.setText(f"{index + 1} of {len(matches)}")
        self._show_match(match)
        return match

    def _show_match(self, match: edits.Match) -> None:
        if not match.paragraph_id:
            self.header.title.setFocus()
            self.header.title.setSelection(match.start, match.end - match.start)
            return
        span = (match.start, match.end)
        if match.field != "opener":
            markup = getattr(self.res.find(match.paragraph_id), match.field)
            span = (len(to_display(markup[: match.start], self.numbers)),
                    len(to_display(markup[: match.end], self.numbers)))  # fmt: skip
        self.paragraphs.focus_paragraph(match.paragraph_id, match.field, span)

    def replace_one(self, needle: str, replacement: str, case: bool) -> None:
        match = self._last_match
        current = edits.find_all(self.res, needle, case=case)
        if match is None or match not in current:
            self.find_next(needle, case)
            return
        self.doc.history.seal()
        if match.paragraph_id:
            old = getattr(self.res.find(match.paragraph_id), match.field)
            self.apply(edits.set_field, paragraph_id=match.paragraph_id, field=match.field,
                       value=old[: match.start] + replacement + old[match.end :], label="Replace")  # fmt: skip
        else:
            self.apply(
                edits.set_title,
                value=self.res.title[: match.start] + replacement + self.res.title[match.end :],
            )
        self._last_match = edits.Match(
            match.paragraph_id, match.field, match.start, match.start + len(replacement)
        )
        self.find_next(needle, case)

    def replace_all(self, needle: str, replacement: str, case: bool) -> None:
        self.doc.history.seal()
        count = len(edits.find_all(self.res, needle, case=case))
        change = self.apply(edits.replace_all, needle=needle, replacement=replacement, case=case)
        self.find_bar.status.setText(f"Replaced {count}" if change is not None and count else "Not found")

    # --- spelling --------------------------------------------------------------------------------------------

    def _text_context_menu(self, field: TextField, global_pos) -> None:  # noqa: ANN001
        menu = self.spelling_menu(field, field.mapFromGlobal(global_pos))
        menu.exec(global_pos)

    def spelling_menu(self, field: TextField, pos) -> QMenu:  # noqa: ANN001
        """Suggestions, Ignore and Add to dictionary for the word under `pos`, above the usual edit entries."""
        menu = QMenu(self)
        cursor = field.cursorForPosition(pos)
        word = self._misspelt_at(field, cursor.position())
        if word is not None:
            start, end, text = word
            suggestions = self.spelling.suggestions(text)
            for suggestion in suggestions:
                action = menu.addAction(suggestion)
                font = QFont(action.font())
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(
                    lambda _=False, s=suggestion: self._replace_word(field, start, end, s)
                )
            if not suggestions:
                menu.addAction("(no suggestions)").setEnabled(False)
            menu.addSeparator()
            menu.addAction(f"Ignore '{text}'", lambda: self._ignore_word(text))
            menu.addAction(f"Add '{text}' to dictionary", lambda: self._add_word(text))
            menu.addSeparator()
        standard = field.createStandardContextMenu()
        for action in standard.actions():
            if action.text().replace("&", "").startswith(("Undo", "Redo")):
                continue
            menu.addAction(action)
        standard.setParent(menu)
        return menu

    def _misspelt_at(self, field: TextField, position: int) -> tuple[int, int, str] | None:
        masked = re.sub(r"\[\^[A-Za-z0-9_-]+\]", lambda m: " " * len(m.group(0)), field.toPlainText())
        for start, end, word in self.spelling.misspelt(masked):
            if start <= position <= end:
                return start, end, word
        return None

    def _replace_word(self, field: TextField, start: int, end: int, word: str) -> None:
        self.doc.history.seal()
        cursor = field.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(word)
        self.doc.history.seal()

    def _ignore_word(self, word: str) -> None:
        self.spelling.ignore(word)
        self.paragraphs.rehighlight()

    def _add_word(self, word: str) -> None:
        self.spelling.add(word)
        self.paragraphs.rehighlight()

    # --- paste a whole draft ---------------------------------------------------------------------------------

    def paste_draft(self, text: str) -> None:
        try:
            result = read_text(text)
        except ResoluteError as exc:
            self.prompter.error(self, "Cannot read the pasted text", str(exc))
            return
        pasted = result.resolution
        self.doc.history.seal()
        if self._is_blank():
            self.apply(edits.replace_document, resolution=pasted, label="Paste draft")
            self.header.show_header(self.res)
        else:
            self.apply(edits.insert_paragraphs, source=pasted, after_id=self._active())
        self.import_findings = list(result.findings)
        self._show_findings()

    def _is_blank(self) -> bool:
        res = self.res
        return not res.title and all(
            not p.opener and not p.text and not p.subparagraphs for _, p in res.paragraphs()
        )

    # --- files -----------------------------------------------------------------------------------------------

    def _confirm_discard(self) -> bool:
        """True when the current draft may be replaced or closed (saved, discarded, or unchanged)."""
        if not self.doc.history.modified:
            return True
        name = self.doc.path.name if self.doc.path else "the untitled draft"
        answer = self.prompter.ask_save(self, name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_from_template(self) -> None:
        template_id = self.prompter.choose_template(self, self.settings.default_template)
        ask = getattr(self.prompter, "choose_language", None)  # a prompter that does not ask: English
        language = ask(self) if template_id and ask else "en"
        if template_id and language:
            self.new_document(template_id, language)

    def new_document(self, template_id: str, language: str = "en") -> bool:
        if not self._confirm_discard():
            return False
        res = new_resolution(template_id)
        res.header.language = language
        if self.settings.delegation:
            res.header.sponsors = [self.settings.delegation]
        self._replace(edits.Document(res), [])
        return True

    def _replace(self, doc: edits.Document, import_findings: list[Finding]) -> None:
        self.autosaver.remove()
        self.autosaver = recovery.Autosaver(self.autosaver.folder)
        self.import_findings = import_findings
        self.versions.opened(None, None)
        self.load_document(doc)
        self.negotiation.selected = ""
        if self.negotiation.dock.isVisible():
            self.negotiation.refresh()
        first = next(iter(self.paragraphs.order), None)
        if first:
            self.paragraphs.focus_paragraph(first[0], "opener")

    def open_dialog(self) -> None:
        path = self.prompter.open_path(self, "Open a draft", OPEN_FILTER)
        if path:
            self.open_path(path)

    def import_dialog(self) -> None:
        path = self.prompter.open_path(self, "Import a draft", IMPORT_FILTER)
        if path:
            self.open_path(path, as_import=True)

    def open_path(self, path: Path, *, as_import: bool = False) -> bool:
        """Open a project file, or import any other draft (it then saves as a new project)."""
        from app.io.reading import read_document

        if not self._confirm_discard():
            return False
        path = Path(path)
        try:
            result = read_document(path)
        except ResoluteError as exc:
            self.prompter.error(self, "Cannot open the file", str(exc))
            return False
        except Exception as exc:  # a reader bug must not lose the open document
            self.prompter.error(
                self, "Cannot open the file", f"{path.name} could not be read ({exc.__class__.__name__})"
            )
            return False
        is_project = not as_import and path.suffix.lower() == ".json"
        doc = edits.Document(result.resolution, path=path if is_project else None)
        if not is_project:
            doc.history.mark_modified()
        self._replace(doc, list(result.findings))
        self.versions.opened(path, result.resolution)  # what was opened is the base to compare with
        self.settings.add_recent(path)
        self._refresh_recent()
        self._update_actions()
        return True

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as_dialog()
        return self.save_to(self.doc.path)

    def save_as_dialog(self) -> bool:
        path = self.prompter.save_path(self, "Save the draft", PROJECT_FILTER, self._suggested_name(".json"))
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(".json")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Save atomically; on failure say why and keep the file on disk as it was."""
        try:
            storage.save_project(self.res, path)
        except ResoluteError as exc:
            self.prompter.error(self, "Could not save", str(exc))
            return False
        self.doc.path = Path(path)
        self.doc.history.mark_saved()
        self.autosaver.remove()
        self.settings.add_recent(Path(path))
        self._refresh_recent()
        self._update_actions()
        self.statusBar().showMessage(f"Saved {Path(path).name}", 3000)
        return True

    def _suggested_name(self, suffix: str) -> str:
        if self.doc.path:
            return str(self.doc.path.with_suffix(suffix))
        symbol = self.res.header.full_symbol or "draft"
        return re.sub(r"[^\w.-]+", "_", symbol) + suffix

    def export_dialog(self) -> None:
        path = self.prompter.save_path(self, "Export Word document", "Word document (*.docx)",
                                       self._suggested_name(".docx"))  # fmt: skip
        if path:
            self.export_docx(path if path.suffix else path.with_suffix(".docx"))

    def export_pdf_dialog(self) -> None:
        path = self.prompter.save_path(self, "Export PDF", "PDF (*.pdf)", self._suggested_name(".pdf"))
        if path:
            self.export_pdf(path if path.suffix else path.with_suffix(".pdf"))

    def export_pdf(self, path: Path) -> bool:
        from widgets.pdf_export import write_pdf

        try:
            write_pdf(self.res, Path(path))
        except (ResoluteError, OSError) as exc:
            self.prompter.error(self, "Could not export", str(exc))
            return False
        self.statusBar().showMessage(f"Exported {Path(path).name}", 3000)
        return True

    def export_docx(self, path: Path) -> bool:
        try:
            refuse_brackets(self.res)  # the L document is made only from a text without brackets
            write_docx(self.res, Path(path), paper=self.settings.paper or None)  # "" follows the template
        except ResoluteError as exc:
            self.prompter.error(self, "Could not export", str(exc))
            return False
        self.statusBar().showMessage(f"Exported {Path(path).name}", 3000)
        return True

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            self.recent_menu.addAction(path.name, lambda p=path: self.open_path(p)).setToolTip(str(path))
        self.recent_menu.setEnabled(bool(files))

    def settings_dialog(self) -> None:
        SettingsDialog(self.settings, self).exec()

    # --- recovery --------------------------------------------------------------------------------------------

    def _autosave(self) -> None:
        if self.doc.history.modified:
            try:
                self.autosaver.save(self.res, source=self.doc.path)
            except ResoluteError as exc:
                self.statusBar().showMessage(f"Autosave failed: {exc}", 5000)

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest recovery file; restored work opens as modified. A recovery file
        that cannot be read is kept aside (never deleted) and the status bar says where."""
        kept = recovery.set_aside_unreadable(self.autosaver.folder)
        if kept:
            self.statusBar().showMessage(
                f"{len(kept)} recovery file(s) could not be read and were kept as {kept[0].name}"
                + (" and others" if len(kept) > 1 else "") + f" in {kept[0].parent}", 15000
            )  # fmt: skip
        for item in recovery.find_recoverable(self.autosaver.folder):
            if self.prompter.ask_restore(self, item):
                try:
                    res = item.load()
                except ResoluteError as exc:
                    aside = item.keep_aside()
                    self.prompter.error(self, "Cannot recover", f"{exc}; the file is kept as {aside}")
                    continue
                doc = edits.Document(res, path=item.source)
                doc.history.mark_modified()
                self._replace(doc, [])
                item.discard()
                self._autosave()
                self._update_actions()
                return True
            item.discard()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The paragraphs come first: the side docks take a share of the width, not a fixed size, so a small
        laptop window still leaves the paragraph column about half the width. Re-fitted only when the window
        changes size noticeably, so a delegate's own dock sizes stay."""
        super().resizeEvent(event)
        width = event.size().width()
        if abs(width - self._fitted_width) > 160:
            self._fitted_width = width
            self.resizeDocks([self.details_dock, self.preview_dock], [int(width * 0.22), int(width * 0.32)],
                             Qt.Orientation.Horizontal)  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard():
            event.ignore()
            return
        self.autosaver.remove()
        self.settings.store.setValue("view/geometry", self.saveGeometry())
        self.settings.store.setValue("view/state", self.saveState())
        for timer in (self.autosave_timer, self.preview_timer, self.check_timer, self.full_check_timer):
            timer._timer.stop()
        self.runner.shutdown()
        event.accept()

    # --- view ------------------------------------------------------------------------------------------------

    def _set_zoom(self, steps: int) -> None:
        steps = max(-4, min(8, steps))
        self.settings.zoom = steps
        self.paragraphs.set_zoom(steps)
        self.preview.zoomIn(steps - self._preview_zoom)
        self._preview_zoom = steps

    def _about(self) -> None:
        QMessageBox.about(
            self, "About Resolute", "Resolute: draft UN resolutions that follow UN conventions."
        )

    def flush(self) -> None:
        """Run pending debounced work now (tests, screenshots, before saving a snapshot)."""
        self.paragraphs.finish()
        for timer in (self.check_timer, self.full_check_timer, self.preview_timer):
            timer.flush()


_HEADER_NAMES = {"title": "Title", "sponsors": "Sponsors", "on_behalf_of": "Sponsors", "symbol": "Symbol",
                 "session": "Session", "year": "Year", "date": "Date", "distribution": "Distribution",
                 "original_language": "Original", "template": "Organ", "agenda_items": "Agenda"}  # fmt: skip


def _set_tab_text(tabs: QTabWidget, index: int, text: str) -> None:
    if tabs.tabText(index) != text:  # a change re-lays out the tab bar
        tabs.setTabText(index, text)


def _check_quietly(action, checked: bool) -> None:  # noqa: ANN001
    action.blockSignals(True)
    action.setChecked(checked)
    action.blockSignals(False)
