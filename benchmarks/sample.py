"""A generated omnibus resolution for benchmarks: realistic lengths, subparagraphs and footnotes."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from app.model import AgendaItem, Header, Paragraph, Resolution

_PRE = [
    "Recalling",
    "Reaffirming",
    "Noting with concern",
    "Welcoming",
    "Deeply concerned",
    "Recognizing",
    "Bearing in mind",
    "Stressing",
    "Taking note with appreciation of",
    "Mindful",
]
_OP = [
    "Requests",
    "Encourages",
    "Calls upon",
    "Welcomes",
    "Decides",
    "Urges",
    "Expresses strong concern",
    "Invites and encourages",
    "Reaffirms",
    "Stresses",
]
_WORDS = (
    "the international community Member States relevant United Nations entities implementation of "
    "sustainable development capacity-building cooperation in accordance with international law and "
    "the Charter of the United Nations regional organizations civil society the Secretary-General "
    "report on its eightieth session humanitarian assistance peacebuilding effective"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def omnibus(paragraphs: int = 400, footnotes: int = 50, seed: int = 1) -> Resolution:
    """About a third preambular, the rest operative; every fifth operative paragraph has (a)-(c), one with (i)-(ii)."""
    rng = random.Random(seed)
    res = Resolution(
        header=Header(
            template="ga-c3",
            session=80,
            symbol="A/C.3/80/L.99",
            date=dt.date(2025, 10, 22),
            agenda_items=[AgendaItem("67", "", "Promotion and protection of the rights of children")],
            sponsors=["Andorra", "Argentina", "Austria", "Japan", "Uruguay"],
        ),
        title="Rights of the child",
    )
    n_pre = paragraphs // 3
    for i in range(paragraphs):
        if i < n_pre:
            res.preamble.append(Paragraph(rng.choice(_PRE), _sentence(rng, rng.randint(15, 70))))
        else:
            para = Paragraph(rng.choice(_OP), _sentence(rng, rng.randint(15, 90)))
            if i % 5 == 0:
                para.subparagraphs = [Paragraph("", _sentence(rng, 20).capitalize()) for _ in range(3)]
                para.subparagraphs[1].subparagraphs = [
                    Paragraph("", _sentence(rng, 12).capitalize()) for _ in range(2)
                ]
            res.operative.append(para)
    nodes = [p for _, p in res.paragraphs()]
    for k in range(footnotes):
        note = res.add_footnote(
            f"See A/80/{100 + k}, para. {k + 1}; United Nations, *Treaty Series*, vol. {k}."
        )
        rng.choice(nodes).text += f"[^{note.id}]"
    return res


def quiet_window(folder: Path, width: int, height: int, *, read_inline: bool = True):  # noqa: ANN201 - a MainWindow; Qt is imported here only
    """The editor's main window for a benchmark: its own settings file in `folder`, checks run at once, and no
    autosave or delayed re-check firing during the measurement. Shown, at the given size. Files are read on the
    caller's thread (an open is timed from the read to the rows shown), or with `read_inline=False` on their own."""
    from PySide6.QtCore import QSettings

    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow
    from widgets.settings import Settings

    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(
        settings=Settings(store),
        runner=SyncRunner(),
        recovery_folder=folder / "recovery",
        read_inline=read_inline,
        autosave_ms=600_000,
        check_delay_ms=600_000,
    )
    win.prompter.ask_open_long = lambda *_: True  # a benchmark opens long drafts on purpose
    win.resize(width, height)
    win.show()
    return win


def type_in_middle_row(win, app) -> object:  # noqa: ANN001 - a MainWindow and its QApplication
    """Put the cursor at the end of the text of the draft's middle row, ready to type, as a delegate would; the row."""
    rows = win.paragraphs
    row = rows.rows[rows.order[len(rows.order) // 2]]
    row.text.setFocus()
    cursor = row.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    row.text.setTextCursor(cursor)
    app.processEvents()
    return row
