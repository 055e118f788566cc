"""Pictures of the editor with an annex (docs/annex.png: A/RES/77/5 and its annex) and with a resolution in
two parts (docs/parts.png: A/RES/75/101 A-B), both imported from text flattened from the UN's XML
(tests/fixtures/structure), at 1600x1000 and 1024x640 (the smaller ones end in -small.png, with the details
pane closed as a user on a small screen would).

    .venv/bin/python scripts/screenshot_structure.py

Runs offscreen; nothing is saved but the pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot import settle as _settle  # noqa: E402

SHOTS = (
    ("annex", ROOT / "tests" / "fixtures" / "structure" / "A_RES_77_5.txt"),
    ("parts", ROOT / "tests" / "fixtures" / "structure" / "A_RES_75_101_A-B.txt"),
)
SIZES = (("", (1600, 1000)), ("-small", (1024, 640)))


def _show_unit(app: QApplication, win, kind: str) -> None:  # noqa: ANN001
    """Scroll the paragraphs to the annex or to part B, and the preview to the same place."""
    units = win.paragraphs.units
    res = win.res
    unit = (
        res.annexes[0] if kind == "annex" and res.annexes else res.later_parts[0] if res.later_parts else None
    )
    if unit is None:
        return
    section = units.sections[unit.id]
    first = (unit.paragraphs if kind == "annex" else unit.preamble or unit.operative)[0]
    win.paragraphs.focus_paragraph(first.id)
    app.processEvents()
    win.paragraphs.ensureWidgetVisible(section.header, 0, 0)
    win.paragraphs.verticalScrollBar().setValue(section.y() - 8)
    win.preview.follow(first.id)
    app.processEvents()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow
    from widgets.settings import Settings

    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kind, source in SHOTS:
            for suffix, (width, height) in SIZES:
                store = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
                store.setValue("spelling/personal", str(Path(tmp) / "personal.txt"))
                win = MainWindow(settings=Settings(store), runner=SyncRunner(),
                                 recovery_folder=Path(tmp) / "recovery")  # fmt: skip
                win.resize(width, height)
                win.show()
                if (
                    width < 1200
                ):  # on a small screen the details pane leaves the paragraphs too narrow: closed
                    win.details_dock.hide()
                if not win.files.open_path(source, as_import=True):
                    print(f"screenshot: cannot open {source}", file=sys.stderr)
                    return 2
                _settle(app, win)
                _show_unit(app, win, kind)
                _settle(app, win)
                out = docs / f"{kind}{suffix}.png"
                win.grab().save(str(out))
                print(f"wrote {out}")
                win.doc.history.mark_saved()
                win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
