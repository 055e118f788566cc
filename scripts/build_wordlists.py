"""Build a language's UN word list from the UN's own XML in that language, keeping a held-out set out of it.

    python scripts/build_wordlists.py fr [--mirror PATH] [--sessions 75 76 77 78 79 80] [--min-docs 2]

Reads every GA resolution of the sessions in that language from the UNxml/GAresolutions mirror
(`<session>session/<French|Spanish>/*.xml`, read with `git show`), takes every word of its text (the
`<meta>` block aside) and writes the words that occur in at least `--min-docs` resolutions and that the
general dictionary of the language (pyspellchecker's) lacks to resources/wordlists/<code>-un.txt, those
common in English to <code>-un-english.txt (known, never suggested: "security" is no fix for "securite").

Held-out rule: a resolution is held out, never read here, when the SHA-256 of its symbol ("A/RES/79/174",
as `symbol()` reads it from the file name, the same in every language) written in UTF-8 begins with the hex
digit 0 or 1 (one resolution in eight). scripts/measure_language_checks.py measures the checks on exactly
those resolutions.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from app.languages import get_language  # noqa: E402
from app.spelling.lexicon import general_dictionary, normal  # noqa: E402
from app.spelling.tokens import WORD  # noqa: E402

FOLDERS = {"fr": "French", "es": "Spanish", "en": "English"}
SESSIONS = [75, 76, 77, 78, 79, 80]
DEFAULT_MIRROR = Path("/work/.mirror/UNxml+GAresolutions/repo")
ENGLISH = 1000  # as common as this in English (pyspellchecker's frequency): never suggested
_SUFFIX = re.compile(r"(?:[-_]?\d{7})?[-_]?[A-Z]$")  # "-2424215F", "_2223239F", "-F", "_F"


def symbol(path: str) -> str:
    """ "79session/French/A_RES_79_174-2424215F.xml" → "A/RES/79/174"; "75_101A-B_F.xml" → "A/RES/75/101A-B"."""
    stem = Path(path).stem
    stem = _SUFFIX.sub("", stem.removeprefix("A_RES_"))
    return "A/RES/" + stem.replace("_", "/")


def held_out(sym: str) -> bool:
    """The held-out rule of the docstring: SHA-256 of the symbol begins with 0 or 1."""
    return hashlib.sha256(sym.encode("utf-8")).hexdigest()[0] in "01"


def files(mirror: Path, sessions: list[int], code: str) -> list[str]:
    out: list[str] = []
    for session in sessions:
        listing = subprocess.run(
            [
                "git",
                "-C",
                str(mirror),
                "ls-tree",
                "-r",
                "--name-only",
                "HEAD",
                f"{session}session/{FOLDERS[code]}/",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        out += [line for line in listing.splitlines() if line.endswith(".xml")]
    return out


def read(mirror: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(mirror), "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout


def split(mirror: Path, sessions: list[int], code: str, *, held: bool) -> Iterator[tuple[str, bytes]]:
    """(path, XML) of the held-out resolutions (`held`) or of the others."""
    for path in files(mirror, sessions, code):
        if held_out(symbol(path)) == held:
            yield path, read(mirror, path)


def text_of(data: bytes) -> str:
    """Every text of a UN XML file but its metadata."""
    root = etree.fromstring(data, etree.XMLParser(recover=True))  # a few files have a broken tag
    for meta in root.iter("{*}meta"):
        meta.getparent().remove(meta)
    return " ".join(root.itertext())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("code", choices=sorted(set(FOLDERS) - {"en"}))
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    ap.add_argument("--sessions", type=int, nargs="+", default=SESSIONS)
    ap.add_argument("--min-docs", type=int, default=2)
    args = ap.parse_args()
    docs: Counter[str] = Counter()  # in how many resolutions each word occurs
    count = 0
    for _, data in split(args.mirror, args.sessions, args.code, held=False):
        count += 1
        docs.update({normal(w) for w in WORD.findall(text_of(data))})
    print(f"{args.code}: {count} resolutions read, {len(docs)} distinct words")
    spec = get_language(args.code).spelling
    general = general_dictionary(spec.get("dictionary", args.code))
    elisions = set(spec.get("elisions", ()))
    english = general_dictionary("en")
    kept: set[str] = set()
    for word, n in docs.items():
        head, apostrophe, rest = word.partition("'")
        if apostrophe and head in elisions:
            word = rest  # l'eutrophisation: the checker reads l' and looks up the word
        if n >= args.min_docs and word not in general and len(word) > 1:
            kept.add(word)
    common_english = {w for w in kept if english.get(w, 0) >= ENGLISH}
    write(args.code, "un", sorted(kept - common_english), args, count, "not in the general dictionary")
    write(
        args.code,
        "un-english",
        sorted(common_english),
        args,
        count,
        "not in the general dictionary and common in English\n# (han, sea, control; English titles quoted): "
        "known, never suggested for a slip",
    )


def write(code: str, name: str, words: list[str], args: argparse.Namespace, count: int, what: str) -> None:
    path = ROOT / "resources" / "wordlists" / f"{code}-{name}.txt"
    head = (
        f"# {get_language(code).name}: words of the UN's own XML of GA resolutions, sessions "
        f"{', '.join(map(str, args.sessions))} (UNxml/GAresolutions),\n# in at least {args.min_docs} of the "
        f"{count} resolutions read, {what}.\n# Built by scripts/build_wordlists.py, which keeps the held-out "
        "resolutions (SHA-256 of the symbol begins with 0 or 1) out. One word a line.\n"
    )
    path.write_text(head + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{code}: {len(words)} words written to {path.name}")


if __name__ == "__main__":
    main()
