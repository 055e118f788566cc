"""Issued PDFs opened as they are: their text layer, as PDFium (the engine of Chrome's and Edge's PDF viewers)
gives it when a delegate copies the whole document, read by the text reader like any text copied from a PDF.

The text reader was measured on exactly this text (`scripts/false_alarms_l.py --extractor pdfium`), so opening
the PDF reads as well as pasting its text. A scan without a text layer, a password and a damaged file are each
said in one line; so is a PDF far longer than any resolution, before its pages are read.
"""

from __future__ import annotations

import threading

from app.errors import InputError
from app.io.imported import ImportResult

MAX_PAGES = 2_000  # the longest issued resolutions with annexes run to a few hundred pages
# Objects drawn on one page: issued pages have at most a few hundred (451 in the fixtures); PDFium's text of a
# page of a million took 13 s and 3 GB from a 30 KB file, so such a page is refused before its text is made.
MAX_PAGE_OBJECTS = 50_000
_PASSWORD = 4  # PDFium's FPDF_ERR_PASSWORD
_LOCK = threading.Lock()  # PDFium is not thread-safe: the editor may read while the command line does not


def pdf_text(data: bytes, name: str = "the file") -> str:
    """The text layer of a PDF's pages, each page's text as PDFium gives it, pages joined by a line break."""
    from app.io.text_reader import MAX_CHARS

    try:
        import pypdfium2
    except ImportError:  # an installation without it: say what still works
        raise InputError(
            f"{name} is a PDF file and this installation cannot read PDFs: copy its text and paste it into a "
            "new draft or a .txt file, or open the Word version"
        ) from None
    with _LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            if getattr(exc, "err_code", None) == _PASSWORD:
                raise InputError(
                    f"{name} is a password-protected PDF: open it in a PDF viewer and copy its text"
                ) from None
            raise InputError(f"{name} is a damaged PDF file (it cannot be opened)") from None
        try:
            if len(document) > MAX_PAGES:
                raise InputError(f"{name} has {len(document):,} pages, far more than a resolution")
            pages: list[str] = []
            size = 0
            for number, page in enumerate(document, 1):
                text = _page_text(page, f"{name}: page {number}")
                size += len(text)
                if size > MAX_CHARS:
                    raise InputError(f"{name}: the text is too long to be a resolution")
                pages.append(text)
        except pypdfium2.PdfiumError:
            raise InputError(f"{name} is a damaged PDF file (a page cannot be read)") from None
        finally:
            document.close()
    text = "\r\n".join(pages)
    if not text.strip():
        raise InputError(
            f"{name} has no text layer (a scan, or pictures of text): open the Word version or the text"
        )
    return text


def _page_text(page, where: str) -> str:  # noqa: ANN001 (a pypdfium2.PdfPage)
    """One page's text, unless the page draws more objects than any page of text (then refused)."""
    from pypdfium2 import raw  # PDFium's C interface

    try:
        if raw.FPDFPage_CountObjects(page.raw) > MAX_PAGE_OBJECTS:
            raise InputError(f"{where} draws far more than a page of text")
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


def read_pdf(data: bytes, name: str = "") -> ImportResult:
    """Read an issued PDF (a draft, an adopted resolution) through its text layer."""
    from app.io.text_reader import read_text

    return read_text(pdf_text(data, name or "the file"))
