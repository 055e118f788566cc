"""How time grows with the size of a draft: 1x, 10x and 100x footnotes, sponsors, paragraphs and note
references, for the full check, Word import, text import, Word export and a tracked-changes compare. Near-linear growth shows as a
ratio near 10 from one column to the next; a cost that grows with the square shows as a ratio near 100.

    .venv/bin/python benchmarks/bench_scaling.py [dimension ...]

Each cell is the best of a few runs (one at 100x), in milliseconds.
"""

from __future__ import annotations

import copy
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import omnibus  # noqa: E402

from app.compare.tracked import build_tracked_docx  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.model import Resolution  # noqa: E402
from app.states import member_states  # noqa: E402

SCALES = (1, 10, 100)
BASE_PARAGRAPHS = 40


def with_footnotes(scale: int) -> Resolution:
    return omnibus(BASE_PARAGRAPHS, footnotes=50 * scale)


def with_sponsors(scale: int) -> Resolution:
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    names = member_states()
    res.header.sponsors = [
        names[i % len(names)] for i in range(20 * scale)
    ]  # repeats past 193, as a careless list
    return res


def with_paragraphs(scale: int) -> Resolution:
    return omnibus(BASE_PARAGRAPHS * scale, footnotes=5)


def with_note_references(scale: int) -> Resolution:
    """Ten footnotes, each referred to again and again (a second reference to the same note)."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=10)
    ids = list(res.footnotes)
    nodes = [p for _, p in res.paragraphs()]
    for k in range(10 * scale):
        nodes[k % len(nodes)].text += f" and again[^{ids[k % len(ids)]}]"
    return res


def with_empty_italics(scale: int) -> Resolution:
    """A paragraph strewn with empty italic pairs ("**"), as a careless find-and-replace leaves them."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.operative[0].text += " word**" * (2000 * scale)
    return res


def with_italic_runs(scale: int) -> Resolution:
    """One paragraph of italic and plain words in turn: a run of text for every word."""
    res = omnibus(BASE_PARAGRAPHS, footnotes=5)
    res.operative[0].text += " *Treaty* and" * (400 * scale)
    return res


DIMENSIONS: dict[str, Callable[[int], Resolution]] = {
    "footnotes": with_footnotes,
    "sponsors": with_sponsors,
    "paragraphs": with_paragraphs,
    "note references": with_note_references,
    "empty italics": with_empty_italics,
    "italic runs": with_italic_runs,
}


def best_ms(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def measure(res: Resolution, repeats: int) -> dict[str, float]:
    blob = build_docx(res)
    text = to_text(res)
    changed = copy.deepcopy(res)  # every paragraph edited: the compare has words to weigh everywhere
    for _, para in changed.paragraphs():
        para.text = para.text.replace(" the ", " a ")
    return {
        "check": best_ms(lambda: check_document(res), repeats),
        "import .docx": best_ms(lambda: read_docx(blob), repeats),
        "import text": best_ms(lambda: read_text(text), repeats),
        "export .docx": best_ms(lambda: build_docx(res), repeats),
        "compare .docx": best_ms(lambda: build_tracked_docx(res, changed), repeats),
    }


def main(names: list[str]) -> None:
    print("| what grows | operation | " + " | ".join(f"{s}x ms" for s in SCALES) + " | 10x/1x | 100x/10x |")
    print("|---|---|" + "---:|" * (len(SCALES) + 2))
    for name in names or list(DIMENSIONS):
        build = DIMENSIONS[name]
        sizes = {scale: measure(build(scale), 3 if scale < 100 else 1) for scale in SCALES}
        for op in sizes[1]:
            t = [sizes[s][op] for s in SCALES]
            print(
                f"| {name} | {op} | "
                + " | ".join(f"{x:.0f}" for x in t)
                + f" | {t[1] / t[0]:.1f} | {t[2] / t[1]:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
