"""Build resources/wordlists/un-capitalized.txt: common words that UN texts write with a capital inside a
sentence ("the Government of", "calls upon Member States", "the Security Council").

    python scripts/capitalized_words.py [--repo PATH_TO_GIT_DIR] > resources/wordlists/un-capitalized.txt

A capitalized word inside a sentence that no list knows is a name (of a person, a town, an armed group) unless
it is one slip from a word written so: "Goverment" is one from "Government", but "Melut" (a town) is one from
"melt", which no one writes with a capital there. The spelling checker asks this list (app/spelling/checker.py).
Read from the adopted GA resolutions of sessions 75-77 in the UN's XML (github.com/UNxml/GAresolutions, English),
the sessions the other word lists are built from; sessions 78-80 are held out, and so are the frozen held-out
resolutions of tests/fixtures/heldout. A word is kept when at least MIN_DOCUMENTS resolutions write it with a
capital after a small word or a comma and the general dictionary knows it in small letters.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from app.spelling.lexicon import general_dictionary  # noqa: E402
from scripts.false_alarms_l import UN_XML, resolution_xml  # noqa: E402

MIN_DOCUMENTS = 3
HELD_OUT = {p.name for p in (ROOT / "tests" / "fixtures" / "heldout").glob("*.xml")}
# a capital after a word in small letters or a comma: inside a sentence
_INSIDE = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)\b")


def words_of(xml: bytes) -> set[str]:
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    text = " ".join(" ".join(root.itertext()).split())
    return {m.group(1) for m in _INSIDE.finditer(text)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=UN_XML)
    args = ap.parse_args()
    general = general_dictionary("en")
    counts: Counter[str] = Counter()
    files = [(p, x) for p, x in resolution_xml(args.repo, "75-77") if Path(p).name not in HELD_OUT]
    for _, xml in files:
        try:
            counts.update(w.lower() for w in words_of(xml))
        except etree.XMLSyntaxError:
            continue
    kept = sorted(w for w, n in counts.items() if n >= MIN_DOCUMENTS and w in general)
    print(
        "# Common words that adopted GA resolutions write with a capital inside a sentence, each in at least"
    )
    print(f"# {MIN_DOCUMENTS} resolutions. Built by scripts/capitalized_words.py from {len(files)} files of")
    print("# sessions 75-77 (less the held-out resolutions of tests/fixtures/heldout).")
    print("\n".join(kept))
    return 0


if __name__ == "__main__":
    sys.exit(main())
