"""The open document as a file: new, open, import, save, export, recent files, recovery after a crash, and the
window title with its unsaved-changes mark.

Other parts of the editor replace the open document only through `confirm_discard()` and `replace(doc)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from app import edits, recovery, storage
from app.documents import new_resolution
from app.errors import ResoluteError
from app.export_names import named_for, suggested_stem
from app.findings import Finding
from app.interface import marked, tr
from app.io.docx_writer import write_docx
from app.io.tracked_base import read_opened
from app.messages import explain
from app.model import DocumentKind, paragraph_count
from app.negotiation.status import refuse_brackets
from app.recent_names import recent_names
from widgets.actions import ActionId
from widgets.background import Debouncer
from widgets.file_filters import DRAFT_FILTER, IMPORT_FILTER
from widgets.recovery_offer import MAX_OFFERED, RecoveryOffer, recovery_said  # noqa: F401 - MAX_OFFERED: the tests read it here

if TYPE_CHECKING:
    from app.io.imported import ImportResult
    from widgets.main_window import MainWindow
    from widgets.shown import Shown

PROJECT_FILTER = marked("Resolute project (*.json)")
# Paragraphs and subparagraphs past which a file is most likely no resolution (the longest issued have about 550,
# A/RES/79/1 with its annexes; a report opened by mistake has thousands): the editor asks before it builds a row
# for each, as a row takes some 140 KB and a 50,000-paragraph file would take gigabytes.
ASK_BEFORE_OPENING = 3_000
# Recovery files asked about at one start, newest first: a folder of hundreds left by crashed sessions (or copied
# in) asked one question each, and the editor did not start until every one was answered. The others are kept
# for the next start, and the status bar says how many.


class DocumentController(QObject):
    def __init__(self, win: MainWindow, *, autosave_ms: int, recovery_folder: Path | None) -> None:
        super().__init__(win)
        self.win = win
        self.autosaver = recovery.Autosaver(recovery_folder)
        self.autosave_timer = Debouncer(autosave_ms, self.autosave, self)
        self.recent_menu = QMenu(tr("Open &Recent"), win)
        self.recent_menu.setToolTipsVisible(True)  # each entry's whole path

    # --- replacing the open document ---------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """True when the current draft may be replaced or closed (saved, discarded, or unchanged)."""
        win = self.win
        if not win.doc.history.modified:
            return True
        answer = win.prompter.ask_save(win, win.doc.path.name if win.doc.path else "")
        if answer == "save":
            return self.save()
        return answer == "discard"

    def replace(
        self,
        doc: edits.Document,
        import_findings: list[Finding] | None = None,
        *,
        ready: Shown | None = None,
        autosaver: recovery.Autosaver | None = None,
    ) -> None:
        """Show `doc` in place of the open document (call `confirm_discard` first); the cursor goes to the
        first paragraph's opener, ready to type. `ready`: its rendering worked out already; `autosaver`: its
        recovery file written already (a restored autosave's, both off the UI thread)."""
        win = self.win
        win.reader.shutdown()  # File › New while a file is read: the file must not open over the new draft
        self.autosaver.remove()
        self.autosaver = autosaver or recovery.Autosaver(self.autosaver.folder)
        win.checks.import_findings = list(import_findings or [])
        win.versions.opened(None, None)
        win.load_document(doc, ready)
        win.negotiation.selected = ""
        if win.negotiation.dock.isVisible():
            win.negotiation.refresh()
        win.focus_first_opener()

    def new_from_template(self) -> None:
        template_id = self.win.prompter.choose_template(self.win, self.win.settings.default_template)
        language = self.win.prompter.choose_language(self.win) if template_id else None
        if template_id and language:
            self.new_document(template_id, language=language)

    def new_document(
        self, template_id: str, kind: DocumentKind = DocumentKind.DRAFT_RESOLUTION, language: str = "en"
    ) -> bool:
        if not self.confirm_discard():
            return False
        res = new_resolution(template_id, kind=kind, language=language)
        if self.win.settings.delegation:
            res.header.sponsors = [self.win.settings.delegation]
        self.replace(edits.Document(res))
        return True

    # --- open and import ---------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        if self.win.reader.refused():  # one read at a time: not even the dialog while one runs
            return
        path = self.win.prompter.open_path(self.win, tr("Open a draft"), DRAFT_FILTER)
        if path:
            self.open_path(path)

    def import_dialog(self) -> None:
        if self.win.reader.refused():
            return
        path = self.win.prompter.open_path(self.win, tr("Import a draft"), IMPORT_FILTER)
        if path:
            self.open_path(path, as_import=True)

    def open_path(self, path: Path, *, as_import: bool = False) -> bool:
        """Open a project file, or import any other draft (it then saves as a new project). The file is read off
        the UI thread (widgets.file_reading): False when a read already runs, the user keeps the open draft,
        or (read inline) the file cannot be read; True when it opened or its read has started."""
        win = self.win
        if win.reader.refused() or not self.confirm_discard():
            return False
        doc, revision = win.doc, win.doc.revision  # what the user agreed to replace
        path = Path(path)
        return win.reader.read(
            path,
            lambda result: self._opened(
                path, result, as_import, typed=win.doc is not doc or win.doc.revision != revision
            ),
            title=tr("Cannot open the file"),
            work=read_opened,
        )

    def _opened(self, path: Path, result: ImportResult, as_import: bool, *, typed: bool) -> bool:
        """The file is read: show it in place of the open draft. `typed`: the draft changed while the file was
        read, after the user agreed to replace it, so they are asked again."""
        win = self.win
        if typed and not self.confirm_discard():
            return False
        count = paragraph_count(result.resolution, stop=ASK_BEFORE_OPENING + 1)
        if count > ASK_BEFORE_OPENING and not win.prompter.ask_open_long(
            win, path.name, paragraph_count(result.resolution)
        ):
            return False
        is_project = not as_import and path.suffix.lower() == ".json"
        doc = edits.Document(result.resolution, path=path if is_project else None)
        if not is_project:
            doc.history.mark_modified()
        self.replace(doc, list(result.findings))
        win.versions.opened(path, result.resolution)  # what was opened is the base to compare with
        if result.before_tracked is not None:  # a Word file's tracked changes are what Versions shows
            win.versions.set_base(
                result.before_tracked, tr("{name} before its tracked changes").format(name=path.name)
            )
        win.settings.add_recent(path)
        self.refresh_recent()
        win.update_actions()
        return True

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        files = self.win.settings.recent_files()
        for path, name in zip(files, recent_names(files), strict=True):  # "&" is a menu's underline mark
            action = self.recent_menu.addAction(name.replace("&", "&&"), lambda p=path: self.open_path(p))
            action.setToolTip(str(path))
        self.recent_menu.setEnabled(bool(files))

    # --- save and export ---------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.win.doc.path is None:
            return self.save_as_dialog()
        return self.save_to(self.win.doc.path)

    def save_as_dialog(self) -> bool:
        path = self.win.prompter.save_path(
            self.win, tr("Save the draft"), PROJECT_FILTER, self.suggested_name(".json")
        )
        if path is None:
            return False
        try:
            path = named_for(path, ".json")
        except ResoluteError as exc:  # a Word original's name: the project is no Word file
            self.win.prompter.error(self.win, tr("Could not save"), explain(exc))
            return False
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Save atomically; on failure say why and keep the file on disk as it was."""
        win = self.win
        try:
            storage.save_project(win.res, path)
        except ResoluteError as exc:
            win.prompter.error(win, tr("Could not save"), explain(exc))
            return False
        win.doc.path = Path(path)
        win.doc.history.mark_saved()
        self.autosaver.remove()
        win.settings.add_recent(Path(path))
        self.refresh_recent()
        win.update_actions()
        win.statusBar().showMessage(tr("Saved {name}").format(name=Path(path).name), 3000)
        return True

    def suggested_name(self, suffix: str) -> str:
        """The file name offered when saving or exporting: the project's, else the symbol's."""
        if self.win.doc.path:
            return str(self.win.doc.path.with_suffix(suffix))
        return suggested_stem(self.win.res.header.full_symbol) + suffix

    def export_handlers(self) -> dict[ActionId, Callable[[], object]]:
        return {
            ActionId.EXPORT_DOCX: lambda: self.export_dialog(".docx"),
            ActionId.EXPORT_PDF: lambda: self.export_dialog(".pdf"),
            ActionId.EXPORT_AKN: lambda: self.export_dialog(".xml"),
        }

    def export_dialog(self, suffix: str = ".docx") -> bool:
        """Ask for a name and write the draft as the kind of file `suffix` names (.docx, .pdf, .xml)."""
        caption, filters, write = {
            ".docx": (tr("Export Word document"), tr("Word document (*.docx)"), self.export_docx),
            ".pdf": (tr("Export PDF"), tr("PDF (*.pdf)"), self.export_pdf),
            ".xml": (tr("Export UN XML (Akoma Ntoso)"), tr("UN XML (*.xml)"), self.export_akn),
        }[suffix]
        path = self.win.prompter.save_path(self.win, caption, filters, self.suggested_name(suffix))
        if not path:
            return False
        try:
            path = named_for(path, suffix)
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Could not export"), explain(exc))
            return False
        return write(path)

    def export_akn(self, path: Path) -> bool:
        from app.atomic import write_atomic
        from app.io.akn_writer import to_akn

        try:
            write_atomic(Path(path), to_akn(self.win.res))
        except (ResoluteError, OSError) as exc:
            self.win.prompter.error(self.win, tr("Could not export"), explain(exc))
            return False
        self.win.statusBar().showMessage(tr("Exported {name}").format(name=Path(path).name), 3000)
        return True

    def export_pdf(self, path: Path) -> bool:
        from widgets.pdf_export import write_pdf

        try:
            write_pdf(self.win.res, Path(path))
        except (ResoluteError, OSError) as exc:
            self.win.prompter.error(self.win, tr("Could not export"), explain(exc))
            return False
        self.win.statusBar().showMessage(tr("Exported {name}").format(name=Path(path).name), 3000)
        return True

    def export_docx(self, path: Path) -> bool:
        win = self.win
        try:
            refuse_brackets(win.res)  # the L document is made only from a text without brackets
            write_docx(win.res, Path(path), paper=win.settings.paper or None)  # "" follows the template
        except ResoluteError as exc:
            win.prompter.error(win, tr("Could not export"), explain(exc))
            return False
        win.statusBar().showMessage(tr("Exported {name}").format(name=Path(path).name), 3000)
        return True

    # --- title and unsaved changes -----------------------------------------------------------------------

    def title(self) -> tuple[str, bool]:
        """The window title ("[*]" marks where Qt shows unsaved changes) and whether there are any."""
        doc = self.win.doc
        name = doc.path.name if doc.path else tr("Untitled draft")
        symbol = self.win.res.header.full_symbol
        return f"{name}[*] — {symbol + ' — ' if symbol else ''}Resolute", doc.history.modified

    # --- recovery ----------------------------------------------------------------------------------------

    def autosave(self) -> None:
        if self.win.doc.history.modified:
            try:
                self.autosaver.save(self.win.res, source=self.win.doc.path)
            except ResoluteError as exc:
                self.win.statusBar().showMessage(
                    tr("Autosave failed: {error}").format(error=explain(exc)), 5000
                )

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest recovery files; restored work opens as modified. A recovery file
        that cannot be read is kept aside (never deleted) and the status bar says where. On this thread."""
        scan = recovery.scan_at_start(self.autosaver.folder)
        return RecoveryOffer(self).offer(scan, lambda: None, later=False)

    def offer_recovery_later(self, otherwise: Callable[[], object]) -> None:
        """`offer_recovery` with the recovery folder read, and the autosave restored loaded, off the UI thread
        (widgets/recovery_offer.py); `otherwise()` when nothing is restored. A read cancelled leaves every file
        for the next start."""
        self.win.reader.read(
            self.autosaver.folder,
            lambda scan: RecoveryOffer(self).offer(scan, otherwise, later=True),
            title=tr("Cannot recover"),
            work=recovery.scan_at_start,
            said=recovery_said(tr("Looking for work to recover…"), otherwise),
        )

    def closing(self) -> bool:
        """The window is about to close: False when the user keeps it open."""
        if not self.confirm_discard():
            return False
        self.autosave_timer.stop()
        self.autosaver.remove()
        return True
