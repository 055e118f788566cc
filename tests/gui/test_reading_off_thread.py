"""A file is read off the UI thread (widgets/file_reading.py): while a slow read runs the window keeps painting
and the draft stays editable; Cancel, an error or closing the window leave the open draft as it was.

The read is made slow by replacing the core's reader (app.io.reading.read_document) with one that waits; File ›
Open is triggered through its action and the scripted Open dialog, as a delegate would.
"""

from __future__ import annotations

import multiprocessing
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from app import edits, interface, storage
from app.documents import new_resolution
from app.errors import InputError
from app.io import reading
from app.io.imported import ImportResult
from app.io.text_writer import to_text
from app.messages import say
from app.model import DocumentKind, Paragraph
from app.storage import load_project
from tests.gui.shown import shown_window
from tests.gui.test_editor import rows
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PDF = FIXTURES / "reading" / "A_C.1_80_L.51.pdf"
DOCX = FIXTURES / "wordxml" / "libreoffice-lists.docx"
WAIT = 15_000  # ms: a loaded machine reads a PDF slowly


@pytest.fixture
def live(qtbot, settings, prompter, tmp_path: Path) -> Iterator[MainWindow]:  # noqa: ANN001
    """The editor as it runs: files read on their own thread."""
    win = shown_window(qtbot, settings, prompter, tmp_path, read_inline=False)
    yield win
    prompter.save_answer = "discard"
    win.close()


class SlowReader:
    """The core's reader, held until the test lets it go, or, given `ticks`, until the UI thread's timer has
    ticked 5 times while it waited (10 s at most: a read on the UI thread sees no tick); it counts its calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, ticks: list[int] | None = None) -> None:
        self.real = reading.read_document
        self.release = threading.Event()
        self.started = threading.Event()
        self.calls = 0
        self.ticks = ticks
        self.ticks_during: int | None = None
        self.fail: BaseException | None = None
        monkeypatch.setattr(reading, "read_document", self)

    def __call__(self, path: Path) -> ImportResult:
        self.calls += 1
        self.started.set()
        before = len(self.ticks) if self.ticks is not None else 0
        if (
            self.ticks is not None
        ):  # held until the UI thread has ticked 5 times: never, if it is the one reading
            deadline = time.monotonic() + 10
            while len(self.ticks) - before < 5 and time.monotonic() < deadline and not self.release.is_set():
                time.sleep(0.01)
            self.ticks_during = len(self.ticks) - before
        else:
            self.release.wait(10)
        if self.fail is not None:
            raise self.fail
        return self.real(path)


def _other_draft(tmp_path: Path) -> Path:
    res = new_resolution("ga-c2")
    res.title = "Agricultural technology for sustainable development"
    path = tmp_path / "other.json"
    storage.save_project(res, path)
    return path


def _typed(qtbot, window: MainWindow, words: str) -> None:  # noqa: ANN001
    row = rows(window)[0]
    row.text.setFocus()
    qtbot.keyClicks(row.text, words)


def _state(window: MainWindow) -> tuple[str, str, bool, object]:
    return (
        storage.dumps(window.res),
        window.windowTitle(),
        window.isWindowModified(),
        window.doc.history.undo_status(),
    )


def _ticking(window: MainWindow) -> list[int]:
    """A list a timer on the UI thread adds to every 20 ms: it grows only while the event loop runs."""
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    return ticks


def _open(window: MainWindow, prompter, path: Path) -> None:  # noqa: ANN001
    prompter.paths = [path]
    window.action(ActionId.OPEN).trigger()


def test_the_window_keeps_running_while_a_file_is_read(
    qtbot, live: MainWindow, prompter, monkeypatch, tmp_path
) -> None:  # noqa: ANN001
    """A QTimer on the UI thread ticks while the read waits: on the UI thread it could not tick at all."""
    ticks = _ticking(live)
    slow = SlowReader(monkeypatch, ticks)
    other = _other_draft(tmp_path)
    _open(live, prompter, other)
    _typed(qtbot, live, "still typing ")  # the draft is editable while the file is read
    qtbot.waitUntil(lambda: live.res.title.startswith("Agricultural"), timeout=WAIT)
    assert slow.ticks_during is not None and slow.ticks_during >= 5  # 0 where the UI thread read the file
    assert not live.reader.bar.isVisible()
    assert live.windowTitle().startswith("other.json")
    assert prompter.asked_save == 1  # typed after the user agreed to replace the draft: asked again


def test_cancel_leaves_the_draft_title_and_undo_as_they_were(
    qtbot, live: MainWindow, prompter, monkeypatch, tmp_path
) -> None:  # noqa: ANN001
    _typed(qtbot, live, "its resolution 79/1")
    before = _state(live)
    assert before[2] and before[3].undo  # an unsaved draft with something to undo
    slow = SlowReader(monkeypatch)
    _open(live, prompter, _other_draft(tmp_path))  # "discard": the scripted answer to the save question
    assert slow.started.wait(5)
    assert live.reader.bar.isVisible() and "other.json" in live.reader.bar.label.text()
    qtbot.mouseClick(live.reader.bar.cancel, Qt.MouseButton.LeftButton)
    assert not live.reader.busy and not live.reader.bar.isVisible()
    assert "Stopped reading other.json" in live.statusBar().currentMessage()
    slow.release.set()  # the read ends after all: what it brings is dropped
    qtbot.wait(300)
    assert _state(live) == before and prompter.errors == []
    live.action(ActionId.UNDO).trigger()  # the undo stack is the draft's own still
    assert "79/1" not in live.res.preamble[0].text
    slow.release.clear()
    before = _state(live)
    _open(live, prompter, _other_draft(tmp_path))  # Escape stops a read too, wherever the cursor is
    assert slow.started.wait(5) and live.reader.busy
    qtbot.keyClick(rows(live)[0].text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not live.reader.busy, timeout=2000)  # a button's shortcut clicks it animated
    slow.release.set()
    qtbot.wait(300)
    assert _state(live) == before
    _open(live, prompter, _other_draft(tmp_path))  # the next read runs as usual
    qtbot.waitUntil(lambda: live.res.title.startswith("Agricultural"), timeout=WAIT)


def test_file_new_while_a_file_is_read_keeps_the_new_draft(
    qtbot, live: MainWindow, prompter, monkeypatch, tmp_path
) -> None:  # noqa: ANN001
    """File › New during a read: the new draft is the one shown, and the file read meanwhile does not open over
    it when its read ends (it did)."""
    slow = SlowReader(monkeypatch)
    _open(live, prompter, _other_draft(tmp_path))
    assert slow.started.wait(5) and live.reader.busy
    live.action(ActionId.NEW).trigger()
    assert not live.reader.busy and not live.reader.bar.isVisible()
    new = _state(live)
    _typed(qtbot, live, "Recalling ")
    typed = _state(live)
    slow.release.set()  # the read ends after all: what it brings is dropped
    qtbot.wait(300)
    assert not live.res.title.startswith("Agricultural") and _state(live) == typed != new
    assert prompter.errors == []


def test_a_second_open_while_a_read_runs_is_refused(
    qtbot, live: MainWindow, prompter, monkeypatch, tmp_path
) -> None:  # noqa: ANN001
    slow = SlowReader(monkeypatch)
    other = _other_draft(tmp_path)
    _open(live, prompter, other)
    assert slow.started.wait(5)
    _open(live, prompter, other)
    assert prompter.paths == [other]  # not even asked which file
    assert live.statusBar().currentMessage() == "A file is being read: wait, or cancel (Esc)"
    live.action(ActionId.COMPARE_WITH).trigger()  # any other read waits its turn too
    slow.release.set()
    qtbot.waitUntil(lambda: not live.reader.busy, timeout=WAIT)
    assert slow.calls == 1 and live.res.title.startswith("Agricultural")


@pytest.mark.parametrize(
    ("fail", "said"),
    [
        (
            InputError(say("{name} is a damaged PDF file (it cannot be opened)", name="other.json")),
            "damaged PDF",
        ),
        (RecursionError("maximum recursion depth exceeded"), "other.json could not be read (RecursionError)"),
    ],
    ids=["refusal", "reader-bug"],
)
def test_an_error_is_one_line_and_changes_nothing(
    qtbot, live: MainWindow, prompter, monkeypatch, tmp_path, fail: BaseException, said: str
) -> None:  # noqa: ANN001
    before = _state(live)
    slow = SlowReader(monkeypatch)
    slow.fail = fail
    slow.release.set()
    _open(live, prompter, _other_draft(tmp_path))
    qtbot.waitUntil(lambda: bool(prompter.errors), timeout=WAIT)
    [(title, message)] = prompter.errors
    assert title == "Cannot open the file" and said in message and "\n" not in message
    assert _state(live) == before and not live.reader.busy


def test_an_error_is_said_in_french(qtbot, live: MainWindow, prompter, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    interface_language.apply("fr")
    try:
        slow = SlowReader(monkeypatch)
        slow.fail = RuntimeError("boom")
        slow.release.set()
        _open(live, prompter, _other_draft(tmp_path))
        qtbot.waitUntil(lambda: bool(prompter.errors), timeout=WAIT)
        [(title, message)] = prompter.errors
        assert title == interface.catalog("fr")["Cannot open the file"]
        assert message == "other.json n'a pas pu être lu (RuntimeError)"
    finally:
        interface_language.apply(interface.ENGLISH)


def test_closing_while_a_file_is_read_asks_and_loses_nothing(
    qtbot, live: MainWindow, prompter, monkeypatch, tmp_path
) -> None:  # noqa: ANN001
    slow = SlowReader(monkeypatch)
    _open(live, prompter, _other_draft(tmp_path))
    assert slow.started.wait(5)
    _typed(qtbot, live, "typed while reading")
    prompter.save_answer = "cancel"
    asked = prompter.asked_save
    live.close()
    assert (
        prompter.asked_save == asked + 1 and live.isVisible() and live.reader.busy
    )  # kept open, still reading
    slow.release.set()
    qtbot.waitUntil(lambda: not live.reader.busy, timeout=WAIT)
    # the draft was typed into after the user agreed to replace it: asked again, and kept
    assert prompter.asked_save == asked + 2
    assert "typed while reading" in live.res.preamble[0].text and not live.res.title.startswith(
        "Agricultural"
    )
    # closed for good while another read runs: no crash, nothing delivered to the closed window
    slow.release.clear()
    prompter.save_answer = "discard"
    _open(live, prompter, _other_draft(tmp_path))
    assert slow.started.wait(5) and live.reader.busy
    live.close()
    assert not live.isVisible() and not live.reader.busy
    slow.release.set()
    qtbot.wait(300)
    assert "typed while reading" in live.res.preamble[0].text


def _ids_in_order(dumped: str) -> str:
    """A project's JSON with its random ids (app.model.new_id) numbered in order of first appearance."""
    seen: dict[str, str] = {}
    return re.sub(
        r"(?<![0-9a-f])[0-9a-f]{10}(?![0-9a-f])", lambda m: seen.setdefault(m[0], f"#{len(seen)}"), dumped
    )


@pytest.mark.parametrize("path", [PDF, DOCX], ids=["pdf", "docx"])
def test_a_real_file_opens_as_the_core_reads_it(qtbot, live: MainWindow, prompter, path: Path) -> None:  # noqa: ANN001
    _open(live, prompter, path)
    assert live.reader.busy
    qtbot.waitUntil(lambda: not live.reader.busy, timeout=WAIT * 4)
    want = reading.read_document(path)
    assert prompter.errors == []
    assert _ids_in_order(storage.dumps(live.res)) == _ids_in_order(storage.dumps(want.resolution))
    assert live.isWindowModified() and live.doc.path is None  # an import: Save asks where


def test_cancel_ends_a_pdfs_child_process(qtbot, live: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    """A PDF whose pages take long is read in a child process (app.io.pdf_probe): Cancel ends it at once."""
    from tests.core.test_hostile_tenth import _shared

    slow = tmp_path / "slow.pdf"
    slow.write_bytes(_shared(400, 20_000))  # 400 pages sharing a crowded stream: seconds to read
    _open(live, prompter, slow)
    _until(lambda: bool(multiprocessing.active_children()), 10)
    qtbot.wait(200)
    qtbot.mouseClick(live.reader.bar.cancel, Qt.MouseButton.LeftButton)
    started = time.monotonic()
    _until(lambda: not multiprocessing.active_children(), 5)
    assert time.monotonic() - started < 2
    assert prompter.errors == [] and not live.res.title


def _until(condition: Callable[[], bool], seconds: float) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "waited too long"
        time.sleep(0.02)


@pytest.mark.parametrize("size", [(1600, 1000), (1024, 640)], ids=["1600x1000", "1024x640"])
def test_the_indicator_shows_during_a_slow_read(
    qtbot, settings, prompter, monkeypatch, tmp_path, size
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, settings, prompter, tmp_path, size, read_inline=False)
    slow = SlowReader(monkeypatch)
    name = tmp_path / "A_C.3_80_L.20-with-a-very-long-file-name-from-a-mail-attachment.json"
    storage.save_project(new_resolution("ga-c3"), name)
    _open(win, prompter, name)
    assert slow.started.wait(5)
    qtbot.wait(100)  # painted with the read under way
    shot = win.grab()
    shot.save(str(tmp_path / f"reading-{size[0]}x{size[1]}.png"))
    bar = win.reader.bar
    where = bar.mapTo(win, bar.rect().topLeft())
    assert bar.isVisible() and win.rect().contains(where) and where.x() + bar.width() <= win.width()
    assert bar.cancel.isVisible() and bar.cancel.width() >= bar.cancel.sizeHint().width()
    label = bar.label
    assert label.width() >= label.sizeHint().width()  # "Reading …" shown whole, the name elided in its middle
    assert label.text().endswith(".json…") and "…" in label.text()[:-1]
    slow.release.set()
    qtbot.waitUntil(lambda: not win.reader.busy, timeout=WAIT)
    win.close()


def _compare(window: MainWindow, prompter, path: Path) -> Callable[[], bool]:  # noqa: ANN001
    prompter.paths = [path]
    window.action(ActionId.COMPARE_WITH).trigger()
    return lambda: window.versions.base_name == path.name and window.versions.dock.isVisible()


def _amend(window: MainWindow, prompter, path: Path) -> Callable[[], bool]:  # noqa: ANN001
    prompter.paths = [path]
    window.action(ActionId.NEW_AMENDMENT).trigger()
    return lambda: window.res.header.kind is DocumentKind.AMENDMENT


def _propose(window: MainWindow, prompter, path: Path) -> Callable[[], bool]:  # noqa: ANN001
    window.negotiation.show()
    window.negotiation.start()
    proposed = load_project(path)
    proposed.operative.append(Paragraph("Decides", "to remain seized of the matter"))
    copy = path.with_name("g77.txt")
    copy.write_text(to_text(proposed), encoding="utf-8")
    prompter.paths, prompter.texts = [copy], ["G77"]
    QTest.qWait(500)  # the panel laid out and its text shown: the UI thread's own work, done before the read
    window.negotiation.add_proposal()
    return lambda: "[G77]" in window.negotiation.view.browser.toPlainText()


@pytest.mark.parametrize(
    "ask", [_compare, _amend, _propose], ids=["compare-with", "new-amendment", "proposal"]
)
def test_every_file_the_editor_reads_is_read_off_the_ui_thread(
    qtbot, live: MainWindow, prompter, monkeypatch, tmp_path: Path, ask
) -> None:  # noqa: ANN001
    draft = tmp_path / "A_C.3_80_L.20.json"
    shutil.copy(FIXTURES / "gui" / "A_C.3_80_L.20.json", draft)
    live.files.replace(edits.Document(load_project(draft)))
    live.paragraphs.finish()  # every row built now, not in the idle time the read would share
    live.flush()
    qtbot.wait(100)
    ticks = _ticking(live)
    slow = SlowReader(monkeypatch, ticks)
    done = ask(live, prompter, draft)
    assert live.reader.busy and live.reader.bar.isVisible()
    qtbot.waitUntil(done, timeout=WAIT)
    assert slow.calls == 1 and slow.ticks_during is not None and slow.ticks_during >= 5
    assert prompter.errors == []
