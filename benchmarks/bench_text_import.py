"""Plain-text import time: a generated 400-paragraph resolution (written by the text writer, then hard-wrapped
and given page furniture like text from an issued PDF), and the largest corpus text.

    .venv/bin/python benchmarks/bench_text_import.py [repeats]
"""

from __future__ import annotations

import statistics
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import omnibus  # noqa: E402

from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import RULE, to_text  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def as_pdf_text(text: str, symbol: str = "A/C.3/80/L.99") -> str:
    """Wrap at 88 columns and break pages every 45 lines with the furniture of an issued document; the
    footnotes stay together on the last page, under their rule."""
    body, rule, notes = text.partition(RULE)
    lines: list[str] = []
    for block in body.split("\n\n"):
        for line in block.split("\n"):
            lines += textwrap.wrap(line, 88, break_on_hyphens=False) or [""]
        lines.append(" ")
    out: list[str] = []
    for start in range(0, len(lines), 45):
        page = start // 45 + 1
        if page > 1:
            out += ["", symbol, " ", "25-17035", f"{page}/99", " "]
        out += lines[start : start + 45]
    for line in (rule + notes).split("\n"):
        out += textwrap.wrap(line, 88, break_on_hyphens=False) or [""]
    return "\n".join(out)


def timed(text: str, repeats: int) -> tuple[float, int]:
    times = []
    paragraphs = 0
    for _ in range(repeats):
        start = time.perf_counter()
        res = read_text(text).resolution
        times.append(time.perf_counter() - start)
        paragraphs = len(res.preamble) + len(res.operative)
    return statistics.median(times), paragraphs


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    generated = to_text(omnibus(400))
    cases = [
        ("generated 400 paragraphs, typed", generated),
        ("generated 400 paragraphs, PDF-style", as_pdf_text(generated)),
    ]
    if CORPUS.is_dir():
        largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
        cases.append((f"corpus {largest.name}", largest.read_text(encoding="utf-8")))
    for name, text in cases:
        seconds, paragraphs = timed(text, repeats)
        print(f"{name:45s} {len(text) / 1000:7.1f} kB  {paragraphs:4d} paragraphs  {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
