"""Esc during a read (widgets/file_reading.py) cancels it only where Esc means nothing else: typed in the
paragraphs or on the status bar. An Esc that closes the find bar, a dialog or a menu does that alone, and the
read goes on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.gui.test_editor import rows
from tests.gui.test_reading_off_thread import SlowReader, _open, _other_draft, live  # noqa: F401 - a fixture
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.welcome import WelcomeDialog


def test_escape_cancels_a_read_only_where_it_means_nothing_else(
    qtbot,
    live: MainWindow,  # noqa: F811 - the fixture imported above
    prompter,
    monkeypatch,
    tmp_path: Path,  # noqa: ANN001, F811
) -> None:
    slow = SlowReader(monkeypatch)
    _open(live, prompter, _other_draft(tmp_path))
    assert slow.started.wait(5) and live.reader.busy

    live.action(ActionId.FIND).trigger()  # the find bar: Esc closes it
    assert live.find_bar.find.hasFocus()
    qtbot.keyClicks(live.find_bar.find, "resolution")
    qtbot.keyClick(live.find_bar.find, Qt.Key.Key_Escape)
    assert not live.find_bar.isVisible() and live.reader.busy

    live.show_start_page()  # a dialog over the window: Esc closes it
    dialog = live.start_page
    assert isinstance(dialog, WelcomeDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert live.reader.busy

    menu = live.menuBar().actions()[0].menu()  # a menu, a popup window: Esc closes it
    menu.popup(live.mapToGlobal(QPoint(20, 20)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert live.reader.busy and live.reader.bar.isVisible()

    row = rows(live)[0].text  # in the paragraphs: Esc is the read's
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Escape)
    assert not live.reader.busy and not live.reader.bar.isVisible()
    assert "Stopped reading other.json" in live.statusBar().currentMessage()
    assert QApplication.focusWidget() is row  # the cursor stays where the delegate was typing

    _open(live, prompter, _other_draft(tmp_path))  # on the status bar: its Cancel button focused
    assert live.reader.busy
    live.reader.bar.cancel.setFocus()
    qtbot.keyClick(live.reader.bar.cancel, Qt.Key.Key_Escape)
    assert not live.reader.busy
    slow.release.set()
    qtbot.wait(200)
    assert not live.res.title.startswith("Agricultural") and prompter.errors == []
