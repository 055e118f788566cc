"""The speed table: every number the product claims, measured on a generated 400-paragraph resolution.

    .venv/bin/python benchmarks/run.py

The other scripts in this folder go into detail for one area each; this one prints the summary quoted in the
README. The editor numbers come from a child process, so that start-up and peak memory are its own.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

CORPUS = ROOT.parent / "shared" / "corpus"


def median_ms(fn: Callable[[], object], repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def editor_child(project: str) -> None:
    """Runs in the child: paint the window, then open the project and type in it. Prints JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sample import quiet_window

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    win = quiet_window(folder, 1400, 900)
    win.grab()  # painted
    print("painted", flush=True)

    start = time.perf_counter()
    win.files.open_path(Path(project))
    app.processEvents()
    open_ms = (time.perf_counter() - start) * 1000
    win.paragraphs.finish()
    app.processEvents()
    order = win.paragraphs.order
    row = win.paragraphs.rows[order[len(order) // 2]]
    row.text.setFocus()
    app.processEvents()
    keys = []
    for i in range(40):
        start = time.perf_counter()
        QTest.keyClick(row.text, Qt.Key.Key_A if i % 5 else Qt.Key.Key_Space)
        app.processEvents()
        win.checks.check_paragraphs()  # the debounced paragraph check, run at once
        keys.append((time.perf_counter() - start) * 1000)
    win.doc.history.mark_saved()
    win.close()
    print(
        json.dumps(
            {
                "open": open_ms,
                "key": statistics.median(keys),
                "key_p95": sorted(keys)[37],
                "rss": peak_rss_mb(),
            }
        ),
        flush=True,
    )


def measure_editor(project: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--editor", str(project)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("painted"):
            painted = (time.perf_counter() - start) * 1000
            break
    else:
        raise SystemExit("the editor did not start")
    result = json.loads(child.stdout.readline())
    child.wait()
    return {"painted": painted, **result}


def main() -> None:
    from bench_export import floor
    from sample import omnibus

    from app.conventions.engine import build_context, check_document, check_paragraph
    from app.io.docx_reader import read_docx
    from app.io.docx_writer import build_docx
    from app.io.text_reader import read_text
    from app.io.text_writer import to_text
    from app.storage import save_project

    res = omnibus(400, 50)
    nodes = [p for _, p in res.paragraphs()]
    check_document(res)  # warm up: lexicons, word lists, templates
    context = build_context(res)
    middle = nodes[len(nodes) // 2].id
    docx_bytes = build_docx(res)
    text = to_text(res)
    rows: list[tuple[str, float | None, str]] = [
        ("full check (conventions, spelling, style)", median_ms(lambda: check_document(res)), "< 200 ms"),
        (
            "one-paragraph re-check",
            median_ms(lambda: check_paragraph(res, middle, context=context), 50),
            "< 5 ms",
        ),
        ("export .docx", median_ms(lambda: build_docx(res)), "< 500 ms"),
        ("  python-docx floor (same paragraphs, bare)", median_ms(lambda: floor(res)), ""),
        ("import .docx", median_ms(lambda: read_docx(docx_bytes)), "< 500 ms"),
        ("import text", median_ms(lambda: read_text(text)), "< 500 ms"),
    ]
    if CORPUS.is_dir():
        largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
        corpus_text = largest.read_text(encoding="utf-8")
        rows.append((f"import text, {largest.name}", median_ms(lambda: read_text(corpus_text)), "< 500 ms"))
        corpus_res = read_text(corpus_text).resolution
        rows.append(
            (f"full check, {largest.name}", median_ms(lambda: check_document(corpus_res)), "< 200 ms")
        )
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "omnibus.json"
        save_project(res, project)
        editor = measure_editor(project)
    rows += [
        ("editor: start-up to a painted window", editor["painted"], "< 1000 ms"),
        ("editor: open the 400-paragraph project", editor["open"], "< 1000 ms"),
        ("editor: keystroke to repaint, with its check", editor["key"], "< 16 ms"),
        ("  95th percentile", editor["key_p95"], ""),
    ]
    export_ratio = rows[2][1] / rows[3][1]

    print(
        f"Resolute benchmarks on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}"
    )
    print(
        f"document: {len(res.preamble)} preambular + {len(res.operative)} operative paragraphs, {len(nodes)} "
        f"with subparagraphs, {len(res.footnotes)} footnotes, {len(text.split())} words\n"
    )
    print(f"| {'measure':<46} | {'median':>10} | {'target':<9} |")
    print(f"|{'-' * 48}|{'-' * 12}|{'-' * 11}|")
    for name, value, target in rows:
        shown = f"{value:8.1f} ms" if value is not None else "n/a"
        print(f"| {name:<46} | {shown:>10} | {target:<9} |")
    rss = editor["rss"]
    print(f"| {'editor: peak memory':<46} | {f'{rss:6.0f} MB' if rss else 'n/a':>10} | {'< 300 MB':<9} |")
    print(f"\nexport / python-docx floor: {export_ratio:.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--editor":
        editor_child(sys.argv[2])
    else:
        main()
