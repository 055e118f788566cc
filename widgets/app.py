"""Start the editor: `resolute` opens a new draft, `resolute FILE` opens the file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from widgets.main_window import MainWindow


def start(window: MainWindow, files: list[str]) -> None:
    """What the editor shows first: the file asked for; else work to recover after a crash; else, the first
    time, the start page; and the cursor in the first opener, so what a delegate types goes into the draft."""
    if files:
        window.files.open_path(Path(files[0]))
        return
    window.files.offer_recovery_later(lambda: _fresh_start(window))  # read off the UI thread


def _fresh_start(window: MainWindow) -> None:
    window.focus_first_opener()
    if window.settings.first_run:
        window.show_start_page()


def run_editor(args: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Resolute")
    app.setOrganizationName("Resolute")
    from app import __version__

    app.setApplicationVersion(__version__)
    from widgets.icon import app_icon

    app.setWindowIcon(app_icon())
    from app.errors import ResoluteError
    from app.interface import tr
    from app.messages import explain
    from widgets.interface_language import apply
    from widgets.main_window import MainWindow
    from widgets.prompter import Prompter
    from widgets.settings import Settings

    settings = Settings()
    interface = apply(settings.interface_language)  # before any window is built: every text is set once
    try:
        window = MainWindow(settings=settings)
    except ResoluteError as exc:  # a data file edited by hand (a template) is broken: say which, and stop
        said = explain(exc)
        print(f"resolute: {said}", file=sys.stderr)
        Prompter().error(None, tr("Resolute cannot start"), said)
        return 2
    window.show()
    start(window, [a for a in args if not a.startswith("-")])
    if os.environ.get("RESOLUTE_QUIT_AFTER_PAINT"):  # smoke tests of a build: start, paint once, quit
        from PySide6.QtCore import QTimer

        window.repaint()
        from widgets.interface_language import qt_translated

        qt = "with Qt's translation" if qt_translated() else "without Qt's translation"
        print(f"resolute {__version__}: editor started (interface {interface}, {qt})", flush=True)
        QTimer.singleShot(0, app.quit)
    return app.exec()
