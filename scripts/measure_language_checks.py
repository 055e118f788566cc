"""False alarms of the checks on the held-out French or Spanish resolutions (text the UN adopted and edited,
so every warning or error on it is a false alarm or a markup slip), per 1,000 words.

    python scripts/measure_language_checks.py fr [--mirror PATH] [--sessions 75 ... 80] [--show 20]

The held-out resolutions are those scripts/build_wordlists.py keeps out of the word lists (SHA-256 of the
symbol begins with 0 or 1); the opener lexicons come from sessions 75-78, so only the held-out resolutions of
sessions 79 and 80 are new to them too. Each is read with the AKN reader and checked as a draft in its
language; the script prints spelling alarms and all errors and warnings per 1,000 words, the rules that fire
most and (--show) the words the spelling check flags most.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_wordlists import DEFAULT_MIRROR, FOLDERS, SESSIONS, split  # noqa: E402

from app.conventions import engine  # noqa: E402
from app.conventions.base import annex_nodes, nodes  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.findings import Finding, Severity  # noqa: E402
from app.inline import plain  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.model import Resolution  # noqa: E402
from app.spelling import SPELLING_RULE  # noqa: E402
from app.spelling.tokens import WORD  # noqa: E402


def word_count(res: Resolution) -> int:
    """Words of every checked field: title, paragraphs, annexes and footnotes."""
    fields = [res.title, *(n.text for n in res.footnotes.values())]
    for node in (*nodes(res), *annex_nodes(res)):
        fields += [node.para.opener, node.para.text, node.para.tail]
    return sum(len(WORD.findall(plain(f))) for f in fields if f)


def flagged_word(res: Resolution, f: Finding, around: int = 0) -> str:
    """The text a finding points at (for the --show list), with `around` characters either side."""
    if f.field == "title":
        text = res.title
    elif f.field == "footnote":
        text = next((n.text for n in res.footnotes.values() if n.id == f.paragraph_id), "")
    else:
        found = res.find(f.paragraph_id) if f.paragraph_id else None
        text = getattr(found, f.field, "") if found is not None else ""
    return text[max(0, f.span[0] - around) : f.span[1] + around] if text else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("code", choices=sorted(FOLDERS))
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    ap.add_argument("--sessions", type=int, nargs="+", default=SESSIONS)
    ap.add_argument("--show", type=int, default=0, help="print the N words the spelling check flags most")
    ap.add_argument("--rule", default="", help="print where this rule fires (symbol, message)")
    args = ap.parse_args()
    rules: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    docs = words = alarms = spelling = clean = 0
    for path, data in split(args.mirror, args.sessions, args.code, held=True):
        try:
            res = read_akn(data, name=path).resolution
        except InputError:
            continue
        docs += 1
        words += word_count(res)
        found = [f for f in engine.check_document(res) if f.severity is not Severity.INFO]
        alarms += len(found)
        clean += not found
        rules.update(f.rule for f in found)
        for f in found:
            if f.rule == args.rule:
                print(f"  {path.split('/')[-1]} {f.field}: {f.message[:90]} | {flagged_word(res, f, 50)!r}")
            if f.rule == SPELLING_RULE:
                spelling += 1
                flagged[flagged_word(res, f)] += 1
    per = 1000 / max(words, 1)
    print(
        f"{args.code}: {docs} held-out resolutions, {words} words; spelling {spelling} "
        f"({spelling * per:.2f} per 1,000 words); all errors and warnings {alarms} ({alarms * per:.2f} per 1,000 "
        f"words); {clean} resolutions with none"
    )
    for rule, n in rules.most_common(12):
        print(f"  {n:5d}  {rule}")
    if args.show:
        print("  flagged words:", ", ".join(f"{w} ({n})" for w, n in flagged.most_common(args.show)))


if __name__ == "__main__":
    main()
