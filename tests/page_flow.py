"""Where an L document's pages break, read from a PDF with `pdftotext`: shared by the layout test and
scripts/page_flow.py, which set an export converted by LibreOffice beside the issued PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# running heads, page counters and job numbers: not body text
_RUNNING = re.compile(r"^(A/|S/|E/|\d+/\d+$|\d\d-\d{5})")
_WINDOW = 400  # words: how far from the issued break a page start is looked for


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def body_words(pdf: Path) -> tuple[list[str], list[int]]:
    """The words of the body (letters and digits only), and the index of the first word of each page."""
    words: list[str] = []
    starts: list[int] = []
    for page in page_texts(pdf):
        starts.append(len(words))
        for line in page.splitlines():
            if line.strip() and not _RUNNING.match(line.strip()):
                words += [w for w in (re.sub(r"\W", "", x) for x in line.split()) if w]
    return words, starts


def break_offsets(issued: Path, exported: Path) -> list[int]:
    """For each later page of the export, how many words of the issued text its first words stand after (+) or
    before (-) the issued page's first word: 0 where the page breaks as issued."""
    theirs, their_starts = body_words(issued)
    ours, our_starts = body_words(exported)
    out = []
    for page in range(1, min(len(their_starts), len(our_starts))):
        start = their_starts[page]
        gram = ours[our_starts[page] : our_starts[page] + 4]
        lo, hi = max(0, start - _WINDOW), min(len(theirs), start + _WINDOW)
        hits = [i for i in range(lo, hi) if theirs[i : i + len(gram)] == gram]
        out.append(min(hits, key=lambda i: abs(i - start)) - start if hits else _WINDOW)
    return out
