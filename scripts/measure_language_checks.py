"""False alarms of the checks on issued French or Spanish resolutions (text the UN adopted and edited, so
every warning or error on it is a false alarm or a markup slip).

    python scripts/measure_language_checks.py fr [--mirror PATH] [--sessions 79]

Reads the resolutions of the given sessions (not the ones the lexicons were learned from) from the
UNxml/GAresolutions mirror, checks each as a draft in its language, and prints the findings per paragraph
and the rules that fire most.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from learn_openers import DEFAULT_MIRROR, FOLDERS, resolutions  # noqa: E402

from app.conventions import engine  # noqa: E402
from app.findings import Severity  # noqa: E402
from app.model import Part  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("code", choices=sorted(set(FOLDERS) - {"en"}))
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    ap.add_argument("--sessions", type=int, nargs="+", default=[79])
    args = ap.parse_args()
    rules: Counter[str] = Counter()
    docs = paragraphs = alarms = clean = 0
    for _, res in resolutions(args.mirror, args.sessions, args.code):
        docs += 1
        paragraphs += sum(len(body.part(part)) for body in res.parts() for part in Part)
        found = [f for f in engine.check_document(res) if f.severity is not Severity.INFO]
        alarms += len(found)
        clean += not found
        rules.update(f.rule for f in found)
    print(
        f"{args.code}: {docs} resolutions, {paragraphs} paragraphs; {alarms} warnings and errors "
        f"({alarms / max(paragraphs, 1):.3f} per paragraph); {clean} resolutions with none"
    )
    for rule, n in rules.most_common(12):
        print(f"  {n:5d}  {rule}")


if __name__ == "__main__":
    main()
