"""Write the README's pictures: docs/screenshot.png (the editor with a real draft loaded) and docs/compare.png
(the compare view on the same draft after a few revisions, made through the editor's own commands).

    .venv/bin/python scripts/screenshot.py [DRAFT] [--size 1600x1000 ...] [--docs FOLDER]

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
WIDE, SMALL = (1600, 1000), (1024, 640)  # a desktop, and a laptop at 125-150 % scaling


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"not WIDTHxHEIGHT: {text}")
    return int(width), int(height)


def arguments(
    argv: list[str],
    doc: str,
    *,
    drafts: tuple[Path, ...] = (),
    sizes: tuple[tuple[int, int], ...] = (WIDE, SMALL),
    docs: Path = ROOT / "docs",
) -> argparse.Namespace:
    """What every screenshot script takes: the draft (when `drafts` name defaults, the first that exists),
    `--docs` (the folder for the pictures, made if missing) and `--size WIDTHxHEIGHT`, repeatable (default
    `sizes`) and `--interface CODE` (the editor's language). Returns `draft`, `docs`, `sizes` and `interface`; exits with a usage message (status 2) on bad input."""
    parser = argparse.ArgumentParser(description=doc.strip().splitlines()[0])
    if drafts:
        parser.add_argument(
            "draft", nargs="?", type=Path, help="the draft to show (default: the corpus draft)"
        )
    parser.add_argument("--docs", type=Path, default=docs, help=f"folder for the pictures (default: {docs})")
    parser.add_argument(
        "--interface",
        default="en",
        help="the editor's interface language, e.g. fr or es (default: en); pictures are named -fr, -es",
    )
    shown = ", ".join(f"{w}x{h}" for w, h in sizes)
    parser.add_argument(
        "--size",
        dest="sizes",
        action="append",
        type=_size,
        help=f"window size WIDTHxHEIGHT, repeatable (default: {shown})",
    )
    args = parser.parse_args(argv)
    args.sizes = args.sizes or list(sizes)
    if drafts:
        args.draft = args.draft or next((p for p in drafts if p.exists()), None)
        if args.draft is None:
            parser.error("no draft to show; pass one")
    args.docs.mkdir(parents=True, exist_ok=True)
    return args


def suffix(size: tuple[int, int], interface: str = "en") -> str:
    """How a picture's name says its interface language and size: nothing for English at 1600x1000, "-fr" for
    French, "-small" at 1024x640, else "-WxH"."""
    language = "" if interface == "en" else f"-{interface}"
    return language + ("" if size == WIDE else "-small" if size == SMALL else f"-{size[0]}x{size[1]}")


def use_interface(code: str) -> None:
    """Speak `code` in the windows opened from now on (the QApplication must exist)."""
    from widgets.interface_language import apply

    apply(code)


def open_window(tmp: Path, size: tuple[int, int], draft: Path | None = None, **settings: str):  # noqa: ANN201
    """A main window with throwaway settings of its own in a new folder under `tmp` (`settings`: values to
    set, "user/delegation": "Mexico"), sized `size` and showing `draft`; None (and a message) when the draft
    does not open. The caller keeps the window until its picture is saved and closes it."""
    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow
    from widgets.settings import Settings

    folder = Path(tempfile.mkdtemp(dir=tmp))  # one window's settings and recovery files never reach the next
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("spelling/personal", str(folder / "personal.txt"))
    for key, value in settings.items():
        store.setValue(key, value)
    win = MainWindow(
        settings=Settings(store), runner=SyncRunner(), recovery_folder=folder / "recovery", read_inline=True
    )
    win.resize(*size)
    win.show()
    if draft is not None and not win.files.open_path(draft, as_import=draft.suffix != ".json"):
        print(f"screenshot: cannot open {draft}", file=sys.stderr)
        win.close()
        return None
    return win


def close(win) -> None:  # noqa: ANN001
    """Close a window whose pictures are saved, without a question about its changes."""
    win.doc.history.mark_saved()
    win.close()


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
    args = arguments(argv, __doc__, drafts=DEFAULT_DRAFTS, sizes=(WIDE,))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_interface(args.interface)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            win = open_window(Path(tmp), size, args.draft)
            if win is None:
                return 2
            settle(app, win)
            name = suffix(size, args.interface)
            shots = (args.docs / f"screenshot{name}.png", args.docs / f"compare{name}.png")
            _editor_shot(app, win, shots[0])
            _compare_shot(app, win, shots[1])
            close(win)
            print(f"wrote {shots[0]} and {shots[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
