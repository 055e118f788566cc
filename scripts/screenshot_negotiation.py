"""Write docs/negotiation.png: the negotiation view on A/C.3/80/L.20 with proposals of four delegations (words
added and deleted, the same words changed by two of them, a new paragraph, a deleted one), a paragraph agreed ad
ref and a bracket, all made through the editor's own commands; and docs/merge.png: the merge dialog over it, on
the paragraph where the EU and CANZ propose alternatives, CANZ's taken. At 1600x1000 and 1024x640 (pictures
ending in -small.png).

    .venv/bin/python scripts/screenshot_negotiation.py [DRAFT] [--size 1024x640 ...] [--docs FOLDER]
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot import arguments, close, open_window, suffix, use_interface  # noqa: E402

DEFAULT_DRAFTS = (
    ROOT / "tests" / "fixtures" / "corpus" / "A_C.3_80_L.20.txt",
    ROOT / "tests" / "fixtures" / "gui" / "A_C.3_80_L.20.json",
)


def _proposals(res):  # noqa: ANN001, ANN202
    from app.model import Paragraph
    from app.negotiation.proposals import derive

    ops = res.operative
    first, second = ops[0], ops[1]
    words = first.text.split()
    eu, canz, g77, us = (copy.deepcopy(res) for _ in range(4))
    eu.find(first.id).text = " ".join(words[:-2] + ["at all levels"] + words[-2:])
    eu.find(second.id).text = second.text.replace("all appropriate", "all necessary", 1)
    canz.find(second.id).text = second.text.replace("all appropriate", "effective", 1)
    g77.operative.insert(
        3,
        Paragraph(
            "Calls upon",
            "States to provide adequate resources to early childhood "
            "development programmes, including through international cooperation",
        ),
    )
    us.operative.remove(us.find(ops[4].id))
    return [
        derive(res, text, name, "zero draft")
        for text, name in ((eu, "EU"), (canz, "CANZ"), (g77, "G77 and China"), (us, "United States"))
    ]


def main(argv: list[str]) -> int:
    args = arguments(argv, __doc__, drafts=DEFAULT_DRAFTS)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_interface(args.interface)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            win = open_window(Path(tmp), size, args.draft)
            if win is None:
                return 2
            name = suffix(size, args.interface)
            _negotiation_shot(app, win, args.docs / f"negotiation{name}.png")
            _merge_shot(app, win, args.docs / f"merge{name}.png")
            close(win)
            print(f"wrote negotiation{name}.png and merge{name}.png in {args.docs}")
    return 0


def _negotiation_shot(app: QApplication, win, out: Path) -> None:  # noqa: ANN001
    from app.negotiation import commands
    from app.negotiation.status import Alternative, Status

    width = win.width()
    win.flush()
    res = win.res
    win.apply(commands.start_negotiation, facilitator="Facilitator")
    win.apply(commands.add_proposals, proposals=_proposals(res))
    win.apply(commands.set_status, paragraph_id=win.res.operative[2].id, status=Status.AGREED)
    third = win.res.operative[5]
    word = next(w for w in third.text.split() if len(w) > 6 and w.isalpha())
    win.apply(
        commands.add_bracket,
        paragraph_id=third.id,
        words=word,
        alternatives=[Alternative(word, ["EU", "CANZ"]), Alternative("", ["Russian Federation"])],
    )
    panel = win.negotiation
    panel.show()
    win.resizeDocks([panel.dock], [int(width * 0.56)], Qt.Orientation.Horizontal)
    panel._clicked(QUrl(f"entry:{win.res.operative[1].id}"))
    for _ in range(10):
        app.processEvents()
    panel.scroll_to(win.res.preamble[-1].id)  # the end of the preamble and the operative part in view
    for _ in range(5):
        app.processEvents()
    win.grab().save(str(out))


def _merge_shot(app: QApplication, win, out: Path) -> None:  # noqa: ANN001
    """The merge dialog as it opens over the window, on the paragraph with alternatives, CANZ's taken."""
    panel = win.negotiation
    panel.view.merge_button.click()
    dialog = panel.merge_dialog
    row = next(i for i, text in enumerate(dialog.place_rows()) if "EU, CANZ" in text)
    dialog.places.setCurrentRow(row)
    canz = next(p.id for p in win.res.negotiation.proposals if p.proposer == "CANZ")
    dialog.option(canz).click()
    for _ in range(10):
        app.processEvents()
    picture = win.grab()
    painter = QPainter(picture)
    shot = dialog.grab()
    at = QPoint((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2)
    painter.drawPixmap(at, shot)
    painter.setPen(Qt.GlobalColor.darkGray)  # the frame a window manager would draw
    painter.drawRect(at.x() - 1, at.y() - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    picture.save(str(out))
    dialog.reject()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
