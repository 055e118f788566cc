"""The text lines of a PDF with their characters, as pdfminer reads them: shared by the tests that take their
expected answers from an issued PDF's typography (fonts, sizes, positions)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def text_lines(pdf: Path) -> Iterator[tuple[int, object, list]]:
    """(page index, the LTTextLine, its LTChar characters) for every line with characters, page by page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    for index, page in enumerate(extract_pages(str(pdf))):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if isinstance(line, LTTextLine):
                    chars = [c for c in line if isinstance(c, LTChar)]
                    if chars:
                        yield index, line, chars
