"""Pictures of the editor with an annex (docs/annex.png: A/RES/77/5 and its annex) and with a resolution in
two parts (docs/parts.png: A/RES/75/101 A-B), both imported from text flattened from the UN's XML
(tests/fixtures/structure), at 1600x1000 and 1024x640 (the smaller ones end in -small.png, with the details
pane closed as a user on a small screen would).

    .venv/bin/python scripts/screenshot_structure.py [--size 1600x1000 ...] [--docs FOLDER]

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

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot import arguments, close, open_window, settle, suffix  # noqa: E402

SHOTS = (
    ("annex", ROOT / "tests" / "fixtures" / "structure" / "A_RES_77_5.txt"),
    ("parts", ROOT / "tests" / "fixtures" / "structure" / "A_RES_75_101_A-B.txt"),
)


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


def main(argv: list[str]) -> int:
    args = arguments(argv, __doc__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        for kind, source in SHOTS:
            for size in args.sizes:
                win = open_window(Path(tmp), size, source)
                if win is None:
                    return 2
                if size[0] < 1200:  # on a small screen the details pane leaves the paragraphs too narrow
                    win.details_dock.hide()
                settle(app, win)
                _show_unit(app, win, kind)
                settle(app, win)
                out = args.docs / f"{kind}{suffix(size)}.png"
                win.grab().save(str(out))
                print(f"wrote {out}")
                close(win)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
