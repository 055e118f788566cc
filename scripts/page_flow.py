"""Page flow of the .docx export against the issued PDFs: a table of page counts and page breaks.

For every STEM.pdf in ISSUED with a STEM.txt (the issued PDF's text, as in tests/fixtures/corpus) in TEXTS, the
text is read, exported to .docx, converted to PDF by LibreOffice, and set beside the issued PDF: pages issued
and exported, and how many later pages start within 40 words (about three lines) of the issued break.

    python scripts/page_flow.py ISSUED TEXTS OUT [--held-out STEM ...]

The issued drafts of session 80 are public (https://github.com/wannli/mandate-pipeline: data/pdfs, and the
`text` of data/extracted/*.json is the .txt). Needs `soffice` and `pdftotext` on the PATH.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.io.docx_writer import write_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from tests.page_flow import body_words, break_offsets  # noqa: E402

NEAR_WORDS = 40


@dataclass
class Row:
    stem: str
    issued: int
    exported: int
    near: int
    breaks: int
    exact: int


def convert(docs: list[Path], out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice (LibreOffice) is needed")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=60 * len(docs) + 60,
    )


def measure(issued: Path, texts: Path, out: Path) -> list[Row]:
    out.mkdir(parents=True, exist_ok=True)
    docs = []
    for pdf in sorted(issued.glob("*.pdf")):
        text = texts / f"{pdf.stem}.txt"
        if text.is_file():
            write_docx(read_text(text.read_text(encoding="utf-8")).resolution, out / f"{pdf.stem}.docx")
            docs.append(out / f"{pdf.stem}.docx")
    convert(docs, out)
    rows = []
    for doc in docs:
        theirs, mine = issued / f"{doc.stem}.pdf", out / f"{doc.stem}.pdf"
        offsets = break_offsets(theirs, mine)
        rows.append(
            Row(
                doc.stem,
                len(body_words(theirs)[1]),
                len(body_words(mine)[1]),
                sum(abs(x) <= NEAR_WORDS for x in offsets),
                len(offsets),
                sum(x == 0 for x in offsets),
            )
        )
    return rows


def table(rows: list[Row], held_out: set[str]) -> str:
    out = [
        "| draft | pages issued | pages exported | later pages starting within 40 words | ... exactly |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        name = r.stem.replace("_", "/") + (" (held out)" if r.stem in held_out else "")
        out.append(f"| {name} | {r.issued} | {r.exported} | {r.near}/{r.breaks} | {r.exact}/{r.breaks} |")
    for label, group in (("all", rows), ("held out", [r for r in rows if r.stem in held_out])):
        if group:
            out.append(
                f"\n{label}: same page count {sum(r.issued == r.exported for r in group)} of {len(group)}; "
                f"later pages starting within 40 words {sum(r.near for r in group)} of "
                f"{sum(r.breaks for r in group)}, exactly {sum(r.exact for r in group)}."
            )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("issued", type=Path)
    parser.add_argument("texts", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--held-out", nargs="*", default=[], help="drafts not used to tune the layout")
    args = parser.parse_args()
    print(table(measure(args.issued, args.texts, args.out), set(args.held_out)))


if __name__ == "__main__":
    main()
