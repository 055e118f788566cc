"""Issued PDFs opened as they are: their text layer, as PDFium (the engine of Chrome's and Edge's PDF viewers)
gives it when a delegate copies the whole document, read by the text reader like any text copied from a PDF.

The text reader was measured on exactly this text (`scripts/false_alarms_l.py --extractor pdfium`), so opening
the PDF reads as well as pasting its text. A scan without a text layer, a password and a damaged file are each
said in one line; so is a PDF far longer than any resolution, before its pages are read.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import threading
from collections.abc import Callable

from app import cancelling
from app.errors import InputError
from app.io.imported import ImportResult
from app.io.other_formats import COPY_TEXT
from app.io.pdf_grid import PdfGrids
from app.messages import say

# The longest issued resolutions, annexes and all, run to about a hundred pages; a page takes about 15 ms to
# read, so 500 pages are read in seconds and a longer file is refused before its first page.
MAX_PAGES = 500
# Objects drawn on one page: issued pages have at most a few hundred (451 in the fixtures); PDFium's text of a
# page of a million took 13 s and 3 GB from a 30 KB file, so such a page is refused before its text is made.
MAX_PAGE_OBJECTS = 50_000
# Objects drawn through form XObjects (a drawing reused by name) count too, each use once more: a page of 11
# objects drew 100,000 words through three nested forms. PDFium's text of objects inside forms grows with their
# square (10,000: 1 s; 48,000: 29 s), and issued pages draw none (0 in the 62 PDFs of the fixtures and corpus).
MAX_FORM_OBJECTS = 2_000
# Objects drawn by all pages: pages may share one content stream, so 500 pages of 49,000 objects each came from a
# 380 KB file (184 s). Issued PDFs draw at most 451 a page; 500 such pages are 225,000.
MAX_DOCUMENT_OBJECTS = 1_000_000
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
            say(
                "{name} is a PDF file and this installation cannot read PDFs: {advice}",
                name=name,
                advice=COPY_TEXT,
            )
        ) from None
    with _LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            if getattr(exc, "err_code", None) == _PASSWORD:
                raise InputError(
                    say(
                        "{name} is a password-protected PDF: open it in a PDF viewer and copy its text",
                        name=name,
                    )
                ) from None
            raise InputError(say("{name} is a damaged PDF file (it cannot be opened)", name=name)) from None
        try:
            if len(document) > MAX_PAGES:
                raise InputError(
                    say(
                        "{name} has {count} pages, far more than a resolution", name=name, count=len(document)
                    )
                )
            from app.io.pdf_probe import pages_apart

            bounds = (MAX_PAGE_OBJECTS, MAX_FORM_OBJECTS, MAX_CHARS)
            tables = grids is not None
            read = pages_apart(data, name, bounds, tables)
            pages, page_flags, found = (
                read
                if read is not None
                else read_pages(document, name, bounds, cancelling.check, tables=tables)
            )
        except pypdfium2.PdfiumError:
            raise InputError(say("{name} is a damaged PDF file (a page cannot be read)", name=name)) from None
        finally:
            document.close()
    if grids is not None and found is not None:
        grids.tables, grids.chars = found.tables, found.chars  # read where the pages were read
    if grids is not None and grids.tables:
        from app.io.pdf_grid_places import holds_marks, marked_pages

        if holds_marks(pages):
            grids.tables = []
        else:
            pages, page_flags = marked_pages(pages, page_flags, grids.joined())
    text = "\r\n".join(pages)
    italic = bytearray(b"\0\0").join(page_flags)
    if not text.strip():
        raise InputError(
            say(
                "{name} has no text layer (a scan, or pictures of text): open the Word version or the text",
                name=name,
            )
        )
    return text, italic


def read_pages(
    document,  # noqa: ANN001 (a pypdfium2.PdfDocument)
    name: str,
    bounds: tuple[int, int, int],
    progress: Callable[[int], None] | None = None,
    *,
    tables: bool = False,
) -> tuple[list[str], list[bytearray], PdfGrids | None]:
    """Each page's text and italic flags, within `bounds` (objects a page draws, objects drawn through forms,
    characters in all), and with `tables` the ruled tables found (app.io.pdf_grid); `progress` is told each
    page's number before the page is loaded."""
    pages: list[str] = []
    page_flags: list[bytearray] = []
    grids = PdfGrids() if tables else None
    drawn = size = 0
    for number in range(1, len(document) + 1):
        if progress is not None:
            progress(number)
        where = say("{name}: page {number}", name=name, number=number)
        text, flags, objects = _page_text(document[number - 1], where, bounds[:2], grids, number)
        drawn += objects
        if drawn > MAX_DOCUMENT_OBJECTS:
            raise InputError(say("{name}: its pages draw far more than the pages of a resolution", name=name))
        size += len(flags) + 2  # the "\r\n" between pages
        if size > bounds[2]:
            raise InputError(say("{name}: the text is too long to be a resolution", name=name))
        pages.append(text)
        page_flags.append(flags)
    return pages, page_flags, grids


def _page_text(
    page,  # noqa: ANN001 (a pypdfium2.PdfPage)
    where: str,
    bounds: tuple[int, int],
    grids: PdfGrids | None = None,
    number: int = 0,
) -> tuple[str, bytearray, int]:
    """One page's text, its italic flags and the objects it draws (and its ruled tables, into `grids`), unless
    it draws more than any page of text."""
    from pypdfium2 import raw  # PDFium's C interface

    try:
        drawn = refuse_crowded(page, where, bounds)
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            if grids is not None:
                grids.read_page(page, textpage, text, number)
            return text, _italic_flags(raw, textpage.raw, text), drawn
        finally:
            textpage.close()
    finally:
        page.close()


def refuse_crowded(page, where: str, bounds: tuple[int, int]) -> int:  # noqa: ANN001 (a pypdfium2.PdfPage)
    """The objects the page draws; InputError when they are more than `bounds` allow: in all, and through form
    XObjects. The walk stops at the bound, so it costs no more than the bound whatever the forms hold."""
    from pypdfium2 import raw

    most, most_in_forms = bounds
    drawn, in_forms = raw.FPDFPage_CountObjects(page.raw), 0
    forms = [raw.FPDFPage_GetObject(page.raw, i) for i in range(min(drawn, most + 1))]
    forms = [o for o in forms if raw.FPDFPageObj_GetType(o) == raw.FPDF_PAGEOBJ_FORM]
    while forms and drawn <= most and in_forms <= most_in_forms:
        form = forms.pop()
        inside = raw.FPDFFormObj_CountObjects(form)
        drawn, in_forms = drawn + max(inside, 0), in_forms + max(inside, 0)
        for k in range(min(inside, most_in_forms + 1)):
            obj = raw.FPDFFormObj_GetObject(form, k)
            if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
                forms.append(obj)
    if drawn > most or in_forms > most_in_forms:
        raise InputError(say("{where} draws far more than a page of text", where=where))
    return drawn


def _italic_flags(raw, textpage, text: str) -> bytearray:  # noqa: ANN001 (PDFium's interface and text page)
    """1 for each letter of `text` set in an italic font (the font descriptor's italic flag, or a font named
    so), letter by letter where a word's first and last letters differ: a word may be set partly in italics
    ("Urge" italic, "s" roman, A/RES/79/183)."""
    flags = bytearray(len(text))
    font_flags, name = ctypes.c_int(), ctypes.create_string_buffer(128)

    def italic(i: int) -> bool:
        raw.FPDFText_GetFontInfo(textpage, i, name, len(name), ctypes.byref(font_flags))
        return bool(font_flags.value & _ITALIC) or b"Italic" in name.value or b"Oblique" in name.value

    at = _pdfium_index(text, raw.FPDFText_CountChars(textpage))
    if at is None:
        return flags
    for m in _WORD.finditer(text):  # a word's letters between two of one style are taken to share it
        first, last = italic(at(m.start())), italic(at(m.end() - 1))
        if first == last:
            flags[m.start() : m.end()] = (b"\1" if first else b"\0") * (m.end() - m.start())
        else:
            for k in range(m.start(), m.end()):
                flags[k] = italic(at(k))
    return flags


def _pdfium_index(text: str, count: int):  # noqa: ANN202 (a function of an index, or None)
    """PDFium's character index of each index of `text`, or None when they cannot be matched. PDFium counts a
    character beyond 16 bits once where the text has it once, or twice (its two UTF-16 halves) where PDFium
    was built with 16-bit characters; either way the letters after it keep their own index."""
    if count == len(text):
        return lambda k: k
    wide = [k for k, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if count != len(text) + len(wide):
        return None
    return lambda k: k + bisect.bisect_left(wide, k)


def read_pdf(data: bytes, name: str = "") -> ImportResult:
    """Read an issued PDF (a draft, an adopted resolution) through its text layer, with the PDF's italics."""
    from app.io.pdf_grid_places import place_tables
    from app.io.pdf_italics import PdfWords, set_pdf_italics
    from app.io.text_reader import Unarranged, read_text

    grids = PdfGrids()
    text, italic = pdf_layer(data, name or "the file", grids)
    try:  # the tables set before the import settles ends and names paragraphs: the marks are no paragraphs
        result = read_text(
            text, arrange=(lambda res: place_tables(res, grids.tables)) if grids.tables else None
        )
    except Unarranged:  # a table's place was not found: the text read as it was, tables kept as text
        text, italic = pdf_layer(data, name or "the file")
        result = read_text(text)
    set_pdf_italics(result.resolution, PdfWords.of(text, italic))
    return result
