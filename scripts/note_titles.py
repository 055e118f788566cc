"""How well `app.publication_titles` sets the titles cited in notes in italics, against the UN's own XML.

Every English, French and Spanish resolution of sessions 74-80 in the UNxml/GAresolutions mirror
(github.com/UNxml/GAresolutions) marks the titles its notes cite in italics. Each note's italics are removed and
set again by the patterns of its language; a word counts as right when it is italic in both or in neither.
Resolutions are split by the SHA-256 of their name without the language letter (the rule of
scripts/false_alarms_l.py): the patterns were learned on the development half; read the held-out half's line once.

    python scripts/note_titles.py [--repo GIT_DIR] [--half dev|held-out]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.publication_titles import italic_titles  # noqa: E402
from scripts.false_alarms_l import held_out  # noqa: E402

DEFAULT_REPO = Path("/work/.mirror/UNxml+GAresolutions/repo")
FOLDERS = {"English": "en", "French": "fr", "Spanish": "es"}
_NOTE = re.compile(r"<authorialNote\b.*?</authorialNote>", re.S)
_ITALIC = re.compile(r'<span class="italic">(.*?)</span>', re.S)
_NAME = re.compile(r"^(.*?)(?:-\d+)?_?[EFS]\.xml$")


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


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


def measure(repo: Path, folder: str, half: str) -> Counter[str]:
    names = _git(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD").decode().split("\0")
    counts: Counter[str] = Counter()
    for name in names:
        base = name.rsplit("/", 1)[-1]
        m = _NAME.match(base)
        if f"/{folder}/" not in name or not m or held_out(m.group(1)) != (half == "held-out"):
            continue
        counts["resolutions"] += 1
        xml = _git(repo, "show", f"HEAD:{name}").decode("utf-8", "replace")
        for note in _NOTE.findall(xml):
            marked = " ".join(re.sub(r"<[^>]+>", "", _ITALIC.sub(r"*\1*", note)).split())
            want = _words(marked)
            got = _words(italic_titles(marked.replace("*", "").strip(), FOLDERS[folder]))
            if [w for w, _ in want] != [w for w, _ in got]:
                counts["notes not compared"] += 1
                continue
            counts["notes"] += 1
            for (_, a), (_, b) in zip(want, got, strict=True):
                counts[
                    "right italic" if a and b else "missed" if a else "set wrongly" if b else "right roman"
                ] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    ap.add_argument("--half", choices=("dev", "held-out"), default="dev")
    args = ap.parse_args()
    print(
        "| language | resolutions | notes | italic words in the XML | set in italics | precision | recall |"
    )
    print("|---|---|---|---|---|---|---|")
    for folder in FOLDERS:
        c = measure(args.repo, folder, args.half)
        italic, marked = c["right italic"] + c["missed"], c["right italic"] + c["set wrongly"]
        print(
            f"| {folder} | {c['resolutions']} | {c['notes']:,} | {italic:,} | {marked:,} | "
            f"{c['right italic'] / max(1, marked):.3f} | {c['right italic'] / max(1, italic):.3f} |"
        )


if __name__ == "__main__":
    main()
