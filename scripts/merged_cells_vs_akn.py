"""Merged table cells of the UN's XML, read and written back: for every English XML of the GAresolutions mirror
whose tables span cells (`colspan`, `rowspan` over 1), the merges the reader keeps against the spans of the
markup, and whether the tables (cells, header rows, merges) come back the same through the Word export, the UN
XML export and the project file.

Files split as `scripts/false_alarms_l.py` splits drafts (the first byte of the SHA-256 of the symbol): the
development half is listed document by document, the held-out half only summed, once, to report.

    python scripts/merged_cells_vs_akn.py [--half dev|held-out|both]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import storage  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.model import Resolution  # noqa: E402
from scripts.false_alarms_l import UN_XML, held_out  # noqa: E402

_NAME = re.compile(r"(\d+)session/English/(?:A_RES_)?(\d+)_(\d+)[A-Z-]*[-_][^/]*\.xml")
_SPAN = re.compile(rb'(?:colspan|rowspan)="0*(?:[2-9]|[1-9]\d+)"')


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def _tables(res: Resolution) -> list[tuple[list[list[str]], int, list[tuple[int, int, int, int]]]]:
    paras = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    return [(p.table, p.header_rows, p.merges) for p in paras if p.is_table]


def measure(data: bytes, name: str) -> tuple[int, int, int, bool]:
    """(spans in the markup, merges read, merges said dropped, every table back the same three ways)."""
    result = read_akn(data, name=name)
    res = result.resolution
    tables = _tables(res)
    dropped = sum(1 for f in result.findings if f.rule == "import.table" and "merged" in f.message)
    same = (
        _tables(read_docx(build_docx(res), name="again.docx").resolution) == tables
        and _tables(read_akn(to_akn(res), name="again.xml").resolution) == tables
        and _tables(storage.loads(storage.dumps(res))) == tables
    )
    return len(_SPAN.findall(data)), sum(len(t[2]) for t in tables), dropped, same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("dev", "held-out", "both"), default="dev")
    ap.add_argument("--repo", type=Path, default=UN_XML)
    args = ap.parse_args()
    halves = ("dev", "held-out") if args.half == "both" else (args.half,)
    sums = {h: [0, 0, 0, 0, 0] for h in halves}  # documents, spans, merges, dropped, back the same
    for path in _git(args.repo, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines():
        m = _NAME.fullmatch(path)
        if not m:
            continue
        symbol = f"A/RES/{m.group(2)}/{m.group(3)}"
        half = "held-out" if held_out(symbol) else "dev"
        if half not in halves:
            continue  # a held-out file is not even opened unless asked for
        data = _git(args.repo, "show", f"HEAD:{path}")
        if not _SPAN.search(data):
            continue
        spans, merges, dropped, same = measure(data, path)
        for k, v in enumerate((1, spans, merges, dropped, int(same))):
            sums[half][k] += v
        if half == "dev":
            print(f"{symbol:16} spans {spans:3}  merges {merges:3}  dropped {dropped}  back the same: {same}")
    for half, (docs, spans, merges, dropped, same) in sums.items():
        print(
            f"{half}: {docs} documents, {spans} spans in the markup, {merges} merges read, {dropped} said dropped, {same} of {docs} back the same"
        )


if __name__ == "__main__":
    main()
