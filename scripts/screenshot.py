"""Write the README's pictures: docs/screenshot.png (the editor with a real draft loaded) and docs/compare.png
(the compare view on the same draft after a few revisions, made through the editor's own commands).

    .venv/bin/python scripts/screenshot.py [DRAFT]

DRAFT defaults to the Third Committee draft A/C.3/80/L.20 (from ../shared/corpus when present, else the copy in
tests/fixtures/gui). Runs offscreen; nothing is saved but the pictures.
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


def open_window(tmp: Path, size: str, draft: Path):  # noqa: ANN201
    """A main window with throwaway settings in `tmp`, sized WIDTHxHEIGHT and showing `draft`; None (and a
    message) when the draft does not open."""
    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow
    from widgets.settings import Settings

    store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("spelling/personal", str(tmp / "personal.txt"))
    win = MainWindow(settings=Settings(store), runner=SyncRunner(), recovery_folder=tmp / "recovery")
    width, height = (int(n) for n in size.split("x"))
    win.resize(width, height)
    win.show()
    if not win.files.open_path(draft, as_import=draft.suffix != ".json"):
        print(f"screenshot: cannot open {draft}", file=sys.stderr)
        return None
    return win


def settle(app: QApplication, win) -> None:  # noqa: ANN001
    """Let the window finish its checks, spelling and deferred rows before it is grabbed."""
    win.flush()
    while win.paragraphs._spell_queue or win.paragraphs._backlog:
        app.processEvents()
    for _ in range(5):
        app.processEvents()


def _editor_shot(app: QApplication, win, output: Path) -> None:  # noqa: ANN001
    """The top of the draft (title, masthead) with the findings below; the cursor in the first paragraph."""
    win.resizeDocks([win.issues_dock], [210], Qt.Orientation.Vertical)
    if win.paragraphs.order:
        win.paragraphs.focus_paragraph(win.paragraphs.order[0][0])
    for _ in range(5):
        app.processEvents()
    win.paragraphs.verticalScrollBar().setValue(0)
    win.preview.verticalScrollBar().setValue(0)
    app.processEvents()
    win.grab().save(str(output))


def _compare_shot(app: QApplication, win, output: Path) -> None:  # noqa: ANN001
    """One operative paragraph reworded, one preambular paragraph deleted, one operative paragraph added."""
    from app import edits
    from app.model import Paragraph, Part
    from widgets.actions import ActionId

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
    win.grab().save(str(output))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", type=Path)
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="folder for the pictures")
    parser.add_argument("--size", default="1600x1000")
    args = parser.parse_args(argv)
    draft = args.draft or next((p for p in DEFAULT_DRAFTS if p.exists()), None)
    if draft is None:
        print("screenshot: no draft to show; pass one", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    args.docs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        win = open_window(Path(tmp), args.size, draft)
        if win is None:
            return 2
        settle(app, win)
        _editor_shot(app, win, args.docs / "screenshot.png")
        _compare_shot(app, win, args.docs / "compare.png")
        win.doc.history.mark_saved()
        win.close()
    print(f"wrote {args.docs / 'screenshot.png'} and {args.docs / 'compare.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
