"""How many paragraphs the text reader reads right on the issued L drafts of the 80th session.

The answer comes from each draft's issued PDF (github.com/wannli/mandate-pipeline, data/pdfs/*.pdf): its
typography marks every paragraph start (an italic opener at the paragraph indent; a number for operative
paragraphs), read by `tests/core/test_corpus_import.pdf_expected`. The text read is the same PDF's text layer
(data/extracted/*.json, `text`), as a delegate's PDF text reaches the product. A paragraph is read right when
the reader puts it in the right list (preamble or operative) with the PDF's opener and the start of its words.
Drafts are split as scripts/false_alarms_l.py splits them; only the development half's drafts are listed.

    python scripts/reading_l.py [--repo GIT_DIR] [--half dev|held-out|both] [--docs N] [--show SYMBOL]
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.errors import InputError  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import DocumentKind  # noqa: E402
from scripts.false_alarms_l import DEFAULT_REPO, drafts, held_out  # noqa: E402
from scripts.pdf_extractors import EXTRACTORS, reextract  # noqa: E402
from tests.core.test_corpus_import import pdf_expected  # noqa: E402
from tests.reading_answer import key, pairs, pdf_entries, read_entries  # noqa: E402

MISSED: Counter[tuple[str, str]] = Counter()  # (the PDF's italic opener, the opener read)
CACHE = Path(tempfile.gettempdir()) / "resolute-reading-l"
PROSE = (DocumentKind.AMENDMENT, DocumentKind.DRAFT_DECISION)


def expected(repo: Path, symbol: str) -> dict[str, list] | None:
    """The PDF's paragraph starts, cached per symbol (pdfminer takes a second or two a draft)."""
    CACHE.mkdir(exist_ok=True)
    stem = symbol.replace("/", "_")
    cached = CACHE / f"{stem}.json"
    if cached.exists():
        return json.loads(cached.read_text()) or None
    pdf = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:data/pdfs/{stem}.pdf"], capture_output=True)
    answer: dict[str, list] = {}
    if pdf.returncode == 0 and pdf.stdout:
        path = CACHE / f"{stem}.pdf"
        path.write_bytes(pdf.stdout)
        try:
            answer = pdf_expected(path)
        except Exception:  # noqa: BLE001 - a PDF the typography reader cannot take is left out, and counted
            answer = {}
        path.unlink()
    cached.write_text(json.dumps(answer))
    return answer or None


def read(text: str, want: dict[str, list], show: bool) -> tuple[int, int, int, int, bool] | None:
    """(paragraphs read right, paragraphs in the PDF, paragraphs read that the PDF does not start, openers with
    the PDF's italic extent, as many subparagraphs as the PDF sets labels apart) of one draft; None for what
    is not a draft of paragraphs."""
    try:
        res = read_text(text).resolution
    except InputError:
        return None  # not a draft (a note by the Secretariat): the reader says so
    if res.header.kind in PROSE or not (want["preamble"] or want["operative"]):
        return None
    got, wanted = read_entries(res), pdf_entries(want)
    matched = pairs(got, wanted)
    extents = 0
    for g, w in matched:
        extents += got[g][1] == wanted[w][1]
        if got[g][1] != wanted[w][1]:
            MISSED[(wanted[w][1], got[g][1])] += 1
    if show:
        for line in difflib.unified_diff(
            [key(e) for e in wanted], [key(e) for e in got], "issued PDF", "read", lineterm=""
        ):
            print(line)
    bodies = [p for body in res.parts() for p in (*body.preamble, *body.operative)]
    bodies += [p for annex in res.annexes for p in annex.paragraphs]
    subs = sum(sum(1 for _ in p.walk()) - 1 for p in bodies)
    return len(matched), len(wanted), len(got) - len(matched), extents, subs == want["subparagraphs"][0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--half", choices=("dev", "held-out", "both"), default="dev")
    ap.add_argument("--docs", type=int, default=0, help="list the N development drafts read worst")
    ap.add_argument("--show", default="", help="print one development draft's paragraphs, read and expected")
    ap.add_argument("--adopted", action="store_true", help="the adopted resolutions (A/RES/80/…) instead")
    ap.add_argument("--openers", type=int, default=0, help="the N commonest opener extents read otherwise")
    ap.add_argument(
        "--extractor", choices=EXTRACTORS, default="pymupdf", help="read each draft's PDF with this instead"
    )
    args = ap.parse_args()
    halves: dict[str, list[tuple[str, int, int, int, int, bool]]] = {"dev": [], "held-out": []}
    skipped = 0
    for symbol, text in reextract(
        args.repo, drafts(args.repo, "A_RES_" if args.adopted else "_L."), args.extractor
    ):
        half = "held-out" if held_out(symbol) else "dev"
        if args.half not in (half, "both") or (args.show and symbol != args.show):
            continue
        want = expected(args.repo, symbol)
        counts = read(text, want, show=half == "dev" and bool(args.show)) if want else None
        if counts is None:
            skipped += 1
            continue
        halves[half].append((symbol, *counts))
    for name, rows in halves.items():
        if not rows:
            continue
        right, total, extra, extents = (sum(row[i] for row in rows) for i in (1, 2, 3, 4))
        print(
            f"{name}: {len(rows)} drafts, {total} paragraphs, {right} read right ({100 * right / total:.1f} %), "
            f"{extra} read that the PDF does not start, opener as the PDF's italics {100 * extents / total:.1f} %, "
            f"subparagraphs as the PDF's labels in {sum(row[5] for row in rows)} drafts"
        )
        if name == "dev":
            for symbol, r, n, x, _, _ in sorted(rows, key=lambda x: x[1] - x[2] - x[3])[: args.docs]:
                print(f"  {symbol:18} {r:4} of {n:4}, {x} more")
    for (pdf, got), n in MISSED.most_common(args.openers) if args.half == "dev" else ():
        print(f"  {n:3}  {pdf!r:40} read {got!r}")
    print(f"({skipped} drafts without a PDF, amendments, decisions or prose left out)")


if __name__ == "__main__":
    main()
