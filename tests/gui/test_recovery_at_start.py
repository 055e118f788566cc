"""The editor starting over a recovery folder (widgets.app.start): the folder is read off the UI thread, so the
window paints and answers while many or large autosaves are read; a damaged or huge file never stops the start
and is kept, not deleted; the newest readable autosave is offered and restored."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app import recovery
from benchmarks.sample import omnibus
from tests.gui.shown import shown_window
from widgets.app import start
from widgets.main_window import MainWindow
from widgets.welcome import WelcomeDialog

WAIT = 15_000


def _autosave(folder: Path, paragraphs: int, title: str, saved_at: float) -> Path:
    res = omnibus(paragraphs, seed=3)
    res.title = title
    saver = recovery.Autosaver(folder)
    saver.save(res, source=None)
    data = json.loads(saver.path.read_text(encoding="utf-8"))
    data["pid"], data["saved_at"] = -1, saved_at  # a session that crashed
    saver.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return saver.path


def _damaged(folder: Path) -> tuple[Path, bytes]:
    path = folder / f"damaged{recovery.SUFFIX}"
    blob = b'{"source": null, "document": {"title": "' + b"x" * (recovery.MAX_RECOVERY_BYTES - 100) + b'"'
    path.write_bytes(blob)
    return path, blob


def _window(qtbot, settings, prompter, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    return shown_window(qtbot, settings, prompter, tmp_path, read_inline=False)


def test_the_recovery_folder_is_read_while_the_window_answers(
    qtbot, settings, prompter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # noqa: ANN001
    folder = tmp_path / "recovery"
    folder.mkdir()
    damaged, blob = _damaged(folder)
    _autosave(folder, 30, "Older work", 1.0)
    _autosave(folder, 2000, "The work to restore", 2.0)  # past SCAN_WHOLE_BYTES: read whole when restored
    win = _window(qtbot, settings, prompter, tmp_path)
    ticks: list[int] = []
    timer = QTimer(win)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    during: list[int] = []
    real = recovery.scan_at_start

    def held(path: Path) -> recovery.Scan:  # the reading held until the UI thread has ticked 5 times
        before, deadline = len(ticks), time.monotonic() + 10
        while len(ticks) - before < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        during.append(len(ticks) - before)
        return real(path)

    monkeypatch.setattr(recovery, "scan_at_start", held)
    start(win, [])
    assert win.reader.busy  # reading, and the window already shown
    qtbot.waitUntil(lambda: win.res.title == "The work to restore", timeout=WAIT)
    assert during and during[0] >= 5  # on the UI thread it could not tick at all
    assert win.isWindowModified() and prompter.errors == []
    assert (folder / (damaged.name + recovery.ASIDE)).read_bytes() == blob  # kept, not deleted
    assert "could not be read" in win.statusBar().currentMessage()
    win.close()


@pytest.mark.parametrize("kind", ["damaged-51-MB", "not-json", "nested"])
def test_one_bad_recovery_file_never_stops_the_start(
    qtbot, settings, prompter, tmp_path: Path, kind: str
) -> None:  # noqa: ANN001
    folder = tmp_path / "recovery"
    folder.mkdir()
    if kind == "damaged-51-MB":
        path, blob = _damaged(folder)
    else:
        blob = b"{ not json" if kind == "not-json" else b"[" * 100_000
        path = folder / f"{kind}{recovery.SUFFIX}"
        path.write_bytes(blob)
    win = _window(qtbot, settings, prompter, tmp_path)
    assert settings.first_run
    start(win, [])
    # the start goes on as over an empty folder: the start page of a first run over the new draft
    qtbot.waitUntil(lambda: isinstance(getattr(win, "start_page", None), WelcomeDialog), timeout=WAIT)
    assert prompter.errors == [] and not win.res.title and not win.reader.busy
    assert (folder / (path.name + recovery.ASIDE)).read_bytes() == blob and not path.exists()
    assert "could not be read" in win.statusBar().currentMessage()
    win.close()
