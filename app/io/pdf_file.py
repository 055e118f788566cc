"""Issued PDFs opened as they are: their text layer, as PDFium (the engine of Chrome's and Edge's PDF viewers)
gives it when a delegate copies the whole document, read by the text reader like any text copied from a PDF.

The text reader was measured on exactly this text (`scripts/false_alarms_l.py --extractor pdfium`), so opening
the PDF reads as well as pasting its text. A scan without a text layer, a password and a damaged file are each
said in one line; so is a PDF far longer than any resolution, before its pages are read.
"""

from __future__ import annotations

import ctypes
import re
import threading

from app.errors import InputError
from app.io.imported import ImportResult
from app.io.pdf_grid import PdfGrids

# The longest issued resolutions, annexes and all, run to about a hundred pages; a page takes about 15 ms to
# read, so 500 pages are read in seconds and a longer file is refused before its first page.
MAX_PAGES = 500
# Objects drawn on one page: issued pages have at most a few hundred (451 in the fixtures); PDFium's text of a
# page of a million took 13 s and 3 GB from a 30 KB file, so such a page is refused before its text is made.
MAX_PAGE_OBJECTS = 50_000
_PASSWORD = 4  # PDFium's FPDF_ERR_PASSWORD
_ITALIC = 64  # the italic flag of a PDF font descriptor (PDF 1.7, 5.7.1)
_WORD = re.compile(r"\w+")
_LOCK = threading.Lock()  # PDFium is not thread-safe: the editor may read while the command line does not


def pdf_text(data: bytes, name: str = "the file") -> str:
    """The text layer of a PDF's pages, each page's text as PDFium gives it, pages joined by a line break."""
    return pdf_layer(data, name)[0]


def pdf_layer(data: bytes, name: str = "the file", grids: PdfGrids | None = None) -> tuple[str, bytearray]:
    """The text of `pdf_text` and, for each of its characters, 1 where the PDF sets it in an italic font; with
    `grids`, the ruled tables found (app.io.pdf_grid) go there and their lines become marks in the text."""
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
            page_flags: list[bytearray] = []
            size = 0
            for number, page in enumerate(document, 1):
                text, flags = _page_text(page, f"{name}: page {number}", grids, number)
                size += len(flags) + 2  # the "\r\n" between pages
                if size > MAX_CHARS:
                    raise InputError(f"{name}: the text is too long to be a resolution")
                pages.append(text)
                page_flags.append(flags)
        except pypdfium2.PdfiumError:
            raise InputError(f"{name} is a damaged PDF file (a page cannot be read)") from None
        finally:
            document.close()
    if grids is not None and grids.tables:
        from app.io.pdf_grid_places import marked_pages

        pages, page_flags = marked_pages(pages, page_flags, grids.joined())
    text = "\r\n".join(pages)
    italic = bytearray(b"\0\0").join(page_flags)
    if not text.strip():
        raise InputError(
            f"{name} has no text layer (a scan, or pictures of text): open the Word version or the text"
        )
    return text, italic


def _page_text(page, where: str, grids: PdfGrids | None = None, number: int = 0) -> tuple[str, bytearray]:  # noqa: ANN001
    """One page's text and its italic flags (and its ruled tables, into `grids`), unless the page draws more
    objects than any page of text."""
    from pypdfium2 import raw  # PDFium's C interface

    try:
        if raw.FPDFPage_CountObjects(page.raw) > MAX_PAGE_OBJECTS:
            raise InputError(f"{where} draws far more than a page of text")
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            if grids is not None:
                grids.read_page(page, textpage, text, number)
            return text, _italic_flags(raw, textpage.raw, text)
        finally:
            textpage.close()
    finally:
        page.close()


def _italic_flags(raw, textpage, text: str) -> bytearray:  # noqa: ANN001 (PDFium's interface and text page)
    """1 for each letter of `text` set in an italic font (the font descriptor's italic flag, or a font named
    so); all 0 when PDFium's characters do not map one to one onto the text (characters beyond 16 bits)."""
    flags = bytearray(len(text))
    if raw.FPDFText_CountChars(textpage) != len(text):
        return flags
    font_flags, name = ctypes.c_int(), ctypes.create_string_buffer(128)

    def italic(i: int) -> bool:
        raw.FPDFText_GetFontInfo(textpage, i, name, len(name), ctypes.byref(font_flags))
        return bool(font_flags.value & _ITALIC) or b"Italic" in name.value or b"Oblique" in name.value

    for m in _WORD.finditer(text):  # a word is italic when its first and its last letter are
        if italic(m.start()) and italic(m.end() - 1):
            flags[m.start() : m.end()] = b"\1" * (m.end() - m.start())
    return flags


def read_pdf(data: bytes, name: str = "") -> ImportResult:
    """Read an issued PDF (a draft, an adopted resolution) through its text layer, with the PDF's italics."""
    from app.io.pdf_grid_places import place_tables
    from app.io.pdf_italics import PdfWords, set_pdf_italics
    from app.io.text_reader import read_text

    grids = PdfGrids()
    text, italic = pdf_layer(data, name or "the file", grids)
    result = read_text(text)
    if grids.tables and not place_tables(result.resolution, grids.tables):
        # a table's place was not found: the text read as it was, tables kept as text
        text, italic = pdf_layer(data, name or "the file")
        result = read_text(text)
    set_pdf_italics(result.resolution, PdfWords.of(text, italic))
    return result
