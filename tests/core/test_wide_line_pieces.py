"""A justified line set wide comes out of pdftotext a few words at a time, each piece after a blank line, and its
first words stacked over the paragraph's next line:

    encouraging Member
    recommendations,

    States

    to

    implement …

The pieces go back between the two. The answer is the UN's XML of the same resolution: the paragraph's words from
where the wide line starts to its end, in order (A/RES/79/8, 78/319 and 79/81, development half; sources in
tests/fixtures/reading/README.md); the page-break case of A/C.1/80/L.15 is read against its opened PDF.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app import inline
from app.io.akn_reader import read_akn
from app.io.reading import read_document
from app.io.reading_order import wide_line_pieces
from app.io.text_blocks import starts_block
from app.io.text_reader import read_text
from app.model import Paragraph, Resolution

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"


def _paragraphs(res: Resolution) -> list[Paragraph]:
    out: list[Paragraph] = []
    todo = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    while todo:
        para = todo.pop(0)
        out.append(para)
        todo[:0] = para.subparagraphs
    return out


def _words(para: Paragraph) -> list[str]:
    return inline.plain(f"{para.opener} {para.text} {para.tail}").replace("\u2011", "-").split()


def _stacked_start(layer: str) -> str:
    """The wide line's first words as the layer sets them: the line over the paragraph's next line, before the
    blank-separated pieces."""
    lines = layer.split("\n")
    pieces, _ = wide_line_pieces(lines, [0] * len(lines), starts_block)
    moved = next(i for i, (a, b) in enumerate(zip(lines, pieces, strict=False)) if a != b)
    return lines[moved]


@pytest.mark.parametrize(
    ("stem", "xml"),
    [
        ("A_RES_79_8", "A_RES_79_8-2421179E.xml"),
        ("A_RES_78_319", "A_RES_78_319-2414122E.xml"),
        # two pieces, a year among them: "of 6 December" / … / "2018," / "entitled"
        ("A_RES_79_81", "A_RES_79_81-2423037E.xml"),
    ],
)
def test_the_pieces_of_a_wide_line_go_back_in_the_paragraph(stem: str, xml: str) -> None:
    layer = (LAYERS / f"{stem}-pdftotext.txt").read_text(encoding="utf-8")
    start = _stacked_start(layer).strip().split()
    issued = next(
        words
        for p in _paragraphs(read_akn((LAYERS / xml).read_bytes()).resolution)
        if (words := _words(p)) and any(words[k : k + len(start)] == start for k in range(len(words)))
    )
    at = next(k for k in range(len(issued)) if issued[k : k + len(start)] == start)
    wanted = issued[at:]  # from the wide line's first words to the paragraph's end, as the UN printed them
    read = [_words(p) for p in _paragraphs(read_text(layer).resolution)]
    assert any(words[k : k + len(wanted)] == wanted for words in read for k in range(len(words))), wanted


def test_at_a_pages_foot_the_paragraph_reads_as_printed() -> None:
    printed = read_document(LAYERS / "A_C.1_80_L.15.pdf").resolution
    res = read_text((LAYERS / "A_C.1_80_L.15-pdftotext.txt").read_text(encoding="utf-8")).resolution
    assert [_words(p) for p in res.preamble] == [_words(p) for p in printed.preamble]


def test_short_lines_that_make_no_printed_line_stay_where_they_are() -> None:
    # a list of short items under a line that ends no phrase: their words with the first line's fill no printed
    # line, and the text after them opens nothing, so they are no wide line's pieces
    lines = [
        "have not yet commenced,",
        "Noting",
        "the list below:",
        "",
        "alpha",
        "",
        "beta",
        "",
        "gamma",
        "",
        "delta",
    ]
    assert wide_line_pieces(lines, [0] * len(lines), starts_block)[0] == lines


def test_a_lone_piece_that_is_a_symbol_goes_back_when_it_cannot_end_the_paragraph() -> None:
    # A/RES/78/69 through pdftotext (development half), paragraph 61 as the layer sets it; the UN's XML prints
    # "… decisions ISBA/28/C/9, ISBA/28/C/24 and ISBA/28/C/25 at its twenty-eighth session;"
    lines = [
        "61. Notes the adoption by the Council of decisions",
        "ISBA/28/C/24 and ISBA/28/C/25 at its twenty-eighth session;",
        "",
        "ISBA/28/C/9,",
        "",
        "62. Also notes the decisions adopted to create the position of interim director",
    ]
    read, _ = wide_line_pieces(lines, [0] * len(lines), starts_block)
    assert read[:2] == [
        "61. Notes the adoption by the Council of decisions ISBA/28/C/9,",
        "ISBA/28/C/24 and ISBA/28/C/25 at its twenty-eighth session;",
    ]
    # a lone piece that may end a paragraph stays where it is
    ended = [*lines[:3], "ISBA/28/C/9.", *lines[4:]]
    assert wide_line_pieces(ended, [0] * len(ended), starts_block)[0] == ended
