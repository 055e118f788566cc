"""Run by test_recovery: an editor that types a paragraph, waits for the autosave, says so, and is then killed."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def main(folder: str) -> int:
    app = QApplication(sys.argv[:1])
    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow
    from widgets.settings import Settings

    store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(
        settings=Settings(store),
        runner=SyncRunner(),
        autosave_ms=100,
        recovery_folder=Path(folder) / "recovery",
    )
    win.show()
    win.files.new_document("ga-c1")
    row = win.paragraphs.rows[win.paragraphs.order[0]]
    row.opener.setFocus()
    QTest.keyClicks(row.opener, "Recalling")
    row.text.setFocus()
    QTest.keyClicks(row.text, "its resolution 78/1 on the work in progress")

    def report() -> None:
        if list((Path(folder) / "recovery").glob("*.json")):
            print("autosaved", flush=True)  # the test kills us now, mid-edit
        else:
            QTimer.singleShot(50, report)

    QTimer.singleShot(50, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
