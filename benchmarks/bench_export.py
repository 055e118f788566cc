"""Export time of a generated 400-paragraph resolution (subparagraphs, about 50 footnotes) against the floor:
bare python-docx writing the same paragraphs as plain runs (no styles, no footnotes, no masthead).

    .venv/bin/python benchmarks/bench_export.py [repeats]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
from sample import omnibus  # noqa: E402

from app.io.docx_writer import build_docx  # noqa: E402
from app.render import render  # noqa: E402


def floor(res) -> bytes:
    """python-docx alone: one paragraph per printed block, italic opener run, text run."""
    document = docx.Document()
    for block in render(res).blocks:
        p = document.add_paragraph()
        if block.label:
            p.add_run(block.label + "\t")
        if block.opener:
            p.add_run(block.opener).italic = True
        p.add_run(" " + "".join(s.text for s in block.spans) + block.end)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def timed(fn, res, repeats: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        size = len(fn(res))
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    res = omnibus(400, 50)
    blocks = render(res).blocks
    build_docx(res)  # warm up: imports, templates, layout file
    floor(res)
    export, export_size = timed(build_docx, res, repeats)
    base, base_size = timed(floor, res, repeats)
    print(
        f"resolution: {len(res.preamble)} preambular, {len(res.operative)} operative paragraphs, "
        f"{len(blocks)} printed blocks, {len(res.footnotes)} footnotes"
    )
    print(f"export (build_docx):   {export * 1000:7.1f} ms  ({export_size // 1024} KiB)  median of {repeats}")
    print(f"python-docx floor:     {base * 1000:7.1f} ms  ({base_size // 1024} KiB)")
    print(f"ratio export / floor:  {export / base:7.2f}")


if __name__ == "__main__":
    main()
