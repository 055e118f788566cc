"""Render resources/icons/resolute.svg to the PNG, ICO (Windows) and ICNS (macOS) the app and its builds use.

python scripts/make_icons.py   (needs PySide6; run again after editing the SVG)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    svg.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    svg = QSvgRenderer(str(ICONS / "resolute.svg"))
    if not svg.isValid():
        print("make_icons: resolute.svg cannot be read", file=sys.stderr)
        return 2
    wrote = []
    for name, size, fmt in (
        ("resolute.png", 512, "PNG"),
        ("resolute.ico", 256, "ICO"),
        ("resolute.icns", 512, "ICNS"),
    ):
        if render(svg, size).save(str(ICONS / name), fmt):
            wrote.append(name)
        else:
            print(f"make_icons: Qt has no {fmt} writer here; {name} not written", file=sys.stderr)
    print("make_icons: wrote " + ", ".join(wrote))
    return 0 if "resolute.png" in wrote else 2


if __name__ == "__main__":
    sys.exit(main())
