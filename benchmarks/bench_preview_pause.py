"""The longest the window stops answering while the preview shows a long draft: on opening, and while typing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_preview_pause.py [PARAGRAPHS ...]

A 10 ms QTimer ticks on the UI thread while the preview pane (widgets/preview.PreviewPane, 600x900) shows the
page of a generated omnibus draft (`benchmarks.sample.omnibus`: 200, 2,000 and 20,000 paragraphs), then a letter
typed into a paragraph in the middle, then a paragraph removed (a new page); the longest gap between two ticks,
until the page is whole and one more second, is how long the window was frozen. "one call" is the page set as
before this pass (`setHtml` of the whole page, with the wrapping check over it), "slices" the pane as it is
(parsed a slice per turn of the event loop and swapped in; typing patches the changed blocks). The draft is
rendered before the clock starts (the window renders a keystroke's paragraph only). Wall-clock times: other
work on the machine moves them.

Measured 2026-12-07 (loaded 2-core machine), longest pause / until the page shown is the one asked for, in ms:

| paragraphs | page | open | keystroke | paragraph removed |
|---|---|---|---|---|
| 2,000 | one call | 249 / 247 | 333 / 324 | 333 / 331 |
| 2,000 | slices | 122 / 497 | 41 / 41 | 166 / 961 |
| 20,000 | one call | 3,644 / 3,634 | 2,417 / 2,409 | 2,145 / 2,143 |
| 20,000 | slices | 401 / 9,365 | 381 / 2,207 | 713 / 8,120 |

A keystroke's patch waits until Qt has laid the page out to its end (patched earlier, the blocks after the change
stayed blank for good): typed right after a 20,000-paragraph page is swapped in, it shows about 2 s later; once
the page is laid out, at once.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.render import Rendered, render  # noqa: E402
from benchmarks.sample import omnibus  # noqa: E402
from widgets.preview import PreviewPane, preview_html  # noqa: E402
from widgets.wrapping import set_html  # noqa: E402

SIZES = (200, 2_000, 20_000)
AFTER = 1.0  # seconds of ticks after the page is whole: Qt lays a swapped page out lazily


def one_call(pane: PreviewPane, rendered: Rendered) -> None:
    """The page as the pane set it before: one `setHtml` of the whole page."""
    html = preview_html(rendered)
    if html != pane.html:
        pane.html = html
        set_html(pane, html)
        pane._page_look()


def longest_pause(app: QApplication, show) -> tuple[float, float]:  # noqa: ANN001 - a callable showing the page
    """Seconds of the longest gap between two 10 ms ticks while `show()` runs and the page settles, and seconds
    until the page shown is the one asked for (a keystroke's patch waits for Qt to lay the page out)."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    ticks.append(time.perf_counter())
    pane = show()
    while not pane.settled:
        app.processEvents()
        time.sleep(0.001)
    settled = time.perf_counter() - ticks[0]
    end = time.perf_counter() + AFTER
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    ticks.append(time.perf_counter())
    timer.stop()
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False)), settled


def measure(app: QApplication, paragraphs: int, sliced: bool) -> list[tuple[float, float]]:
    res = omnibus(paragraphs, seed=7)
    pane = PreviewPane()
    pane.resize(600, 900)
    pane.show()
    app.processEvents()
    show = pane.show_rendered if sliced else lambda r: one_call(pane, r)
    opened = render(res)
    pauses = [longest_pause(app, lambda: (show(opened), pane)[1])]
    middle = res.find(opened.blocks[len(opened.blocks) // 2].paragraph_id)
    middle.text += "s"
    typed = render(res)
    pauses.append(longest_pause(app, lambda: (show(typed), pane)[1]))
    res.preamble.pop(len(res.preamble) // 2)
    removed = render(res)
    pauses.append(longest_pause(app, lambda: (show(removed), pane)[1]))
    pane.close()
    pane.deleteLater()
    return pauses


def main(sizes: tuple[int, ...] = SIZES) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print("longest pause ms / shown after ms")
    print(f"{'paragraphs':>10} {'page':<10} {'open':>14} {'keystroke':>14} {'paragraph removed':>18}")
    for paragraphs in sizes:
        for sliced in (False, True):
            pauses = measure(app, paragraphs, sliced)
            print(
                f"{paragraphs:>10,} {'slices' if sliced else 'one call':<10} "
                + " ".join(
                    f"{f'{p * 1000:,.0f} / {s * 1000:,.0f}':>{w}}"
                    for (p, s), w in zip(pauses, (14, 14, 18), strict=True)
                ),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(tuple(int(a) for a in sys.argv[1:]) or SIZES))
