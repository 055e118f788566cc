"""Editor speed on long drafts: open, every row built, and keystrokes, at 200, 2,000 and 20,000 paragraphs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_long_drafts.py [PARAGRAPHS ...]

Prints one table row per size (generated omnibus drafts, `benchmarks.sample.omnibus`: a fifth of the operative
paragraphs have subparagraphs, so rows are about 1.7 times the paragraphs). Times are this process's CPU time
(`time.process_time`), which other work on a shared machine moves little; the wall-clock of the row build is
given too. Columns:
- open: opening the project until the window is painted (the first screen of rows; the rest follow in idle time)
- rows built: the rows built slice by slice after opening, each slice followed by the events it posted, as
  the event loop runs them in idle time
- keystroke: a letter typed into a paragraph in the middle, with its paragraph's check and the issues list
  shown again, laid out and painted; "same findings" when the check found what it found before, "findings
  change" when the list changed (a misspelt word growing letter by letter)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import storage  # noqa: E402
from benchmarks.sample import omnibus, quiet_window, type_in_middle_row  # noqa: E402

SIZES = (200, 2_000, 20_000)
TYPED = " and xqzt bnmv the Council"  # plain words, and two misspellings that grow letter by letter


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def measure(app: QApplication, folder: Path, paragraphs: int) -> dict[str, str]:
    path = folder / f"omnibus-{paragraphs}.json"
    storage.save_project(omnibus(paragraphs, seed=7), path)
    win = quiet_window(folder, 1500, 950)
    app.processEvents()
    cpu = time.process_time()
    win.files.open_path(path)
    app.processEvents()
    opened = time.process_time() - cpu
    rows = win.paragraphs
    cpu, wall = time.process_time(), time.perf_counter()
    while rows._backlog:
        rows._build_backlog()
        app.processEvents()
    built = time.process_time() - cpu, time.perf_counter() - wall
    while rows._spell_queue:  # spelling switches on row by row in idle time: let it finish
        app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    win.checks.check_document()  # the findings of the whole draft in the issues list, as after a pause
    app.processEvents()
    row = type_in_middle_row(win, app)
    same, changed = [], []
    for char in TYPED:
        before = list(win.issues._shown or [])
        cpu = time.process_time()
        QTest.keyClick(row.text, char)
        app.processEvents()
        win.checks.check_paragraphs()  # the debounced paragraph check, run now, and its findings shown
        app.processEvents()
        spent = time.process_time() - cpu
        (same if win.issues._shown == before else changed).append(spent)
    assert win.res.find(row.paragraph_id).text.endswith(TYPED), "the keystrokes reached the model"
    result = {
        "paragraphs": f"{paragraphs:,}",
        "rows": f"{len(rows.order):,}",
        "open (ms)": _ms(opened),
        "rows built (ms CPU / wall)": f"{_ms(built[0])} / {_ms(built[1])}",
        "per row (ms)": f"{built[0] * 1000 / max(1, len(rows.order)):.2f}",
        "issues listed": f"{len(win.issues.findings):,}",
        "keystroke, same findings (ms, median)": f"{statistics.median(same) * 1000:.1f}",
        "keystroke, findings change (ms, median / max)": (
            f"{statistics.median(changed) * 1000:.1f} / {max(changed) * 1000:.1f}" if changed else "-"
        ),
    }
    win.doc.history.mark_saved()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result


def main(sizes: tuple[int, ...] = SIZES) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for paragraphs in sizes:
            results.append(measure(app, Path(tmp), paragraphs))
            print(" | ".join(f"{k}: {v}" for k, v in results[-1].items()), flush=True)
    columns = list(results[0])
    print()
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for result in results:
        print("| " + " | ".join(result[c] for c in columns) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(tuple(int(a) for a in sys.argv[1:]) or SIZES))
