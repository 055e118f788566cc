"""How well `app.publication_titles` sets titles in italics, in notes or (--body) in paragraphs, against the UN's XML.

Every English, French and Spanish resolution of sessions 74-80 in the UNxml/GAresolutions mirror
(github.com/UNxml/GAresolutions) marks the titles it cites in italics. Each note's (or each paragraph's text after
its opener, as the XML reader reads it, annexes included) italics are removed and set again by the patterns of its
language; a word counts as right when it is italic in both or in neither. Resolutions are split by the SHA-256 of
their name without the language letter (the rule of scripts/false_alarms_l.py): the patterns and the names of
resources/wordlists/titles-*.txt were learned on the development half; read the held-out half's line once.

    python scripts/note_titles.py [--repo GIT_DIR] [--half dev|held-out] [--body]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.errors import InputError  # noqa: E402
from app.inline import Span, parse, plain_text, unparse  # noqa: E402
from app.io.reading import read_data  # noqa: E402
from app.model import Resolution  # noqa: E402
from app.publication_titles import BODY, NOTES, italic_titles  # noqa: E402
from scripts.false_alarms_l import held_out  # noqa: E402

DEFAULT_REPO = Path("/work/.mirror/UNxml+GAresolutions/repo")
FOLDERS = {"English": "en", "French": "fr", "Spanish": "es"}
_NOTE = re.compile(r"<authorialNote\b.*?</authorialNote>", re.S)
_ITALIC = re.compile(r'<span class="italic">(.*?)</span>', re.S)
_CODE = {"E": "en", "F": "fr", "S": "es"}
_NAME = re.compile(r"^(.*?)(?:-\d+)?_?[EFS]\.xml$")


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def resolutions(repo: Path, folder: str, half: str) -> Iterator[tuple[str, bytes]]:
    """(file name, XML) of each resolution of a language folder in one half."""
    names = _git(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD").decode().split("\0")
    for name in names:
        base = name.rsplit("/", 1)[-1]
        m = _NAME.match(base)
        if f"/{folder}/" in name and m and held_out(m.group(1)) == (half == "held-out"):
            yield base, _git(repo, "show", f"HEAD:{name}")


def _words(marked: str) -> list[tuple[str, bool]]:
    """Each word with whether it is italic; letters split by an italic mark join ("n*o*" of a superscript)."""
    marked = re.sub(r"(?<=\w)\*(?=\w)", "", marked)
    out, italic = [], False
    for piece in re.split(r"(\*)", marked):
        if piece == "*":
            italic = not italic
        else:
            out += [(w, italic) for w in re.findall(r"\w+", piece)]
    return out


def markup_words(markup: str) -> list[tuple[str, bool]]:
    """Each word of app.inline markup with whether all of it is italic ("Saf*er*Guard", a superscript, is one
    word; footnote references left out)."""
    pt = plain_text(markup)
    return [(m.group(), pt.is_italic(*m.span())) for m in re.finditer(r"\w+", pt.text)]


def roman(markup: str) -> str:
    """`markup` with its italics removed, its footnote references kept."""
    return unparse([Span(s.text, False, s.footnote) for s in parse(markup)])


def body_fields(res: Resolution) -> Iterator[str]:
    """The markup of every paragraph's text after its opener, and of its tail, in every part and annex."""
    for para in [p for _, p in res.paragraphs()] + list(res.annex_paragraphs()):
        yield from (field for field in (para.text, para.tail) if field.strip())


def _pairs(
    xml: bytes, name: str, body: bool
) -> Iterator[tuple[list[tuple[str, bool]], list[tuple[str, bool]]]]:
    """(the XML's words, ours) for each note or paragraph field."""
    code = _CODE[name[-5]]  # "75_190_E.xml"
    if body:
        try:
            res = read_data(xml, name).resolution
        except InputError:  # a file the XML reader refuses (75_251_B_S.xml is not well-formed)
            return
        for field in body_fields(res):
            yield markup_words(field), markup_words(italic_titles(roman(field), code, BODY))
        return
    for note in _NOTE.findall(xml.decode("utf-8", "replace")):
        marked = " ".join(re.sub(r"<[^>]+>", "", _ITALIC.sub(r"*\1*", note)).split())
        yield _words(marked), _words(italic_titles(marked.replace("*", "").strip(), code, NOTES))


def measure(repo: Path, folder: str, half: str, body: bool = False) -> Counter[str]:
    counts: Counter[str] = Counter()
    for name, xml in resolutions(repo, folder, half):
        counts["resolutions"] += 1
        for want, got in _pairs(xml, name, body):
            if [w for w, _ in want] != [w for w, _ in got]:
                counts["fields not compared"] += 1
                continue
            counts["fields"] += 1
            for (_, a), (_, b) in zip(want, got, strict=True):
                counts[
                    "right italic" if a and b else "missed" if a else "set wrongly" if b else "right roman"
                ] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--half", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--body", action="store_true", help="paragraphs after their openers instead of notes")
    args = ap.parse_args()
    where = "paragraph fields" if args.body else "notes"
    print(
        f"| language | resolutions | {where} | italic words in the XML | set in italics | precision | recall |"
    )
    print("|---|---|---|---|---|---|---|")
    for folder in FOLDERS:
        c = measure(args.repo, folder, args.half, args.body)
        italic, marked = c["right italic"] + c["missed"], c["right italic"] + c["set wrongly"]
        print(
            f"| {folder} | {c['resolutions']} | {c['fields']:,} | {italic:,} | {marked:,} | "
            f"{c['right italic'] / max(1, marked):.3f} | {c['right italic'] / max(1, italic):.3f} |"
        )


if __name__ == "__main__":
    main()
