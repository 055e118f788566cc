"""How many real mistakes `resolute check` catches: one mistake planted at a time in issued drafts, measured.

The drafts are the development half only (`held_out()` of scripts/false_alarms_l.py decides, on the symbol):
the issued L drafts of the 80th session (PDF text, github.com/wannli/mandate-pipeline), the adopted GA
resolutions of sessions 75-77 in the UN's XML (github.com/UNxml/GAresolutions, English) and, with --source sc
or all, the Security Council drafts of scripts/false_alarms_sc.py (UNBench). Each is read as the
product reads it (the text reader, the UN XML reader); for each class of mistake (tests/planting.py) one place is
picked with a seeded generator and the mistake made there, then the whole check runs. Prints, per class: planted,
caught (a finding of the right rule at the planted place), caught elsewhere (a new finding of the right rule at
another place), missed, and the new errors and warnings the planting caused away from its place.

    python scripts/catch_rate.py [--source l|xml|sc|both|all] [--docs N] [--seed S] [--class NAME] [--misses N]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.false_alarms_l import DEFAULT_REPO, UN_XML, drafts, held_out, resolution_xml  # noqa: E402
from tests.planting import PLANTERS, Source, evaluate  # noqa: E402


def sources(which: str, docs: int) -> list[tuple[str, str, bool]]:
    """(name, text, is UN XML) of the development half of each source asked for."""
    out: list[tuple[str, str, bool]] = []
    if which in ("l", "both", "all"):
        out += [(s, t, False) for s, t in drafts(DEFAULT_REPO) if not held_out(s)][: docs or None]
    if which in ("sc", "all"):
        from scripts.false_alarms_sc import DEFAULT_REPO as UNBENCH
        from scripts.false_alarms_sc import drafts as sc_drafts

        out += [(s, t, False) for s, t in sc_drafts(UNBENCH) if not held_out(s)][: docs or None]
    if which in ("xml", "both", "all"):
        items = resolution_xml(UN_XML, "75-77")
        out += [(n, x.decode("utf-8"), True) for n, x in items if not held_out(_symbol(n))][: docs or None]
    return out


def _symbol(name: str) -> str:
    """ "75session/English/75_101A-B_E.xml" to "A/RES/75/101A-B": the split is on the symbol, as for the drafts."""
    session, number, *_ = Path(name).stem.split("_") + [""]
    return f"A/RES/{session}/{number}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", choices=("l", "xml", "sc", "both", "all"), default="both")
    ap.add_argument("--docs", type=int, default=0, help="only the first N texts of each source")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--class", dest="only", default="", help="only the planting function of this name")
    ap.add_argument(
        "--misses", type=int, default=0, help="list N plantings of each class missed or causing new alarms"
    )
    args = ap.parse_args()
    planters = [p for p in PLANTERS if not args.only or p.__name__ == args.only]
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    items = sources(args.source, args.docs)
    for n, (name, text, xml) in enumerate(items):
        try:
            source = Source(name, text, xml)
        except Exception as exc:  # noqa: BLE001 - a text the reader refuses plants nothing
            print(f"  {name}: not read ({exc})")
            continue
        for planter in planters:
            rng = random.Random(f"{args.seed}:{name}:{planter.__name__}")
            plant = planter(source, rng)
            if plant is None:
                continue
            outcome = evaluate(source, plant)
            row = table[plant.kind]
            row[0] += 1
            row[1] += outcome.caught
            row[2] += outcome.elsewhere
            row[3] += not (outcome.caught or outcome.elsewhere)
            row[4] += outcome.new_alarms
            if not outcome.caught or outcome.new_alarms:
                news = "; ".join(f"{r} at {w}: {m[:90]}" for r, w, m in outcome.new[:3])
                misses[plant.kind].append(
                    f"{name} {plant.where} {'caught' if outcome.caught else 'missed'}: {news}"
                )
        print(f"  {n + 1}/{len(items)} {name}", file=sys.stderr, end="\r")
    print(f"{len(items)} texts ({args.source}), seed {args.seed}")
    print(
        "| class | planted | caught | caught elsewhere | missed | new false alarms |\n|---|---|---|---|---|---|"
    )
    totals = [0] * 5
    for kind, row in table.items():
        print(f"| {kind} | " + " | ".join(map(str, row)) + " |")
        totals = [a + b for a, b in zip(totals, row, strict=True)]
    print("| all | " + " | ".join(map(str, totals)) + " |")
    for kind, lines in misses.items() if args.misses else ():
        print(f"{kind}:")
        for line in lines[: args.misses]:
            print(f"  {line}")


if __name__ == "__main__":
    main()
