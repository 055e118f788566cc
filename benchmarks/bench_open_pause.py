"""The longest the editor's window stops answering while it opens a file: read on the UI thread, as before, and
on a thread of its own (widgets/file_reading.py).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_open_pause.py [FILE ...]

A 10 ms QTimer ticks on the UI thread while File > Open reads the file and shows it; the longest gap between two
ticks is how long the window was frozen (unpainted, deaf to typing and to Cancel). The gap is given for the read
alone (until the file is read: the part the thread takes off the UI thread) and for the whole open (the rows of
the first screens are then built on the UI thread, as any widget must be). Default files: an issued PDF and a
Word export of a generated 400-paragraph omnibus draft. Wall-clock times: other work on the machine moves them.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.io import reading  # noqa: E402
from app.io.docx_writer import write_docx  # noqa: E402
from benchmarks.sample import omnibus, quiet_window  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ISSUED_PDF = ROOT / "tests" / "fixtures" / "reading" / "A_C.3_80_L.32.pdf"


def _gaps(app: QApplication, folder: Path, path: Path, inline: bool) -> tuple[float, float, float]:
    """(read, longest gap during the read, longest gap during the whole open), in seconds."""
    win = quiet_window(folder, 1400, 900, read_inline=inline)
    app.processEvents()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    read_at: list[float] = []
    real = reading.read_document

    def timed(file: Path):  # noqa: ANN202 - the core's reader, its end noted
        result = real(file)
        read_at.append(time.perf_counter())
        return result

    reading.read_document = timed
    try:
        timer.start()
        start = time.perf_counter()
        ticks.append(start)
        win.files.open_path(path, as_import=True)
        while win.reader.busy or not read_at:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        end = time.perf_counter()
        ticks.append(end)
    finally:
        reading.read_document = real
        timer.stop()
    win.doc.history.mark_saved()
    win.close()
    win.deleteLater()  # each measurement starts from one window, as the editor has
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    pairs = list(zip(ticks, ticks[1:], strict=False))
    during_read = max(min(b, read_at[0]) - a for a, b in pairs if a <= read_at[0])
    return read_at[0] - start, during_read, max(b - a for a, b in pairs)


def main(argv: list[str]) -> None:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    files = [Path(a) for a in argv]
    if not files:
        docx = folder / "omnibus-400.docx"
        write_docx(omnibus(400, seed=3), docx)
        files = [ISSUED_PDF, docx]
    for path in files:  # once, unmeasured: the modules imported and the PDF's child process server started
        reading.read_document(path)
    print(f"{'file':<24} {'where':<14} {'read ms':>8} {'frozen during read':>19} {'frozen in all':>14}")
    for path in files:
        for inline in (True, False):
            read, during, whole = _gaps(app, folder, path, inline)
            where = "UI thread" if inline else "own thread"
            print(
                f"{path.name:<24} {where:<14} {read * 1000:>8.0f} {during * 1000:>16.0f} ms {whole * 1000:>11.0f} ms"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
