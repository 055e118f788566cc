"""Start the editor: `resolute` opens a new draft, `resolute FILE` opens the file."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def run_editor(args: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Resolute")
    app.setOrganizationName("Resolute")
    from widgets.main_window import MainWindow

    window = MainWindow()
    window.show()
    files = [a for a in args if not a.startswith("-")]
    if files:
        window.open_path(Path(files[0]))
    else:
        window.offer_recovery()
    return app.exec()
