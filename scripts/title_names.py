"""Build resources/wordlists/titles-<code>.txt: the names the UN's XML sets in italics in paragraphs consistently.

A title with no pattern to find it (*World Population Prospects*, *Human Development Report*) or a term set in
italics (*jus cogens*, French *de facto*) is found by its name alone. The candidates are the italic runs of the
paragraphs (after their openers, annexes included) of the development half of scripts/note_titles.py, each also
without a year before or after it and without a subtitle after a colon. A candidate is kept when, wherever it
stands in those paragraphs (as app.publication_titles finds it: whole words, the longest first, a year before or
after it), it is italic in at least 95 % of its occurrences and italic in at least 3 resolutions; the count is
taken again over the kept names until none drops out (a long name dropped lets a shorter one stand in its place).

    python scripts/title_names.py [--repo GIT_DIR] [--write]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.errors import InputError  # noqa: E402
from app.inline import plain_text  # noqa: E402
from app.io.reading import read_data  # noqa: E402
from app.publication_titles import names_pattern  # noqa: E402
from scripts.note_titles import DEFAULT_REPO, FOLDERS, body_fields, resolutions  # noqa: E402

SHARE, RESOLUTIONS = 0.95, 3
_EDGE_YEAR = re.compile(r"^\d{4}\s|\s\d{4}$")
HEADER = """# Names set in italics wherever they stand in the paragraphs of issued resolutions ({language}): titles with
# no pattern to find them, terms. Made by scripts/title_names.py from the UN's XML (UNxml/GAresolutions, sessions
# 74-80, the development half of scripts/note_titles.py): italic in >= {share:.0%} of their occurrences and in >= {n}
# resolutions. Used by app/publication_titles.py for body text; one name a line, '#' starts a comment.
"""


def _fields(repo: Path, folder: str) -> list[tuple[str, str]]:
    out = []
    for name, xml in resolutions(repo, folder, "dev"):
        try:
            out += [(name, field) for field in body_fields(read_data(xml, name).resolution)]
        except InputError:
            continue
    return out


def _italic_runs(field: str) -> list[str]:
    pt = plain_text(field)
    return [" ".join(pt.text[a:b].split()) for a, b in pt.italic]


def candidates(fields: list[tuple[str, str]]) -> set[str]:
    out: set[str] = set()
    for _, field in fields:
        for run in _italic_runs(field):
            run = run.strip(" ,;.:[]“”\"'’‘")
            run = run.rstrip(")") if run.count(")") > run.count("(") else run
            run = run.lstrip("(") if run.count("(") > run.count(")") else run
            for variant in (run, re.split(r"\s?:\s", run)[0]):
                variant = _EDGE_YEAR.sub("", variant).strip()
                if sum(c.isalpha() for c in variant) >= 2:
                    out.add(variant)
    return out


def occurrences(fields: list[tuple[str, str]], names: set[str]) -> tuple[Counter[str], dict[str, set[str]]]:
    """How often each name stands roman or italic (all of it italic) where the finder finds it, and the
    resolutions where it is italic."""
    pattern = names_pattern(sorted(names))
    counts: Counter[str] = Counter()
    italic_in: dict[str, set[str]] = defaultdict(set)
    for resolution, field in fields:
        pt = plain_text(field)
        italic = [False] * len(pt.text)
        for a, b in pt.italic:
            italic[a:b] = [True] * (b - a)
        for m in pattern.finditer(pt.text):
            key = " ".join(_EDGE_YEAR.sub("", m.group("t")).split())
            start, end = m.span("t")
            is_italic = all(italic[i] for i in range(start, end) if pt.text[i].isalnum())
            counts[(key, is_italic)] += 1
            if is_italic:
                italic_in[key].add(resolution)
    return counts, italic_in


def learn(fields: list[tuple[str, str]]) -> list[str]:
    names = candidates(fields)
    for _ in range(8):
        counts, italic_in = occurrences(fields, names)
        kept = {
            n
            for n in names
            if counts[(n, True)] >= SHARE * (counts[(n, True)] + counts[(n, False)])
            and len(italic_in[n]) >= RESOLUTIONS
        }
        if kept == names:
            break
        names = kept
    return sorted(names)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--write", action="store_true", help="write resources/wordlists/titles-<code>.txt")
    args = ap.parse_args()
    for folder, code in FOLDERS.items():
        names = learn(_fields(args.repo, folder))
        text = HEADER.format(language=folder, share=SHARE, n=RESOLUTIONS) + "".join(n + "\n" for n in names)
        if args.write:
            (ROOT / "resources" / "wordlists" / f"titles-{code}.txt").write_text(text, encoding="utf-8")
        print(f"{folder}: {len(names)} names", *names, sep="\n  ")


if __name__ == "__main__":
    main()
