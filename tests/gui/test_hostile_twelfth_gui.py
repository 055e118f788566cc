"""The twelfth hostile-input pass (docs/hardening-log.md, "Twelfth pass"), in the editor: files opened and
cancelled in a row, and reads that end in any exception, BaseException subclasses included. The read is made
slow by replacing the core's reader, as tests/gui/test_reading_off_thread.py does."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.test_reading_off_thread import SlowReader, _open, _other_draft, _until
from tests.gui.test_reading_off_thread import live as live  # noqa: F401
from widgets import file_reading
from widgets.main_window import MainWindow


def _reading_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "resolute-read")


def test_files_opened_and_cancelled_in_a_row_are_read_one_at_a_time(
    qtbot,
    live: MainWindow,
    prompter,
    monkeypatch,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Twelve opens each cancelled while the first read still ran were twelve reads at once (each with a
    read's memory); the reads after it waited for it, and, cancelled, never read. The next open reads."""
    slow = SlowReader(monkeypatch)
    other = _other_draft(tmp_path)
    _open(live, prompter, other)
    _until(slow.started.is_set, 5)
    for _ in range(12):
        qtbot.mouseClick(live.reader.bar.cancel, Qt.MouseButton.LeftButton)
        _open(live, prompter, other)
        qtbot.wait(20)
    qtbot.mouseClick(live.reader.bar.cancel, Qt.MouseButton.LeftButton)
    assert slow.calls == 1  # the cancelled reads waited for the first: none read the file
    slow.release.set()
    _until(lambda: _reading_threads() == 0, 5)
    assert slow.calls == 1 and prompter.errors == [] and not live.res.title
    _open(live, prompter, other)
    qtbot.waitUntil(lambda: live.res.title.startswith("Agricultural"), timeout=15_000)
    assert slow.calls == 2


def test_a_read_waits_for_the_cancelled_one_then_reads(
    qtbot,
    live: MainWindow,
    prompter,
    monkeypatch,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """A file opened after a cancelled read is read once that read has ended, not dropped."""
    slow = SlowReader(monkeypatch)
    other = _other_draft(tmp_path)
    _open(live, prompter, other)
    _until(slow.started.is_set, 5)
    qtbot.mouseClick(live.reader.bar.cancel, Qt.MouseButton.LeftButton)
    _open(live, prompter, other)
    qtbot.wait(200)
    assert slow.calls == 1 and live.reader.busy and live.reader.bar.isVisible()
    started = time.monotonic()
    slow.release.set()
    qtbot.waitUntil(lambda: live.res.title.startswith("Agricultural"), timeout=15_000)
    assert slow.calls == 2 and time.monotonic() - started < 10 and prompter.errors == []


@pytest.mark.parametrize(
    "failure", [KeyboardInterrupt, SystemExit, MemoryError, RecursionError, GeneratorExit, ValueError]
)
def test_a_read_ending_in_any_exception_is_one_line_and_changes_nothing(
    qtbot,
    live: MainWindow,
    prompter,
    monkeypatch,
    tmp_path: Path,
    failure: type[BaseException],  # noqa: ANN001
) -> None:
    slow = SlowReader(monkeypatch)
    slow.fail = failure("hostile")
    slow.release.set()
    _open(live, prompter, _other_draft(tmp_path))
    qtbot.waitUntil(lambda: not live.reader.busy, timeout=15_000)
    ((_, message),) = prompter.errors
    assert failure.__name__ in message and "\n" not in message
    assert not live.res.title and live.isVisible()


def test_a_read_stuck_for_good_does_not_hold_the_next_one_for_ever(
    qtbot,  # noqa: ANN001
    live: MainWindow,
    prompter,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A read that never ends (a reader's bug) is waited for MAX_WAIT_S at most: then the next file is read."""
    monkeypatch.setattr(file_reading, "MAX_WAIT_S", 0.5)
    slow = SlowReader(monkeypatch)
    other = _other_draft(tmp_path)
    _open(live, prompter, other)
    _until(slow.started.is_set, 5)
    qtbot.mouseClick(live.reader.bar.cancel, Qt.MouseButton.LeftButton)
    slow.started.clear()
    _open(live, prompter, other)
    _until(slow.started.is_set, 5)  # the second read started though the first still runs
    assert slow.calls == 2
    slow.release.set()
    qtbot.waitUntil(lambda: live.res.title.startswith("Agricultural"), timeout=15_000)
