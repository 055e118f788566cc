"""Start the editor: `resolute` opens a new draft, `resolute FILE` opens the file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def run_editor(args: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Resolute")
    app.setOrganizationName("Resolute")
    from app import __version__

    app.setApplicationVersion(__version__)
    from widgets.icon import app_icon

    app.setWindowIcon(app_icon())
    from widgets.main_window import MainWindow

    window = MainWindow()
    window.show()
    files = [a for a in args if not a.startswith("-")]
    if files:
        window.files.open_path(Path(files[0]))
    else:
        window.files.offer_recovery()
    if os.environ.get("RESOLUTE_QUIT_AFTER_PAINT"):  # smoke tests of a build: start, paint once, quit
        from PySide6.QtCore import QTimer

        window.repaint()
        print(f"resolute {__version__}: editor started", flush=True)
        QTimer.singleShot(0, app.quit)
    return app.exec()
