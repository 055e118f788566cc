"""Every read of a user's file in the editor, off the UI thread: File › Open and Import, the recent files, a file
given on the command line, Versions › Compare With…, an amendment's draft and a delegation's proposal.

A PDF is read in a child process for up to a minute (app.io.pdf_probe) and a long .docx takes seconds; read on
the UI thread, the window froze unpainted meanwhile and the system offered to kill it, unsaved draft and all.
`FileReader.read(path, done, title=…)` runs the read on a thread of its own, shows what is being read in the
status bar with a Cancel button (Esc too, typed in the paragraphs or on the status bar: `eventFilter`), and
calls `done(result)` back on the UI thread; a read that fails says why in one line under `title` (the
refusal's own words, or the reader's failure named) and changes nothing. One read runs at a time: another
asked for meanwhile is refused with a word in the status bar, not started twice.

Cancel stops waiting at once and drops whatever the read brings later; the read itself stops at its next look
at the cancel token (app.cancelling: every step of the Word, UN XML and text readers, a few milliseconds
apart; a PDF's child process is ended). The thread is a daemon: a read nobody waits for any more (a window
closed meanwhile) never holds the editor's closing or the process's exit, as a QThreadPool's would. The next
read waits for a cancelled one to stop before it starts: one read works at a time, however many are opened
and cancelled in a row (twelve in a row were twelve reads of the file at once, each with the memory a read
takes).

`inline=True` reads on the caller's thread through the same steps (the GUI tests' windows and the screenshot
scripts, which want the document open when `open_path` returns).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from app import cancelling
from app.errors import ResoluteError
from app.interface import tr
from app.messages import explain

if TYPE_CHECKING:
    from app.io.imported import ImportResult
    from widgets.main_window import MainWindow

POLL_MS = 30  # how often the UI thread looks whether the read is done: quicker than a person notices
NAME_WIDTH = (
    28  # characters of a file's name the indicator shows (the middle of a longer one elided): at 1024 px
)
# the status bar holds the indicator, a refusal beside it and the place and counts in French or Spanish


def read_document(path: Path) -> ImportResult:
    """The core's reader, looked up when called (a test may make it slow)."""
    from app.io import reading

    return reading.read_document(path)


@dataclass(frozen=True)
class Said:
    """How a read that is not of a file the user named is put (work to recover: the autosave's own name means
    nothing to the user): the status bar's words while it runs, the message when it is cancelled, and what to
    do then (the start goes on as over no work to recover)."""

    reading: str = ""
    stopped: str = ""
    cancelled: Callable[[], object] | None = None


@dataclass
class _Reading:
    path: Path
    work: Callable[[Path], Any]
    done: Callable[[Any], bool | None]
    title: str
    said: Said
    stop: threading.Event = field(default_factory=threading.Event)
    outcome: Future = field(default_factory=Future)


def short_name(name: str) -> str:
    """A file's name as the status bar shows it: the middle of a long one elided, its start and extension kept."""
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH // 2 - 1] + "…" + name[-NAME_WIDTH // 2 :]


class ReadingBar(QWidget):
    """The status bar's busy indicator: what is being read, a busy bar and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no measure of how far a read has gone: a bar that moves
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setAccessibleName(tr("Reading a file"))
        self.cancel = QPushButton(tr("Cancel"))  # Esc too: FileReader.eventFilter
        self.cancel.setToolTip(tr("Stop reading the file (Esc): the open draft stays as it is"))
        self.cancel.setAccessibleName(tr("Stop reading the file"))
        self.cancel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)  # no wider than it needs
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.busy)
        layout.addWidget(self.cancel)
        self.hide()

    def show_reading(self, name: str, said: str = "") -> None:
        self.label.setText(said or tr("Reading {name}…").format(name=short_name(name)))
        self.label.setToolTip(name)
        self.show()


class FileReader(QObject):
    """The one seam through which the editor reads a user's file (see the module's docstring)."""

    def __init__(self, win: MainWindow, *, inline: bool = False) -> None:
        super().__init__(win)
        self.win = win
        self.inline = inline
        self.bar = ReadingBar(win)
        win.statusBar().insertPermanentWidget(0, self.bar)
        self.bar.cancel.clicked.connect(self.cancel)
        self._reading: _Reading | None = None
        self._started: list[_Reading] = []  # reads started, waited for or not: a new one waits for them
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look)
        win.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc cancels a read when it reaches the window unused: typed in the paragraphs or the status bar. A
        key goes from the focused widget up through its parents to its window, so an Esc that closes the find
        bar, leaves a table cell or closes a dialog or a popup (windows of their own) never gets here."""
        if (
            watched is self.win
            and self._reading is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        ):
            self.cancel()
            return True
        return False

    @property
    def busy(self) -> bool:
        return self._reading is not None

    def refused(self) -> bool:
        """True, with a word in the status bar, while a read runs: ask before any question about the open draft,
        so the user is not asked to save for a file that will not be read."""
        if self._reading is None:
            return False
        # the indicator beside it names the file: a message naming it again, in French or Spanish, ran under the
        # indicator at 1024 px and lost its end, the words saying what to do
        self.win.statusBar().showMessage(tr("A file is being read: wait, or cancel (Esc)"), 5000)
        return True

    def read(
        self,
        path: Path,
        done: Callable[[Any], bool | None],
        *,
        title: str,
        work: Callable[[Path], Any] = read_document,
        said: Said | None = None,
    ) -> bool:
        """Run `work(path)` (the core's reader by default) off the UI thread, then `done(result)` on it; a failure
        is said under `title`. False when refused because a read runs, and, inline, when the read failed or
        `done` returned False; else True (threaded: the read has started). `said`: how the read is put, when
        not as the reading of the file `path`."""
        if self.refused():
            return False
        job = _Reading(Path(path), work, done, title, said or Said())
        if self.inline:
            _work(job)
            return self._finish(job)
        self._started = [j for j in self._started if not j.outcome.done()]
        earlier, self._reading = list(self._started), job
        self._started.append(job)
        self.bar.show_reading(job.path.name, job.said.reading)
        threading.Thread(target=_work, args=(job, earlier), name="resolute-read", daemon=True).start()
        self._poll.start()
        return True

    def cancel(self) -> None:
        """Stop waiting for the read: nothing it brings is used; the open draft, title and undo stay as they are."""
        job = self._drop()
        if job is not None:
            said = job.said.stopped or tr("Stopped reading {name}: nothing was changed").format(
                name=short_name(job.path.name)
            )
            self.win.statusBar().showMessage(said, 5000)
            if job.said.cancelled is not None:
                job.said.cancelled()

    def shutdown(self) -> None:
        """Stop any read without a word: the window closes, or another draft replaces the open one."""
        self._drop()

    def _drop(self) -> _Reading | None:
        job, self._reading = self._reading, None
        self._poll.stop()
        self.bar.hide()
        if job is not None:
            job.stop.set()  # a PDF's child process ends within a tenth of a second (app.io.pdf_probe)
        return job

    def _look(self) -> None:
        job = self._reading
        if job is not None and job.outcome.done():
            self._reading = None
            self._started = [j for j in self._started if j is not job]  # its result held no longer
            self._poll.stop()
            self.bar.hide()
            self._finish(job)

    def _finish(self, job: _Reading) -> bool:
        """Hand the result to `done`, or say in one line why there is none."""
        error = job.outcome.exception()
        if error is None:
            return job.done(job.outcome.result()) is not False
        if isinstance(error, cancelling.Cancelled):
            return False
        if isinstance(error, ResoluteError):
            message = explain(error)
        else:  # a reader bug must not touch the open draft: named, in one line
            message = tr("{name} could not be read ({error})").format(
                name=job.path.name, error=error.__class__.__name__
            )
        self.win.prompter.error(self.win, job.title, message)
        return False


WAIT_S = 0.05  # how often a read waiting for a cancelled one looks whether it was cancelled itself
MAX_WAIT_S = (
    120.0  # past this an earlier read is stuck (a PDF's ends in 60 s): the next one starts all the same
)


def _work(job: _Reading, earlier: list[_Reading] | None = None) -> None:
    """The read itself, on the reading thread (or inline), once the reads started before it (`earlier`,
    cancelled or not) have ended, or MAX_WAIT_S has passed: every outcome goes to `job.outcome`, none is lost."""
    end = time.monotonic() + MAX_WAIT_S
    while any(not e.outcome.done() for e in earlier or []) and time.monotonic() < end:
        if job.stop.wait(WAIT_S):  # cancelled while it waited: it never reads
            job.outcome.set_exception(cancelling.Cancelled())
            return
    try:
        with cancelling.stoppable(job.stop):
            result = job.work(job.path)
    except BaseException as exc:  # noqa: BLE001 - said on the UI thread; a thread's traceback reaches no one
        job.outcome.set_exception(exc)
    else:
        job.outcome.set_result(result)
