"""`resolute FILE` starts the editor on the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import storage
from app.documents import new_resolution
from widgets.app import run_editor
from widgets.main_window import MainWindow


def test_run_editor_opens_the_file_named(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("RESOLUTE_DATA_DIR", str(tmp_path / "data"))
    res = new_resolution("ga-c2")
    res.title = "Agricultural technology for sustainable development"
    path = tmp_path / "c2.json"
    storage.save_project(res, path)
    seen: list[str] = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if any(
            win.reader.busy for win in windows
        ):  # the file is read on its own thread: look once it is open
            QTimer.singleShot(50, look_and_close)
            return
        for win in windows:
            seen.append(win.windowTitle())
            seen.append(win.res.title)
            win.close()

    QTimer.singleShot(200, look_and_close)
    assert run_editor([str(path)]) == 0
    assert seen[0].startswith("c2.json")
    assert seen[1] == "Agricultural technology for sustainable development"
    assert (tmp_path / "data" / "settings.ini").exists()  # the user's own settings were not touched
