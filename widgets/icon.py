"""The application icon (resources/icons, rendered from resolute.svg by scripts/make_icons.py)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app.paths import resource


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("resolute.svg", "resolute.png"):
        path = resource("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon
