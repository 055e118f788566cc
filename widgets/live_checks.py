"""Live checking while the user types: the edited paragraphs at once, the whole document after a pause.

After a text edit the paragraph check re-runs the edited paragraphs and every paragraph whose findings depend
on what changed elsewhere: `changed_since(old)` of the engine's `DocumentContext` names them (the next
paragraph when an opener changes, a citation that stops being the first mention, the new last paragraph).
When only texts and tails were typed in since the context was built, `engine.with_typed_texts` updates it from
the edited paragraphs alone (citations, dates and footnote marks included); any other edit rebuilds it (one
pass, no rule runs). The whole-document check runs on the worker on a snapshot; a result for an older revision
is dropped. A paragraph check reports the paragraphs it checked again (`paragraphs_checked`), so that the issues
list and the fixes beside the rows are updated for those alone: a keystroke costs its paragraph, not the draft.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app import edits, storage
from app.amendments import instruction_ids
from app.conventions import engine
from app.conventions.engine import DocumentContext
from app.findings import Finding
from app.history import Change
from widgets.background import Debouncer

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

log = logging.getLogger(__name__)


class LiveChecks(QObject):
    changed = Signal()  # the findings changed: show them
    paragraphs_checked = Signal(object)  # set of paragraph ids checked again: show theirs

    def __init__(self, win: MainWindow, check_delay_ms: int) -> None:
        super().__init__(win)
        self.win = win
        self.import_findings: list[Finding] = []  # what the reader reported when the draft was opened
        self.doc_findings: list[Finding] = []  # the last whole-document check
        self.para_findings: dict[str, list[Finding]] = {}  # newer than doc_findings, paragraph by paragraph
        # doc_findings and import_findings by paragraph id, built when first asked after either list is replaced
        self._by_id: dict[str, tuple[list[Finding], dict[str, list[Finding]]]] = {}
        self._pending: set[str] = set()
        self._context: DocumentContext | None = None  # the context the findings shown were computed with
        self._context_stale = True  # an edit since it was built may have changed it
        self.paragraph_timer = Debouncer(check_delay_ms, self.check_paragraphs, self)
        self._document_floor = max(check_delay_ms * 4, 300)
        self.document_timer = Debouncer(self._document_floor, self.check_document, self)

    def reset(self) -> None:
        """A new document is shown: forget every finding but the reader's and check it all after a pause."""
        self._context = None
        self._context_stale = True
        self._pending = set()
        self.doc_findings = []
        self.para_findings = {}
        self.document_timer.poke()

    def edited(self, change: Change, initiator: object = None) -> None:
        """`initiator` (paragraph id, field) for typing in a field: typing in a text or tail updates the
        context from the edited paragraphs alone; anything else builds it again."""
        typed = isinstance(initiator, tuple) and initiator[1] in ("text", "tail") and not change.structure
        if not typed:
            self._context_stale = True
        self._pending |= set(change.paragraph_ids)
        if not (change.structure or change.header or change.title or change.footnotes):
            self.paragraph_timer.poke()
        self.document_timer.poke()

    def fixed(self, finding: Finding) -> None:
        """A one-click fix was applied: its finding goes at once, the paragraph is checked again."""
        if finding.paragraph_id:
            self.para_findings.pop(finding.paragraph_id, None)
            self.doc_findings = [f for f in self.doc_findings if f != finding]
            self._pending.add(finding.paragraph_id)
            self.changed.emit()
            self.paragraph_timer.poke()

    def flush(self) -> None:
        for timer in (self.paragraph_timer, self.document_timer):
            timer.flush()

    def stop(self) -> None:
        for timer in (self.paragraph_timer, self.document_timer):
            timer.stop()

    # --- the checks --------------------------------------------------------------------------------------

    def to_recheck(self, context: DocumentContext) -> set[str]:
        """The edited paragraphs and those whose context changed. With no comparable context (a new
        document, another organ or kind) only the edited ones: the whole-document check is on its way."""
        old = self._context
        comparable = old is not None and (old.template, old.kind, old.repetition_scope) == (
            context.template,
            context.kind,
            context.repetition_scope,
        )
        return self._pending | (context.changed_since(old) if comparable else set())

    def current_context(self) -> DocumentContext:
        """The context of the draft as it stands: the kept one updated for the texts typed since, or built
        again after any other edit."""
        old, res = self._context, self.win.res
        if old is not None and not self._context_stale:
            updated = engine.with_typed_texts(old, res, self._pending)
            if updated is not None:
                return updated
        return engine.build_context(res)

    def check_paragraphs(self) -> None:
        """On the main thread: quick, and typing never waits for the whole document."""
        res = self.win.res
        try:
            context = self.current_context()
        except Exception:  # a failing rule must not interrupt typing; the full check will say more
            log.exception("document context failed")
            return
        recheck, self._pending = self.to_recheck(context), set()
        self._context, self._context_stale = context, False
        checked: set[str] = set()
        for pid in recheck:
            if self.win.doc.find(pid) is None:
                self.para_findings.pop(pid, None)
                continue
            try:
                self.para_findings[pid] = engine.check_paragraph(
                    res, pid, context=context, speller=self.win.spelling.settings
                )
            except Exception:  # as above
                log.exception("paragraph check failed")
                continue
            checked.add(pid)
        if checked:
            self.paragraphs_checked.emit(checked)

    def check_document(self) -> None:
        """The whole document on the worker, on a snapshot; a result for an older revision is dropped."""
        doc = self.win.doc
        revision = doc.revision
        snapshot = storage.from_dict(storage.to_dict(doc.resolution))  # the worker never sees the live model
        started = time.perf_counter()
        speller = self.win.spelling.settings

        def done(found: list[Finding]) -> None:
            # the whole-document check waits for a pause at least twice as long as it takes
            spent_ms = int((time.perf_counter() - started) * 1000)
            self.document_timer.set_delay(max(self._document_floor, 2 * spent_ms))
            self.document_checked(doc, revision, found)

        self.win.runner.run(lambda: engine.check_document(snapshot, speller=speller), done)

    def document_checked(self, doc: edits.Document, revision: int, found: list[Finding]) -> None:
        if doc is not self.win.doc or revision != doc.revision:
            return  # stale: a newer check is on its way
        self.doc_findings = found
        self.para_findings = {}
        self._context = engine.build_context(doc.resolution)  # what the next edit is compared with
        self._context_stale = False
        self.changed.emit()

    def findings(self) -> list[Finding]:
        """What the issues list shows: the reader's notes, then the newest finding of each paragraph."""
        res = self.win.res
        live = [f for f in self.doc_findings if f.paragraph_id not in self.para_findings]
        for found in self.para_findings.values():
            live += found
        exists = set(res.footnotes) | instruction_ids(res)  # and every paragraph, annexes too (doc.find)
        return self.import_findings + [
            f
            for f in live
            if not f.paragraph_id or f.paragraph_id in exists or self.win.doc.find(f.paragraph_id) is not None
        ]

    def findings_of(self, paragraph_id: str) -> list[Finding]:
        """What `findings()` holds for one paragraph that is in the draft, in the same order, without reading
        the rest: the reader's notes on it, then its newest findings."""
        live = self.para_findings.get(paragraph_id)
        if live is None:
            live = self._indexed("document", self.doc_findings).get(paragraph_id, [])
        return self._indexed("import", self.import_findings).get(paragraph_id, []) + live

    def _indexed(self, name: str, findings: list[Finding]) -> dict[str, list[Finding]]:
        """`findings` by paragraph id, kept while the list is the same (the lists are replaced, never changed)."""
        kept = self._by_id.get(name)
        if kept is None or kept[0] is not findings:
            index: dict[str, list[Finding]] = {}
            for f in findings:
                index.setdefault(f.paragraph_id, []).append(f)
            kept = self._by_id[name] = (findings, index)
        return kept[1]
