"""Learn a language's opener lexicons from the italics of the UN's own XML, and measure them on held-out texts.

    python scripts/learn_openers.py fr [--mirror PATH] [--train 75 76 77 78] [--held-out 79] [--min-count 2]

Reads every GA resolution of the training sessions in that language from the UNxml/GAresolutions mirror
(`<session>session/<French|Spanish>/*.xml`, read with `git show`), takes the italic opener of each preambular
and operative paragraph as the UN marked it (app.io.akn_reader), and writes the phrases seen at least
`--min-count` times to resources/lexicons/<code>-preambular.txt and <code>-operative.txt. The held-out
sessions are not learned from: the script prints the share of their openers the lexicons know (coverage) and
the share `detect_opener` finds exactly from the paragraph's plain text.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.languages import get_language  # noqa: E402
from app.model import Part, Resolution  # noqa: E402

FOLDERS = {"fr": "French", "es": "Spanish", "en": "English"}
DEFAULT_MIRROR = Path("/work/.mirror/UNxml+GAresolutions/repo")


def _files(mirror: Path, session: int, code: str) -> list[str]:
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
    return [line for line in listing.splitlines() if line.endswith(".xml")]


def resolutions(mirror: Path, sessions: list[int], code: str) -> Iterator[tuple[str, Resolution]]:
    for session in sessions:
        for path in _files(mirror, session, code):
            data = subprocess.run(
                ["git", "-C", str(mirror), "show", f"HEAD:{path}"], check=True, capture_output=True
            ).stdout
            try:
                res = read_akn(data, name=path).resolution
            except InputError:
                continue
            if res.header.language == code:
                yield path, res


def openers(res: Resolution) -> Iterator[tuple[Part, str, str]]:
    """(part, italic opener, the paragraph's plain text) of every top-level paragraph with an opener."""
    from app.inline import plain
    from app.render import join_opener

    for body in res.parts():
        for part in Part:
            for para in body.part(part):
                if para.opener.strip():
                    yield part, para.opener.strip(), join_opener(para.opener, plain(para.text))


def learn(found: Counter[tuple[Part, str]], min_count: int) -> dict[Part, list[str]]:
    out: dict[Part, list[str]] = {Part.PREAMBLE: [], Part.OPERATIVE: []}
    for (part, phrase), count in found.most_common():
        phrase = phrase.rstrip(",;:. ")
        # not a lone letter ("A" of a list marked italic) and not a long italic title
        if count >= min_count and len(phrase) > 2 and len(phrase.split()) <= 8:
            out[part].append(phrase)
    return {part: sorted(set(items), key=str.lower) for part, items in out.items()}


def write(code: str, learned: dict[Part, list[str]], sessions: list[int], min_count: int) -> None:
    for part, name in ((Part.PREAMBLE, "preambular"), (Part.OPERATIVE, "operative")):
        path = ROOT / "resources" / "lexicons" / f"{code}-{name}.txt"
        head = (
            f"# {get_language(code).name} {name} openers, learned by scripts/learn_openers.py from the italics of "
            f"the UN XML of GA resolutions,\n# sessions {', '.join(map(str, sessions))} (UNxml/GAresolutions), "
            f"each seen at least {min_count} times. One phrase a line.\n"
        )
        path.write_text(head + "\n".join(learned[part]) + "\n", encoding="utf-8")


def measure(code: str, held: list[tuple[str, Resolution]]) -> None:
    from app import lexicon

    lexicon._lexicon.cache_clear()
    total = known = exact = 0
    misses: Counter[str] = Counter()
    for _, res in held:
        for part, opener, text in openers(res):
            total += 1
            if lexicon.is_known(opener, part, code):
                known += 1
            else:
                misses[opener] += 1
            if lexicon.detect_opener(text, part, language=code) == opener:
                exact += 1
    print(f"held out: {len(held)} resolutions, {total} openers")
    print(f"  known to the lexicon: {known / max(total, 1):.1%}")
    print(f"  detected exactly from plain text: {exact / max(total, 1):.1%}")
    print("  most frequent unknown:", ", ".join(f"{o} ({n})" for o, n in misses.most_common(12)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("code", choices=sorted(set(FOLDERS) - {"en"}))
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    ap.add_argument("--train", type=int, nargs="+", default=[75, 76, 77, 78])
    ap.add_argument("--held-out", type=int, nargs="+", default=[79])
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    found: Counter[tuple[Part, str]] = Counter()
    count = 0
    for _, res in resolutions(args.mirror, args.train, args.code):
        count += 1
        for part, opener, _ in openers(res):
            found[(part, opener[:1].upper() + opener[1:])] += 1
    learned = learn(found, args.min_count)
    write(args.code, learned, args.train, args.min_count)
    print(
        f"{args.code}: {count} resolutions; {len(learned[Part.PREAMBLE])} preambular and "
        f"{len(learned[Part.OPERATIVE])} operative phrases"
    )
    measure(args.code, list(resolutions(args.mirror, args.held_out, args.code)))


if __name__ == "__main__":
    main()
