"""Versions of a draft: the base it is compared with, the compare view, tracked changes, oral revisions,
the rollover to next session and revised drafts (/Rev.N).

The base lives in memory with the open document: the version opened from disk, the adopted text a rollover
started from, the issued text of a revision, or any file chosen with Compare With…. It is not saved in the
project file.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app import edits
from app.compare.diff import Comparison, compare
from app.errors import ResoluteError
from app.export_names import named_for
from app.interface import marked, tr
from app.messages import explain
from app.model import Resolution
from widgets.actions import ActionId
from widgets.background import Debouncer
from widgets.compare_view import CompareView, OralRevisionsDialog
from widgets.file_filters import DRAFT_FILTER
from widgets.rollover_dialog import RolloverDialog

if TYPE_CHECKING:
    from app.io.imported import ImportResult
    from widgets.main_window import MainWindow


class Versions(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.base: Resolution | None = None
        self.base_name = ""
        self.source_path: Path | None = None  # the file the open draft was read from (project or import)
        self.view = CompareView()
        self.dock = win.docks.add_beside_preview(marked("Compare with base"), self.view)
        self.oral_dialog: OralRevisionsDialog | None = None
        self.rollover_dialog: RolloverDialog | None = None
        self.timer = Debouncer(400, self.refresh_in_background, self)
        self.view.export_tracked.connect(self.export_tracked)
        self.view.oral_revisions.connect(self.oral_revisions)
        self.view.refresh_requested.connect(self.refresh)
        self.view.jump.connect(lambda pid, field: self.win.paragraphs.focus_paragraph(pid, field))
        self.dock.visibilityChanged.connect(lambda visible: visible and self.timer.poke())
        win.document_changed.connect(lambda *_: self.dock.isVisible() and self.timer.poke())

    def handlers(self) -> dict[ActionId, object]:
        return {
            ActionId.COMPARE_WITH: self.compare_with,
            ActionId.COMPARE_BASE: self.compare_base,
            ActionId.EXPORT_TRACKED: self.export_tracked,
            ActionId.ORAL_REVISIONS: self.oral_revisions,
            ActionId.ROLLOVER: self.start_rollover,
            ActionId.REVISE: self.revise,
        }

    # --- the base ----------------------------------------------------------------------------------------------

    def set_base(self, res: Resolution | None, name: str = "") -> None:
        self.base = copy.deepcopy(res) if res is not None else None
        self.base_name = name if res is not None else ""
        self.update_actions()
        if self.dock.isVisible():
            self.refresh()

    def opened(self, path: Path | None, res: Resolution | None) -> None:
        """A document was opened (or started): what it was read as is its base."""
        self.source_path = Path(path) if path else None
        self.set_base(
            res, tr("{name} as opened").format(name=Path(path).name) if path and res is not None else ""
        )

    def update_actions(self) -> None:
        has = self.base is not None
        for action_id in (
            ActionId.COMPARE_BASE,
            ActionId.EXPORT_TRACKED,
            ActionId.ORAL_REVISIONS,
            ActionId.AMEND_FROM_COMPARISON,
        ):
            self.win.actions_[action_id].setEnabled(has)
        tip = (
            tr("Show what changed since {name}").format(name=self.base_name)
            if has
            else tr("No base version: use Compare With…")
        )
        self.win.actions_[ActionId.COMPARE_BASE].setToolTip(tip)

    def comparison(self) -> Comparison | None:
        if self.base is None:
            return None
        return compare(self.base, self.win.res)

    # --- the compare view --------------------------------------------------------------------------------------

    def compare_base(self) -> None:
        if self.base is None:
            self.compare_with()
            return
        self.show_view()

    def compare_with(self) -> None:
        if self.win.reader.refused():
            return
        path = self.win.prompter.open_path(self.win, tr("Compare with an earlier version"), DRAFT_FILTER)
        if not path:
            return
        path = Path(path)

        def read(result: ImportResult) -> None:
            self.set_base(result.resolution, path.name)
            self.show_view()

        self.win.reader.read(path, read, title=tr("Cannot compare"))

    def show_view(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.refresh()

    def refresh(self) -> None:
        try:
            cmp = self.comparison()
        except Exception as exc:  # noqa: BLE001 - a comparison bug must never cost the user's typing
            self.win.statusBar().showMessage(
                tr("Could not compare ({error})").format(error=exc.__class__.__name__), 5000
            )
            return
        self.view.show_comparison(cmp, self.base_name)

    def refresh_in_background(self) -> None:
        """After typing: compare a snapshot off the main thread; a result older than the draft is dropped."""
        if self.base is None or not self.dock.isVisible():
            return
        base, snapshot, revision = self.base, copy.deepcopy(self.win.res), self.win.doc.revision

        def show(cmp: Comparison) -> None:
            if self.base is base and self.win.doc.revision == revision:
                self.view.show_comparison(cmp, self.base_name)

        self.win.runner.run(lambda: compare(base, snapshot), show)

    # --- exports ---------------------------------------------------------------------------------------------

    def _suggested(self, suffix: str) -> str:
        name = self.win.files.suggested_name(".docx")
        return str(Path(name).with_name(Path(name).stem + suffix))

    def export_tracked(self) -> bool:
        if self.base is None:
            return False
        from app.compare.tracked import DEFAULT_AUTHOR, write_tracked_docx

        path = self.win.prompter.save_path(
            self.win,
            tr("Export with track changes"),
            tr("Word document (*.docx)"),
            self._suggested("-tracked.docx"),
        )
        if not path:
            return False
        try:
            path = named_for(path, ".docx")
            write_tracked_docx(
                self.base, self.win.res, path, author=self.win.settings.user_name or DEFAULT_AUTHOR
            )
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Could not export"), explain(exc))
            return False
        self.win.statusBar().showMessage(
            tr("Exported {name} with track changes").format(name=path.name), 4000
        )
        return True

    def oral_revisions(self) -> None:
        cmp = self.comparison()
        if cmp is None:
            return
        from app.compare.oral import oral_revisions_text

        if self.oral_dialog is not None:
            self.oral_dialog.close()
        self.oral_dialog = OralRevisionsDialog(oral_revisions_text(cmp), self.win)
        self.oral_dialog.export_requested.connect(self.export_oral)
        self.oral_dialog.open()

    def export_oral(self, kind: str) -> bool:
        cmp = self.comparison()
        if cmp is None:
            return False
        from app.atomic import write_atomic, write_text
        from app.compare.oral import oral_revisions_docx, oral_revisions_text

        caption, filters = (
            (tr("Save the oral revisions"), tr("Word document (*.docx)"))
            if kind == "docx"
            else (tr("Save the oral revisions"), tr("Text (*.txt)"))
        )
        path = self.win.prompter.save_path(self.win, caption, filters, self._suggested(f"-oral.{kind}"))
        if not path:
            return False
        try:
            path = named_for(path, f".{kind}")
            if kind == "docx":
                write_atomic(path, oral_revisions_docx(cmp))
            else:
                write_text(path, oral_revisions_text(cmp))
        except (ResoluteError, OSError) as exc:
            self.win.prompter.error(self.win, tr("Could not save"), explain(exc))
            return False
        self.win.statusBar().showMessage(tr("Saved {name}").format(name=path.name), 3000)
        return True

    # --- rollover and revision -------------------------------------------------------------------------------

    def start_rollover(self) -> None:
        from app.io.imported import Adoption
        from app.rollover import adoption_info_from_path

        res = self.win.res
        info = Adoption()
        if self.source_path is not None and self.source_path.suffix.lower() != ".json":
            try:
                info = adoption_info_from_path(self.source_path)
            except ResoluteError:
                info = Adoption()  # the dialog asks instead
            except Exception:  # noqa: BLE001 - pre-filling is a convenience; asking always works
                info = Adoption()
        symbol = res.header.full_symbol
        if not info.symbol and re.search(r"/RES/", symbol):
            info.symbol = symbol
            info.date = info.date or res.header.date
        if self.rollover_dialog is not None:
            self.rollover_dialog.close()
        dialog = RolloverDialog(res, info, self.win)
        dialog.accepted.connect(lambda: self._finish_rollover(dialog))
        self.rollover_dialog = dialog
        dialog.open()

    def _finish_rollover(self, dialog: RolloverDialog) -> None:
        new = dialog.result_resolution
        if new is None:
            return
        base = copy.deepcopy(dialog.base)
        name = tr("{symbol} (adopted)").format(symbol=dialog.symbol.text().strip() or tr("the adopted text"))
        if not self.win.files.confirm_discard():
            return
        doc = edits.Document(new)
        doc.history.mark_modified()
        self.win.files.replace(doc)
        self.source_path = None
        self.set_base(base, name)
        self.win.update_actions()
        kept = sum(1 for c in dialog.changes if c.can_undo and c.applied)
        self.win.statusBar().showMessage(
            tr(
                "Next session's draft: {count} automatic changes kept. Versions › Compare with Base Version shows them."
            ).format(count=kept),
            8000,
        )

    def revise(self) -> None:
        from app.rollover import revise

        res = self.win.res
        issued = copy.deepcopy(res)
        issued_name = tr("{symbol} as issued").format(symbol=res.header.full_symbol or tr("the issued draft"))
        self.win.doc.history.seal()
        change = self.win.apply(edits.replace_document, resolution=revise(res), label=marked("Revised draft"))
        if change is None:
            return
        self.win.header.show_header(self.win.res)
        self.set_base(issued, issued_name)
        self.win.statusBar().showMessage(
            tr("Now {symbol}; the issued text is the base to compare with").format(
                symbol=self.win.res.header.full_symbol or tr("a revised draft")
            ),
            6000,
        )
