"""Build resources/wordlists/un-corpus.txt: words of adopted GA resolutions that the dictionary lacks.

    python scripts/un_vocabulary.py FOLDER_OF_UN_XML... > resources/wordlists/un-corpus.txt

FOLDER holds the UN's Akoma Ntoso XML of adopted resolutions (English). A word is kept when at least
MIN_DOCUMENTS resolutions use it, so that a slip in one text never becomes vocabulary. Which sessions the list
was built from is written at the top of the file. The frozen held-out resolutions (tests/fixtures/heldout, on
which tests/core/test_false_alarms.py measures false alarms) are left out whatever folder holds them. Sessions 78
and 79 are held out for measuring (README, quality), and session 80 too: its adopted texts are the held-out
L drafts of scripts/false_alarms_l.py. Empty un-corpus.txt before running this again: it lists what the other
lists lack.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import inline  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.spelling import checker  # noqa: E402
from app.spelling.tokens import checkable, words  # noqa: E402

MIN_DOCUMENTS = 2
HELD_OUT = {p.name for p in (ROOT / "tests" / "fixtures" / "heldout").glob("*.xml")}


def document_words(path: Path) -> set[str]:
    res = read_akn(path.read_bytes(), name=path.name).resolution
    texts = [res.title, *(f.text for f in res.footnotes.values())]
    texts += [f"{p.opener} {p.text} {p.tail}" for _, p in res.paragraphs()]
    texts += [f"{p.opener} {p.text} {p.tail}" for p in res.annex_paragraphs()]
    found: set[str] = set()
    for text in texts:
        plain = inline.plain(text)
        found.update(w for _, _, w in words(plain))
    return found


def main(folders: list[str]) -> int:
    check = checker()
    counts: Counter[str] = Counter()
    files = sorted(p for folder in folders for p in Path(folder).glob("*.xml") if p.name not in HELD_OUT)
    for path in files:
        try:
            # a name is listed whatever the lists hold now: a UN word added to them may bring it within one
            # letter of a name ("sarin", "Sarmin"), which the checker then questions
            unknown = {
                w
                for w in document_words(path)
                if check.unknown(w) or (w[:1].isupper() and checkable(w) and not check.lexicon.known(w))
            }
        except InputError:
            continue
        counts.update(w if w[:1].isupper() else w.lower() for w in unknown)
    kept = sorted(w for w, n in counts.items() if n >= MIN_DOCUMENTS)
    print("# Words of adopted General Assembly resolutions (the UN's Akoma Ntoso XML) that the general")
    print(
        f"# dictionary lacks, each used in at least {MIN_DOCUMENTS} resolutions. Built by scripts/un_vocabulary.py"
    )
    print(
        f"# from {len(files)} files: {', '.join(sorted({Path(f).name for f in folders}))} (less the held-out"
    )
    print("# resolutions of tests/fixtures/heldout).")
    print("\n".join(kept))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
