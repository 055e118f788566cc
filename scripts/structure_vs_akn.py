"""The structure of adopted GA resolutions read from their PDFs' text against the UN's XML of the same resolution:
how many preambular and operative paragraphs, annexes and later parts each reading gives.

Pairs: every adopted resolution (A/RES/…) of the mandate-pipeline mirror whose English XML the GAresolutions
mirror holds. The text is the PDF's through an extractor (scripts/pdf_extractors.py; pdftotext by default, as a
delegate copies it from a Poppler viewer); the XML is read by the AKN reader. Split as scripts/false_alarms_l.py
splits (the first byte of the SHA-256 of the symbol): the development half is listed document by document, the
held-out half only summed, once a round, to report. The two readings may differ without either being wrong: a
budget section's own preambular paragraphs are operative items in the text reading and preambular in the XML's.

    python scripts/structure_vs_akn.py [--half dev|held-out] [--extractor pdftotext|pymupdf|pdfium]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import Resolution  # noqa: E402
from scripts.false_alarms_l import DEFAULT_REPO, UN_XML, drafts, held_out  # noqa: E402
from scripts.pdf_extractors import reextract  # noqa: E402

_XML_NAME = re.compile(r"^\d+session/English/A_RES_(\d+)_(\d+)-\d+E\.xml$")


def _xml_paths(repo: Path) -> dict[str, str]:
    """symbol ("A/RES/79/243") -> path of its English XML in the mirror."""
    names = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {f"A/RES/{m[1]}/{m[2]}": name for name in names if (m := _XML_NAME.match(name))}


def shape(res: Resolution) -> tuple[int, int, int, int]:
    return len(res.preamble), len(res.operative), len(res.annexes), len(res.later_parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--extractor", default="pdftotext")
    args = ap.parse_args()
    xml = _xml_paths(UN_XML)
    listed = [
        (s, t)
        for s, t in drafts(DEFAULT_REPO, "A_RES_")
        if s in xml and held_out(s) == (args.half == "held-out")
    ]
    matched = total = 0
    for symbol, text in reextract(DEFAULT_REPO, listed, args.extractor):
        issued_xml = subprocess.run(
            ["git", "-C", str(UN_XML), "show", f"HEAD:{xml[symbol]}"], capture_output=True, check=True
        ).stdout
        try:
            issued, read = shape(read_akn(issued_xml).resolution), shape(read_text(text).resolution)
        except InputError as exc:
            read, issued = (-1, -1, -1, -1), (0, 0, 0, 0)
            if args.half == "dev":
                print(f"  {symbol}: {exc}")
        total += 1
        matched += issued == read
        if issued != read and args.half == "dev":
            print(f"  {symbol:16} XML {issued}  text {read}   (preamble, operative, annexes, parts)")
    print(f"{args.half} ({args.extractor}): {matched} of {total} resolutions read with the XML's structure")


if __name__ == "__main__":
    main()
