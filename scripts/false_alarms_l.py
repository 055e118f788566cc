"""False alarms of `resolute check` on the issued L drafts of the 80th session, read from their PDF text.

The drafts come from the public mandate-pipeline data (github.com/wannli/mandate-pipeline,
data/extracted/*.json, field `text`: the text layer of each issued PDF). They are split once, by a fixed rule,
into a development half (look at it, tune on it) and a held-out half (only measured): a draft is held out when
the first byte of the SHA-256 of its symbol is odd. Prints errors and warnings per 1,000 words for each half and,
for the development half only, the rules that fire most and, with --docs, the drafts that draw most.

    python scripts/false_alarms_l.py [--repo PATH_TO_GIT_DIR] [--half dev|held-out|both] [--docs N] [--rule R]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.findings import Severity  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from tests.core.test_false_alarms import alarms, words  # noqa: E402

LOUD = (Severity.ERROR, Severity.WARNING)
DEFAULT_REPO = Path("/work/.mirror/wannli+mandate-pipeline/repo")


def held_out(symbol: str) -> bool:
    """The fixed split: the first byte of the symbol's SHA-256 is odd."""
    return hashlib.sha256(symbol.encode()).digest()[0] % 2 == 1


def drafts(repo: Path) -> list[tuple[str, str]]:
    """(symbol, text) of every L draft in the mirror, in name order."""
    names = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "--name-only", "HEAD:data/extracted"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    out = []
    for name in sorted(n for n in names if "_L." in n and n.endswith(".json")):
        raw = subprocess.run(
            ["git", "-C", str(repo), "show", f"HEAD:data/extracted/{name}"], capture_output=True, check=True
        ).stdout
        data = json.loads(raw)
        out.append((data.get("symbol") or name[:-5].replace("_", "/"), data.get("text") or ""))
    return out


def measure(
    items: list[tuple[str, str]],
) -> tuple[Counter[str], int, list[tuple[str, int, int, Counter[str]]]]:
    found: Counter[str] = Counter()
    total = 0
    per_doc = []
    for symbol, text in items:
        try:
            result = read_text(text)
        except Exception as exc:  # noqa: BLE001 - a draft the reader refuses is counted as one alarm
            per_doc.append((symbol, 1, 0, Counter({f"refused: {exc}"[:60]: 1})))
            found["refused"] += 1
            continue
        res = result.resolution
        # what `resolute check` prints: the reader's findings and the checks'
        a = alarms(res) + Counter(f.rule for f in result.findings if f.severity in LOUD)
        n = words(res)
        found += a
        total += n
        per_doc.append((symbol, sum(a.values()), n, a))
    return found, total, per_doc


def report(name: str, part: list[tuple[str, str]], docs: int = 0, rule: str = "") -> None:
    """Print one half's summary line and, for the development half only, the rules that fire most and, with
    docs, the drafts that draw most (the held-out half's findings are not to be seen)."""
    found, total, per_doc = measure(part)
    rate = 1000 * sum(found.values()) / max(total, 1)
    print(
        f"{name}: {len(part)} drafts, {total:,} words, {sum(found.values())} errors and warnings, "
        f"{rate:.2f} per 1,000"
    )
    if name != "dev":
        return
    for r, n in found.most_common(12):
        print(f"    {n:4} {r}")
    key = (lambda d: d[3][rule]) if rule else (lambda d: d[1])
    for symbol, n, w, a in sorted(per_doc, key=key, reverse=True)[:docs]:
        print(f"  {symbol:18} {n:3} alarms {w:6} words  {dict(a.most_common(4))}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--half", choices=("dev", "held-out", "both"), default="both")
    ap.add_argument("--docs", type=int, default=0, help="list the N drafts with most alarms")
    ap.add_argument("--rule", default="", help="with --docs: count only this rule")
    args = ap.parse_args()
    items = drafts(args.repo)
    halves = {
        "dev": [x for x in items if not held_out(x[0])],
        "held-out": [x for x in items if held_out(x[0])],
    }
    for name, part in halves.items():
        if args.half in (name, "both"):
            report(name, part, args.docs, args.rule)


if __name__ == "__main__":
    main()
