"""Write docs/screens/: the editor at 1600x1000 and 1024x640 (a laptop at 125-150 % scaling) and every dialog
over the 1024x640 window, as a delegate on a small screen sees it. A dialog larger than the window is reported.

    .venv/bin/python scripts/screenshot_dialogs.py [--docs FOLDER]

Runs offscreen on a temporary settings file; nothing is saved but the pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget  # noqa: E402
from screenshot import SMALL, WIDE, arguments, close, open_window, settle, use_interface  # noqa: E402

DRAFTS = (ROOT / "tests" / "fixtures" / "corpus" / "A_C.3_80_L.20.txt",)


def compose(win: QWidget, dialog: QWidget, output: Path) -> list[str]:
    """The dialog centred over the window, the window dimmed behind it; what does not fit is reported."""
    canvas = win.grab()
    painter = QPainter(canvas)
    painter.fillRect(canvas.rect(), QColor(0, 0, 0, 70))
    shot = dialog.grab()
    x, y = (canvas.width() - shot.width()) // 2, (canvas.height() - shot.height()) // 2
    painter.drawPixmap(max(0, x), max(0, y), shot)
    painter.end()
    canvas.save(str(output))
    if shot.width() > canvas.width() or shot.height() > canvas.height():
        return [
            f"{output.name}: {shot.width()}x{shot.height()} does not fit {canvas.width()}x{canvas.height()}"
        ]
    return []


def modal(
    app: QApplication, win: QWidget, trigger: Callable[[], object], output: Path, problems: list[str]
) -> None:
    """Run something that opens a dialog with exec() (a message box, an input dialog): grab it, then close it."""

    def grab() -> None:
        dialog = app.activeModalWidget() or next(
            w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        app.processEvents()
        problems.extend(compose(win, dialog, output))
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(200, grab)
    trigger()


def opened(app: QApplication, win: QWidget, dialog: QWidget, output: Path, problems: list[str]) -> None:
    """A dialog opened with open() (window-modal, not blocking)."""
    for _ in range(5):
        app.processEvents()
    problems.extend(compose(win, dialog, output))
    dialog.close()


def main(argv: list[str]) -> int:
    args = arguments(argv, __doc__, drafts=DRAFTS, sizes=(WIDE, SMALL), docs=ROOT / "docs" / "screens")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_interface(args.interface)
    from app import edits, recovery
    from app.interface import tr
    from widgets.actions import ActionId
    from widgets.prompter import Prompter
    from widgets.settings import SettingsDialog
    from widgets.welcome import KeyCardDialog

    out = args.docs if args.interface == "en" else args.docs / args.interface  # docs/screens/fr/
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        win = open_window(Path(tmp), args.sizes[0], args.draft)
        if win is None:
            return 2
        for size in args.sizes:  # the window at each size; the dialogs over it at the last one
            win.resize(*size)
            settle(app, win)
            win.paragraphs.verticalScrollBar().setValue(0)
            win.preview.verticalScrollBar().setValue(0)
            settle(app, win)
            win.grab().save(str(out / f"window-{size[0]}x{size[1]}.png"))
        last = f"{args.sizes[-1][0]}x{args.sizes[-1][1]}"
        win.details_dock.raise_()  # the other tab of the small window's side column
        settle(app, win)
        win.grab().save(str(out / f"window-{last}-details.png"))
        win.preview_dock.raise_()
        prompt = Prompter()
        win.show_start_page()
        opened(app, win, win.start_page, out / "start-page.png", problems)
        dialog = KeyCardDialog(win)
        dialog.open()
        opened(app, win, dialog, out / "keys.png", problems)
        modal(app, win, lambda: SettingsDialog(win.settings, win).exec(), out / "settings.png", problems)
        modal(app, win, lambda: prompt.choose_template(win, "ga-c3"), out / "new-draft.png", problems)
        modal(
            app,
            win,
            lambda: prompt.ask_save(win, "A_C.3_80_L.20.json"),
            out / "unsaved-changes.png",
            problems,
        )
        item = recovery.Recoverable(
            Path(tmp) / "r.json", Path("A_C.3_80_L.20.json"), 0.0, "Rights of the child"
        )
        modal(app, win, lambda: prompt.ask_restore(win, item), out / "recover.png", problems)
        modal(
            app,
            win,
            lambda: prompt.ask_text(
                win,
                tr("Section heading"),
                tr(
                    "Printed before this paragraph, one line each (e.g. “I” and the section title); empty for none:"
                ),
                "I\nGeneral",
            ),
            out / "section-heading.png",
            problems,
        )
        modal(
            app,
            win,
            lambda: prompt.error(
                win,
                tr("Could not export"),
                "The draft still has square brackets: resolve them before making the L document.",
            ),
            out / "error.png",
            problems,
        )
        modal(
            app,
            win,
            lambda: QMessageBox.about(
                win, tr("About Resolute"), tr("Resolute: draft UN resolutions that follow UN conventions.")
            ),
            out / "about.png",
            problems,
        )
        # versions: oral revisions after an edit, and the rollover's first step
        first = win.res.operative[0]
        win.apply(edits.set_text, paragraph_id=first.id, value=first.text + " and of every child")
        win.flush()
        win.action(ActionId.ORAL_REVISIONS).trigger()
        opened(app, win, win.versions.oral_dialog, out / "oral-revisions.png", problems)
        win.action(ActionId.ROLLOVER).trigger()
        rollover = win.versions.rollover_dialog
        for _ in range(5):
            app.processEvents()
        problems.extend(compose(win, rollover, out / "rollover.png"))
        rollover.symbol.setText("A/RES/80/150")  # step two: each automatic change to keep or undo
        rollover.date.setText("15 December 2025")
        rollover.ok_button.click()
        opened(app, win, rollover, out / "rollover-changes.png", problems)
        close(win)
    for line in problems:
        print("does not fit:", line)
    print(f"wrote {len(list(out.glob('*.png')))} pictures to {out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
