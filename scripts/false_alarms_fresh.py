"""False alarms of `resolute check` on issued drafts that no other measurement reads: fresh texts.

A source is a git directory (a public repository brought with the library's `fetch`) or a folder holding issued
drafts under the UN's file names, a symbol with "_" for "/" and an optional language tag: A_C.3_80_L.20.pdf,
S_2024_302-EN.pdf, A_HRC_58_L.1.pdf, E_2025_L.3.txt. Each is read as a PDF (through the extractors
scripts/pdf_extractors.py knows, or opened as File › Open opens it), as the PDF's text (.txt) or as a JSON file
with the text in `text` or `Content`. Only drafts count: GA L documents (A/…/L.n, A/C.n/…/L.n, A/ES-n/L.n), Human
Rights Council L documents (A/HRC/…/L.n), ECOSOC L documents (E/YYYY/L.n) and Security Council drafts
(S/YYYY/NNN); other languages are left out.

A draft is fresh when no existing measurement reads it: its symbol is in neither the GA L drafts of
scripts/false_alarms_l.py nor the SC drafts of scripts/false_alarms_sc.py (only the names in those mirrors are
listed, never their texts), and the existing split does not hold it out (`held_out`: a symbol kept apart there
stays apart). The fresh drafts are split again, by the SHA-256 of "fresh:" + symbol: first byte even `dev`,
odd `held-out`. Each half prints its summary line, then one per organ (GA, SC, HRC, ECOSOC); only the
development half prints the rules that fire most (with --docs and --examples, its drafts and findings). Read
the held-out lines once, at the end of a round.

    python scripts/false_alarms_fresh.py SOURCE... [--extractor pdftotext|pymupdf|pdfminer|pdfium|opened|all]
        [--half dev|held-out|both] [--docs N] [--examples N] [--rule R]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.false_alarms_l import DEFAULT_REPO as GA_REPO  # noqa: E402
from scripts.false_alarms_l import held_out, measure, report  # noqa: E402
from scripts.false_alarms_sc import DEFAULT_REPO as SC_REPO  # noqa: E402
from scripts.pdf_extractors import EXTRACTORS, extract  # noqa: E402

ORGANS = (
    ("HRC", re.compile(r"^A/HRC/(S-)?\d+/L\.\d+(/Rev\.\d+)?$")),
    ("GA", re.compile(r"^A/((C\.\d|ES-\d+)/)?(\d+/)?L\.\d+(/Rev\.\d+)?$")),
    ("ECOSOC", re.compile(r"^E/\d{4}/L\.\d+(/Rev\.\d+)?$")),
    ("SC", re.compile(r"^S/\d{4}/\d+$")),
)
_NAME = re.compile(r"^(?P<stem>[AES]_[A-Za-z0-9._-]+?)(?:[-_](?P<lang>[A-Z]{2}))?$")
KINDS = (".pdf", ".txt", ".json")


def organ_of(symbol: str) -> str | None:
    """ "GA", "HRC", "ECOSOC" or "SC" for a draft's symbol; None for anything else (a resolution, a report)."""
    return next((name for name, pattern in ORGANS if pattern.match(symbol)), None)


def symbol_of(filename: str) -> str | None:
    """The symbol of an English draft's file name ("A_C.3_80_L.20.pdf", "S_2024_302-EN.pdf"), or None."""
    path = Path(filename)
    if path.suffix.lower() not in KINDS:
        return None
    m = _NAME.match(path.stem)
    if not m or m.group("lang") not in (None, "EN"):
        return None
    symbol = m.group("stem").replace("_", "/")
    return symbol if organ_of(symbol) else None


def fresh_half(symbol: str) -> str:
    """The fresh split: "dev" when the first byte of the SHA-256 of "fresh:" + symbol is even, else "held-out"."""
    return "held-out" if hashlib.sha256(f"fresh:{symbol}".encode()).digest()[0] % 2 else "dev"


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def _is_git(source: Path) -> bool:
    return (source / "HEAD").is_file() and (source / "objects").is_dir()


def known_symbols(ga_repo: Path = GA_REPO, sc_repo: Path = SC_REPO) -> set[str]:
    """The draft symbols the existing measurements read, from the names in their mirrors (texts are not opened,
    except the SC drafts' JSON list, for its IDs); a mirror that is not here adds none."""
    known: set[str] = set()
    for repo in (ga_repo, sc_repo):
        if _is_git(repo):
            names = _git(repo, "ls-tree", "-r", "--name-only", "HEAD").decode().split()
            known |= {s for s in (symbol_of(Path(n).name) for n in names) if s}
    if _is_git(sc_repo):
        for item in json.loads(_git(sc_repo, "show", "HEAD:data/task4.json")):
            known.add(item["ID"])
    return known


def _files(source: Path) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) of every draft file in a git directory's HEAD or under a folder."""
    if _is_git(source):
        for name in _git(source, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines():
            if symbol_of(Path(name).name):
                yield Path(name).name, _git(source, "show", f"HEAD:{name}")
    else:
        for path in sorted(source.rglob("*")):
            if path.is_file() and symbol_of(path.name):
                yield path.name, path.read_bytes()


def collect(sources: list[Path]) -> dict[str, tuple[str, bytes]]:
    """symbol → (kind, bytes) over all sources; a PDF is preferred to a text of the same draft."""
    found: dict[str, tuple[str, bytes]] = {}
    for source in sources:
        for name, data in _files(source):
            symbol, kind = symbol_of(name), Path(name).suffix.lower()
            if symbol and (symbol not in found or kind == ".pdf"):
                found[symbol] = (kind, data)
    return found


def fresh(found: dict[str, tuple[str, bytes]], known: set[str]) -> dict[str, tuple[str, bytes]]:
    """The drafts no measurement reads yet and the existing split does not hold out, in symbol order."""
    return {s: found[s] for s in sorted(found) if s not in known and not held_out(s)}


def text_of(kind: str, data: bytes, extractor: str) -> str | bytes:
    """What is measured: a text as given, a JSON file's text, a PDF's text by `extractor` or ("opened") its
    bytes, to be opened as the product opens a PDF."""
    if kind == ".txt":
        return data.decode("utf-8", "replace")
    if kind == ".json":
        item = json.loads(data)
        return item.get("text") or item.get("Content") or ""
    return data if extractor == "opened" else extract(data, extractor)


def organ_lines(name: str, part: list[tuple[str, str | bytes]]) -> None:
    """One summary line per organ of a half, in the form of `report`'s."""
    for organ in ("GA", "SC", "HRC", "ECOSOC"):
        items = [x for x in part if organ_of(x[0]) == organ]
        if items:
            found, total, _, _ = measure(items)
            n = sum(found.values())
            print(
                f"  {name} {organ}: {len(items)} texts, {total:,} words, {n} errors and warnings, "
                f"{1000 * n / max(total, 1):.2f} per 1,000"
            )


def run(drafts: dict[str, tuple[str, bytes]], extractor: str, args: argparse.Namespace) -> None:
    """Measure the fresh drafts through one extractor: each half's line, its organs' lines, dev's rules."""
    for half in ("dev", "held-out"):
        if args.half not in (half, "both"):
            continue
        part = [(s, text_of(k, d, extractor)) for s, (k, d) in drafts.items() if fresh_half(s) == half]
        report(f"{half} ({extractor})", part, args.docs, args.rule, args.examples)
        organ_lines(half, part)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="+", type=Path, help="git directories or folders of issued drafts")
    ap.add_argument("--extractor", choices=(*EXTRACTORS, "opened", "all"), default="all")
    ap.add_argument("--half", choices=("dev", "held-out", "both"), default="both")
    ap.add_argument("--docs", type=int, default=0, help="dev: the N drafts with most alarms")
    ap.add_argument("--examples", type=int, default=0, help="dev: N findings of each top rule")
    ap.add_argument("--rule", default="", help="with --docs or --examples: only this rule")
    args = ap.parse_args(argv)
    found = collect(args.sources)
    drafts = fresh(found, known_symbols())
    organs = Counter(organ_of(s) for s in drafts)
    print(f"{len(found)} drafts found, {len(drafts)} fresh: {dict(organs)}")
    pdfs = {s: v for s, v in drafts.items() if v[0] == ".pdf"}
    texts = {s: v for s, v in drafts.items() if v[0] != ".pdf"}
    if texts:  # a text is measured as given, once: no extractor to compare
        run(texts, "text as given", args)
    for extractor in [*EXTRACTORS, "opened"] if args.extractor == "all" else [args.extractor]:
        if pdfs:
            run(pdfs, extractor, args)


if __name__ == "__main__":
    main()
