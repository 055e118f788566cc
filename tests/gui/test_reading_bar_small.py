"""The status bar while a file is read, on a laptop's 1024x640 window in French and Spanish, a delegation's copy
with a long name being read: a second open is refused with words that fit beside the "Reading …" indicator
(the refusal named the file again and ran under the indicator, its end, what to do, cut off), and Esc cancels
the read, saying so, with the cursor where the delegate was typing."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import interface
from app.io import reading
from tests.gui.shown import shown_window
from tests.gui.test_editor import rows
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow

DOCX = Path(__file__).resolve().parents[1] / "fixtures" / "wordxml" / "libreoffice-lists.docx"
LONG = "A_C.3_80_L.20 as revised by the delegation of the Bolivarian Republic of Venezuela.docx"


@pytest.fixture(params=["fr", "es", "en"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The core's reader held until the test ends (then let go: the cancelled read's thread finishes)."""
    release = threading.Event()
    real = reading.read_document

    def slow(path: Path):  # noqa: ANN202
        release.wait(10)
        return real(path)

    monkeypatch.setattr(reading, "read_document", slow)
    yield release
    release.set()


def test_a_refused_second_open_and_a_cancel_read_whole_at_1024(
    qtbot, settings, prompter, tmp_path: Path, language: str, held: threading.Event
) -> None:  # noqa: ANN001
    win: MainWindow = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640), read_inline=False)
    copy = tmp_path / LONG
    shutil.copy(DOCX, copy)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    field = rows(win)[0].text
    field.setFocus()
    qtbot.keyClicks(field, "Recalling")
    prompter.save_answer = "discard"
    prompter.paths = [copy]
    win.action(ActionId.OPEN).trigger()
    qtbot.waitUntil(lambda: win.reader.bar.isVisible())
    bar = win.statusBar()
    assert win.reader.bar.label.toolTip() == LONG  # the whole name, where the indicator elides it

    prompter.paths = [copy]
    win.action(ActionId.OPEN).trigger()
    said = bar.currentMessage()
    assert said == interface.tr("A file is being read: wait, or cancel (Esc)")
    room = win.reader.bar.geometry().left()  # a temporary message is drawn left of the permanent widgets
    assert bar.fontMetrics().horizontalAdvance(said) + 12 <= room, (said, room)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not win.reader.busy)  # a button's shortcut clicks it animated
    assert not win.reader.bar.isVisible()
    said = bar.currentMessage()
    assert said.startswith(interface.tr("Stopped reading {name}: nothing was changed").split("{name}")[0])
    assert bar.fontMetrics().horizontalAdvance(said) + 12 <= bar.width() - 200, said
    assert QApplication.focusWidget() is field and field.toPlainText().endswith("Recalling")
    win.close()
