"""Learn how far the italic opener reaches from the UN's own markup, for text that has no italics.

    python scripts/opener_extents.py FOLDER_OF_UN_XML... > resources/lexicons/learned.txt

Plain Word drafts and PDF text carry no italics, so the opener is found from the lexicons. Adopted resolutions
in the UN's Akoma Ntoso XML record the italics of every paragraph: where the lexicon's longest match differs
from what the UN printed in italics, the majority over at least MIN_DOCUMENTS resolutions decides:
- `+ preamble Reaffirming its commitment`: a phrase to add (the UN italicizes it whole);
- `- operative Reaffirms its commitment`: a listed phrase the UN mostly prints shorter ("Reaffirms").
The files the list was built from are named at the top; the frozen held-out resolutions (tests/fixtures/heldout,
on which tests/core/test_false_alarms.py measures) are left out whatever folder holds them. Sessions 78 and 79 are
held out for measuring (README, quality), and session 80 too: its adopted texts are the held-out L drafts of
scripts/false_alarms_l.py.
What is learned is relative to the hand-made lexicons: empty learned.txt before running this again.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import inline  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.lexicon import detect_opener, strip_marker  # noqa: E402
from app.model import Part  # noqa: E402

MIN_DOCUMENTS = 3
HELD_OUT = {p.name for p in (ROOT / "tests" / "fixtures" / "heldout").glob("*.xml")}


def openings(path: Path):
    """(part, italic opener, plain paragraph text) for every paragraph with an italic opener."""
    res = read_akn(path.read_bytes(), name=path.name).resolution
    for part in Part:
        for para in res.part(part):
            opener = para.opener.strip()
            if opener:
                text = inline.plain(para.text)
                # a section's own preambular paragraph stands unnumbered among the operative ones
                where = Part.PREAMBLE if part is Part.OPERATIVE and not para.numbered else part
                yield where, opener, opener + ("" if text[:1] in ",;:." else " ") + text


def main(folders: list[str]) -> int:
    rows: list[tuple[Part, str, str, str]] = []  # part, italic opener, plain text, file
    files = sorted(p for folder in folders for p in Path(folder).glob("*.xml") if p.name not in HELD_OUT)
    for path in files:
        try:
            rows += [(part, opener, text, path.name) for part, opener, text in openings(path)]
        except InputError:
            continue
    longer: dict[tuple[Part, str], set[str]] = defaultdict(set)  # the UN's italics reach past the lexicon
    shorter: Counter[tuple[Part, str]] = Counter()  # the lexicon reaches past the UN's italics
    agreed: Counter[tuple[Part, str]] = Counter()
    shorter_docs: dict[tuple[Part, str], set[str]] = defaultdict(set)
    for part, opener, text, name in rows:
        guess = detect_opener(text, part)
        if guess == opener:
            agreed[(part, guess)] += 1
        elif guess.startswith(opener) and not strip_marker(guess)[1]:  # judged on base forms only
            shorter[(part, guess)] += 1
            shorter_docs[(part, guess)].add(name)
        elif opener.startswith(guess) and " " in opener:
            longer[(part, opener)].add(name)
    # a longer phrase is learned only where the UN prints it whole more often than it stops short of it
    whole: Counter[tuple[Part, str]] = Counter((part, opener) for part, opener, _, _ in rows)
    short_of: Counter[tuple[Part, str]] = Counter()
    candidates = {key for key, names in longer.items() if len(names) >= MIN_DOCUMENTS}
    by_first: dict[str, list[tuple[Part, str]]] = defaultdict(list)
    for key in candidates:
        by_first[key[1].split()[0]].append(key)
    for part, opener, text, _ in rows:
        for key in by_first.get(opener.split()[0], ()):
            phrase = key[1]
            if key[0] is part and len(opener) < len(phrase) and text.startswith(phrase):
                short_of[key] += 1
    print("# How far the italic opener reaches, learned from adopted General Assembly resolutions (UN XML)")
    print(
        f"# by scripts/opener_extents.py from {len(files)} files: {', '.join(sorted(Path(f).name for f in folders))}"
        " (less the held-out resolutions of tests/fixtures/heldout)."
    )
    print(
        "# `+ part phrase`: the UN italicizes the phrase whole; `- part phrase`: the UN mostly prints it shorter."
    )
    # the lexicons list base forms: "Also appropriates" is learned as "Appropriates" (markers are generated)
    added = {(k[0], strip_marker(k[1])[0]) for k in candidates if whole[k] > short_of[k]}
    dropped = {
        (k[0], strip_marker(k[1])[0])
        for k in shorter
        if len(shorter_docs[k]) >= MIN_DOCUMENTS and shorter[k] > agreed[k]
    }
    for part, phrase in sorted(added, key=lambda k: (k[0].value, k[1])):
        print(f"+ {part.value} {phrase}")
    for part, phrase in sorted(dropped - added, key=lambda k: (k[0].value, k[1])):
        print(f"- {part.value} {phrase}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
