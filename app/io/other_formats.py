"""Files Resolute does not read, told apart by their first bytes, so that the message says what the file is
and what to do with it, instead of what it failed to be ("not UTF-8 text", "not valid JSON"); and PDFs, which
go to their own reader (app/io/pdf_file.py) whatever their name."""

from __future__ import annotations

import re

from app.errors import InputError
from app.messages import Message, say

COPY_TEXT = say("copy its text and paste it into a new draft or a .txt file, or open the Word version")
_PICTURE = say("Resolute reads text, not pictures of text: open the Word version or the text")

# (what the file begins with, what it is, what to do); each test looks at the first bytes only
_SIGNATURES: tuple[tuple[bytes, Message, Message], ...] = (
    (
        b"{\\rtf",
        say("a Rich Text (RTF) file"),
        say("save it as .docx in Word (File › Save As) and open that"),
    ),
    (b"\x89PNG\r\n\x1a\n", say("a PNG image"), _PICTURE),
    (b"\xff\xd8\xff", say("a JPEG image"), _PICTURE),
    (b"GIF87a", say("a GIF image"), _PICTURE),
    (b"GIF89a", say("a GIF image"), _PICTURE),
    (b"II*\x00", say("a TIFF image"), _PICTURE),
    (b"MM\x00*", say("a TIFF image"), _PICTURE),
)
_PDF = b"%PDF-"
_HEADER_LINE = re.compile(rb"(?:^|[\r\n])%PDF-\d\.\d")
_ODF = b"application/vnd.oasis.opendocument"  # an OpenDocument zip names its kind first, in "mimetype"
_HTML = (b"<!doctype html", b"<html")


def is_pdf(data: bytes) -> bool:
    """A PDF file, binary or all ASCII (a heap of text), by its first bytes: "%PDF-" within the first 1,024,
    where PDF viewers look for it (a file saved from a mail or a web server may carry a few lines before it):
    at a line's start with its version ("%PDF-1.7"), which a text that mentions PDFs does not give, and not in a
    zip (a Word file)."""
    head = data[:1024]
    if head.lstrip(b"\x00\t\r\n \xef\xbb\xbf").startswith(_PDF):
        return True
    return head[:2] != b"PK" and _HEADER_LINE.search(head) is not None


def refuse_other_format(data: bytes, name: str) -> None:
    """Raise InputError with what the file is, if it is a kind Resolute does not read; else return."""
    head = data[:1024]
    if head[:2] == b"PK":  # a zip: Word's, or OpenDocument's
        if _ODF in head:
            raise InputError(
                say(
                    "{name} is an OpenDocument file: save it as Word (.docx) in LibreOffice or Word and open that",
                    name=name,
                )
            )
        return
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(_HTML):
        raise InputError(say("{name} is a web page: {advice}", name=name, advice=COPY_TEXT))
    for start, kind, advice in _SIGNATURES:
        if head.startswith(start):
            raise InputError(say("{name} is {kind}: {advice}", name=name, kind=kind, advice=advice))
