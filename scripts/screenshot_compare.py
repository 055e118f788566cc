"""Write docs/compare.png: the editor with the compare view open on a real draft after a few revisions.

    .venv/bin/python scripts/screenshot_compare.py [DRAFT] [-o docs/compare.png]

The draft (default: the Third Committee draft A/C.3/80/L.20 from ../shared/corpus, else tests/fixtures/gui) is
opened, one operative paragraph is reworded, one preambular paragraph deleted and one operative paragraph
added, through the same commands the editor uses. Runs offscreen; nothing is saved but the picture.
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

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

DEFAULT_DRAFTS = (
    ROOT.parent / "shared" / "corpus" / "A_C.3_80_L.20.txt",
    ROOT / "tests" / "fixtures" / "gui" / "A_C.3_80_L.20.json",
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "compare.png")
    parser.add_argument("--size", default="1600x1000")
    args = parser.parse_args(argv)
    draft = args.draft or next((p for p in DEFAULT_DRAFTS if p.exists()), None)
    if draft is None:
        print("screenshot: no draft to show; pass one", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app import edits
    from app.model import Paragraph, Part
    from widgets.actions import ActionId
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
        res = win.res
        if len(res.operative) >= 2 and len(res.preamble) >= 2:
            first = res.operative[0]
            words = first.text.split()
            reworded = " ".join(words[:-1] + ["of", "every", "child"]) if len(words) > 6 else first.text
            win.apply(edits.set_text, paragraph_id=first.id, value=reworded)
            win.apply(edits.delete_paragraph, paragraph_id=res.preamble[1].id)
            new = Paragraph("Encourages", "regional organizations to share good practices")
            win.apply(edits.insert_paragraph, part=Part.OPERATIVE, index=2, paragraph=new)
        win.flush()
        win.action(ActionId.COMPARE_BASE).trigger()
        win.versions.view.changed_only.setChecked(True)  # what a delegate looks for first
        for _ in range(10):
            app.processEvents()
        args.output.parent.mkdir(parents=True, exist_ok=True)
        win.grab().save(str(args.output))
        win.doc.history.mark_saved()
        win.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
