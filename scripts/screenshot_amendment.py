"""Write docs/amendment.png (1600x1000) and docs/amendment-small.png (1024x640): the editor with an amendment
open, made through the editor's own commands from the Third Committee draft in tests/fixtures/gui (a few
paragraphs reworded, one deleted, one added, then Versions > Amendment from Comparison).

    .venv/bin/python scripts/screenshot_amendment.py

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

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot import settle as _settle  # noqa: E402

DRAFT = ROOT / "tests" / "fixtures" / "gui" / "A_C.3_80_L.20.json"


def _shot(app: QApplication, size: tuple[int, int], output: Path) -> None:
    from app import edits
    from app.model import Paragraph, Part
    from widgets.actions import ActionId
    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow
    from widgets.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        store = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        store.setValue("spelling/personal", str(Path(tmp) / "personal.txt"))
        store.setValue("user/delegation", "Mexico")
        win = MainWindow(
            settings=Settings(store), runner=SyncRunner(), recovery_folder=Path(tmp) / "recovery"
        )
        win.resize(*size)
        win.show()
        win.files.open_path(DRAFT)
        res = win.res
        for para in res.operative[1:3]:  # a few words inserted in two paragraphs
            win.apply(
                edits.set_text, paragraph_id=para.id, value=para.text.replace("States", "all States", 1)
            )
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
        _settle(app, win)
        win.preview.verticalScrollBar().setValue(0)
        app.processEvents()
        win.grab().save(str(output))
        win.doc.history.mark_saved()
        win.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    _shot(app, (1600, 1000), docs / "amendment.png")
    _shot(app, (1024, 640), docs / "amendment-small.png")
    print(f"wrote {docs / 'amendment.png'} and {docs / 'amendment-small.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
