"""Write docs/screenshot.png: the editor with a real draft loaded, as the README shows it.

    .venv/bin/python scripts/screenshot.py [DRAFT] [-o docs/screenshot.png]

DRAFT defaults to the Third Committee draft A/C.3/80/L.20 (from ../shared/corpus when present, else the copy in
tests/fixtures/gui). Runs offscreen; nothing is saved but the picture.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

DEFAULT_DRAFTS = (
    ROOT.parent / "shared" / "corpus" / "A_C.3_80_L.20.txt",  # a Third Committee draft, with a few findings
    ROOT / "tests" / "fixtures" / "gui" / "A_C.3_80_L.20.json",  # the same, imported, for a clone without it
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--size", default="1600x1000")
    args = parser.parse_args(argv)
    draft = args.draft or next((p for p in DEFAULT_DRAFTS if p.exists()), None)
    if draft is None:
        print("screenshot: no draft to show; pass one", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow
    from widgets.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        store = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        store.setValue("spelling/personal", str(Path(tmp) / "personal.txt"))
        win = MainWindow(
            settings=Settings(store), runner=SyncRunner(), recovery_folder=Path(tmp) / "recovery"
        )
        width, height = (int(n) for n in args.size.split("x"))
        win.resize(width, height)
        win.show()
        if not win.open_path(draft, as_import=draft.suffix != ".json"):
            print(f"screenshot: cannot open {draft}", file=sys.stderr)
            return 2
        win.flush()
        while win.paragraphs._spell_queue or win.paragraphs._backlog:
            app.processEvents()
        # the top of the draft (title, masthead) with the findings below; the cursor in the first paragraph
        for _ in range(5):
            app.processEvents()
        win.resizeDocks([win.issues_dock], [210], Qt.Orientation.Vertical)
        if win.paragraphs.order:
            win.paragraphs.focus_paragraph(win.paragraphs.order[0][0])
        for _ in range(5):
            app.processEvents()
        win.paragraphs.verticalScrollBar().setValue(0)
        win.preview.verticalScrollBar().setValue(0)
        app.processEvents()
        args.output.parent.mkdir(parents=True, exist_ok=True)
        win.grab().save(str(args.output))
        win.doc.history.mark_saved()
        win.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
