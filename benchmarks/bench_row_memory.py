"""What the editor's rows hold: memory per paragraph row with every row built, and what one row is made of.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_row_memory.py [PARAGRAPHS ...]

Each measurement runs in a process of its own (memory handed back to the allocator is kept by the process, so
one measurement would lend it to the next). Two tables:
- the editor (`benchmarks.sample.quiet_window`) opening a generated omnibus draft (`benchmarks.sample.omnibus`,
  1,000, 10,000 and 20,000 paragraphs; rows are about 1.7 times the paragraphs), every row built as idle time
  builds them: the resident memory it added, per row, and at 1,000 paragraphs the Python objects' share
  (tracemalloc: Python allocations only; Qt's own are C++);
- the row's parts, 1,500 of each added to a shown scroll area as the paragraph list holds them: a whole
  `ParagraphRow` with a 400-character text, its text field, a bare QTextEdit empty and with the same text, the
  syntax highlighter, the opener field and one label.
Resident memory is read from /proc/self/statm where there is one (Linux), else the peak.

Measured 2026-12-07 on the shared 2-core machine (times loaded; memory is not), before and after the row's section
heading label was made only when a row has a heading:

| paragraphs | rows | added, before | after | per row, before | after | Python objects per row, before | after |
|---|---|---|---|---|---|---|---|
| 1,000 | 1,665 | 265 MB | 256 MB | 163 KB | 157 KB | 13.4 KB | 12.8 KB |
| 10,000 | 16,665 | 2,142 MB | 2,069 MB | 132 KB | 127 KB | - | - |

(20,000 paragraphs builds its 33,000 rows in about 50 minutes on the loaded machine: not run; the hardening log's
5.6 GB.) The parts, each alone: a row 129.7 KB before, 125.0 KB after; its text field 85.9 KB, of which the
QTextEdit is 34.8 KB empty (widget, viewport, two hidden scroll bars and their holders, text control, document)
and 68.5 KB with the 408-character text laid out (Qt keeps each character's glyph, advance and offset: about
80 bytes a character), the highlighter 11 KB more (79.8 KB; Qt keeps a list of one format per character of the
block it last formatted), the opener field 14.1 KB, a label 5.8 KB. What is left is each row's own text, laid
out, in a widget of its own: building only the rows near the viewport is what would bound it.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (1_000, 10_000, 20_000)
PARTS = ("row", "text field", "QTextEdit, empty", "QTextEdit, the text", "highlighter", "opener", "label")
TEXT = "the law international cooperation " * 12  # 408 characters, a paragraph of middling length
EACH = 1_500


def resident() -> int:
    """Bytes resident now (Linux), else the peak so far."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def editor(paragraphs: int, traced: bool) -> str:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from app import storage
    from benchmarks.sample import omnibus, quiet_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    path = folder / "omnibus.json"
    storage.save_project(omnibus(paragraphs, seed=7), path)
    win = quiet_window(folder, 1500, 950)
    app.processEvents()
    gc.collect()
    before = resident()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    win.files.open_path(path)
    rows = win.paragraphs
    while rows._backlog:
        rows._build_backlog()
        app.processEvents()
    while rows._spell_queue:  # spelling switches on row by row in idle time
        app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
    count = len(rows.order)
    added = resident() - before
    python = f"{tracemalloc.get_traced_memory()[0] / count / 1024:.1f}" if traced else "-"
    built = time.perf_counter() - start
    win.doc.history.mark_saved()
    return (
        f"| {paragraphs:,} | {count:,} | {added / 2**20:,.0f} MB | {added / count / 1024:.0f} KB | {python} KB "
        f"| {built:.0f} s |"
    )


def part(name: str) -> str:
    from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QTextEdit, QVBoxLayout, QWidget

    from widgets.fields import MarkupHighlighter, OpenerField, TextField
    from widgets.paragraph_editor import ParagraphRow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    area, inner = QScrollArea(), QWidget()
    column = QVBoxLayout(inner)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(900, 700)
    area.show()
    app.processEvents()

    def text_edit(text: str = TEXT) -> QTextEdit:
        edit = QTextEdit(inner)
        edit.setPlainText(text)
        edit.setFixedHeight(60)
        return edit

    def row() -> QWidget:
        made = ParagraphRow("p", False, inner)
        made.text.set_text_quietly(TEXT)
        return made

    def field() -> QWidget:
        made = TextField(inner)
        made.set_text_quietly(TEXT)
        return made

    def highlighted() -> QWidget:
        edit = text_edit()
        edit.setProperty("highlighter", MarkupHighlighter(edit) is None)  # kept by its document
        return edit

    make = {
        "row": row,
        "text field": field,
        "QTextEdit, empty": lambda: text_edit(""),
        "QTextEdit, the text": text_edit,
        "highlighter": highlighted,
        "opener": lambda: OpenerField(inner),
        "label": lambda: QLabel("(viii)", inner),
    }[name]
    gc.collect()
    before = resident()
    for _ in range(EACH):
        column.addWidget(make())
    for _ in range(5):
        app.processEvents()
    gc.collect()
    return f"| {name} | {(resident() - before) / EACH / 1024:.1f} KB |"


def _child(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, __file__, "--one", *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return done.stdout.strip().splitlines()[-1]


def main(sizes: tuple[int, ...]) -> int:
    print("| paragraphs | rows | resident memory added | per row | Python objects per row | rows built in |")
    print("|---|---|---|---|---|---|")
    for paragraphs in sizes:
        print(_child("editor", str(paragraphs), "traced" if paragraphs <= 1_000 else ""), flush=True)
    print()
    print(f"| part ({EACH:,} shown in a scroll area, {len(TEXT)}-character text) | each |")
    print("|---|---|")
    for name in PARTS:
        print(_child("part", name), flush=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        kind, value, *rest = sys.argv[2:]
        print(editor(int(value), rest[:1] == ["traced"]) if kind == "editor" else part(value), flush=True)
        os._exit(0)  # the windows are left to the process's end
    sys.exit(main(tuple(int(a) for a in sys.argv[1:]) or SIZES))
