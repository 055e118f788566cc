"""Start the editor."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def run_editor(args: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("Resolute: the editor is coming. Use the command line meanwhile: resolute --help")
    label.setMinimumSize(480, 120)
    label.show()
    return app.exec()
