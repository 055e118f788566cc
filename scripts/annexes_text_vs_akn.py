"""Annexes read from text against the AKN reader: every English UN XML resolution with an annex, flattened to
text (one block per printed line, as tests/core/test_text_structure.py's `flatten`) and read by the text
reader; the AKN reader's structure of the same file is the answer (how many annexes, which are labelled, how
many paragraphs each). Files are split by the SHA-256 of their name (odd first byte: held out).

    python scripts/annexes_text_vs_akn.py [--repo GIT_DIR] [--half dev|held-out|both] [--show N]
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from test_text_structure import flatten  # noqa: E402

from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402

DEFAULT_REPO = Path("/work/.mirror/UNxml+GAresolutions/repo")


def held_out(name: str) -> bool:
    return hashlib.sha256(name.encode()).digest()[0] % 2 == 1


def shape(res) -> list[tuple[bool, int]]:  # type: ignore[no-untyped-def]
    return [(a.labelled, len(a.paragraphs)) for a in res.annexes]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--half", choices=("dev", "held-out", "both"), default="both")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    git = ["git", "-C", str(args.repo)]
    names = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    names = [n for n in names if "/English/" in n and n.endswith(".xml")]
    results: dict[str, list[tuple[str, bool, str]]] = {"dev": [], "held-out": []}
    for name in names:
        half = "held-out" if held_out(name) else "dev"
        if args.half not in (half, "both"):
            continue
        xml = subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True, check=True).stdout
        if b"attachment" not in xml and b"Adopts the following" not in xml:
            continue
        try:
            want = read_akn(xml).resolution
        except InputError:
            continue
        if not want.annexes:
            continue
        try:
            got = read_text(flatten(xml)).resolution
        except InputError as exc:
            results[half].append((name, False, f"text refused: {exc}"))
            continue
        same = [lab for lab, _ in shape(got)] == [lab for lab, _ in shape(want)]
        results[half].append((name, same, f"text {shape(got)} / akn {shape(want)}"))
    for half, rows in results.items():
        if not rows:
            continue
        right = sum(ok for _, ok, _ in rows)
        print(f"{half}: annexes (count and labels) right for {right} of {len(rows)} resolutions")
        if half == "dev":
            for name, _ok, why in [r for r in rows if not r[1]][: args.show]:
                print(f"  {name}: {why[:150]}")


if __name__ == "__main__":
    main()
