"""Write docs/amendment.png (1600x1000) and docs/amendment-small.png (1024x640): the editor with an amendment
open, made through the editor's own commands from the Third Committee draft in tests/fixtures/gui (a few
paragraphs reworded, one deleted, one added, then Versions > Amendment from Comparison).

    .venv/bin/python scripts/screenshot_amendment.py [DRAFT] [--size 1600x1000 ...] [--docs FOLDER]

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

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot import arguments, close, open_window, settle, suffix, use_interface  # noqa: E402

DRAFTS = (ROOT / "tests" / "fixtures" / "gui" / "A_C.3_80_L.20.json",)


def _shot(app: QApplication, tmp: Path, draft: Path, size: tuple[int, int], output: Path) -> bool:
    from app import edits
    from app.model import Paragraph, Part
    from widgets.actions import ActionId

    win = open_window(tmp, size, draft, **{"user/delegation": "Mexico"})
    if win is None:
        return False
    res = win.res
    for para in res.operative[1:3]:  # a few words inserted in two paragraphs
        win.apply(edits.set_text, paragraph_id=para.id, value=para.text.replace("States", "all States", 1))
    win.apply(edits.delete_paragraph, paragraph_id=res.preamble[2].id)
    added = Paragraph("Encourages", "regional organizations to share good practices")
    win.apply(edits.insert_paragraph, part=Part.OPERATIVE, index=3, paragraph=added)
    win.doc.history.mark_saved()  # no question about saving the proposed version first
    win.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    win.apply(edits.set_header, field="symbol", value="A/C.3/80/L.77")
    win.apply(edits.set_sponsors, names=["Mexico"])
    win.amendment_panel.list.setCurrentRow(1)
    win.resizeDocks([win.issues_dock], [110], Qt.Orientation.Vertical)
    if size[0] < 1400:  # on a small screen the details panel is closed (View menu) to give the room
        win.details_dock.hide()
    win.resizeDocks([win.details_dock, win.preview_dock], [360, 560], Qt.Orientation.Horizontal)
    settle(app, win)
    win.preview.verticalScrollBar().setValue(0)
    app.processEvents()
    win.grab().save(str(output))
    close(win)
    return True


def main(argv: list[str]) -> int:
    args = arguments(argv, __doc__, drafts=DRAFTS)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_interface(args.interface)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            out = args.docs / f"amendment{suffix(size, args.interface)}.png"
            if not _shot(app, Path(tmp), args.draft, size, out):
                return 2
            print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
