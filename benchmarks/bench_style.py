"""Speed of the spelling and style checker on a 400-paragraph resolution.

    .venv/bin/python benchmarks/bench_style.py [repeats]

Two documents: the generated omnibus of benchmarks/sample.py, and (when ../shared/corpus is there) 400
paragraphs of real UN text taken in turn from the corpus, which has a far larger vocabulary. Reported: the
one-off load (dictionary, word lists, rules), the first check (every word new to the per-word cache), later
checks, and one paragraph. Targets: the whole document under 200 ms, one paragraph under 5 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from sample import omnibus  # noqa: E402

from app.model import Paragraph, Resolution  # noqa: E402
from app.spelling import SpellingSettings, document_findings, paragraph_findings  # noqa: E402
from app.spelling.checker import Checker  # noqa: E402
from app.templates import get_template  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_resolution(paragraphs: int = 400) -> Resolution | None:
    if not CORPUS.is_dir():
        return None
    from test_style_quality import corpus_paragraphs

    texts = [p for path in sorted(CORPUS.glob("*.txt")) for p in corpus_paragraphs(path)]
    res = Resolution(title="Rights of the child")
    for i in range(paragraphs):
        (res.preamble if i < paragraphs // 3 else res.operative).append(
            Paragraph("Recalling", texts[i % len(texts)])
        )
    return res


def check(res: Resolution, settings: SpellingSettings) -> int:
    template = get_template("ga-c3")
    found = len(document_findings(res, template=template, settings=settings))
    for part, node in res.paragraphs():
        found += len(paragraph_findings(node, part=part, template=template, settings=settings))
    return found


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def timed(fn, *args) -> tuple[float, float]:
    """(wall, CPU) seconds of one call; CPU time is what a busy machine does not inflate."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def bench(name: str, res: Resolution, repeats: int) -> None:
    import app.spelling as spelling

    settings = SpellingSettings(personal_dictionary=None)
    spelling._checker_for.cache_clear()
    t0 = time.perf_counter()
    spelling._checker_for(settings)  # load: dictionary, word lists, rules
    load = time.perf_counter() - t0
    found = check(res, settings)
    spelling._checker_for.cache_clear()
    spelling._checker_for(settings)
    first = timed(check, res, settings)
    runs = [timed(check, res, settings) for _ in range(repeats)]
    nodes = [node for _, node in res.paragraphs()]
    template = get_template("ga-c3")
    part = next(res.paragraphs())[0]
    sample = nodes[:: max(1, len(nodes) // 50)]
    one = [
        timed(lambda n: paragraph_findings(n, part=part, template=template, settings=settings), n)
        for n in sample
    ]
    fresh = Checker(settings)  # a new per-word cache: the cost of a paragraph of words never seen
    cold = [timed(lambda n: fresh.field_findings(n.text, field="text"), n) for n in sample]
    print(
        f"{name}: {len(nodes)} paragraphs, {sum(len(n.text.split()) for n in nodes)} words, {found} findings"
    )
    print(f"  load (once per session)      {ms(load)}")
    print(f"  whole document, first check  {ms(first[0])} wall, {ms(first[1])} CPU")
    print(
        f"  whole document, later checks {ms(min(r[0] for r in runs))} wall, {ms(min(r[1] for r in runs))} CPU"
        f" (best of {repeats}; median wall {ms(statistics.median(r[0] for r in runs)).strip()})"
    )
    for label, runs_ in (("one paragraph", one), ("one paragraph, words unseen", cold)):
        wall, cpu = [r[0] for r in runs_], [r[1] for r in runs_]
        print(
            f"  {label:28} {ms(statistics.median(wall))} median, {ms(max(wall))} max wall; "
            f"{ms(max(cpu)).strip()} max CPU"
        )


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    bench("generated omnibus", omnibus(400), repeats)
    real = corpus_resolution()
    if real is not None:
        bench("corpus text", real, repeats)


if __name__ == "__main__":
    main()
