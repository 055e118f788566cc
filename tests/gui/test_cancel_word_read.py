"""A Word file being read is cancelled, and the next file opens at once: the cancelled read stops at its next
paragraph (app/cancelling.py) instead of running on to its end while the next read waits for it.

The .docx is made slow by a reader step that takes 50 ms a paragraph once 20 are read (400 paragraphs: 20 s);
File › Open, Cancel and File › Open again are done as a delegate would.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.io import wordml
from app.io.docx_writer import write_docx
from benchmarks.sample import omnibus
from tests.gui.test_reading_off_thread import _open, _other_draft, live  # noqa: F401 - `live` is a fixture
from widgets.main_window import MainWindow

PER_PARAGRAPH_S = 0.05
SOON_MS = 5_000  # the next file opens well within this; the cancelled read alone would take 20 s more


class SlowParagraphs:
    """Word's paragraphs read slowly after the first 20; counts those begun after the Cancel."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real = wordml.Walker.pieces
        self.started = threading.Event()
        self.cancelled = threading.Event()
        self.calls = 0
        self.after_cancel = 0
        slow = self

        def pieces(walker: wordml.Walker, *args: object, **kwargs: object) -> list[wordml.Piece]:
            slow.calls += 1
            if slow.cancelled.is_set():
                slow.after_cancel += 1
            if slow.calls >= 20:
                slow.started.set()
                time.sleep(PER_PARAGRAPH_S)
            return slow.real(walker, *args, **kwargs)

        monkeypatch.setattr(wordml.Walker, "pieces", pieces)


def test_a_cancelled_word_read_ends_and_the_next_file_opens_at_once(
    qtbot,
    live: MainWindow,  # noqa: F811 - the fixture imported above
    prompter,
    monkeypatch,
    tmp_path: Path,  # noqa: ANN001, F811
) -> None:
    docx = tmp_path / "omnibus.docx"
    write_docx(omnibus(400, seed=3), docx)
    slow = SlowParagraphs(monkeypatch)
    _open(live, prompter, docx)
    assert slow.started.wait(10) and live.reader.busy
    slow.cancelled.set()
    qtbot.mouseClick(live.reader.bar.cancel, Qt.MouseButton.LeftButton)
    assert not live.reader.busy
    other = _other_draft(tmp_path)
    started = time.monotonic()
    _open(live, prompter, other)
    qtbot.waitUntil(lambda: live.res.title.startswith("Agricultural"), timeout=SOON_MS)
    assert time.monotonic() - started < SOON_MS / 1000
    assert slow.after_cancel <= 2  # the paragraph under way when Cancel came, and none after the next look
    assert prompter.errors == [] and live.windowTitle().startswith("other.json")
