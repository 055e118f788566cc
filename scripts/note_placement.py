"""How many footnotes the text reader places where the UN put them, on adopted GA resolutions flattened to text.

Each resolution of the UN's XML (github.com/UNxml/GAresolutions) is flattened to text as a PDF's text layer
prints it (note numbers glued where the XML has its <authorialNote>, notes at the end) and read by the text
reader. A note is placed right when the words before its reference in the model end as the words before the
<authorialNote> do (letters and digits only, the last 16, within its printed line: tests/core/test_note_placement).
Prints the count and, with --examples N, the first misplaced note of N resolutions with both contexts (a note
found too far on takes the place of the notes after it, so the first is the one to look at).

    python scripts/note_placement.py --resolutions 75-77 --language Spanish [--examples N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from false_alarms_l import UN_XML, resolution_xml  # noqa: E402
from lxml import etree  # noqa: E402

from app.io.text_reader import read_text  # noqa: E402
from tests.core.test_note_placement import expected_places, read_places, same_place  # noqa: E402
from tests.core.test_text_structure import flatten  # noqa: E402


def measure(items: list[tuple[str, bytes]], examples: int) -> None:
    right = total = shown = 0
    for name, xml in items:
        try:
            want = expected_places(xml)
            text = flatten(xml)
        except etree.XMLSyntaxError:
            continue
        have = read_places(read_text(text).resolution)
        have = (have + [""] * len(want))[: len(want)]
        wrong = [k for k, (w, h) in enumerate(zip(want, have, strict=True)) if not same_place(w, h)]
        total += len(want)
        right += len(want) - len(wrong)
        if wrong and shown < examples:
            shown += 1
            k = wrong[0]
            print(f"  {Path(name).name} note {k + 1}: expected …{want[k]} | read …{have[k]}")
    print(f"{right} of {total} notes placed where the UN XML has them ({100 * right / max(total, 1):.1f}%)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--resolutions", default="75-77")
    ap.add_argument("--language", default="English", help="English, French or Spanish")
    ap.add_argument("--examples", type=int, default=0, help="the first misplaced note of N resolutions")
    ap.add_argument("--repo", type=Path, default=UN_XML)
    args = ap.parse_args()
    measure(resolution_xml(args.repo, args.resolutions, args.language), args.examples)


if __name__ == "__main__":
    main()
