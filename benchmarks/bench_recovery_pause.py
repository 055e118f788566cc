"""The longest the editor's window stops answering at start while it looks for work to recover after a crash.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_recovery_pause.py

A recovery folder is filled (autosaves of a generated draft, many or large; a damaged file of the largest size a
recovery file may have), the editor starts on it as `resolute` does (widgets.app.start) and the user declines
every offer (or restores the newest). A 10 ms QTimer ticks on the UI thread meanwhile: the longest
gap between two ticks is how long the window was frozen. "then" is the longest gap in the AFTER seconds that
follow, while the rows and the preview of a restored draft are built (the preview of a 20,000-paragraph draft,
typeset on the UI thread, is the next freeze to work on). Wall-clock times: other work on the machine moves them.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import recovery, storage  # noqa: E402
from benchmarks.sample import omnibus, quiet_window  # noqa: E402
from widgets.app import start  # noqa: E402


def _autosave(folder: Path, paragraphs: int, copies: int, pid: int = 999_999_999) -> None:
    """`copies` autosaves of a `paragraphs`-paragraph draft, as a session that crashed left them."""
    document = storage.to_dict(omnibus(paragraphs, footnotes=paragraphs // 8, seed=3))
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        payload = {"source": None, "saved_at": 1_700_000_000 + n, "pid": pid, "document": document}
        (folder / f"{n:012x}{recovery.SUFFIX}").write_text(json.dumps(payload), encoding="utf-8")


def _damaged(folder: Path) -> None:
    """A recovery file of the largest size read, its JSON cut short (a disk filled mid-write)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"source": None, "saved_at": 1.0, "pid": 1, "document": {"title": "x" * 10}})
    pad = '{"a": "' + "x" * (recovery.MAX_RECOVERY_BYTES - 200) + '"'
    (folder / f"damaged{recovery.SUFFIX}").write_text(text[:-1] + ', "pad": ' + pad, encoding="utf-8")


CASES: list[tuple[str, Callable[[Path], None], bool]] = [  # (what, the folder filled so, the user restores)
    ("none", lambda folder: None, False),
    ("1 autosave, 400 paragraphs", lambda folder: _autosave(folder, 400, 1), False),
    ("20 autosaves, 2,000 paragraphs", lambda folder: _autosave(folder, 2000, 20), False),
    ("1 autosave, 20,000 paragraphs", lambda folder: _autosave(folder, 20_000, 1), False),
    ("same, restored", lambda folder: _autosave(folder, 20_000, 1), True),
    ("1 damaged, 51 MB", _damaged, False),
]


AFTER = 2.0


def _frozen(
    app: QApplication, folder: Path, fill: Callable[[Path], None], restore: bool
) -> tuple[float, float, float]:
    """(seconds until the start settled, longest gap between two ticks of the UI thread, and after it)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    fill(folder / "recovery")
    win = quiet_window(folder, 1400, 900, read_inline=False)
    win.prompter.ask_restore = lambda *_: restore  # declined: discarded
    app.processEvents()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    begin = time.perf_counter()
    ticks.append(begin)
    start(win, [])
    while win.reader.busy:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    end = time.perf_counter()
    ticks.append(end)
    settled = len(ticks)
    while time.perf_counter() < end + AFTER:
        app.processEvents()
        time.sleep(0.001)
    ticks.append(time.perf_counter())
    timer.stop()
    win.doc.history.mark_saved()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    during, after = ticks[:settled], ticks[settled - 1 :]
    return end - begin, _longest(during), _longest(after)


def _longest(ticks: list[float]) -> float:
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False))


def main() -> None:
    app = QApplication(sys.argv[:1])
    root = Path(tempfile.mkdtemp())
    print(f"{'recovery folder':<34} {'start settled ms':>16} {'longest frozen ms':>18} {'then ms':>8}")
    for label, fill, restore in CASES:
        settled, frozen, then = _frozen(app, root / "case", fill, restore)
        print(f"{label:<34} {settled * 1000:>16.0f} {frozen * 1000:>18.0f} {then * 1000:>8.0f}")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
