"""A draft submitted by the Chair, a Vice-Chair or the President: no sponsors, the line kept as issued."""

from __future__ import annotations

import re
from pathlib import Path

from app.conventions.engine import check_document
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.render import render

ISSUED = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "A_C.2_80_L.44.txt"


def _issued_line_and_title() -> tuple[str, str]:
    """From the issued text: the 'Draft resolution submitted by ...' lines and the title block after them."""
    blocks = [
        " ".join(line.strip() for line in b.splitlines() if line.strip())
        for b in re.split(r"\n\s*\n", ISSUED.read_text(encoding="utf-8"))
    ]
    blocks = [b for b in blocks if b]
    at = next(i for i, b in enumerate(blocks) if b.startswith("Draft resolution submitted by"))
    return blocks[at], blocks[at + 1]


def test_an_issued_vice_chairs_draft_reads_with_its_line_agenda_title_and_title() -> None:
    line, title = _issued_line_and_title()
    res = read_document(ISSUED).resolution
    assert res.header.sponsors == []
    assert render(res).sponsor_line == line
    assert res.title == title
    assert res.header.agenda_items and res.header.agenda_items[0].title  # the agenda title is not swallowed
    assert not any(f.rule.startswith("sponsors.") for f in check_document(res, style=False))


def test_the_line_survives_word_and_text() -> None:
    line, _ = _issued_line_and_title()
    res = read_document(ISSUED).resolution
    for back in (read_docx(build_docx(res)).resolution, read_text(to_text(res)).resolution):
        assert back.header.sponsors == [] and render(back).sponsor_line == line
