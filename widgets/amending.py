"""Amendments in the editor: File > New Amendment… (from the draft it amends), Versions > Amendment from
Comparison (the base version into this draft) and Versions > Amended Draft (the amendment applied).

An open amendment shows its instructions in the amendment panel in place of the paragraph list. The draft it
amends is the Versions base (chosen when the amendment is made, or asked for when it is needed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app import amendments, edits
from app.errors import ResoluteError
from app.interface import tr
from app.messages import explain
from app.model import DocumentKind, Instruction, Resolution
from widgets.actions import ActionId
from widgets.amendment_panel import AmendmentPanel
from widgets.file_filters import DRAFT_FILTER

if TYPE_CHECKING:
    from app.findings import Finding
    from widgets.main_window import MainWindow


class Amending(QObject):
    def __init__(self, win: MainWindow, panel: AmendmentPanel) -> None:
        super().__init__(win)
        self.win = win
        self.panel = panel
        panel.edited.connect(self._edited)
        panel.amended_requested.connect(self.show_amended)

    def handlers(self) -> dict[ActionId, object]:
        return {
            ActionId.NEW_AMENDMENT: self.new_amendment,
            ActionId.AMEND_FROM_COMPARISON: self.from_comparison,
            ActionId.SHOW_AMENDED: self.show_amended,
        }

    @property
    def active(self) -> bool:
        return self.win.res.header.kind is DocumentKind.AMENDMENT

    def refresh(self) -> None:
        """Show the panel for an amendment, the paragraph list for anything else."""
        active = self.active
        self.win.actions_[ActionId.SHOW_AMENDED].setEnabled(active)  # only an amendment has a draft it amends
        self.panel.setVisible(active)
        self.win.paragraphs.setVisible(not active)
        if active:
            h = self.win.res.header
            base = self._base()
            heading = tr("Amendment to draft resolution {symbol}").format(
                symbol=h.amends or tr("(symbol not given)")
            )
            if base is not None:
                heading += tr(" · the draft amended: {name}").format(name=self.win.versions.base_name)
            self.panel.show_instructions(self.win.res.instructions, heading, self.win.res.header.language)

    def _edited(self, instructions: list[Instruction], typing: bool) -> None:
        self.win.apply(edits.set_instructions, instructions=instructions, typing=typing, initiator=self.panel)
        if not typing:
            self.refresh()

    def jump(self, finding: Finding) -> bool:
        """Select the instruction a finding is about; False when it is not an amendment's."""
        return self.active and self.panel.select_id(finding.paragraph_id)

    # --- the draft amended -----------------------------------------------------------------------------------

    def _base(self) -> Resolution | None:
        base = self.win.versions.base
        return base if base is not None and base.header.kind is not DocumentKind.AMENDMENT else None

    def _choose_draft(self, caption: str, then: Callable[[Resolution, str], None]) -> None:
        """Ask for the draft amended and read it (off the UI thread), then `then(draft, file name)`."""
        if self.win.reader.refused():
            return
        path = self.win.prompter.open_path(self.win, caption, DRAFT_FILTER)
        if path:
            name = Path(path).name
            self.win.reader.read(
                Path(path), lambda result: then(result.resolution, name), title=tr("Cannot open the file")
            )

    def _open(self, res: Resolution, base: Resolution, base_name: str) -> None:
        doc = edits.Document(res)
        doc.history.mark_modified()
        self.win.files.replace(doc)
        self.win.versions.set_base(base, base_name)
        self.refresh()

    def _sponsors(self) -> list[str]:
        return [self.win.settings.delegation] if self.win.settings.delegation else []

    def new_amendment(self) -> None:
        self._choose_draft(tr("The draft to amend"), self._new_amendment)

    def _new_amendment(self, base: Resolution, name: str) -> None:
        if self.win.files.confirm_discard():
            self._open(amendments.amendment(base, base, sponsors=self._sponsors()), base, name)

    def from_comparison(self) -> None:
        base = self._base()
        if base is None:
            self.win.statusBar().showMessage(
                tr("No base version to amend: use Versions > Compare With… first"), 5000
            )
            return
        if not self.win.files.confirm_discard():
            return
        name = self.win.versions.base_name
        try:  # a change an amendment cannot say (a table's cells) is refused, not left out
            made = amendments.amendment(base, self.win.res, sponsors=self._sponsors())
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Cannot make the amendment"), explain(exc))
            return
        self._open(made, base, name)

    def show_amended(self) -> None:
        if not self.active:
            self.win.statusBar().showMessage(tr("The open document is not an amendment"), 5000)
            return
        base = self._base()
        if base is None:
            caption = tr("The draft amended ({symbol})").format(
                symbol=self.win.res.header.amends or tr("its symbol")
            )
            self._choose_draft(caption, self._show_amended)
        else:
            self._show_amended(base, self.win.versions.base_name)

    def _show_amended(self, base: Resolution, name: str) -> None:
        if not self.active:  # the amendment was closed while its draft was read
            return
        try:
            amended = amendments.apply(self.win.res.instructions, base, self.win.res)
        except ResoluteError as exc:
            self.win.prompter.error(self.win, tr("Cannot apply the amendment"), explain(exc))
            return
        if not self.win.files.confirm_discard():
            return
        doc = edits.Document(amended)
        doc.history.mark_modified()
        self.win.files.replace(doc)
        self.win.versions.set_base(base, name)  # Versions > Compare shows what the amendment changes
        self.refresh()
