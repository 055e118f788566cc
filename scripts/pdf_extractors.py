"""The same issued PDF read by the text extractors delegates' tools use, so that the reader is measured on each.

- "pymupdf": the text of data/extracted/*.json in the mandate-pipeline mirror (MuPDF: blank lines between
  paragraphs), the measurements' default;
- "pdftotext": Poppler's pdftotext, also what Evince, Okular and many other viewers copy: no blank line between
  paragraphs, a paragraph's number alone on its line, footnote numbers apart from their notes;
- "pdfminer": pdfminer.six with lines in page order (as scripts/false_alarms_sc.py reads the SC PDFs);
- "pdfium": PDFium, the engine of the PDF viewers of Chrome and Edge, its pages' text as a copy of the whole
  document gives it (lines end in CR LF and often in a space; a superscript can end its line). This is the text
  the product reads when a delegate opens the PDF itself (`app.io.pdf_file.pdf_text`, through pypdfium2).

`extract` reads a PDF's bytes with any of the four (MuPDF through PyMuPDF, when it is installed).

Texts other than MuPDF's are made once and kept in the temporary folder. pdftotext must be on the PATH.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

EXTRACTORS = ("pymupdf", "pdftotext", "pdfminer", "pdfium")


def pdf_bytes(repo: Path, stem: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:data/pdfs/{stem}.pdf"], capture_output=True
    ).stdout


def extract(data: bytes, extractor: str) -> str:
    """The text of a PDF (its bytes) as `extractor` ("pdftotext", "pymupdf", "pdfminer" or "pdfium") reads it."""
    if extractor == "pymupdf":
        return _mupdf(data)
    if extractor == "pdfium":
        from app.errors import InputError
        from app.io.pdf_file import pdf_text

        try:
            return pdf_text(data)
        except InputError:  # no text layer: an empty text, as the other extractors give
            return ""
    if extractor == "pdftotext":
        if not shutil.which("pdftotext"):
            raise SystemExit("pdftotext is not installed (Poppler's utilities)")
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
        ).stdout.decode("utf-8")
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(io.BytesIO(data), laparams=LAParams(boxes_flow=None))


def _mupdf(data: bytes) -> str:
    """Each page's text as PyMuPDF gives it, pages joined by a newline (as the mandate-pipeline texts were made)."""
    try:
        import pymupdf
    except ImportError:
        raise SystemExit("PyMuPDF is not installed (pip install pymupdf)") from None
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "\n".join(page.get_text() for page in doc)


def reextract(repo: Path, items: list[tuple[str, str]], extractor: str) -> list[tuple[str, str]]:
    """`items` (symbol, MuPDF text) with each text read from the draft's PDF by `extractor` instead; drafts
    without a PDF are left out."""
    if extractor == "pymupdf":
        return items
    cache = Path(tempfile.gettempdir()) / f"resolute-{extractor}"
    cache.mkdir(exist_ok=True)
    out = []
    for symbol, _ in items:
        stem = symbol.replace("/", "_")
        kept = cache / f"{stem}.txt"
        if not kept.exists():
            data = pdf_bytes(repo, stem)
            if not data:
                continue
            kept.write_bytes(extract(data, extractor).encode("utf-8"))
        out.append((symbol, kept.read_bytes().decode("utf-8")))  # as written: CR LF kept
    return out
