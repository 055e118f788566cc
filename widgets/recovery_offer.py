"""Work to recover after a crash, offered at start: the recovery folder read and the autosave the user restores
loaded off the UI thread (the window's file reader), each autosave offered in turn, newest first.

Autosaves may be many, or tens of MB each: read on the UI thread, the start froze for seconds (benchmarks/
bench_recovery_pause.py). `offer(scan, otherwise, later=True)` asks about each of the newest MAX_OFFERED
autosaves; the one restored is loaded by the reader and replaces the draft; one that cannot be loaded is kept
aside (never deleted) and the next is offered; `otherwise()` runs when none was restored. With `later=False`
everything runs on the caller's thread (File menu's tests and the window's own synchronous start).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import cancelling, edits, recovery
from app.errors import ResoluteError
from app.interface import fill, tr
from app.messages import explain
from app.model import Resolution
from widgets.file_reading import Said
from widgets.shown import Shown, shown

if TYPE_CHECKING:
    from widgets.document_controller import DocumentController

MAX_OFFERED = 5


def _load(item: recovery.Recoverable) -> Resolution | ResoluteError:
    """The autosave's draft, or why it cannot be loaded (handed back, not raised: the next is offered then)."""
    try:
        return item.load()
    except ResoluteError as exc:
        return exc


@dataclass(frozen=True)
class Restored:
    """An autosave loaded, made ready to show and given its new recovery file, all on the reading thread: for a
    20,000-paragraph draft the rendering and the autosave froze the window for 2 s on the UI thread
    (benchmarks/bench_recovery_pause.py)."""

    doc: edits.Document
    ready: Shown
    autosaver: recovery.Autosaver | None  # None: not written (the UI thread's autosave then says why)


@contextmanager
def _unscanned() -> Iterator[None]:
    """The objects made within left out of Python's full collections from then on. A full collection walks
    every object alive, holding Python's lock (0.2-0.3 s with a 20,000-paragraph draft open), and a load
    making millions of objects set several off: each froze the window as long. The draft's objects make no
    reference cycles (nothing the collector would free); only such garbage made by other threads meanwhile is
    kept too, a few objects."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def _restored(
    item: recovery.Recoverable, folder: Path, written: list[recovery.Autosaver]
) -> Restored | ResoluteError:
    with _unscanned():
        return _restoring(item, folder, written)


def _restoring(
    item: recovery.Recoverable, folder: Path, written: list[recovery.Autosaver]
) -> Restored | ResoluteError:
    got = _load(item)
    if isinstance(got, ResoluteError):
        return got
    doc = edits.Document(got, path=item.source)
    doc.history.mark_modified()
    ready = shown(doc)
    autosaver: recovery.Autosaver | None = recovery.Autosaver(folder)
    cancelling.check()
    try:
        autosaver.save(got, source=item.source)
        written.append(autosaver)
    except ResoluteError:
        autosaver = None
    if cancelling.requested():  # stopped while it was written: the autosave offered is still there
        _forget(written)
        cancelling.check()
    return Restored(doc, ready, autosaver)


def _forget(written: list[recovery.Autosaver]) -> None:
    while written:
        written.pop().remove()


class RecoveryOffer:
    def __init__(self, files: DocumentController) -> None:
        self.files = files
        self.win = files.win

    def offer(self, scan: recovery.Scan, otherwise: Callable[[], object], *, later: bool) -> bool:
        """True when an autosave was restored (or, `later`, is being loaded)."""
        notes = _recovery_notes(scan.kept, len(scan.found) - MAX_OFFERED, self.files.autosaver.folder)
        if notes:
            self.win.statusBar().showMessage(notes, 15000)
        return self._offer_from(scan.found[:MAX_OFFERED], otherwise, later)

    def _offer_from(
        self, items: list[recovery.Recoverable], otherwise: Callable[[], object], later: bool
    ) -> bool:
        win = self.win
        for k, item in enumerate(items):
            if win.prompter.ask_restore(win, item):
                if not self.files.confirm_discard():  # typed into the new draft while the folder was read
                    return False
                return self._load(item, items[k + 1 :], otherwise, later)
            item.discard()
        otherwise()
        return False

    def _load(
        self,
        item: recovery.Recoverable,
        rest: list[recovery.Recoverable],
        otherwise: Callable[[], object],
        later: bool,
    ) -> bool:
        """Load the autosave the user restores; one that cannot be loaded is kept aside, and the rest offered."""
        win = self.win

        def loaded(got: Restored | Resolution | ResoluteError) -> bool:
            if isinstance(got, ResoluteError):
                aside = item.keep_aside()
                win.prompter.error(
                    win,
                    tr("Cannot recover"),
                    tr("{error}; the file is kept as {name}").format(error=explain(got), name=aside),
                )
                return self._offer_from(rest, otherwise, later)
            self._restore(item, got)
            return True

        if not later:
            return loaded(_load(item))
        written: list[recovery.Autosaver] = []  # the new recovery file, removed if the user cancels

        def stopped() -> object:
            _forget(written)
            return otherwise()

        said = (
            tr("Recovering {name}…").format(name=item.source.name)
            if item.source
            else tr("Recovering the unsaved draft…")
        )
        return win.reader.read(
            item.path,
            loaded,
            title=tr("Cannot recover"),
            work=lambda _: _restored(item, self.files.autosaver.folder, written),
            said=recovery_said(said, stopped),
        )

    def _restore(self, item: recovery.Recoverable, got: Restored | Resolution) -> None:
        if isinstance(got, Restored):
            self.files.replace(got.doc, ready=got.ready, autosaver=got.autosaver)
            item.discard()
            if got.autosaver is None:
                self.files.autosave()
        else:
            doc = edits.Document(got, path=item.source)
            doc.history.mark_modified()
            self.files.replace(doc)
            item.discard()
            self.files.autosave()
        self.win.update_actions()


def recovery_said(reading: str, otherwise: Callable[[], object]) -> Said:
    """How a read of work to recover is put: `reading` while it runs (not the autosave's own name, which the user
    never saw); cancelled, the files are kept for the next start and the start goes on (`otherwise`)."""
    return Said(reading, tr("Recovery stopped: the work to recover is kept for the next start"), otherwise)


def _recovery_notes(kept: list[Path], waiting: int, folder: Path) -> str:
    """The status bar's line on recovery files set aside as unreadable and kept for the next start."""
    notes = []
    if kept:
        notes.append(
            fill(
                "{count} recovery file(s) could not be read and were kept as {name} in {folder}",
                count=len(kept),
                name=kept[0].name + (tr(" and others") if len(kept) > 1 else ""),
                folder=kept[0].parent,
            )
        )
    if waiting > 0:
        notes.append(
            fill(
                "{count} older recovery file(s) are kept in {folder} for the next start",
                count=waiting,
                folder=folder,
            )
        )
    return "; ".join(notes)
