"""Compiling ten delegations' proposals on a generated 400-paragraph draft (subparagraphs, 50 footnotes).

Each proposal is an edited copy with new paragraph and footnote ids, as a file would give it: about twenty word
changes (some on the same words as another delegation's), two new paragraphs, one deleted paragraph and one
footnote change. Measured: deriving the ten proposals from the copies (paragraphs paired by content, words
diffed), the compilation itself, and writing it as .docx and .txt. Goal: the whole under a second. Apart:
merging the ten into Rev.1 with the first of each set of alternatives accepted everywhere (what the merge
dialog recomputes on each click). Then a table's proposals at 1x, 10x and 100x its rows: each delegation changes
twenty figures and adds two rows of a budget table (cost should grow about linearly with the rows).

    .venv/bin/python benchmarks/bench_compile.py [repeats]
"""

from __future__ import annotations

import copy
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample import omnibus  # noqa: E402

from app import inline  # noqa: E402
from app.model import Footnote, Paragraph, Resolution, new_id  # noqa: E402
from app.negotiation import merging, rounds  # noqa: E402
from app.negotiation.compilation import compile_text  # noqa: E402
from app.negotiation.compilation_docx import build_compilation_docx  # noqa: E402
from app.negotiation.compilation_text import compilation_text  # noqa: E402
from app.negotiation.proposals import derive  # noqa: E402

DELEGATIONS = [
    "EU",
    "G77 and China",
    "CANZ",
    "African Group",
    "United States",
    "Russian Federation",
    "China",
    "Mexico",
    "Japan",
    "Arab Group",
]


def as_file(res: Resolution) -> Resolution:
    """The same text with fresh ids, as reading another file gives it."""
    out = copy.deepcopy(res)
    notes = {old: Footnote(n.text) for old, n in out.footnotes.items()}
    out.footnotes = {n.id: n for n in notes.values()}
    for _, para in out.paragraphs():
        para.id = new_id()
        for old, note in notes.items():
            para.text = para.text.replace(inline.footnote_ref(old), inline.footnote_ref(note.id))
    return out


def edited_copy(base: Resolution, seed: int) -> Resolution:
    rng = random.Random(seed)
    shared = random.Random(7)  # every delegation edits some of the same paragraphs
    res = copy.deepcopy(base)
    nodes = [p for _, p in res.paragraphs()]
    targets = rng.sample(nodes, 15) + shared.sample(nodes, 5)
    for para in targets:
        words = para.text.split(" ")
        at = rng.randrange(1, max(2, len(words) - 2))
        words[at : at + rng.randint(0, 2)] = rng.choice(
            [["and", "regional", "organizations"], ["effective"], []]
        )
        para.text = " ".join(words)
    for _ in range(2):
        at = rng.randrange(len(res.operative))
        res.operative.insert(
            at, Paragraph("Decides", f"to consider the question at its {seed + 81}st session")
        )
    del res.preamble[rng.randrange(len(res.preamble))]
    note = rng.choice(list(res.footnotes.values()))
    note.text += " See also A/80/1."
    return as_file(res)


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    base = omnibus(400, 50)
    copies = [(name, edited_copy(base, k)) for k, name in enumerate(DELEGATIONS)]
    proposals = [derive(base, text, name, "zero draft") for name, text in copies]
    comp = compile_text(base, proposals)
    build_compilation_docx(comp)  # warm up
    rows = [
        (
            "derive 10 proposals from edited copies",
            median_ms(lambda: [derive(base, t, n) for n, t in copies], repeats),
        ),
        ("compile (the compilation text)", median_ms(lambda: compile_text(base, proposals), repeats)),
        ("write the compilation .docx", median_ms(lambda: build_compilation_docx(comp), repeats)),
        ("write the compilation .txt", median_ms(lambda: compilation_text(comp), repeats)),
    ]
    total = sum(ms for _, ms in rows)
    work = copy.deepcopy(base)
    neg = rounds.start(work)
    rounds.add_proposals(neg, copy.deepcopy(proposals))
    choices = merging.Choices({i.key: [g[0] for g in i.alternatives] for i in merging.items(neg)})
    merge_ms = median_ms(lambda: merging.merge_into_revision(neg, work, choices), repeats)
    edits = sum(len(p.edits) for p in proposals)
    print(
        f"draft: {len(base.preamble)} preambular, {len(base.operative)} operative paragraphs, "
        f"{sum(1 for _ in base.paragraphs())} with subparagraphs, {len(base.footnotes)} footnotes; "
        f"10 proposals, {edits} edits; {len(comp.entries)} compilation entries"
    )
    print("| measure | median |")
    print("|---|---|")
    for label, ms in rows:
        print(f"| {label} | {ms:.0f} ms |")
    print(f"| **whole: proposals to .docx** | **{total:.0f} ms** (goal < 1000 ms) |")
    print(f"| merge every proposal place by place into Rev.1 | {merge_ms:.0f} ms |")
    table_rows(repeats)


def table_copy(base: Resolution, seed: int) -> Resolution:
    """A delegation's copy of a draft with one table: twenty figures changed and two rows added."""
    rng = random.Random(seed)
    res = copy.deepcopy(base)
    table = next(p for _, p in res.paragraphs() if p.is_table)
    for row in rng.sample(range(1, len(table.table)), min(20, len(table.table) - 1)):
        table.table[row][-1] = str(rng.randint(1, 999))
    for _ in range(2):
        at = rng.randrange(1, len(table.table))
        table.table.insert(at, [f"New item {seed}", "Not applicable", str(rng.randint(1, 99))])
    return res


def table_rows(repeats: int) -> None:
    print()
    print("| table rows | derive 10 | compile | .docx | merge into Rev.1 |")
    print("|---|---|---|---|---|")
    for rows in (40, 400, 4000):  # the model holds at most 5,000 rows
        print(f"| {rows:,} | " + " | ".join(f"{ms:.0f} ms" for ms in table_times(rows, repeats)) + " |")


def table_times(rows: int, repeats: int) -> list[float]:
    """Deriving, compiling, writing and merging ten delegations' proposals on a table of `rows` rows."""
    base = omnibus(20, 0)
    table = Paragraph(
        table=[["Item", "Basis", "Amount"]] + [[f"Item {i}", "Assessed", str(i)] for i in range(rows)]
    )
    table.header_rows = 1
    base.operative.append(table)
    copies = [(name, table_copy(base, k)) for k, name in enumerate(DELEGATIONS)]
    proposals = [derive(base, text, name, "zero draft") for name, text in copies]
    comp = compile_text(base, proposals)
    work = copy.deepcopy(base)
    neg = rounds.start(work)
    rounds.add_proposals(neg, copy.deepcopy(proposals))
    choices = merging.Choices({i.key: [g[0] for g in i.alternatives] for i in merging.items(neg)})
    return [
        median_ms(lambda: [derive(base, t, n) for n, t in copies], repeats),
        median_ms(lambda: compile_text(base, proposals), repeats),
        median_ms(lambda: build_compilation_docx(comp), repeats),
        median_ms(lambda: merging.merge_into_revision(neg, work, choices), repeats),
    ]


if __name__ == "__main__":
    main()
