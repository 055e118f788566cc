"""PDF files written byte by byte for the hostile tests: any object a test wants, in the order given, with a
correct cross-reference table (a file a PDF writer would never make, which is the point)."""

from __future__ import annotations


def pdf_of(objects: list[bytes | str]) -> bytes:
    """A PDF of `objects` (1: the catalog, 2: the page tree), with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + (body.encode("latin-1") if isinstance(body, str) else body)
        out += b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
