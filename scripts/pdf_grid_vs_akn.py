"""Tables of opened PDFs against the UN's XML of the same adopted resolutions: the cells read from each PDF's
geometry (app/io/pdf_grid.py, as File › Open reads them) that have the XML's exact text in the same row and
column. Rows the XML leaves empty (a spacer under a header) print nothing and are left out on both sides.

Pairs: every English XML of the GAresolutions mirror (sessions 78 on) that holds a table and whose resolution
the mandate-pipeline mirror has as a PDF. They split as `scripts/false_alarms_l.py` splits drafts (the first
byte of the SHA-256 of the symbol): the development half (first byte even) is listed document by document. The
odd half splits again as `scripts/false_alarms_sc.py` splits it (the second byte): `dev2` (second byte even) was
opened for development when `dev` had become too easy to show what fails (2026-12-07) and is listed too; the
held-out half (both bytes odd) is only summed, once, to report. `--half both` is dev and dev2.

    python scripts/pdf_grid_vs_akn.py [--half dev|dev2|held-out|both] [--diff]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import inline  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.pdf_file import read_pdf  # noqa: E402
from app.model import Resolution  # noqa: E402
from scripts.false_alarms_l import DEFAULT_REPO, UN_XML  # noqa: E402
from scripts.false_alarms_sc import half_of  # noqa: E402

_SPACES = re.compile(r"\s+")
_NAME = re.compile(r"(\d+)session/English/A_RES_(\d+)_(\d+)[A-Z]*-\d+E\.xml")


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def pairs(pdfs: Path, xmls: Path, with_tables: bool = True) -> list[tuple[str, str, str]]:
    """(symbol, PDF stem, XML path) of every pair whose XML holds a table (`with_tables` False: none)."""
    have = set(_git(pdfs, "ls-tree", "--name-only", "HEAD:data/pdfs").decode().split())
    out = []
    for path in _git(xmls, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines():
        m = _NAME.fullmatch(path)
        if not m or int(m.group(1)) < 78:
            continue
        stem = f"A_RES_{m.group(2)}_{m.group(3)}"
        if f"{stem}.pdf" in have and (b"<table" in _git(xmls, "show", f"HEAD:{path}")) == with_tables:
            out.append((f"A/RES/{m.group(2)}/{m.group(3)}", stem, path))
    return out


def tables(res: Resolution) -> list[list[list[str]]]:
    """Every table's rows with any text, each cell's plain text, in reading order."""
    out = []
    bodies = [res.preamble, res.operative, *(b for p in res.later_parts for b in (p.preamble, p.operative))]
    for items in [*bodies, *(a.paragraphs for a in res.annexes)]:
        for para in (q for item in items for q in item.walk()):
            if para.is_table:
                rows = [[_SPACES.sub(" ", inline.plain(c)).strip() for c in row] for row in para.table]
                out.append([row for row in rows if any(row)])
    return out


def matched(want: list[list[list[str]]], got: list[list[list[str]]]) -> int:
    return sum(
        1
        for w, g in zip(want, got, strict=False)
        for i, row in enumerate(w)
        for k, cell in enumerate(row)
        if i < len(g) and k < len(g[i]) and g[i][k] == cell
    )


def _wanted(half: str, asked: str) -> bool:
    """Whether a document of `half` is measured when `asked` is asked for ("both": the two development halves)."""
    return half == asked or (asked == "both" and half != "held-out")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pdfs", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--xml", type=Path, default=UN_XML)
    ap.add_argument(
        "--half", choices=("dev", "dev2", "held-out", "both"), default="dev", help="both: dev, dev2"
    )
    ap.add_argument("--diff", action="store_true", help="development halves: the rows that differ")
    ap.add_argument("--tableless", action="store_true", help="grids read where the XML has no table")
    args = ap.parse_args()
    if args.tableless:
        tableless(args)
        return
    totals = {"dev": [0, 0, 0], "dev2": [0, 0, 0], "held-out": [0, 0, 0]}  # documents, cells, cells matched
    for symbol, stem, path in pairs(args.pdfs, args.xml):
        half = half_of(symbol)
        if not _wanted(half, args.half):
            continue
        want = tables(read_akn(_git(args.xml, "show", f"HEAD:{path}")).resolution)
        got = tables(read_pdf(_git(args.pdfs, "show", f"HEAD:data/pdfs/{stem}.pdf"), stem).resolution)
        cells, hits = sum(len(r) for t in want for r in t), matched(want, got)
        totals[half] = [totals[half][0] + 1, totals[half][1] + cells, totals[half][2] + hits]
        if half != "held-out":
            print(f"{symbol}: {len(want)} tables in the XML, {len(got)} read; {hits}/{cells} cells")
            for w, g in zip(want, got, strict=False) if args.diff else ():
                for i, row in enumerate(w):
                    if i >= len(g) or g[i] != row:
                        print(f"    row {i}: XML {row}\n           PDF {g[i] if i < len(g) else None}")
    for half, (docs, cells, hits) in totals.items():
        if docs:
            print(f"{half}: {docs} documents, {hits}/{cells} cells matched ({hits / max(cells, 1):.1%})")


def tableless(args: argparse.Namespace) -> None:
    """Grids read from the PDFs of resolutions whose XML holds no table: each one a table that is none."""
    from app.io.pdf_file import pdf_layer
    from app.io.pdf_grid import PdfGrids

    totals = {"dev": [0, 0], "dev2": [0, 0], "held-out": [0, 0]}  # documents, grids read
    for symbol, stem, _ in pairs(args.pdfs, args.xml, with_tables=False):
        half = half_of(symbol)
        if not _wanted(half, args.half):
            continue
        grids = PdfGrids()
        pdf_layer(_git(args.pdfs, "show", f"HEAD:data/pdfs/{stem}.pdf"), stem, grids)
        totals[half] = [totals[half][0] + 1, totals[half][1] + len(grids.tables)]
        if half != "held-out" and grids.tables:
            print(f"{symbol}: {len(grids.tables)} grids read, the XML has no table")
    for half, (docs, found) in totals.items():
        if docs:
            print(f"{half}: {docs} documents without a table, {found} grids read")


if __name__ == "__main__":
    main()
