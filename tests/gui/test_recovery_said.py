"""Work to recover at start, read off the UI thread (widgets/recovery_offer.py), as the delegate sees it at
1024x640 in English, French and Spanish: the status bar said "Reading 3f9c0a1b2c4d.recovery.json…", an autosave's
own name the user never saw, and Esc there left the start half done (no start page on a first run, "Stopped
reading 3f9c0a1b2c4d.recovery.json"). It now says what is going on: looking for work to recover, then recovering
the unsaved draft; cancelled, it says the work is kept for the next start, the autosave is still there, and the
start goes on as over no work to recover (the start page of a first run).

The folder's scan and the autosave's load are held until the test has looked (a large autosave takes seconds)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_recovery_at_start import _autosave

from app import interface, recovery
from app.interface import tr
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.app import start
from widgets.welcome import WelcomeDialog

WAIT = 15_000


@pytest.fixture(params=["en", "fr", "es"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, threading.Event]]:
    """The scan and the load, each waiting for its event (set at the end whatever happens)."""
    gates = {"scan": threading.Event(), "load": threading.Event()}
    scan, load = recovery.scan_at_start, recovery.Recoverable.load

    def slow_scan(path: Path) -> recovery.Scan:
        gates["scan"].wait(10)
        return scan(path)

    def slow_load(item: recovery.Recoverable):  # noqa: ANN202
        gates["load"].wait(10)
        return load(item)

    monkeypatch.setattr(recovery, "scan_at_start", slow_scan)
    monkeypatch.setattr(recovery.Recoverable, "load", slow_load)
    yield gates
    for gate in gates.values():
        gate.set()


def test_recovery_is_said_and_esc_leaves_the_work_for_the_next_start(
    qtbot, settings, prompter, tmp_path: Path, language: str, held: dict[str, threading.Event]
) -> None:  # noqa: ANN001
    folder = tmp_path / "recovery"
    folder.mkdir()
    autosave = _autosave(folder, 2000, "The work to restore", 2.0)  # a draft never saved: no file of its own
    assert settings.first_run
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640), read_inline=False)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    start(win, [])
    bar = win.reader.bar
    assert bar.isVisible() and bar.label.text() == tr("Looking for work to recover…")
    held["scan"].set()
    qtbot.waitUntil(lambda: bar.label.text() == tr("Recovering the unsaved draft…"), timeout=WAIT)
    assert autosave.name not in bar.label.text() and bar.isVisible()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # in the paragraphs: Esc means nothing else
    assert not win.reader.busy and not bar.isVisible()
    assert win.statusBar().currentMessage() == tr(
        "Recovery stopped: the work to recover is kept for the next start"
    )
    assert autosave.exists() and win.res.title != "The work to restore"
    qtbot.waitUntil(lambda: isinstance(getattr(win, "start_page", None), WelcomeDialog))  # the start goes on
    win.start_page.close()
    win.doc.history.mark_saved()
    win.close()
