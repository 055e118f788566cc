"""How long the editor takes to show a draft holding one table, as the table grows: 50, 500 and 5,000 rows of
four cells (1x, 10x, 100x; 5,000 rows is `app.model.MAX_TABLE_ROWS`), with the parts of it timed on their own:
the preview's page and the paragraph list's grid.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_table_open.py [ROWS ...]

A ratio near 10 from one size to the next is linear growth. Wall-clock milliseconds (the machine's other work
moves them); the open is File > Open of a project file, read on the UI thread, until its rows are painted.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import storage  # noqa: E402
from app.model import Paragraph, Resolution  # noqa: E402
from app.render import render  # noqa: E402
from benchmarks.sample import omnibus, quiet_window  # noqa: E402
from widgets.preview import PreviewPane  # noqa: E402
from widgets.table_row import TableRow  # noqa: E402

COLUMNS = 4
SIZES = (50, 500, 5_000)


def with_table(rows: int) -> Resolution:
    """A short draft with one table of `rows` rows (one header row) after its second operative paragraph."""
    res = omnibus(20, footnotes=2)
    cells = [["Member State", "Scale (per cent)", "2025", "2026"]]
    cells += [[f"State {r}", f"{r % 97}.{r % 1000:03d}", str(r * 7), f"*note* {r}"] for r in range(rows - 1)]
    table = Paragraph("", "")
    table.table = cells
    table.header_rows = 1
    res.operative.insert(2, table)
    return res


def _open(app: QApplication, folder: Path, path: Path) -> float:
    win = quiet_window(folder, 1400, 900)
    app.processEvents()
    start = time.perf_counter()
    win.files.open_path(path)
    app.processEvents()
    took = time.perf_counter() - start
    win.doc.history.mark_saved()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return took


def _preview(res: Resolution) -> float:
    pane = PreviewPane()
    pane.resize(600, 800)
    pane.show()  # laid out, as in the window
    QApplication.processEvents()
    rendered = render(res)
    start = time.perf_counter()
    pane.show_rendered(rendered)
    took = time.perf_counter() - start
    pane.deleteLater()
    return took


def _grid(res: Resolution) -> float:
    row = TableRow("t")
    row.resize(900, 400)
    row.show()  # laid out at its width, as in the list
    QApplication.processEvents()
    block = next(b for b in render(res).blocks if b.role == "table")
    start = time.perf_counter()
    row.show_cells(block.cells, block.header_rows, block.merges)
    took = time.perf_counter() - start
    row.deleteLater()
    return took


def main(argv: list[str]) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    profile = "--profile" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or list(SIZES)
    folder = Path(tempfile.mkdtemp())
    rows_out: list[tuple[int, float, float, float]] = []
    warm = folder / "warm.json"  # the first window loads the speller and the checks: not the table's cost
    storage.save_project(with_table(2), warm)
    _open(app, folder, warm)
    for rows in sizes:
        res = with_table(rows)
        path = folder / f"table-{rows}.json"
        storage.save_project(res, path)
        if profile and rows == sizes[-1]:
            prof = cProfile.Profile()
            prof.enable()
        opened = _open(app, folder, path)
        if profile and rows == sizes[-1]:
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        rows_out.append((rows, opened, _preview(res), _grid(res)))
    print(f"{'rows x 4':>9} {'open (ms)':>10} {'preview (ms)':>13} {'grid (ms)':>10}")
    last = None
    for rows, opened, preview, grid in rows_out:
        ratio = f"  x{opened / last:.1f}" if last else ""
        print(f"{rows:>9,} {opened * 1000:>10.0f} {preview * 1000:>13.0f} {grid * 1000:>10.0f}{ratio}")
        last = opened


if __name__ == "__main__":
    main(sys.argv[1:])
